"""A text's words in the engine's canonical form, with stems and offsets.

Both sides of a comparison (the posting and the letter) are read through the
engine's own paragraph analysis, so "databases" in one meets "database" in the
other exactly as the phrase rules see them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from .lexicon import Lexicon


class Word(NamedTuple):
    form: str  # canonical form (lowercase lemma)
    stem: str  # Snowball stem of the form: what close variants share
    start: int
    end: int
    capital: bool = False  # written with a capital letter (only set for letters' words)


class PlacedParagraphLike(Protocol):
    offset: int

    @property
    def sentences(self) -> tuple[tuple[int, int], ...]: ...


class AnalysisLike(Protocol):
    text: str
    paragraphs: Sequence  # of PlacedParagraph


def words_of(analysis: AnalysisLike, lexicon: Lexicon) -> list[Word]:
    """Every word of the analysed text, offsets into the whole text."""
    out: list[Word] = []
    stem = lexicon.stem
    for paragraph in analysis.paragraphs:
        offset = paragraph.offset
        for form, start, end in paragraph.local.canonical_words:
            out.append(Word(form, stem(form), start + offset, end + offset))
    return out


def names_of(analysis: AnalysisLike) -> list[tuple[int, int, str]]:
    """The engine's named things (``NAME`` specifics) as (start, end, text) in the whole text."""
    return [
        (s.start + p.offset, s.end + p.offset, s.text)
        for p in analysis.paragraphs for s in p.local.specifics if s.label == "NAME"
    ]


def sentences_of(analysis: AnalysisLike) -> list[tuple[int, int]]:
    return [s for paragraph in analysis.paragraphs for s in paragraph.sentences]


def words_in(words: Sequence[Word], starts: Sequence[int], start: int, end: int) -> list[Word]:
    """The words inside ``[start, end)``; ``starts`` is ``[w.start for w in words]``."""
    lo = bisect_left(starts, start)
    hi = bisect_left(starts, end)
    return [w for w in words[lo:hi] if w.end <= end]


def paragraph_words(paragraph, lexicon: Lexicon) -> list[Word]:
    """A paragraph analysis's words (offsets relative to it), capitals noted."""
    stem = lexicon.stem
    text = paragraph.text
    return [Word(form, stem(form), s, e, text[s : s + 1].isupper())
            for form, s, e in paragraph.canonical_words]
