"""Paragraphs analysed together in one pass give exactly what each gives alone."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from perturb import light_edit

from standout.paragraph_breaks import split_paragraphs
from standout.samples import load_bundled
from standout.spacy_pass import spacy_pass

BENCH_LETTERS = sorted((Path(__file__).parents[1] / "bench" / "letters").glob("*.txt"))

# Pieces that make rules, sentences, names and placeholders meet the paragraph edges.
PIECES = [
    "I am a team player", "team", "player", "I am writing to apply", "Thank you for your time",
    "and consideration.", "[Company", "Name]", "{company}", "at", ".", ",", '"', "”", "a.m.",
    "Ms.", "Acme", "Corp", "of", "Globex's mission", "I", "built", "we", "cut", "40%", "May",
    "2023", "join", "passionate about", "detail-oriented", "XYZ", "Company", "Dear", "___",
    "...", "—", "🎉", "\n", "great weakness", "perfectionist", "I'm", "highly", "motivated",
    # optional adverbs a pattern names: matched on the full stream (phrase_rules.py)
    "learn new skills", "quickly", "pick things up", "easily", "always", "so",
]
paragraph = st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map(" ".join).map(str.strip)


def alone(linter, texts):
    return [spacy_pass(linter.nlp, [text])[0] for text in texts]


@given(st.lists(paragraph.filter(bool), min_size=1, max_size=5))
@settings(max_examples=150, deadline=None)
def test_batched_equals_alone(linter, texts):
    assert spacy_pass(linter.nlp, texts) == alone(linter, texts)


def project_texts() -> list[tuple[str, str]]:
    """Texts written for the project: the bench letters, the bundled samples as letters
    of several paragraphs, and light edits of them (names, numbers, sentences moved)."""
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in BENCH_LETTERS]
    samples = load_bundled()
    rng = random.Random(11)
    for start in range(0, len(samples), 4):
        group = samples[start : start + 4]
        if len(group) < 2:
            break
        texts.append((f"samples {group[0].id}..", "\n\n".join(s.text for s in group)))
        edited = [light_edit(s.text, rng).text for s in group]
        texts.append((f"edits of {group[0].id}..", "\n\n".join(edited)))
    return texts


def test_batched_equals_alone_on_project_texts(linter):
    texts = project_texts()
    assert len(texts) > 80
    for name, text in texts:
        pieces = [p for _, p in split_paragraphs(text)]
        assert len(pieces) > 1, name
        assert spacy_pass(linter.nlp, pieces) == alone(linter, pieces), name


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
    assert spacy_pass(linter.nlp, texts) == alone(linter, texts)
