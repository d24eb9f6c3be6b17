"""``check: sample``: passages that follow a bundled or saved sample answer.

The work is in :mod:`standout.samples` (the matcher finds and caches, the
decision module decides); this detector turns each match into a candidate with
the values its rule's texts use: ``$share``, ``$retained``, ``$sample``,
``$title`` and ``$question``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..rulebook import RuleError
from ..samples.decision import SampleMatch, percent
from ..samples.matcher import SampleMatcher
from .base import Candidate, Detector, EngineParts

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..context import Context
    from ..rulebook import Rule


class SampleCheck(Detector):
    check = "sample"
    passage = True

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        if len(self.rules) > 1:
            extra = self.rules[1]
            raise RuleError(extra.source, extra.id, "only one rule may use check: sample"
                            f" (it is '{self.rules[0].id}', in {self.rules[0].source})")
        self.rule = self.rules[0]
        self.matcher = SampleMatcher(self.rule, parts.nlp)

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        rule = self.rule
        return [
            Candidate(rule.id, match.severity, match.start, match.end, rule.message,
                      match_values(match))
            for match in self.matcher.matches(analysis)
        ]

    def clear_cache(self) -> None:
        self.matcher.clear_cache()


def match_values(match: SampleMatch) -> dict[str, str]:
    """What the rule's message and advice say about one match."""
    return {
        "share": percent(match.share, capital=True),
        "retained": percent(match.retained),
        "sample": match.sample.described,
        "title": match.sample.title,
        "question": match.sample.question or "your saved sample",
    }
