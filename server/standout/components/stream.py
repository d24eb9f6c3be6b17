"""Sets each token's NORM to its canonical form and builds the canonical word stream.

The stream is the paragraph as a list of canonical words with insertable words
(intensifiers, hyphens, soft line breaks) left out. Phrase patterns are matched
against it, so "a very detail-oriented" meets the pattern "detail oriented".

The *lean* stream also leaves out the optional adverbs (models/wordlists/adverbs.txt:
"instantly", "always", "so"). A phrase pattern that names none of them is matched
against the lean stream, so an adverb may be inserted anywhere in it ("I was
instantly drawn to" meets "I was drawn to"); a pattern that names one ("learn
quickly") is matched against the full stream, where the adverb is still there.
Token attributes are read as arrays, and NORM is kept as a column (written into the Doc
only when a token pattern is to read it, see columns.py): this runs on every keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LOWER, NORM
from spacy.language import Language
from spacy.tokens import Doc

from ..canonical import Canonicalizer
from . import MAX_CACHED_WORDS, keys
from .columns import columns, set_later
from .segments import is_break

BARRIER = "¶"


@dataclass(frozen=True)
class Stream:
    words: list[str]
    token_index: list[int]  # position in the stream -> token index in the Doc
    # The words' string hashes: a Doc of the stream is built from these (phrase_rules.py),
    # which spaCy looks up directly instead of hashing every string again.
    hashes: list[int]
    # The lean stream (optional adverbs left out), or None when it is the same.
    lean_words: list[str] | None = None
    lean_index: list[int] | None = None
    lean_hashes: list[int] | None = None

    def lean(self) -> tuple[list[str], list[int], list[int]]:
        """The lean stream's words, token indices and hashes."""
        if self.lean_words is None or self.lean_index is None or self.lean_hashes is None:
            return self.words, self.token_index, self.hashes
        return self.lean_words, self.lean_index, self.lean_hashes


class CanonicalStream:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.canon: Canonicalizer | None = None
        # lowercase hash -> (canonical form or None when insertable, hash of the NORM to set,
        # whether the form is an optional adverb, hash of the form in the stream). A space
        # token is known by its lowercase too (a space's lowercase is its text, and a
        # token's IS_SPACE is that text's isspace()): its NORM is its lowercase, and it
        # is in the stream, as BARRIER, only when it is a paragraph break.
        self._forms: dict[int, tuple[str | None, int, bool, int]] = {}
        self._barrier = self.vocab.strings.add(BARRIER)

    def initialize_canonicalizer(self, canon: Canonicalizer) -> None:
        self.canon = canon
        self._forms.clear()

    def _form(self, lower: int) -> tuple[str | None, int, bool, int]:
        assert self.canon is not None, "call initialize_canonicalizer() first"
        text = self.vocab.strings[lower]
        form: tuple[str | None, int, bool, int]
        if text.isspace():
            form = (BARRIER, lower, False, self._barrier) if is_break(text) else (
                None, lower, False, lower)
        else:
            canonical = self.canon(text)
            norm = self.vocab.strings.add(canonical if canonical is not None else text)
            form = (canonical, norm, canonical in self.canon.optional, norm)
        if len(self._forms) >= MAX_CACHED_WORDS:
            self._forms.clear()
        self._forms[lower] = form
        return form

    def __call__(self, doc: Doc) -> Doc:
        words: list[str] = []
        index: list[int] = []
        hashes: list[int] = []
        optional: list[int] = []  # stream positions of optional adverbs
        if len(doc):
            (lowers,) = columns(doc, LOWER)
            norms = []
            forms = self._forms
            for i, lower in enumerate(lowers):
                form = forms.get(lower) or self._form(lower)
                norms.append(form[1])
                if form[0] is not None:
                    if form[2]:
                        optional.append(len(words))
                    words.append(form[0])
                    index.append(i)
                    hashes.append(form[3])  # the hash of the canonical form (or BARRIER)
            set_later(doc, NORM, norms)  # written into the Doc only for a token pattern
        if optional:
            skip = set(optional)
            keep = [k for k in range(len(words)) if k not in skip]
            stream = Stream(words, index, hashes, [words[k] for k in keep],
                            [index[k] for k in keep], [hashes[k] for k in keep])
        else:
            stream = Stream(words, index, hashes)
        doc.user_data[keys.STREAM] = stream
        return doc


def stream_of(doc: Doc) -> Stream:
    return doc.user_data[keys.STREAM]


@Language.factory("standout_stream")
def make_stream(nlp: Language, name: str) -> CanonicalStream:
    return CanonicalStream(nlp, name)
