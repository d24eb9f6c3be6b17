"""The form samples and texts are compared in: sentences of canonical words.

Both sides are read by the same spaCy pass (``spacy_pass.py``), so they meet in
the linter's own canonical form (lowercase lemma, British spelling made American,
intensifiers dropped; see ``canonical.py``): "I'm extremely keen to organise" and
"I am keen to organize" meet. On top of that:

- a name, number or date (the linter's "specifics") becomes one class word,
  ``#name``, ``#num`` or ``#date``: swapping "Acme" for "Globex" or "five years"
  for "seven years" changes nothing;
- a ``[placeholder]`` or ``{placeholder}`` in a sample becomes ``#name`` too,
  since that is what a writer puts there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from ..components.specifics import DATE, NAME, NUMBER
from ..named_tuples import make
from ..paragraph_breaks import split_paragraphs
from ..pipeline import READING_COMPONENTS
from ..sentence_words import sentence_words
from ..spacy_pass import spacy_pass

if TYPE_CHECKING:
    from spacy.language import Language

    from ..analysis import ParagraphAnalysis
    from ..sentence_words import SentenceWords

NAME_WORD, NUMBER_WORD, DATE_WORD = "#name", "#num", "#date"
CLASS_WORDS = frozenset({NAME_WORD, NUMBER_WORD, DATE_WORD})
_CLASS_OF = {NAME: NAME_WORD, NUMBER: NUMBER_WORD, DATE: DATE_WORD}
PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,60}\]|\{[^{}\n]{1,60}\}")


class Sentence(NamedTuple):
    """A sentence's canonical words; ``start``/``end`` are offsets in the text read.

    (A named tuple: a cold check makes one for every sentence of the text.)"""

    start: int
    end: int
    words: tuple[str, ...]


def _sentences(
    grouped: SentenceWords,
    spans: Sequence[tuple[int, int]],
    classes: Sequence[tuple[int, int, str]],
) -> tuple[Sentence, ...]:
    """Each sentence span's words (``grouped``: which words are in which sentence),
    each class span (a name, a number) made one class word, at its first word."""
    forms = grouped.forms
    if not classes:
        return tuple([make(Sentence, (start, end, tuple(forms[lo:hi])))
                      for (start, end), (lo, hi) in zip(spans, grouped.ranges, strict=True)])
    marked = _marked(grouped.starts, classes)
    firsts = list(marked)  # in word order
    out: list[Sentence] = []
    for (start, end), (lo, hi) in zip(spans, grouped.ranges, strict=True):
        if bisect_left(firsts, lo) < bisect_left(firsts, hi):
            own = []
            for k in range(lo, hi):
                if k not in marked:
                    own.append(forms[k])
                elif (form := marked[k]) is not None:
                    own.append(form)
            out.append(make(Sentence, (start, end, tuple(own))))
        else:
            out.append(make(Sentence, (start, end, tuple(forms[lo:hi]))))
    return tuple(out)


def _marked(starts: Sequence[int],
            classes: Sequence[tuple[int, int, str]]) -> dict[int, str | None]:
    """Word index -> its class word (the first word of a class span) or None (a later one).

    A word belongs to the first class span (in order) that ends after the word starts,
    if that span has begun: with ``reach`` the furthest end so far, those words are
    found by bisection on the words' starts, not by a walk over every word.
    """
    marked: dict[int, str | None] = {}
    reach = list(accumulate((end for _, end, _ in classes), max))
    for c, (start, _, label) in enumerate(classes):
        lo = bisect_left(starts, max(start, reach[c - 1]) if c else start)
        hi = bisect_left(starts, reach[c])
        if lo < hi:
            marked[lo] = label
            marked.update(dict.fromkeys(range(lo + 1, hi)))
    return marked


def paragraph_sentences(
    paragraph: ParagraphAnalysis, placeholders: bool = False
) -> tuple[Sentence, ...]:
    """The sentences of one analysed paragraph, offsets relative to the paragraph.

    Reads the paragraph's own (cached, paragraph-relative) analysis, so nothing
    is shifted to whole-text offsets on the way. With ``placeholders`` (a sample's
    text), ``[placeholders]`` become ``#name`` and the specifics inside them are not
    counted again.
    """
    classes: list[tuple[int, int, str]] = []
    if placeholders:
        classes = [(m.start(), m.end(), NAME_WORD) for m in PLACEHOLDER.finditer(paragraph.text)]
    marked = tuple(classes)
    for s in paragraph.specifics:
        if s.label in _CLASS_OF and not (marked and any(a <= s.start < b for a, b, _ in marked)):
            classes.append((s.start, s.end, _CLASS_OF[s.label]))
    classes.sort()
    return _sentences(sentence_words(paragraph),
                      paragraph.sentences, classes)


class SampleReader:
    """Reads sample texts into sentences: the spaCy pass with only the components that
    give words, sentences and specifics (``pipeline.READING_COMPONENTS``).

    One pass per sample: about as fast as one pass over many, without the large
    temporary Docs (about 0.2 ms for a 100-word sample).
    """

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp

    def __call__(self, text: str) -> tuple[Sentence, ...]:
        """The text's sentences, offsets into ``text``."""
        pieces = list(split_paragraphs(text))
        if not pieces:
            return ()
        analyses = spacy_pass(self._nlp, [p for _, p in pieces], READING_COMPONENTS)
        return tuple(
            Sentence(s.start + offset, s.end + offset, s.words)
            for (offset, _), analysis in zip(pieces, analyses, strict=True)
            for s in paragraph_sentences(analysis, placeholders=True)
        )
