"""Sets each token's NORM to its canonical form and builds the canonical word stream.

The stream is the paragraph as a list of canonical words with insertable words
(intensifiers, hyphens, soft line breaks) left out. Phrase patterns are matched
against it, so "a very detail-oriented" meets the pattern "detail oriented".
Token attributes are read and written as arrays: this runs on every keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import IS_SPACE, LOWER, NORM
from spacy.language import Language
from spacy.tokens import Doc

from ..canonical import Canonicalizer
from . import MAX_CACHED_WORDS, keys
from .segments import is_break

BARRIER = "¶"


@dataclass(frozen=True)
class Stream:
    words: list[str]
    token_index: list[int]  # position in the stream -> token index in the Doc


class CanonicalStream:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.canon: Canonicalizer | None = None
        # lowercase hash -> (canonical form or None when insertable, hash of the NORM to set)
        self._forms: dict[int, tuple[str | None, int]] = {}

    def initialize_canonicalizer(self, canon: Canonicalizer) -> None:
        self.canon = canon
        self._forms.clear()

    def _form(self, lower: int) -> tuple[str | None, int]:
        assert self.canon is not None, "call initialize_canonicalizer() first"
        text = self.vocab.strings[lower]
        canonical = self.canon(text)
        form = (canonical, self.vocab.strings.add(canonical if canonical is not None else text))
        if len(self._forms) >= MAX_CACHED_WORDS:
            self._forms.clear()
        self._forms[lower] = form
        return form

    def __call__(self, doc: Doc) -> Doc:
        words: list[str] = []
        index: list[int] = []
        if len(doc):
            attrs = doc.to_array([LOWER, IS_SPACE]).tolist()
            norms = []
            forms = self._forms
            for i, (lower, is_space) in enumerate(attrs):
                if is_space:
                    norms.append(lower)
                    if is_break(doc[i].text):
                        words.append(BARRIER)
                        index.append(i)
                    continue
                form = forms.get(lower) or self._form(lower)
                norms.append(form[1])
                if form[0] is not None:
                    words.append(form[0])
                    index.append(i)
            doc.from_array([NORM], numpy.array(norms, dtype=numpy.uint64).reshape(-1, 1))
        doc.user_data[keys.STREAM] = Stream(words, index)
        return doc


def stream_of(doc: Doc) -> Stream:
    return doc.user_data[keys.STREAM]


@Language.factory("standout_stream")
def make_stream(nlp: Language, name: str) -> CanonicalStream:
    return CanonicalStream(nlp, name)
