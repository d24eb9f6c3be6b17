"""The phrase language reaches variants: inserted adverbs, list slots, closed compounds,
invisible characters; and a match never starts inside a hyphenated word."""

from __future__ import annotations

import pytest

from standout import tokenizer_input as analysed_copy
from standout.rulebook import RuleError, load_rule_file
from standout.tokenizer_input import tokenizer_input


def found(linter, text, context=None):
    return {(f.rule, f.text) for f in linter.check(text, context, resolve_overlaps=False).findings}


def rules(linter, text, context=None):
    return {rule for rule, _ in found(linter, text, context)}


@pytest.mark.parametrize("text", [
    "I was instantly drawn to your clinic.",
    "I was quite instantly drawn to your clinic.",
    "I was always drawn to your clinic.",
])
def test_optional_adverbs_fit_anywhere(linter, text):
    assert "flattery.drawn-to" in rules(linter, text)


def test_a_pattern_naming_an_adverb_keeps_it(linter):
    # "learn quickly" names the adverb: without it, "I learn" alone must not match.
    assert "cliche.fast-learner" in rules(linter, "I learn quickly.")
    assert "cliche.fast-learner" not in rules(linter, "I learn Welsh on Tuesdays.")


def test_thanks_with_so_very_much(linter):
    assert "closer.thank-you-for-consideration" in rules(
        linter, "Thank you so very much for your time.")
    assert "closer.thank-you-for-consideration" in rules(linter, "Thanks so much for your time.")


@pytest.mark.parametrize("text", [
    "I have developed strong organizational and leadership skills.",
    "I have strong analytical, written and problem-solving skills.",
    "I bring excellent time management and customer service skills.",
])
def test_coordinated_skill_lists(linter, text):
    assert "cliche.organizational-skills" in rules(linter, text)


def test_a_list_slot_reads_whole_entries(linter):
    # "time management" is an entry; "time" alone is not.
    assert "cliche.organizational-skills" not in rules(
        linter, "I'd love to use my time and abilities on your backlog.")


def test_an_open_list_slot_extends_over_the_list(linter):
    report = linter.check("My manager would describe me as calm, patient and reliable.",
                          resolve_overlaps=False)
    texts = {f.text for f in report.findings if f.rule == "claim.describe-myself"}
    assert "describe me as calm, patient and reliable" in texts


@pytest.mark.parametrize(("text", "rule"), [
    ("That's a great question.", "story.great-question"),  # pattern: "that is a ... question"
    ("That’s what drew me to the role.", "flattery.drawn-to"),  # curly apostrophe
])
def test_a_patterns_is_also_matches_it_contracted(linter, text, rule):
    assert rule in rules(linter, text)


def test_a_possessive_s_is_not_a_contracted_is(linter):
    # "that is a great question" must not match a possessive after a noun.
    assert "story.great-question" not in rules(linter, "The judge's great question was fair.")


def test_hyphenated_words_written_closed(linter):
    assert "cliche.detail-oriented" in rules(linter, "I am detailoriented.")
    assert "cliche.team-player" in rules(linter, "I am a teamplayer.")


def test_no_match_starts_inside_a_hyphenated_word(linter):
    assert ("cliche.motivated-individual", "driven professional") not in found(
        linter, "I am a results-driven professional.")
    assert "cliche.results-driven" in rules(linter, "I am a results-driven professional.")


@pytest.mark.parametrize("text", [
    "I am a team\u00adplayer.",            # soft hyphen inside the phrase
    "I am a team player.\u200b",           # zero-width space after it
    "I am a team\u200bplayer.",            # zero-width space for the space
    "I am a te\u200bam player.",           # ... inside a word
    "I am a team\u2060player\ufeff.",      # word joiner, byte-order mark
    "I am a team\x00player.",              # NUL through the Python API
])
def test_invisible_characters_do_not_hide_a_phrase(linter, text):
    report = linter.check(text)
    (finding,) = [f for f in report.findings if f.rule == "cliche.team-player"]
    assert text[finding.start : finding.end] == finding.text
    assert finding.text.replace("\u00ad", "").replace("\u200b", " ").replace("\x00", " ") in (
        "team player", "teamplayer", "te am player", "team\u2060player")


def test_the_analysed_copy_maps_back_to_the_text():
    text = "organi\u00adsation \u200b\x00 team"
    copy = tokenizer_input(text)
    assert copy.text == "organisation    team"
    assert copy.origin is not None and len(copy.origin) == len(copy.text) + 1
    assert all(copy.text[i] == text[copy.origin[i]] or text[copy.origin[i]] in "\u200b\x00"
               for i in range(len(copy.text)))
    assert tokenizer_input("plain text").origin is None


def test_ascii_texts_are_asked_as_bytes_with_the_regexes_answers():
    """The bytes fast path for ASCII texts answers as the regexes do (every control and
    space character, runs either side of the limit, non-ASCII texts left to the regexes)."""
    limit = analysed_copy.RUN_LIMIT
    texts = [chr(c) for c in range(160)] + ["\u00ad", "a\u200bb", "caf\u00e9 au lait"]
    texts += [f"ab{chr(c)}cd" for c in range(128)]
    texts += [pad + "x" * n + end for n in (limit - 1, limit, limit + 1, limit + 2)
              for pad in ("", "a ", "a\n", "a\x1c") for end in ("", " b", "\u00e9")]
    for text in texts:
        assert analysed_copy._has_hidden(text) == bool(analysed_copy._HIDDEN.search(text))
        assert analysed_copy._has_long_run(text) == bool(analysed_copy._LONG_RUN.search(text))


def test_syntax_errors_name_the_rule(tmp_path):
    def rule_with(phrase: str) -> str:
        return (
            "category: mine\ntitle: Mine\nrules:\n  - id: mine.x\n    title: x\n"
            "    message: A message long enough.\n    advice: An advice long enough.\n"
            f"    phrases: [{phrase!r}]\n"
            "    examples: {flag: [x], pass: [y]}\n"
        )

    for phrase, problem in [
        ("@skill-areas+ skills", "needs words on both sides"),
        ("strong {a .. b|c}", "cannot go inside braces"),
        ("strong {@skill-areas|x} skills", "cannot go inside braces"),
    ]:
        path = tmp_path / "mine.yaml"
        path.write_text(rule_with(phrase), encoding="utf-8")
        with pytest.raises(RuleError, match=r"mine\.x") as error:
            load_rule_file(path)
        assert problem in str(error.value)


def test_an_insertable_alternative_is_refused(tmp_path):
    from standout import Linter
    from standout.config import UserConfig

    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "mine.yaml").write_text(
        "category: mine\ntitle: Mine\nrules:\n  - id: mine.x\n    title: x\n"
        "    message: A message long enough.\n    advice: An advice long enough.\n"
        "    phrases: ['speak to me {deeply|on a personal level}']\n"
        "    examples: {flag: [x], pass: [y]}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="insertable"):
        Linter(config=UserConfig(), rule_dirs=[folder])
