"""Regex rules, for text whose shape matters more than its words.

Unfilled template placeholders (``[Company Name]``, ``{company}``, ``<Name>``)
are best seen in the raw characters; the match is widened to whole tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ..rulebook import Rule
from .phrase_rules import set_rule_spans

# The linter stores the paragraph's text here: rebuilding it from tokens (doc.text)
# walks every token, which costs more than all the regexes together.
TEXT_KEY = "standout.text"


class RegexRules:
    def __init__(self, name: str) -> None:
        self.name = name
        self.patterns: list[tuple[str, re.Pattern[str]]] = []

    def add_rules(self, rules: Iterable[Rule]) -> None:
        for rule in rules:
            self.patterns.extend((rule.id, re.compile(p)) for p in rule.patterns)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc.user_data.get(TEXT_KEY) or doc.text
        for rule_id, pattern in self.patterns:
            for match in pattern.finditer(text):
                if match.end() == match.start():
                    continue
                span = doc.char_span(match.start(), match.end(), label=rule_id,
                                     alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        set_rule_spans(doc, spans)
        return doc


@Language.factory("standout_regex_rules")
def make_regex_rules(nlp: Language, name: str) -> RegexRules:
    return RegexRules(name)
