"""The checks of a list of questions for the interviewer (``context.kind`` ``questions``,
given or inferred; see :mod:`standout.interview.asks`).

- ``ask-generic``: each question anyone could ask without knowing the employer;
- ``ask-none``: a list that is empty or says there are no questions. The finding
  covers the whole text (an empty span at 0 for an empty text).

``ask-generic`` also reports ``stats.asks``: how many questions, how many generic,
and whether the list says there are none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..employer_names import company_pattern
from ..interview.readers import asks_for
from .base import Candidate, Detector, EngineParts

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..context import Context
    from ..interview.asks import AskList
    from ..rulebook import Rule

QUESTIONS = "questions"


def _company_spans(text: str, company: str | None) -> list[tuple[int, int]]:
    pattern = company_pattern(company) if company else None
    return [m.span() for m in pattern.finditer(text)] if pattern else []


class _AskCheck(Detector):
    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self.shared = asks_for(parts.nlp)

    def read(self, analysis: Analysis, context: Context) -> AskList:
        return self.shared.read(analysis, _company_spans(analysis.text, context.company))


class AskGeneric(_AskCheck):
    check = "ask-generic"
    passage = True
    reports = True

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        if context.kind != QUESTIONS:
            return []
        return [
            Candidate(rule.id, rule.severity, ask.start, ask.end, rule.message)
            for ask in self.read(analysis, context).generic
            for rule in self.rules
        ]

    def report_data(self, analysis: Analysis, context: Context) -> Mapping[str, Any]:
        if context.kind != QUESTIONS:
            return {}
        return {"asks": self.read(analysis, context).to_dict()}


class AskNone(_AskCheck):
    check = "ask-none"
    passage = True

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        if context.kind != QUESTIONS or not self.read(analysis, context).says_none:
            return []
        text = analysis.text
        start = len(text) - len(text.lstrip())
        end = max(start, len(text.rstrip()))
        return [Candidate(rule.id, rule.severity, start, end, rule.message) for rule in self.rules]
