"""Token rules: a few spaCy Matcher patterns for what phrases cannot say.

Matcher cost grows with the number of patterns, so these are kept few and use
``{"NORM": {"IN": [...]}}`` sets (NORM holds the canonical form, see normalizer).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..rulebook import Rule, RuleError
from .phrase_rules import set_rule_spans


class TokenRules:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.matcher = Matcher(nlp.vocab, validate=True)

    def add_rules(self, rules: Iterable[Rule]) -> None:
        for rule in rules:
            try:
                self.matcher.add(rule.id, [list(p) for p in rule.patterns], greedy="LONGEST")
            except (ValueError, KeyError, TypeError) as exc:
                message = " ".join(str(exc).split())[:300]
                raise RuleError(rule.source, rule.id, f"bad token pattern: {message}") from None

    def __call__(self, doc: Doc) -> Doc:
        spans = [
            Span(doc, start, end, label=match_id)
            for match_id, start, end in self.matcher(doc)
        ]
        set_rule_spans(doc, spans)
        return doc


@Language.factory("standout_token_rules")
def make_token_rules(nlp: Language, name: str) -> TokenRules:
    return TokenRules(nlp, name)
