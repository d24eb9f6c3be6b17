"""The employer checks: they need the target company (``context.company``).

- ``employer-other``: the text names another employer as the one it is aimed
  at ("the analyst position at Globex" in a letter for Acme), a leftover from a
  letter written for someone else. The mentions come from the pipeline
  (components/employer_mentions.py, triggers in the rule's params).
- ``employer-missing``: a text of at least ``min_words`` words never names the
  company in any form ("ACME Inc." is Acme). The finding points at a generic
  stand-in ("your company") if there is one, else at the opening sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..employer_names import company_pattern, same_company
from ..rulebook import RuleError
from .base import Candidate, Detector, EngineParts

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..context import Context
    from ..rulebook import Rule

DEFAULT_MIN_WORDS = 40


class EmployerOther(Detector):
    check = "employer-other"
    needs = frozenset({"company"})

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self.postings = parts.postings

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        company = context.company or ""
        # The posting's own names are this employer's: its sites, brands, parent.
        own = self.postings.read(context.posting).own_names if (
            context.posting and self.postings is not None) else frozenset()
        out = []
        for paragraph in analysis.paragraphs:
            for mention in paragraph.mentions:
                if not same_company(mention.text, company) and not any(
                        same_company(mention.text, name) for name in own):
                    out.extend(
                        Candidate(rule.id, rule.severity, mention.start, mention.end,
                                  rule.message, {"other": mention.text})
                        for rule in self.rules
                    )
        return out


class EmployerMissing(Detector):
    check = "employer-missing"
    passage = True
    needs = frozenset({"company"})

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self._min_words = {rule.id: _min_words(rule) for rule in self.rules}

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        pattern = company_pattern(context.company or "")
        if pattern is None or not analysis.paragraphs or pattern.search(analysis.text):
            return []
        words = analysis.words
        rules = [rule for rule in self.rules if words >= self._min_words[rule.id]]
        if not rules:
            return []
        start, end = missing_anchor(analysis)
        return [Candidate(rule.id, rule.severity, start, end, rule.message) for rule in rules]


def _min_words(rule: Rule) -> int:
    value = rule.params.get("min_words", DEFAULT_MIN_WORDS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RuleError(rule.source, rule.id, "param 'min_words' must be an integer, 0 or more")
    return value


def missing_anchor(analysis: Analysis) -> tuple[int, int]:
    """Where to point when the company is never named: a generic stand-in, else the opening."""
    for paragraph in analysis.paragraphs:
        if paragraph.generic_references:
            return paragraph.generic_references[0]
    for paragraph in analysis.paragraphs:
        for start, end in paragraph.sentences:
            if paragraph.words >= 8 or len(analysis.paragraphs) == 1:
                return start, end
    return analysis.paragraphs[0].sentences[0]
