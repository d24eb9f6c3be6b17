"""Token rules: a few spaCy Matcher patterns for what phrases cannot say.

Matcher cost grows with the number of patterns, and an ``{"IN": [...]}`` set is
tested in Python on every token. So each pattern gets a cheap prefilter: the
values its required tokens must have (in ORTH, LOWER or NORM). A pattern runs
only on a paragraph that holds an allowed value for every required token and,
when the pattern starts with two such tokens, holds them side by side. On most
paragraphs, no pattern runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import product

from spacy.attrs import LOWER, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from ..rulebook import Rule, RuleError
from . import keys
from .columns import columns, write_pending
from .phrase_rules import set_rule_spans
from .segments import token_segments_of

_ATTRS = {"ORTH": ORTH, "LOWER": LOWER, "NORM": NORM}
_REQUIRED_OPS = {None, "+", "!+", "1"}
MAX_PAIRS = 10_000  # a pattern's first two tokens' allowed value pairs, kept as one set
Requirement = tuple[int, frozenset[int]]  # (attribute id, allowed value hashes)


class TokenRules:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        # One Matcher per pattern, with what its required tokens need, what its first two
        # tokens need when both are required literals (and the pairs of values they may
        # have side by side), and the attributes it reads that the Doc may not hold yet.
        self.patterns: list[tuple[Matcher, list[Requirement], tuple[Requirement, ...],
                                  frozenset[tuple[int, int]] | None,
                                  frozenset[int] | None]] = []

    def add_rules(self, rules: Iterable[Rule]) -> None:
        for rule in rules:
            for pattern in rule.patterns:
                matcher = Matcher(self.vocab, validate=True)
                try:
                    matcher.add(rule.id, [list(pattern)], greedy="LONGEST")
                except (ValueError, KeyError, TypeError, re.error, OverflowError,
                        RecursionError) as exc:
                    message = " ".join(str(exc).split())[:300]
                    raise RuleError(rule.source, rule.id, f"bad token pattern: {message}") from None
                literals = [self._literal(token) for token in pattern]
                required = [literal for literal in literals if literal is not None]
                first_two = literals[:2]
                leading = (first_two[0], first_two[1]) if (
                    len(first_two) == 2 and first_two[0] is not None and first_two[1] is not None
                ) else ()
                pairs = None
                if leading and len(leading[0][1]) * len(leading[1][1]) <= MAX_PAIRS:
                    pairs = frozenset(product(leading[0][1], leading[1][1]))
                self.patterns.append((matcher, required, leading, pairs, _unwritten(pattern)))

    def _literal(self, token: dict) -> Requirement | None:
        """The values a required token must have in ORTH, LOWER or NORM, if it says."""
        if token.get("OP") not in _REQUIRED_OPS:
            return None
        for key, attr in _ATTRS.items():
            value = token.get(key)
            if isinstance(value, str):
                values = [value]
            elif isinstance(value, dict) and set(value) == {"IN"}:
                values = value["IN"]
            else:
                continue
            return attr, frozenset(self.vocab.strings.add(str(v)) for v in values)
        return None

    def __call__(self, doc: Doc) -> Doc:
        spans: list[keys.Place] = []
        if self.patterns and len(doc):
            orths, lowers, norms = columns(doc, ORTH, LOWER, NORM)  # NORM: kept by the stream
            strings = self.vocab.strings
            for first, end in token_segments_of(doc):  # each paragraph on its own
                values = {ORTH: orths[first:end], LOWER: lowers[first:end],
                          NORM: norms[first:end]}
                present: dict[int, set[int]] = {}  # the values of an attribute, when asked
                for matcher, required, leading, pairs, reads in self.patterns:
                    if not _meets(required, values, present):
                        continue
                    if leading and not _side_by_side(values, *leading, pairs):
                        continue
                    write_pending(doc, reads)  # NORM or SENT_START, if the pattern reads it
                    spans.extend(
                        (first + start, first + stop, strings[match_id])
                        for match_id, start, stop in matcher(doc[first:end])
                    )
        set_rule_spans(doc, spans)
        return doc


def _meets(required: list[Requirement], values: dict[int, list[int]],
           present: dict[int, set[int]]) -> bool:
    """Whether every required token has an allowed value in the paragraph (``values``);
    ``present`` keeps each attribute's set of values once made."""
    for attr, allowed in required:
        found = present.get(attr)
        if found is None:
            found = present[attr] = set(values[attr])
        if allowed.isdisjoint(found):
            return False
    return True


def _side_by_side(columns: dict[int, list[int]], first: Requirement, second: Requirement,
                  pairs: frozenset[tuple[int, int]] | None = None) -> bool:
    """Whether a token has a value ``first`` allows and the next one a value ``second``
    allows; ``pairs``, when given, holds every such pair of values (one C-level pass)."""
    (attr_a, allowed_a), (attr_b, allowed_b) = first, second
    values_a, values_b = columns[attr_a], columns[attr_b]
    if pairs is not None:
        return not pairs.isdisjoint(zip(values_a[:-1], values_b[1:], strict=True))
    return any(
        values_b[i + 1] in allowed_b for i, value in enumerate(values_a[:-1]) if value in allowed_a
    )


def _unwritten(pattern: Iterable[dict]) -> frozenset[int] | None:
    """The attributes kept as columns but maybe not yet in the Doc (components/columns.py)
    that the pattern reads: NORM, SENT_START; ``None`` (any) for an extension attribute."""
    names = {key for token in pattern for key in token}
    if "_" in names:
        return None
    return frozenset({NORM} & {_ATTRS.get(name) for name in names}) | (
        frozenset({SENT_START}) if names & {"IS_SENT_START", "SENT_START"} else frozenset())


@Language.factory("standout_token_rules")
def make_token_rules(nlp: Language, name: str) -> TokenRules:
    return TokenRules(nlp, name)
