"""A paragraph's canonical words grouped into its sentences, worked out once per analysis.

The generic-sentence judge (``generic/``) and the sample matcher (``samples/``)
both read each sentence's canonical words. Which words fall in which sentence is
found here once, by bisection on the words' starts, and kept in the paragraph
analysis's ``derived`` data, so it lives and goes with the cached analysis and
each reader only adds its own masking (the judge leaves names and numbers out,
the matcher turns them into class words).
"""

from __future__ import annotations

from bisect import bisect_left
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .analysis import ParagraphAnalysis

_KEY = object()  # this module's entry in a paragraph analysis's derived data
_FORM, _START = itemgetter(0), itemgetter(1)  # of a canonical word (form, start, end)


class SentenceWords(NamedTuple):
    """A paragraph's canonical words as columns, and each sentence's run of them."""

    starts: list[int]  # each word's start, paragraph-relative
    forms: list[str]  # each word's canonical form
    ranges: tuple[tuple[int, int], ...]  # per sentence, its words' indices ``lo:hi``


def sentence_words(local: ParagraphAnalysis) -> SentenceWords:
    """The paragraph's :class:`SentenceWords` (a word belongs to the sentence it starts in)."""
    derived = local.derived
    found = derived.get(_KEY)
    if found is None:
        words = local.canonical_words
        starts = list(map(_START, words))  # C-level passes over the words
        found = SentenceWords(
            starts,
            list(map(_FORM, words)),
            tuple([(bisect_left(starts, a), bisect_left(starts, b)) for a, b in local.sentences]),
        )
        derived[_KEY] = found
    return found
