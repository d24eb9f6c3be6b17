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
from typing import TYPE_CHECKING, NamedTuple

from ..components.specifics import ACTION, DATE, NAME, NUMBER
from ..named_tuples import make

if TYPE_CHECKING:
    from ..sentence_words import SentenceWords

MASKED = frozenset({NUMBER, DATE, NAME})
# Appended to a sentence's words: how many of them the bank's generic sentences never use.
NOVEL = ("#novel1", "#novel2", "#novel3")
EVIDENCE = frozenset({NUMBER, DATE, NAME, ACTION})


class _Specific:  # the fields read here (standout.analysis.Specific)
    label: str
    start: int
    end: int
    text: str


class SentenceView(NamedTuple):
    """One sentence: its place in the paragraph, its words for the model, its specifics.

    (A named tuple: the judge makes one for every sentence of a cold check.)"""

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
    grouped: SentenceWords,
    sentences: Sequence[tuple[int, int]],
    specifics: Sequence[_Specific],
) -> tuple[SentenceView, ...]:
    """Each of a paragraph's ``sentences`` with its words (``grouped``: the paragraph's
    words by sentence, ``sentence_words.py``) and its specifics."""
    word_starts, forms = grouped.starts, grouped.forms
    hidden = set()
    for s in specifics:
        if s.label in MASKED:
            hidden.update(range(bisect_left(word_starts, s.start), bisect_left(word_starts, s.end)))
    specific_starts = [s.start for s in specifics]
    ordered = sorted(hidden)  # whether a sentence hides a word: two bisections, not a scan
    out = []
    for (begin, end), (lo, hi) in zip(sentences, grouped.ranges, strict=True):
        if ordered and bisect_left(ordered, lo) < bisect_left(ordered, hi):
            own = tuple([forms[k] for k in range(lo, hi) if k not in hidden])
        else:
            own = tuple(forms[lo:hi])
        a, b = bisect_left(specific_starts, begin), bisect_left(specific_starts, end)
        out.append(make(SentenceView, (begin, end, own, tuple(specifics[a:b]))))
    return tuple(out)


def with_novelty(words: Sequence[str], generic_vocabulary: frozenset[str]) -> tuple[str, ...]:
    """The words plus one token saying how many are new to generic writing (0, 1, 2, 3+).

    Boilerplate is written from a small vocabulary; a sentence about version
    control or a ledger migration uses words no stock sentence needs. The model
    sees the count, not the words: it learns how much novelty generic sentences
    still carry (the bank is split in folds for that, see training/generic).
    """
    novel = novel_count(words, generic_vocabulary)
    return (*words, NOVEL[min(novel, 3) - 1]) if novel else tuple(words)


def novel_count(words: Sequence[str], generic_vocabulary: frozenset[str]) -> int:
    """How many of ``words`` no generic sentence of the bank uses (punctuation aside)."""
    return len([w for w in words if w not in generic_vocabulary and w.isalpha()])
