"""Sentence boundaries without a parser.

A sentence starts after ``.``, ``!`` or ``?`` (and any closing quotes or
brackets), and after a line break when the line before ended a clause or the
next line starts like a new sentence. A line break inside a sentence (a soft
wrap copied from a PDF) does not split it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

TERMINALS = {".", "!", "?", "…", "...", "?!", "!!"}
CLOSERS = {'"', "'", "”", "’", ")", "]", "»"}
LINE_ENDERS = TERMINALS | {":", ",", ";"}


class Sentences:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        start_next = True
        previous_word = None
        for token in doc:
            if token.is_space:
                if "\n" in token.text and previous_word is not None:
                    next_token = doc[token.i + 1] if token.i + 1 < len(doc) else None
                    if (
                        previous_word.text in LINE_ENDERS
                        or previous_word.text in CLOSERS
                        or (next_token is not None and _starts_sentence(next_token.text))
                    ):
                        start_next = True
                token.is_sent_start = not token.i
                continue
            token.is_sent_start = start_next
            if token.text in TERMINALS or (token.text.endswith(".") and token.text != "."
                                            and _is_abbreviation_end(token)):
                start_next = True
            elif token.text in CLOSERS and start_next:
                # a closing quote after the full stop belongs to the sentence it closes
                token.is_sent_start = False
                start_next = True
            else:
                start_next = False
            previous_word = token
        return doc


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in "-*•–—\"“("


def _is_abbreviation_end(token) -> bool:
    # "a.m." at the end of a sentence: only when the next word is capitalized.
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    while nxt is not None and nxt.is_space:
        nxt = nxt.nbor(1) if nxt.i + 1 < len(token.doc) else None
    return nxt is None or nxt.text[:1].isupper()


@Language.factory("standout_sentences")
def make_sentences(nlp: Language, name: str) -> Sentences:
    return Sentences(name)
