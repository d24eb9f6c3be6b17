"""Paragraphs analysed together in one pass give exactly what each gives alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from standout.paragraph_analyser import analyse_paragraphs

CORPORA = Path("/work/shared/corpora")

# Pieces that make rules, sentences, names and placeholders meet the paragraph edges.
PIECES = [
    "I am a team player", "team", "player", "I am writing to apply", "Thank you for your time",
    "and consideration.", "[Company", "Name]", "{company}", "at", ".", ",", '"', "”", "a.m.",
    "Ms.", "Acme", "Corp", "of", "Globex's mission", "I", "built", "we", "cut", "40%", "May",
    "2023", "join", "passionate about", "detail-oriented", "XYZ", "Company", "Dear", "___",
    "...", "—", "🎉", "\n", "great weakness", "perfectionist", "I'm", "highly", "motivated",
]
paragraph = st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map(" ".join).map(str.strip)


def alone(linter, texts):
    return [analyse_paragraphs(linter.nlp, [text])[0] for text in texts]


@given(st.lists(paragraph.filter(bool), min_size=1, max_size=5))
@settings(max_examples=150, deadline=None)
def test_batched_equals_alone(linter, texts):
    assert analyse_paragraphs(linter.nlp, texts) == alone(linter, texts)


def test_batched_equals_alone_on_real_letters(linter):
    from standout.paragraphs import paragraphs

    files = sorted(CORPORA.glob("*/*.txt"))
    assert files, f"the evaluation corpora are missing from {CORPORA}"
    for path in files[::3]:
        texts = [p for _, p in paragraphs(path.read_text(encoding="utf-8"))]
        assert analyse_paragraphs(linter.nlp, texts) == alone(linter, texts), path.name


@pytest.mark.parametrize(
    "texts",
    [
        ["It ends at 6 a.m.", "and goes on."],  # an abbreviation at the edge
        ["She said go.", '"Then we went."'],  # a quote at the start of the next one
        ["I admire [Company", "Name] a lot."],  # a placeholder split by the break
        ["Please write to me at", ". Thanks."],  # a token pattern across the break
    ],
)
def test_edges(linter, texts):
    assert analyse_paragraphs(linter.nlp, texts) == alone(linter, texts)
