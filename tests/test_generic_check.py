"""check: generic-sentence inside the engine: findings, offsets, params, the score."""

from __future__ import annotations

import pytest

from standout.checks.base import EngineParts
from standout.checks.generic_sentence import GenericSentences
from standout.rulebook import Rule, RuleError

RULE = "generic.anyones-sentence"
STOCK = "I am happy to take on whatever tasks are needed and I always get things done."
CONCRETE = "Last spring I rebuilt the rota for our 14 drivers, and overtime fell by a third."


def generic(report):
    return [f for f in report.findings if f.rule == RULE]


def test_an_unlisted_stock_sentence_gets_a_warning_that_says_why(linter):
    [finding] = generic(linter.check(STOCK))
    assert (finding.start, finding.end, finding.severity) == (0, len(STOCK), "warning")
    assert finding.message.startswith("This sentence could be in anyone's letter")
    assert "detail only you can give" in finding.advice
    assert finding.category == "generic"


def test_the_rest_of_a_sentence_beside_a_phrase_finding(linter):
    text = ("I would love to give everything I have to Northgate Freight and contribute to "
            "its success.")
    report = linter.check(text, {"company": "Northgate Freight"})
    [finding] = generic(report)
    assert finding.text == "I would love to give everything I have to Northgate Freight"
    assert finding.message.startswith("The rest of this sentence could be")
    others = [f for f in report.findings if f.rule != RULE]
    assert others and all(f.start >= finding.end for f in others)  # no word underlined twice


def test_offsets_are_python_indices_with_emoji_and_crlf(linter):
    text = f"Hi 👋🏽,\r\n\r\n{CONCRETE}\r\n{STOCK}\r\n\r\nThanks 🙏 again!"
    [finding] = generic(linter.check(text))
    assert finding.text == text[finding.start : finding.end] == STOCK


def test_a_reference_judges_its_candidates_sentences_in_the_third_person(linter):
    """In a reference "she" speaks for the candidate: her stock sentence is anyone's, as
    it would be in the first person; outside one, "she" may be anyone, so it is left."""
    praise = "She is happy to take on whatever tasks are needed and always gets things done."
    reference = (f"Dear Mr Lund,\n\nI am pleased to recommend Ana Ruiz for the post.\n\n"
                 f"{praise}\n\nYours sincerely,\nJo Pike")
    [finding] = generic(linter.check(reference))
    assert finding.text == praise
    letter = reference.replace("I am pleased to recommend Ana Ruiz for the post.",
                               "My manager told me about the post.")
    assert generic(linter.check(letter)) == []


@pytest.mark.parametrize("praise", [
    "Ana is happy to take on whatever tasks are needed and always gets things done.",
    "Ana's commitment to the team is clear to everyone who works alongside the department.",
])
def test_a_reference_judges_the_sentences_that_open_with_its_candidates_name(linter, praise):
    """"Ana is ..." in a reference about Ana is her stock sentence, read as "I am ..."; the
    candidate's own name is no evidence. Another person's name opening a sentence is."""
    reference = (f"Dear Mr Lund,\n\nI am pleased to recommend Ana Ruiz for the post.\n\n"
                 f"{praise}\n\nYours sincerely,\nJo Pike")
    [finding] = generic(linter.check(reference))
    assert finding.text == praise
    other = reference.replace("recommend Ana Ruiz", "recommend Bea Ruiz")
    assert generic(linter.check(other)) == []
    told = reference.replace(praise, "Ana rebuilt the rota for our 14 drivers in May 2023.")
    assert generic(linter.check(told)) == []


def test_a_cliche_sentence_about_life_at_home_is_not_anyones_letter(linter):
    """A stock sentence about a slow cooker is the writer's own life: at most info."""
    text = "I believe this slow cooker would be an asset to any busy household, truly."
    found = generic(linter.check(text))
    work = generic(linter.check(text.replace("slow cooker", "new hire")))
    assert [f.severity for f in found] in ([], ["info"])
    assert [f.severity for f in work] == ["warning"]


def test_specific_text_and_plain_lines_get_nothing(linter):
    text = f"{CONCRETE}\n\nMy notice period is four weeks.\n\nKind regards,\nSam"
    assert generic(linter.check(text)) == []


def test_the_check_can_be_turned_off(linter):
    assert generic(linter.check(STOCK, disabled_rules=[RULE])) == []
    assert generic(linter.check(STOCK, disabled_categories=["generic"])) == []


def test_its_findings_lower_the_score(linter):
    text = f"{STOCK} I love making things that make people's lives better every single day."
    with_check = linter.check(text).score
    without = linter.check(text, disabled_categories=["generic"]).score
    assert with_check < without


def rule_with(linter, params) -> Rule:
    base = linter.rulebook[RULE]
    return Rule(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, "params": params})


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"warning_at": 1.5}, "between 0 and 1"),
        ({"min_words": 2.5}, "must be an integer"),
        ({"info_at": True}, "between 0 and 1"),
        ({"threshold": 0.3}, "unknown param 'threshold'"),
        ({"warning_at": 0.6, "info_at": 0.8}, "must not exceed"),
    ],
)
def test_bad_params_name_the_rule(linter, params, problem):
    with pytest.raises(RuleError) as error:
        GenericSentences([rule_with(linter, params)], EngineParts(linter.nlp, linter.rulebook))
    assert RULE in str(error.value) and problem in str(error.value)


def test_params_set_the_severity(linter):
    detector = GenericSentences([rule_with(linter, {"warning_at": 1.0, "info_at": 0.5})],
                                EngineParts(linter.nlp, linter.rulebook))
    from standout.context import Context

    [candidate] = detector.candidates(linter.analyse(STOCK), Context())
    assert candidate.severity == "info"


def test_the_employer_and_the_role_are_not_specifics_in_the_score(linter):
    text = "The Transport Planner post at Northgate Freight suits me."
    bare = linter.check(text)
    assert bare.stats["specifics"]["names"] == 2
    placed = linter.check(text, {"company": "Northgate Freight Ltd", "role": "Transport Planner"})
    assert placed.stats["specifics"]["names"] == 0
    assert placed.score < bare.score
    other = linter.check(text, {"company": "Globex"})
    assert other.stats["specifics"]["names"] == 2


def test_words_of_the_role_count_whatever_the_punctuation(linter):
    text = "I ran the Administrative side of the Housing Services desk."
    role = "Administrative Officer (Housing Services)"
    assert linter.check(text).stats["specifics"]["names"] == 2
    assert linter.check(text, {"role": role}).stats["specifics"]["names"] == 0


def test_details_inside_a_stock_sentence_count_once_it_is_rewritten(linter):
    stock = "Please accept this letter as my application for the Grade 4 post."
    rewritten = "The Grade 4 post suits me."
    flagged = linter.check(stock)
    assert any(f.severity == "warning" for f in flagged.findings)
    assert flagged.stats["specifics"]["total"] == 0
    assert linter.check(rewritten).stats["specifics"]["total"] == 1  # "Grade 4": one name
    backed = linter.check("I am detail-oriented: at Acme I caught a $40,000 error.")
    assert backed.stats["specifics"]["total"] >= 2  # a backed claim is info: evidence counts


@pytest.mark.parametrize("spoken", [
    "I reckon I am happy to take on whatever tasks are needed and I always get things done.",
    "I am happy to take on whatever tasks are needed and I always get stuff done.",
])
def test_a_sentence_in_the_writers_own_voice_is_at_most_info(linter, spoken):
    """A word of a spoken register ("reckon", "stuff": models/wordlists/own-voice.txt) is
    not how template sentences are written: the model's verdict drops to info."""
    assert [f.severity for f in generic(linter.check(STOCK))] == ["warning"]
    assert [f.severity for f in generic(linter.check(spoken))] in (["info"], [])


def test_a_line_that_continues_a_broken_sentence_is_at_most_info(linter):
    """A whole sentence starting in lowercase is a line the layout broke off its start."""
    broken = STOCK[0].lower() + STOCK[1:].replace("I am", "am", 1)
    assert [f.severity for f in generic(linter.check(STOCK))] == ["warning"]
    assert "warning" not in [f.severity for f in generic(linter.check("and " + broken))]


def test_a_sentence_that_promises_its_evidence_points_at_the_next(linter):
    promise = STOCK.rstrip(".") + ", and I can show it."
    alone = generic(linter.check(promise))
    followed = generic(linter.check(f"{promise} {CONCRETE}"))
    assert [f.severity for f in alone] == ["warning"]
    assert [f.severity for f in followed] == ["info"]


def test_a_claim_followed_by_its_example_in_full_is_at_most_info(linter):
    example = "Last spring I rebuilt the rota for our 14 drivers at Harlan Foods."
    vague = "Things at work went fine for everyone involved."
    assert [f.severity for f in generic(linter.check(f"{STOCK} {vague}"))
            if f.start == 0] == ["warning"]
    assert [f.severity for f in generic(linter.check(f"{STOCK} {example}"))] == ["info"]


def test_a_sentence_that_names_the_kind_of_what_came_before_points_back(linter):
    wish = "I want to work somewhere that takes {} seriously."
    before = "At my last job the food always went out within five minutes. "
    assert [f.severity for f in generic(linter.check(before + wish.format("customers")))
            if f.start > 0] == ["warning"]
    assert [f.severity for f in generic(linter.check(before + wish.format("that kind of timing")))
            if f.start > 0] == ["info"]


def test_one_named_qualification_is_not_an_example_told_in_full(linter):
    wish = "I would hope to gain further qualifications to support my professional development."
    one = "I have already completed an ILM Level 2 Award in Team Leading."
    two = "In 2023 I completed an ILM Level 2 Award in Team Leading at Harlan Foods."
    assert [f.severity for f in generic(linter.check(f"{wish} {one}"))] == ["warning"]
    assert [f.severity for f in generic(linter.check(f"{wish} {two}"))] == ["info"]


def test_a_sentence_that_ends_on_what_came_before_points_back(linter):
    before = "Marrick's cost database covers six school extensions over three years. "
    assert [f.severity for f in generic(linter.check(
        before + "I'd like to be the person who builds the future."))
        if f.start > 0] == ["warning"]
    assert [f.severity for f in generic(linter.check(
        before + "I'd like to be the person who builds it."))
        if f.start > 0] == ["info"]


def test_a_plan_in_the_readers_own_terms_is_not_warned(linter):
    """A sentence the model finds only a little generic (about 0.91: it has seen many "the
    first thing I would ..." lines) is at most an info: warnings start at 0.92, where the
    blind sets' wrong warnings on specific texts ended (docs/generic-model.md)."""
    plan = ("The first thing I would look forward to is reading your complaints log to see "
            "which problems come up most.")
    assert [f.severity for f in generic(linter.check(plan))] in ([], ["info"])
    assert [f.severity for f in generic(linter.check(STOCK))] == ["warning"]
