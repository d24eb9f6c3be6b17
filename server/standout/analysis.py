"""What the engine knows about a text before context is applied: cached per paragraph.

A :class:`ParagraphAnalysis` is context-free, with offsets relative to its
paragraph, so it can be reused whenever that paragraph comes back unchanged
(:mod:`standout.spacy_pass` makes them, :mod:`standout.analysis_cache` keeps
them). An :class:`Analysis` places the paragraphs of one whole text; checks read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from .writer_name import candidate_first_name, introduces_candidate

# A canonical word of the stream (components/stream.py) with its place in the
# paragraph: (form, start, end). A plain tuple: it is built on every cold check.
CanonicalWord = tuple[str, int, int]


class Specific(NamedTuple):
    """A number, date, name or concrete action (components/specifics.py).

    Specifics, mentions and matches are named tuples, not frozen dataclasses: a
    cold check makes dozens of each, and a tuple is made several times faster.
    """

    label: str
    start: int
    end: int
    text: str


class Mention(NamedTuple):
    """Where the text names the employer it is aimed at ("the role at Globex")."""

    start: int
    end: int
    text: str


class Match(NamedTuple):
    """A rule match inside one paragraph, with what its sentence offers as evidence.

    The other fields come from match_context.py: whether the sentence is about the
    writer, whether it is a heading, whether the match is followed by its own
    evidence (a list after a colon, the next paragraph), and the specifics of a
    sentence it explicitly points to ("For example, ...", "that mission").
    """

    rule: str
    start: int
    end: int
    evidence: tuple[Specific, ...]
    pointed: tuple[Specific, ...] = ()
    about_writer: bool = True
    heading: bool = False
    introduces: bool = False


@dataclass(frozen=True, init=False)
class ParagraphAnalysis:
    """One paragraph's context-free analysis; offsets are relative to the paragraph."""

    text: str
    matches: tuple[Match, ...]
    words: int
    sentences: tuple[tuple[int, int], ...]
    specifics: tuple[Specific, ...]
    mentions: tuple[Mention, ...]
    generic_references: tuple[tuple[int, int], ...]
    # Insertable words and punctuation left out; read by the sample check (samples/forms.py).
    canonical_words: tuple[CanonicalWord, ...]
    specific_counts: dict[str, int] = field(default_factory=dict, hash=False, compare=False)
    # What checks work out from this paragraph alone, kept for as long as the analysis
    # is cached (the generic-sentence model's judgement): each check uses its own key.
    derived: dict[Any, Any] = field(default_factory=dict, hash=False, compare=False, repr=False)

    def __init__(self, text: str, matches: tuple[Match, ...], words: int,
                 sentences: tuple[tuple[int, int], ...], specifics: tuple[Specific, ...],
                 mentions: tuple[Mention, ...], generic_references: tuple[tuple[int, int], ...],
                 canonical_words: tuple[CanonicalWord, ...],
                 specific_counts: dict[str, int] | None = None,
                 derived: dict[Any, Any] | None = None) -> None:
        # The frozen dataclass's own __init__ sets each of ten fields through
        # object.__setattr__; every paragraph of a cold check makes one (or two): the
        # instance dictionary is filled at once (the same fields, in the same order).
        self.__dict__.update({
            "text": text, "matches": matches, "words": words, "sentences": sentences,
            "specifics": specifics, "mentions": mentions,
            "generic_references": generic_references, "canonical_words": canonical_words,
            "specific_counts": {} if specific_counts is None else specific_counts,
            "derived": {} if derived is None else derived,
        })

    def shifted(self, offset: int) -> PlacedParagraph:
        return PlacedParagraph(self, offset)


class PlacedParagraph:
    """A cached :class:`ParagraphAnalysis` placed at ``offset`` in a whole text.

    The fields the checks read are shifted to offsets into the whole text on
    first use only: most checks read a few of them, and this runs on every
    keystroke for every paragraph, changed or not. The rest are read from
    ``local`` (paragraph-relative) with ``offset`` added where needed.
    """

    def __init__(self, local: ParagraphAnalysis, offset: int) -> None:
        self.local = local
        self.offset = offset
        self.text = local.text
        self.words = local.words

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        return tuple((a + self.offset, b + self.offset) for a, b in self.local.sentences)

    @cached_property
    def mentions(self) -> tuple[Mention, ...]:
        o = self.offset
        return tuple(Mention(m.start + o, m.end + o, m.text) for m in self.local.mentions)

    @cached_property
    def generic_references(self) -> tuple[tuple[int, int], ...]:
        return tuple((a + self.offset, b + self.offset) for a, b in self.local.generic_references)


@dataclass(frozen=True)
class Analysis:
    """A whole text's paragraph analyses, offsets relative to the whole text."""

    text: str
    paragraphs: tuple[PlacedParagraph, ...]

    @cached_property
    def candidate(self) -> str | None:
        """The candidate's first name (writer_name.py), read once a check: the rules and
        the score both ask for it."""
        return candidate_first_name(self.text)

    @cached_property
    def reference(self) -> bool:
        """Whether the text introduces a candidate: a reference or an agency's letter."""
        return introduces_candidate(self.text)

    @property
    def words(self) -> int:
        return sum(p.words for p in self.paragraphs)

    @property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """Every sentence's ``(start, end)``, in text order (shifted here, on every check)."""
        out: list[tuple[int, int]] = []
        for paragraph in self.paragraphs:
            o = paragraph.offset
            out += [(a + o, b + o) for a, b in paragraph.local.sentences]
        return tuple(out)

    @property
    def specifics(self) -> tuple[Specific, ...]:
        """Every specific (number, date, name, action) with offsets into the whole text."""
        out: list[Specific] = []
        for paragraph in self.paragraphs:
            o = paragraph.offset
            out += [
                Specific(s.label, s.start + o, s.end + o, s.text) for s in paragraph.local.specifics
            ]
        return tuple(out)
