"""What the generic-sentence model sees of a sentence, and what counts as evidence.

The model reads a sentence's canonical words (lemmas, British spelling made
American, intensifiers dropped: the phrase rules' stream) with the engine's
numbers, dates and names left out. Those are the engine's business: a
sentence holding one has something checkable and is never judged by the model
(:func:`SentenceView.evidence`), so the model learns wording, not "has a
digit". Leaving them out also keeps the model from learning length: specific
sentences in the bank are longer mostly because they carry details.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from ..components.specifics import ACTION, DATE, NAME, NUMBER

MASKED = frozenset({NUMBER, DATE, NAME})
EVIDENCE = frozenset({NUMBER, DATE, NAME, ACTION})


class _Specific:  # the fields read here (standout.analysis.Specific)
    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SentenceView:
    """One sentence: its place in the paragraph, its words for the model, its specifics."""

    start: int
    end: int
    words: tuple[str, ...]
    specifics: tuple[_Specific, ...]

    def evidence(self, employer_names: Sequence[str] = ()) -> tuple[_Specific, ...]:
        """The specifics that make the sentence checkable; the employer's own name does not."""
        return tuple(
            s for s in self.specifics
            if s.label in EVIDENCE and not (s.label == NAME and s.text in employer_names)
        )


def sentence_views(
    words: Sequence[tuple[str, int, int]],
    sentences: Sequence[tuple[int, int]],
    specifics: Sequence[_Specific],
) -> tuple[SentenceView, ...]:
    """Group a paragraph's ``(form, start, end)`` words and specifics into its sentences."""
    masked = [(s.start, s.end) for s in specifics if s.label in MASKED]
    word_starts = [start for _, start, _ in words]
    out = []
    for begin, end in sentences:
        lo, hi = bisect_left(word_starts, begin), bisect_left(word_starts, end)
        own = tuple(w for w in words[lo:hi] if not _inside(w, masked))
        out.append(SentenceView(
            begin, end, tuple(form for form, _, _ in own),
            tuple(s for s in specifics if begin <= s.start < end),
        ))
    return tuple(out)


def _inside(word: tuple[str, int, int], spans: list[tuple[int, int]]) -> bool:
    _, start, end = word
    return any(a <= start and end <= b for a, b in spans)
