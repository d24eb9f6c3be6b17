"""Paragraphs analysed together give exactly what each gives alone, on real letters."""

from __future__ import annotations

from pathlib import Path

from standout.paragraph_breaks import split_paragraphs
from standout.spacy_pass import spacy_pass


def test_batched_equals_alone_on_real_letters(linter, corpora: Path):
    files = sorted(corpora.glob("*/*.txt"))
    assert len(files) >= 100, f"only {len(files)} texts in {corpora}"
    for path in files[::3]:
        texts = [p for _, p in split_paragraphs(path.read_text(encoding="utf-8"))]
        alone = [spacy_pass(linter.nlp, [text])[0] for text in texts]
        assert spacy_pass(linter.nlp, texts) == alone, path.name
