"""The job posting checks: they need the posting (``context.posting``).

The work is in :mod:`standout.posting` (read once, compared once per check);
these detectors turn the comparison into candidates:

- ``posting-echo``: a sentence that copies a run of the posting's words back
  (the finding covers the copied run; ``$copied`` is it);
- ``posting-about``: a cover letter of ``min_words`` words or more that names
  the company and nothing of the employer's own (its products, customers,
  places, projects, as the posting's about part tells them). Answers to a
  question (``context.question``) are not cover letters;
- ``employer-other-role``: a role title in a role slot ("the Marketing
  Coordinator position") that is not the target role (given, or read from the
  posting); ``$other_role`` is the title. Needs only the role.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..employer_names import company_pattern
from ..posting.role_slots import other_roles
from ..rulebook import RuleError
from .base import Candidate, Detector, EngineParts

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..context import Context
    from ..rulebook import Rule

DEFAULT_MIN_WORDS = 120


class _PostingDetector(Detector):
    needs = frozenset({"posting"})

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        if parts.postings is None:
            raise RuleError(self.rules[0].source, self.rules[0].id,
                            f"check: {self.check} needs the engine's posting reader")
        self.postings = parts.postings


class PostingEcho(_PostingDetector):
    check = "posting-echo"
    passage = True

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        comparison = self.postings.compare(analysis, context)
        if comparison is None:
            return []
        text = analysis.text
        return [
            Candidate(rule.id, rule.severity, echo.copied[0], echo.copied[1], rule.message,
                      {"copied": text[echo.copied[0] : echo.copied[1]]})
            for echo in comparison.echoes
            for rule in self.rules
        ]


class NothingAboutThem(_PostingDetector):
    check = "posting-about"
    passage = True

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self._min_words = {rule.id: _min_words(rule) for rule in self.rules}

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        if context.question or not context.company:
            return []  # an answer to a question, or no employer to know about
        words = analysis.words
        rules = [rule for rule in self.rules if words >= self._min_words[rule.id]]
        pattern = company_pattern(context.company)
        named = pattern.search(analysis.text) if pattern is not None else None
        if not rules or named is None:
            return []  # employer.missing speaks when the company is never named
        comparison = self.postings.compare(analysis, context)
        if comparison is None or comparison.about is not None:
            return []
        posting = self.postings.read(context.posting or "")
        if not posting.about_terms:
            return []  # the posting says nothing about them either
        start, end = named.span()
        return [Candidate(rule.id, rule.severity, start, end, rule.message) for rule in rules]


class OtherRole(Detector):
    check = "employer-other-role"
    needs = frozenset({"role"})

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        target = context.role or ""
        out = []
        for paragraph in analysis.paragraphs:
            offset = paragraph.offset
            for slot in other_roles(paragraph.text, target):
                out.extend(
                    Candidate(rule.id, rule.severity, slot.start + offset, slot.end + offset,
                              rule.message, {"other_role": slot.title})
                    for rule in self.rules
                )
        return out


def _min_words(rule: Rule) -> int:
    value = rule.params.get("min_words", DEFAULT_MIN_WORDS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RuleError(rule.source, rule.id, "params.min_words must be a whole number >= 0")
    return value
