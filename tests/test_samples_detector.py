"""The sample check: light edits are seen through, spans and messages are right,
original writing passes, the caches change nothing, and the rule's params are checked."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_texts import (
    FAILURE_REORDERED,
    LEADERSHIP_INSERTED,
    ORIGINAL_ANSWERS,
    OWN_PARAGRAPH,
    RULE,
    STRENGTH_SYNONYMS,
)

from standout import Linter
from standout.rulebook import Rule, RuleError
from standout.samples.decision import percent
from standout.samples.matcher import SampleMatcher


@pytest.fixture(scope="module")
def matcher(linter) -> SampleMatcher:
    return linter.samples


def sample_findings(linter: Linter, text: str, context=None):
    return [f for f in linter.check(text, context).findings if f.rule == RULE]


@pytest.mark.parametrize(
    ("text", "sample"),
    [
        (STRENGTH_SYNONYMS, "strength-2"),
        (FAILURE_REORDERED, "failure-3"),
        (LEADERSHIP_INSERTED, "leadership-1"),
    ],
    ids=["synonyms-and-names", "reordered-and-dropped", "sentence-inserted"],
)
def test_light_edits_are_seen_through(linter, matcher, text, sample):
    matches = matcher.matches(linter.analyse(text))
    assert [m.sample.id for m in matches] == [sample]
    assert matches[0].share > 0.7


def test_the_finding_covers_the_copied_paragraph_only(linter):
    text = f"Dear Ms Okafor,\n\n{OWN_PARAGRAPH}\n\n{STRENGTH_SYNONYMS}\n\nKind regards,\nSam"
    (finding,) = sample_findings(linter, text)
    start = text.index("I would say")
    assert (finding.start, finding.end) == (start, start + len(STRENGTH_SYNONYMS))
    assert finding.text == text[finding.start : finding.end]
    assert finding.category == "sample"
    assert finding.message.startswith("Nearly all of this paragraph follows the sample answer"
                                      " 'What is your greatest strength? (2)'")
    assert "own experience" in finding.advice


def test_a_copied_passage_inside_a_longer_paragraph_is_the_span(linter):
    text = f"{OWN_PARAGRAPH} {LEADERSHIP_INSERTED} {OWN_PARAGRAPH}"
    (finding,) = sample_findings(linter, text)
    assert finding.text.startswith("In my previous role")
    assert finding.text.endswith("promoted to team lead.")
    assert "of this paragraph follows the sample answer 'Tell me about a time you showed" in (
        finding.message
    )


def test_severity_grows_with_the_overlap(linter, matcher):
    # all of it; about half of it (two of five sentences, in a paragraph of the writer's own)
    full = matcher.matches(linter.analyse(FAILURE_REORDERED))[0]
    half_text = (
        "I once made an error in a report that I sent to a client. As soon as I realized the"
        " mistake, I contacted the client, apologized and sent a corrected version. "
        + ORIGINAL_ANSWERS[2]
    )
    half = matcher.matches(linter.analyse(half_text))[0]
    assert full.sample.id == half.sample.id == "failure-3"
    assert half.share < full.share
    ranks = {"info": 1, "warning": 2, "error": 3}
    assert ranks[half.severity] < ranks[full.severity]
    assert full.severity == "error"


def test_two_samples_in_two_paragraphs_give_two_findings(linter):
    text = f"{STRENGTH_SYNONYMS}\n\n{LEADERSHIP_INSERTED}"
    findings = sample_findings(linter, text)
    assert len(findings) == 2
    assert "(2)'" in findings[0].message and "leadership" in findings[1].message


@pytest.mark.parametrize("text", ORIGINAL_ANSWERS)
def test_original_answers_pass(linter, text):
    assert sample_findings(linter, text) == []


def test_one_stock_sentence_is_not_a_sample(linter):
    text = f"{OWN_PARAGRAPH} Thank you for your time and consideration."
    assert sample_findings(linter, text) == []


def test_disabling_the_rule_or_category_turns_it_off(linter):
    assert [f for f in linter.check(STRENGTH_SYNONYMS, disabled_rules=[RULE]).findings
            if f.rule == RULE] == []
    assert [f for f in linter.check(STRENGTH_SYNONYMS, disabled_categories=["sample"]).findings
            if f.category == "sample"] == []


def test_an_edit_in_another_paragraph_is_matched_afresh(linter, matcher):
    first = f"{OWN_PARAGRAPH}\n\n{STRENGTH_SYNONYMS}"
    found = matcher.matches(linter.analyse(first))
    assert [m.sample.id for m in found] == ["strength-2"]
    assert matcher.matches(linter.analyse(first)) == found
    edited = f"{OWN_PARAGRAPH}\n\n{FAILURE_REORDERED}"
    assert [m.sample.id for m in matcher.matches(linter.analyse(edited))] == ["failure-3"]


PARAGRAPHS = [OWN_PARAGRAPH, STRENGTH_SYNONYMS, FAILURE_REORDERED, LEADERSHIP_INSERTED,
              *ORIGINAL_ANSWERS]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=4),
                min_size=1, max_size=5))
def test_the_caches_change_nothing_but_speed(linter, matcher, letters):
    """Texts, and edits of them, match the same with the paragraph and text caches as without."""
    uncached = SampleMatcher(linter.rulebook[RULE], linter.nlp, store=matcher.store,
                             cache_size=0)
    for paragraphs in letters:
        analysis = linter.analyse("\n\n".join(paragraphs))
        assert matcher.matches(analysis) == uncached.matches(analysis)
        assert matcher.matches(analysis) == uncached.matches(analysis)  # the text cache


# --- the rule's params ----------------------------------------------------------

@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"min_share": 1.5}, "between 0 and 1"),
        ({"min_words": "many"}, "must be an integer"),
        ({"min_sentences": 2.5}, "must be an integer"),
        ({"sentence_similarity": True}, "must be a number"),
        ({"threshold": 0.3}, "unknown param 'threshold'"),
    ],
)
def test_bad_params_name_the_rule(linter, params, problem):
    base = linter.rulebook[RULE]
    rule = Rule(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, "params": params})
    with pytest.raises(RuleError) as error:
        SampleMatcher(rule, linter.nlp)
    assert RULE in str(error.value) and problem in str(error.value)


@pytest.mark.parametrize(
    ("value", "capital", "words"),
    [(0.81, True, "About 80%"), (0.42, False, "about 40%"), (0.99, True, "Nearly all"),
     (0.01, False, "about 5%")],
)
def test_shares_read_as_people_say_them(value, capital, words):
    assert percent(value, capital) == words


def test_offsets_are_python_indices_with_emoji_and_crlf(linter):
    wrapped = STRENGTH_SYNONYMS.replace(". ", ".\r\n")
    text = f"Hi 👋🏽,\r\n\r\n{OWN_PARAGRAPH}\r\n\r\n{wrapped}"
    findings = sample_findings(linter, text)
    assert findings
    for finding in findings:
        assert finding.text == text[finding.start : finding.end]
    assert min(f.start for f in findings) == text.index("I would say")
    assert max(f.end for f in findings) == len(text)


def test_a_sample_spread_over_one_sentence_paragraphs_is_found(linter, matcher):
    text = STRENGTH_SYNONYMS.replace(". ", ".\n\n")
    assert len(linter.analyse(text).paragraphs) == 4
    matches = matcher.matches(linter.analyse(text))
    assert {m.sample.id for m in matches} == {"strength-2"}
    assert len(matches) >= 3
