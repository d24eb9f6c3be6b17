"""Sentence boundaries without a parser.

A sentence starts after ``.``, ``!`` or ``?`` (and any closing quotes or
brackets), and after a line break when the line before ended a clause or the
next line starts like a new sentence. A line break inside a sentence (a soft
wrap copied from a PDF) does not split it. Boundaries are computed over token
hashes and kept as a column (written into the Doc only when a token pattern is to
read it, see columns.py): this runs on every keystroke.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress, repeat

from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from . import MAX_CACHED_WORDS, keys
from .columns import columns, set_later
from .segments import is_break

TERMINALS = {".", "!", "?", "…", "...", "?!", "!!", "!?"}
CLOSERS = {'"', "'", "”", "’", ")", "]", "»"}
CLAUSE_ENDS = {":", ",", ";"}
# Abbreviations that sit before a name or a word and never end a sentence.
TITLES = {"mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "mt.", "jr.", "sr.", "e.g.", "i.e.",
          "vs.", "no.", "fig.", "approx.", "dept."}

OTHER, TERMINAL, CLOSER, CLAUSE_END, ABBREVIATION = range(5)
# Whether a token of each kind (None: a space) is read one by one (see Sentences.__call__).
READ_ONE_BY_ONE = {None: True, **{(kind, starter): kind != OTHER
                                  for kind in range(5) for starter in (False, True)}}
_UNSEEN = object()  # a token whose kind is not known yet


def sentences_of(doc: Doc) -> list[int]:
    """Token indices where sentences start (the first is 0), as set by this component."""
    return doc.user_data[keys.SENTENCE_STARTS]


def sentence_bounds(doc: Doc, token_index: int) -> tuple[int, int]:
    """The token range ``[start, end)`` of the sentence holding ``token_index``."""
    starts = sentences_of(doc)
    position = bisect_right(starts, token_index) - 1
    end = starts[position + 1] if position + 1 < len(starts) else len(doc)
    return starts[position], end


class Sentences:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.strings = nlp.vocab.strings
        self._kinds: dict[int, tuple[int, bool] | None] = {}  # None: a space

    def _kind(self, orth: int) -> tuple[int, bool] | None:
        """(what the token does to sentences, whether it looks like a sentence start), or
        None for a space (a token's IS_SPACE is its text's ``isspace()``)."""
        found = self._kinds.get(orth, _UNSEEN)
        if found is not _UNSEEN:
            return found
        text = self.strings[orth]
        if text.isspace():
            kind = None
        else:
            if text in TERMINALS:
                word = TERMINAL
            elif text in CLOSERS:
                word = CLOSER
            elif text in CLAUSE_ENDS:
                word = CLAUSE_END
            elif len(text) > 1 and text.endswith(".") and text.lower() not in TITLES:
                word = ABBREVIATION  # "a.m.", "etc.": ends a sentence before a capital
            else:
                word = OTHER
            first = text[:1]
            kind = (word, first.isupper() or first.isdigit() or first in "-*•–—\"“(")
        if len(self._kinds) >= MAX_CACHED_WORDS:
            self._kinds.clear()
        self._kinds[orth] = kind
        return kind

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            doc.user_data[keys.SENTENCE_STARTS] = []
            return doc
        (orths,) = columns(doc, ORTH)
        # Each token's kind by its ORTH in one C-level pass; words not seen before after.
        kinds = list(map(self._kinds.get, orths, repeat(_UNSEEN)))
        if _UNSEEN in kinds:
            kinds = [self._kind(orth) if info is _UNSEEN else info
                     for orth, info in zip(orths, kinds, strict=True)]
        starts = [-1] * n
        starts[0] = 1
        start_next = True
        previous: int | None = None  # kind of the last non-space token
        strings = self.strings
        after = 0  # the token after the last one read
        # Only spaces and tokens of a kind other than OTHER are read one by one: a run of
        # OTHER tokens (most words) starts a sentence at its first token if one is due,
        # and leaves none due.
        for i in compress(range(n), map(READ_ONE_BY_ONE.__getitem__, kinds)):  # C-level
            if i > after:
                if start_next:
                    starts[after] = 1
                start_next, previous = False, OTHER
            after = i + 1
            info = kinds[i]
            if info is None:
                whitespace = strings[orths[i]]
                if is_break(whitespace):
                    start_next, previous = True, None  # a new paragraph (see segments.py)
                elif previous is not None and "\n" in whitespace:
                    following = kinds[i + 1] if i + 1 < n else None
                    if previous != OTHER or (following is not None and following[1]):
                        start_next = True
                continue
            kind = info[0]
            if start_next and kind == CLOSER and previous == TERMINAL:
                start_next = True  # a closing quote belongs to the sentence it closes
            else:
                if start_next:
                    starts[i] = 1
                if kind == TERMINAL:
                    start_next = True
                elif kind == ABBREVIATION:
                    start_next = self._next_is_capital(kinds, i + 1)
                else:
                    start_next = False
            previous = kind
        if after < n and start_next:
            starts[after] = 1
        set_later(doc, SENT_START, starts, signed=True)  # written only for a token pattern
        doc.user_data[keys.SENTENCE_STARTS] = list(compress(range(n), map((1).__eq__, starts)))
        return doc

    @staticmethod
    def _next_is_capital(kinds, i: int) -> bool:
        while i < len(kinds) and kinds[i] is None:
            i += 1
        return i >= len(kinds) or kinds[i][1]


@Language.factory("standout_sentences")
def make_sentences(nlp: Language, name: str) -> Sentences:
    return Sentences(nlp, name)
