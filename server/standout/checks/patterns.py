"""Phrase, token and regex rules: their matches come from the spaCy pipeline.

The components match every pattern rule while a paragraph is analysed (and
cached); this detector only places each match in the text and applies the one
context-dependent step, claims and their evidence: a claim rule ("I am
detail-oriented") drops to ``info`` with its ``backed_message`` when the same
sentence holds a specific (a number, a date, a name) other than the target
company itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..employer_names import names_company
from .base import Candidate, Detector, EngineParts

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..context import Context
    from ..rulebook import Rule


class PatternMatches(Detector):
    check = "patterns"

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self._rules = {rule.id: rule for rule in self.rules}

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        rules = self._rules
        company = context.company
        out = []
        for paragraph in analysis.paragraphs:
            offset = paragraph.offset
            for match in paragraph.local.matches:
                rule = rules[match.rule]
                start, end = match.start + offset, match.end + offset
                if rule.claim and any(not names_company(e, company) for e in match.evidence):
                    out.append(Candidate(rule.id, "info", start, end, rule.backed_message))
                else:
                    out.append(Candidate(rule.id, rule.severity, start, end, rule.message))
        return out
