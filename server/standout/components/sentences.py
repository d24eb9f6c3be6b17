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

OTHER, TERMINAL, CLOSER, CLAUSE_END, ABBREVIATION, SPACE = range(6)
# A space token's kind (its text is whitespace: a token's IS_SPACE is its text's isspace()).
SPACE_KIND = (SPACE, False)


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
        self._kinds: dict[int, tuple[int, bool]] = {}

    def _kind(self, orth: int) -> tuple[int, bool]:
        """(what the token does to sentences, whether it looks like a sentence start);
        SPACE_KIND for a space (told by value: the cache is pickled with the pipeline)."""
        found = self._kinds.get(orth)
        if found is None:
            text = self.strings[orth]
            if text.isspace():
                if len(self._kinds) >= MAX_CACHED_WORDS:
                    self._kinds.clear()
                found = self._kinds[orth] = SPACE_KIND
                return found
            if text in TERMINALS:
                kind = TERMINAL
            elif text in CLOSERS:
                kind = CLOSER
            elif text in CLAUSE_ENDS:
                kind = CLAUSE_END
            elif len(text) > 1 and text.endswith(".") and text.lower() not in TITLES:
                kind = ABBREVIATION  # "a.m.", "etc.": ends a sentence before a capital
            else:
                kind = OTHER
            first = text[:1]
            starter = first.isupper() or first.isdigit() or first in "-*•–—\"“("
            if len(self._kinds) >= MAX_CACHED_WORDS:
                self._kinds.clear()
            found = self._kinds[orth] = (kind, starter)
        return found

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            doc.user_data[keys.SENTENCE_STARTS] = []
            return doc
        (orths,) = columns(doc, ORTH)
        known = self._kinds.get  # most words are known: no method call for them
        kinds = [known(orth) or self._kind(orth) for orth in orths]
        starts = [-1] * n
        starts[0] = 1
        # The starts' token indices, as they are set: each is past the ones before (a
        # token is set at most once after 0, which the first one read may set again).
        begun = [0]
        start_next = True
        previous: int | None = None  # kind of the last non-space token
        strings = self.strings
        after = 0  # the token after the last one read
        # Only spaces and tokens of a kind other than OTHER are read one by one: a run of
        # OTHER tokens (most words) starts a sentence at its first token if one is due,
        # and leaves none due.
        for i in [i for i, info in enumerate(kinds) if info[0] != OTHER]:
            if i > after:
                if start_next:
                    starts[after] = 1
                    if after:
                        begun.append(after)
                start_next, previous = False, OTHER
            after = i + 1
            info = kinds[i]
            if info[0] == SPACE:  # by value: a pickled cache holds copies of SPACE_KIND
                whitespace = strings[orths[i]]
                if is_break(whitespace):
                    start_next, previous = True, None  # a new paragraph (see segments.py)
                elif previous is not None and "\n" in whitespace:
                    following = kinds[i + 1] if i + 1 < n else SPACE_KIND
                    if previous != OTHER or following[1]:  # a space is not a start
                        start_next = True
                continue
            kind = info[0]
            if start_next and kind == CLOSER and previous == TERMINAL:
                start_next = True  # a closing quote belongs to the sentence it closes
            else:
                if start_next:
                    starts[i] = 1
                    if i:
                        begun.append(i)
                if kind == TERMINAL:
                    start_next = True
                elif kind == ABBREVIATION:
                    start_next = self._next_is_capital(kinds, i + 1)
                else:
                    start_next = False
            previous = kind
        if after < n and start_next:
            starts[after] = 1
            if after:
                begun.append(after)
        set_later(doc, SENT_START, starts, signed=True)  # written only for a token pattern
        doc.user_data[keys.SENTENCE_STARTS] = begun
        return doc

    @staticmethod
    def _next_is_capital(kinds, i: int) -> bool:
        while i < len(kinds) and kinds[i][0] == SPACE:
            i += 1
        return i >= len(kinds) or kinds[i][1]


@Language.factory("standout_sentences")
def make_sentences(nlp: Language, name: str) -> Sentences:
    return Sentences(nlp, name)
