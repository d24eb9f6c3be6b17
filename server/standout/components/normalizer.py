"""Sets each token's NORM to its canonical form and builds the phrase stream.

The stream is the paragraph as a list of canonical words with insertable words
(intensifiers, hyphens, soft line breaks) left out. Phrase patterns are matched
against it, so "a very detail-oriented" meets the pattern "detail oriented".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize import Canonicalizer

STREAM_KEY = "standout.stream"
BARRIER = "¶"


@dataclass(frozen=True)
class Stream:
    words: list[str]
    token_index: list[int]  # position in the stream -> token index in the Doc


class Normalizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.canon: Canonicalizer | None = None
        # lowercase hash -> (canonical string or None, its hash)
        self._forms: dict[int, tuple[str | None, int, str]] = {}

    def initialize_canonicalizer(self, canon: Canonicalizer) -> None:
        self.canon = canon
        self._forms.clear()

    def __call__(self, doc: Doc) -> Doc:
        assert self.canon is not None, "call initialize_canonicalizer() first"
        forms = self._forms
        strings = self.vocab.strings
        words: list[str] = []
        index: list[int] = []
        for token in doc:
            if token.is_space:
                if token.text.count("\n") > 1:
                    words.append(BARRIER)
                    index.append(token.i)
                continue
            form = forms.get(token.lower)
            if form is None:
                canonical = self.canon(token.lower_)
                value = canonical if canonical is not None else token.lower_
                form = (canonical, strings.add(value), value)
                forms[token.lower] = form
            token.norm_ = form[2]
            if form[0] is not None:
                words.append(form[0])
                index.append(token.i)
        doc.user_data[STREAM_KEY] = Stream(words, index)
        return doc


def stream_of(doc: Doc) -> Stream:
    return doc.user_data[STREAM_KEY]


@Language.factory("standout_normalizer")
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    return Normalizer(nlp, name)
