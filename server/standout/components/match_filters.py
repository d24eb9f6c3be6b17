"""The last word on rule matches: antipatterns, and matches that are not a use of the phrase.

Runs after every matching component (phrase, token and regex rules), so what it
drops is dropped for every kind of rule.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Iterable

from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from ..rulebook import Rule
from . import keys
from .columns import columns


class Antipatterns:
    """Drops rule matches that an antipattern cancels, or that are not a use of the phrase.

    Runs after every matching component, so this works for phrase, token and
    regex rules alike. A match goes when it overlaps one of its rule's
    antipatterns ("outside the box office" is not a cliché); when it begins or
    ends inside a hyphenated word ("driven professional" in "results-driven
    professional" is the other rule's business); when it is quoted ('the
    "fast learner" mode'); or when it is part of a longer name in title case
    ("the Hard Worker Series", "our Team Player Award").
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.literal: frozenset[str] = frozenset()  # rules whose matches are never a name

    def add_rules(self, rules: Iterable[Rule]) -> None:
        """Regex rules (placeholders such as "[Company Name]") match shapes, not phrases:
        they are matched inside quotes and title case too."""
        self.literal = frozenset(rule.id for rule in rules)

    def __call__(self, doc: Doc) -> Doc:
        spans = doc.user_data.get(keys.RULE_MATCHES)
        if not spans:
            return doc
        anti = doc.user_data.get(keys.ANTIPATTERNS) or {}
        places = {rule: _Places(found) for rule, found in anti.items() if found}
        tokens = _Tokens(doc)
        kept = [
            (start, end, rule) for start, end, rule in spans
            if not (rule in places and places[rule].overlap(start, end))
            and not tokens.inside_hyphenated(start, end)
            and (rule in self.literal or not (
                tokens.quoted(start, end) or tokens.in_a_name(start, end)))
        ]
        if len(kept) != len(spans):
            doc.user_data[keys.RULE_MATCHES] = kept
        return doc


class _Places:
    """Token ranges, asked whether any overlaps ``[start, end)`` in O(log n)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges = sorted(ranges)
        self.starts = [s for s, _ in ranges]
        # the furthest end among the ranges up to each one (they may nest or overlap)
        self.reach = list(itertools.accumulate((e for _, e in ranges), max))

    def overlap(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # the ranges starting before ``end``
        return i > 0 and self.reach[i - 1] > start


QUOTES = {'"', "'", "“", "”", "‘", "’", "«", "»"}


class _Tokens:
    """The token attributes the filters read, as arrays read once per Doc.

    Whether a token is alphabetic (spaCy's IS_ALPHA, ``str.isalpha``) or in title case
    (IS_TITLE, ``str.istitle``) is asked of its text, for the few tokens beside a match:
    reading those attributes for every token of the Doc cost more than all the filters.
    """

    def __init__(self, doc: Doc) -> None:
        self.strings = doc.vocab.strings
        self.orth, self.space, self.sent_start = columns(
            doc, ORTH, SPACY, SENT_START)  # SENT_START: kept by the sentences
        self.n = len(self.orth)
        self.hyphen = self.strings["-"]
        self.quotes = {self.strings[q] for q in QUOTES}

    def _alpha(self, i: int) -> bool:
        return self.strings[self.orth[i]].isalpha()

    def quoted(self, start: int, end: int) -> bool:
        """A phrase in quotation marks is mentioned, not used: 'the "fast learner" mode'."""
        return (start > 0 and end < self.n and self.orth[start - 1] in self.quotes
                and self.orth[end] in self.quotes and not self.space[start - 1]
                and not self.space[end - 1])

    def _title_word(self, i: int) -> bool:
        text = self.strings[self.orth[i]]
        return text.isalpha() and (text.istitle() or _title_case(text))

    def in_a_name(self, start: int, end: int) -> bool:
        """Title-case words running on past the match, mid-sentence: "the Hard Worker Series"."""
        if self.sent_start[start] == 1:
            return False
        strings, orth = self.strings, self.orth
        alpha = False  # whether the match has an alphabetic word (each must be in title case)
        for i in range(start, end):  # one read of each word, out at the first lowercase one
            text = strings[orth[i]]
            if text.isalpha():
                if not (text.istitle() or _title_case(text)):
                    return False
                alpha = True
        if not alpha:
            return False
        return any(0 <= i < self.n and self._title_word(i) and self.sent_start[i] != 1
                   for i in (start - 1, end))

    def inside_hyphenated(self, start: int, end: int) -> bool:
        """Whether tokens ``[start, end)`` begin or end inside a hyphenated word."""
        orth, space, alpha = self.orth, self.space, self._alpha
        if start >= 2 and orth[start - 1] == self.hyphen and not space[start - 1] and (
                not space[start - 2] and alpha(start - 2) and alpha(start)):
            return True
        return (end + 1 < self.n and orth[end] == self.hyphen and not space[end - 1]
                and not space[end] and alpha(end - 1) and alpha(end + 1))


def _title_case(text: str) -> bool:
    return text[:1].isupper() and not text.isupper()


@Language.factory("standout_antipatterns")
def make_antipatterns(nlp: Language, name: str) -> Antipatterns:
    return Antipatterns(name)
