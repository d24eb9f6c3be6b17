"""Token rules: a few spaCy Matcher patterns for what phrases cannot say.

Matcher cost grows with the number of patterns, and an ``{"IN": [...]}`` set is
tested in Python on every token. So each pattern gets a cheap prefilter: the
words it cannot match without (its required tokens' ORTH, LOWER or NORM
values). A pattern runs only on a paragraph that holds at least one allowed
value for every required token, which on most paragraphs is none.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import LOWER, NORM, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..rulebook import Rule, RuleError
from .phrase_rules import set_rule_spans

_ATTRS = {"ORTH": ORTH, "LOWER": LOWER, "NORM": NORM}
_REQUIRED_OPS = {None, "+", "!+", "1"}


class TokenRules:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        # one Matcher per pattern, with its requirements: [(attr id, allowed hashes), ...]
        self.patterns: list[tuple[Matcher, list[tuple[int, frozenset[int]]]]] = []

    def add_rules(self, rules: Iterable[Rule]) -> None:
        for rule in rules:
            for pattern in rule.patterns:
                matcher = Matcher(self.vocab, validate=True)
                try:
                    matcher.add(rule.id, [list(pattern)], greedy="LONGEST")
                except (ValueError, KeyError, TypeError) as exc:
                    message = " ".join(str(exc).split())[:300]
                    raise RuleError(rule.source, rule.id, f"bad token pattern: {message}") from None
                self.patterns.append((matcher, self._requirements(pattern)))

    def _requirements(self, pattern: list[dict]) -> list[tuple[int, frozenset[int]]]:
        required = []
        for token in pattern:
            if token.get("OP") not in _REQUIRED_OPS:
                continue
            for key, attr in _ATTRS.items():
                value = token.get(key)
                if isinstance(value, str):
                    values = [value]
                elif isinstance(value, dict) and set(value) == {"IN"}:
                    values = value["IN"]
                else:
                    continue
                hashes = frozenset(self.vocab.strings.add(str(v)) for v in values)
                required.append((attr, hashes))
        return required

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        if self.patterns and len(doc):
            columns = doc.to_array([ORTH, LOWER, NORM]).T.tolist()
            present = {ORTH: set(columns[0]), LOWER: set(columns[1]), NORM: set(columns[2])}
            for matcher, required in self.patterns:
                if all(not allowed.isdisjoint(present[attr]) for attr, allowed in required):
                    spans.extend(
                        Span(doc, start, end, label=match_id)
                        for match_id, start, end in matcher(doc)
                    )
        set_rule_spans(doc, spans)
        return doc


@Language.factory("standout_token_rules")
def make_token_rules(nlp: Language, name: str) -> TokenRules:
    return TokenRules(nlp, name)
