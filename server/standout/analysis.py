"""What the engine knows about a text before context is applied: cached per paragraph.

A :class:`ParagraphAnalysis` is context-free, with offsets relative to its
paragraph, so it can be reused whenever that paragraph comes back unchanged. An
:class:`Analysis` places the paragraphs of one whole text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Specific:
    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Match:
    """A rule match inside one paragraph, with what its sentence offers as evidence."""

    rule: str
    start: int
    end: int
    evidence: tuple[Specific, ...]


@dataclass(frozen=True)
class ParagraphAnalysis:
    """One paragraph's context-free analysis; offsets are relative to the paragraph."""

    text: str
    matches: tuple[Match, ...]
    words: int
    sentences: tuple[tuple[int, int], ...]
    specifics: tuple[Specific, ...]
    mentions: tuple[Specific, ...]
    generic_references: tuple[tuple[int, int], ...]
    # The canonical words, insertable words and punctuation left out, as plain
    # (form, start, end) tuples: built on every cold check, read only by detectors.
    stream_tuples: tuple[tuple[str, int, int], ...]
    specific_counts: dict[str, int] = field(default_factory=dict, hash=False, compare=False)

    def shifted(self, offset: int) -> PlacedParagraph:
        return PlacedParagraph(self, offset)


class PlacedParagraph:
    """A cached :class:`ParagraphAnalysis` placed at ``offset`` in a whole text.

    It has the same fields, with offsets into the whole text. Each field is
    shifted on first use only: most checks read a few of them, and this runs on
    every keystroke for every paragraph, changed or not.
    """

    def __init__(self, local: ParagraphAnalysis, offset: int) -> None:
        self.local = local
        self.offset = offset
        self.text = local.text
        self.words = local.words

    def _move(self, s: Specific) -> Specific:
        return Specific(s.label, s.start + self.offset, s.end + self.offset, s.text)

    @cached_property
    def matches(self) -> tuple[Match, ...]:
        o = self.offset
        return tuple(
            Match(m.rule, m.start + o, m.end + o, tuple(self._move(e) for e in m.evidence))
            for m in self.local.matches
        )

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        return tuple((a + self.offset, b + self.offset) for a, b in self.local.sentences)

    @cached_property
    def specifics(self) -> tuple[Specific, ...]:
        return tuple(self._move(s) for s in self.local.specifics)

    @cached_property
    def mentions(self) -> tuple[Specific, ...]:
        return tuple(self._move(s) for s in self.local.mentions)

    @cached_property
    def generic_references(self) -> tuple[tuple[int, int], ...]:
        return tuple((a + self.offset, b + self.offset) for a, b in self.local.generic_references)


@dataclass(frozen=True)
class Analysis:
    """A whole text's paragraph analyses, offsets relative to the whole text."""

    text: str
    paragraphs: tuple[PlacedParagraph, ...]
