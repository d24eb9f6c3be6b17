"""Sentences, paragraphs and specifics: the structure the rules and the score stand on."""

from __future__ import annotations

import pytest

from standout.paragraph_breaks import MAX_PARAGRAPH, split_paragraphs


def sentences(linter, text: str) -> list[str]:
    analysis = linter.analyse(text)
    return [text[a:b] for p in analysis.paragraphs for a, b in p.sentences]


def specifics(linter, text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for paragraph in linter.analyse(text).paragraphs:
        for s in paragraph.local.specifics:
            found.setdefault(s.label, []).append(s.text)
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I led it. We shipped it! Did it work? Yes.",
         ["I led it.", "We shipped it!", "Did it work?", "Yes."]),
        ('She said "go." Then we went.', ['She said "go."', "Then we went."]),
        ("We met at 6 a.m. on Monday.", ["We met at 6 a.m. on Monday."]),
        ("We met at 6 a.m. The rest came later.", ["We met at 6 a.m.", "The rest came later."]),
        ("Dear Ms. Park,\nI write about the role.", ["Dear Ms. Park,", "I write about the role."]),
        ("Thanks for your time\nand care.", ["Thanks for your time\nand care."]),
    ],
)
def test_sentence_boundaries(linter, text, expected):
    assert sentences(linter, text) == expected


def test_paragraphs_split_on_blank_lines_of_any_line_ending():
    text = "One.\n\nTwo.\r\n\r\nThree.\r\rFour.\n \t\nFive."
    assert [p for _, p in split_paragraphs(text)] == ["One.", "Two.", "Three.", "Four.", "Five."]
    for offset, paragraph in split_paragraphs(text):
        assert text[offset : offset + len(paragraph)] == paragraph


def test_a_single_crlf_is_a_line_end_not_a_paragraph_break():
    text = "One line,\r\nthe same paragraph.\r\n\r\nAnother.\rStill another line."
    assert [p for _, p in split_paragraphs(text)] == [
        "One line,\r\nthe same paragraph.", "Another.\rStill another line."
    ]


def test_long_paragraphs_are_cut_at_sentence_or_word_boundaries():
    text = "We tested the release. " * 2000
    pieces = list(split_paragraphs(text))
    assert len(pieces) > 1
    for offset, piece in pieces:
        assert len(piece) <= MAX_PARAGRAPH
        assert text[offset : offset + len(piece)] == piece
        assert piece.endswith(".")


def test_unbroken_text_is_cut_anyway():
    text = "x" * (MAX_PARAGRAPH * 2 + 5)
    pieces = list(split_paragraphs(text))
    assert "".join(piece for _, piece in pieces) == text


def test_specifics(linter):
    found = specifics(
        linter,
        "In May 2021 we cut churn by 12% for 3,000 customers at Northwind Traders. "
        "You may call me. GitHub and AWS run our builds. I rebuilt the Italy team's site.",
    )
    assert found["DATE"] == ["May", "2021"]
    assert found["NUMBER"] == ["12", "3,000"]
    assert found["NAME"] == ["Northwind Traders", "GitHub", "AWS", "Italy"]
    assert found["ACTION"] == ["cut", "rebuilt"]


def test_generic_capitalized_words_are_not_names(linter):
    text = "Dear Hiring Manager, I am applying for the Senior Data Analyst role."
    found = specifics(linter, text)
    assert "NAME" not in found


def test_actions_need_a_subject(linter):
    assert "ACTION" not in specifics(linter, "The report was organized by theme.")
    assert specifics(linter, "I have personally organized three hackathons.")["ACTION"] == [
        "organized"
    ]


def test_template_fields_are_not_specifics(linter):
    found = specifics(linter, "I admire [Company Name] and {Company}. I built Initech <today>.")
    assert found == {"NAME": ["Initech"], "ACTION": ["built"]}


def test_long_runs_without_spaces_are_analysed_quickly_and_exactly(linter):
    text = "I am a team player. " + "{" * 20_000 + " " + "_" * 10_000 + " I am a team player."
    report = linter.check(text)  # quadratic in spaCy's tokenizer without the run breaker
    team = [f for f in report.findings if f.rule == "cliche.team-player"]
    assert [f.start for f in team] == [7, text.rindex("team player")]
    for finding in report.findings:
        assert text[finding.start : finding.end] == finding.text
