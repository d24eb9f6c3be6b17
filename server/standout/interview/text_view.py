"""The engine's analysis of a text, seen as sentences of canonical words.

The interview checks read the same cached, per-paragraph analysis as every other
check: sentence boundaries, the canonical word stream (lemmas; intensifiers and
punctuation left out) and the specifics (numbers, dates, names, actions from
``components/specifics.py``). This module turns those into :class:`Sentence`
records with offsets into the whole text, and is the only one here that knows
the analysis' field names.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..spacy_pass import spacy_pass

if TYPE_CHECKING:
    from spacy.language import Language

    from ..analysis import Analysis

BARRIER = "¶"  # a soft line break in the stream (components/stream.py)


@dataclass(frozen=True, slots=True)
class Word:
    form: str  # canonical form: "rebuilt" -> "rebuild", "I'm" -> "i" "be"
    lower: str  # the word as written, lowercased: "rebuilt", "i", "'m"
    start: int
    end: int
    label: str | None  # NUMBER, DATE, NAME or ACTION when a specific covers the word


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    words: tuple[Word, ...]


def sentences_of(analysis: Analysis) -> list[Sentence]:
    """Every sentence of the text with its words, in order; offsets into the whole text."""
    out: list[Sentence] = []
    for paragraph in analysis.paragraphs:
        local, offset = paragraph.local, paragraph.offset
        bounds = local.sentences
        if not bounds:
            continue
        labels = sorted((s.start, s.end, s.label) for s in local.specifics)
        label_starts = [start for start, _, _ in labels]
        buckets: list[list[Word]] = [[] for _ in bounds]
        starts = [start for start, _ in bounds]
        for form, start, end in local.canonical_words:
            if form == BARRIER:
                continue
            at = bisect_right(starts, start) - 1
            if at < 0:
                continue
            label = None
            k = bisect_right(label_starts, start) - 1
            if k >= 0 and labels[k][0] <= start < labels[k][1]:
                label = labels[k][2]
            lower = local.text[start:end].lower()
            buckets[at].append(Word(form, lower, start + offset, end + offset, label))
        for (start, end), words in zip(bounds, buckets, strict=True):
            out.append(Sentence(len(out), start + offset, end + offset, tuple(words)))
    return out


def canonical_forms(nlp: Language, texts: Sequence[str]) -> list[list[str]]:
    """Each text's canonical words, as the pipeline makes them for checked text."""
    if not texts:
        return []
    return [
        [form for form, _, _ in paragraph.canonical_words if form != BARRIER]
        for paragraph in spacy_pass(nlp, list(texts))
    ]
