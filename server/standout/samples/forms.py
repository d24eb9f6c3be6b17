"""The form samples and texts are compared in: sentences of canonical words.

Both sides go through the linter's own normalizer (lowercase lemma, British
spelling made American, intensifiers dropped; see ``normalize.py``), so "I'm
extremely keen to organise" and "I am keen to organize" meet. On top of that:

- a name, number or date (the linter's "specifics") becomes one class word,
  ``#name``, ``#num`` or ``#date``: swapping "Acme" for "Globex" or "five years"
  for "seven years" changes nothing;
- a ``[placeholder]`` or ``{placeholder}`` in a sample becomes ``#name`` too,
  since that is what a writer puts there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..components.normalizer import BARRIER, stream_of
from ..components.specifics import DATE, NAME, NUMBER, SPECIFICS_KEY
from ..paragraphs import paragraphs

if TYPE_CHECKING:
    from spacy.language import Language

    from ..linter import ParagraphAnalysis

NAME_WORD, NUMBER_WORD, DATE_WORD = "#name", "#num", "#date"
CLASS_WORDS = frozenset({NAME_WORD, NUMBER_WORD, DATE_WORD})
_CLASS_OF = {NAME: NAME_WORD, NUMBER: NUMBER_WORD, DATE: DATE_WORD}
PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,60}\]|\{[^{}\n]{1,60}\}")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's canonical words; ``start``/``end`` are offsets in its paragraph."""

    start: int
    end: int
    words: tuple[str, ...]


def _sentences(
    words: Sequence[tuple[str, int, int]],
    spans: Sequence[tuple[int, int]],
    classes: Sequence[tuple[int, int, str]],
    offset: int = 0,
) -> tuple[Sentence, ...]:
    """Group ``(form, start, end)`` words into sentence ``spans``, replacing class spans.

    Words and spans are in text order; all offsets are absolute, and the
    sentences returned are relative to ``offset``.
    """
    # A class span (a name, a number) becomes one class word, at its first word.
    marks: dict[int, str] = {}
    covered: set[int] = set()
    if classes:
        c = 0
        opened = -1
        for _, w_start, _ in words:
            while c < len(classes) and classes[c][1] <= w_start:
                c += 1
            if c == len(classes):
                break
            if classes[c][0] <= w_start:
                if opened != c:
                    marks[w_start] = classes[c][2]
                    opened = c
                else:
                    covered.add(w_start)
    out: list[Sentence] = []
    position = 0
    count = len(words)
    for start, end in spans:
        forms: list[str] = []
        while position < count and words[position][1] < start:
            position += 1
        while position < count and words[position][1] < end:
            w_start = words[position][1]
            if w_start in marks:
                forms.append(marks[w_start])
            elif w_start not in covered:
                forms.append(words[position][0])
            position += 1
        out.append(Sentence(start - offset, end - offset, tuple(forms)))
    return tuple(out)


def paragraph_sentences(paragraph: ParagraphAnalysis) -> tuple[Sentence, ...]:
    """The sentences of one analysed paragraph, offsets relative to the paragraph.

    Reads the paragraph's own (cached, paragraph-relative) analysis, so nothing
    is shifted to whole-text offsets on the way.
    """
    classes = sorted(
        (s.start, s.end, _CLASS_OF[s.label]) for s in paragraph.specifics if s.label in _CLASS_OF
    )
    return _sentences(paragraph.stream_tuples, paragraph.sentences, classes)


class SampleReader:
    """Turns sample texts into sentences with the linter's tokenizer and components.

    Only the cheap components run (normalizer, sentences, specifics): about
    0.7 ms for a 100-word sample.
    """

    def __init__(self, nlp: Language) -> None:
        self._make_doc = nlp.make_doc
        self._pipes = [
            nlp.get_pipe(name)
            for name in ("standout_normalizer", "standout_sentences", "standout_specifics")
        ]

    def __call__(self, text: str) -> tuple[Sentence, ...]:
        out: list[Sentence] = []
        for offset, paragraph in paragraphs(text):
            out.extend(self._paragraph(paragraph, offset))
        return tuple(out)

    def _paragraph(self, text: str, offset: int) -> tuple[Sentence, ...]:
        doc = self._make_doc(text)
        for pipe in self._pipes:
            doc = pipe(doc)
        stream = stream_of(doc)
        words = [
            (form, doc[i].idx, doc[i].idx + len(doc[i]))
            for form, i in zip(stream.words, stream.token_index, strict=True)
            if form != BARRIER and not doc[i].is_punct
        ]
        classes = [(m.start(), m.end(), NAME_WORD) for m in PLACEHOLDER.finditer(text)]
        for span in doc.spans[SPECIFICS_KEY]:
            if span.label_ in _CLASS_OF and not any(
                a <= span.start_char < b for a, b, _ in classes
            ):
                classes.append((span.start_char, span.end_char, _CLASS_OF[span.label_]))
        classes.sort()
        spans = [(s.start_char, s.end_char) for s in doc.sents]
        return tuple(
            Sentence(s.start + offset, s.end + offset, s.words)
            for s in _sentences(words, spans, classes)
        )
