"""``check: generic-sentence``: sentences that could be in anyone's letter.

The phrase rules find the boilerplate someone listed; this check reads each
sentence whole with the generic-sentence model (:mod:`standout.generic`:
spaCy's bag-of-words classifier trained on the project's bank of sentences,
``models/generic/``). Its judgement is cached per paragraph, like the rest of
the paragraph's analysis; the context (the employer's name and the role's
title are not evidence) is applied on every check. Where a phrase rule matched
part of a sentence, only the sentence's rest is judged, so no words are
underlined twice (docs/generic-model.md). The judgement is kept with each
paragraph's cached analysis (``ParagraphAnalysis.derived``), so the check needs
no cache of its own. The rule's params are the thresholds: ``warning_at``,
``info_at``, ``min_words``, ``min_rest_words`` and ``novel_words``.
"""

from __future__ import annotations

from collections.abc import Sequence
from string import Template
from typing import TYPE_CHECKING

from ..generic.judge import SentenceJudge, Thresholds
from ..generic.model import bundled_model
from ..rulebook import RuleError
from .base import Candidate, Detector, EngineParts

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..context import Context
    from ..rulebook import Rule

SHARES = {"warning_at", "info_at"}
WHOLE, REST = "This sentence", "The rest of this sentence"  # $part in the rule's texts
COUNTS = {"min_words", "min_rest_words", "novel_words"}


class GenericSentences(Detector):
    check = "generic-sentence"

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self.thresholds = {rule.id: _thresholds(rule) for rule in self.rules}
        # The message for a whole sentence and for its rest, filled here once: a
        # candidate without values has its texts filled from a cache (checks/base.py).
        self.messages = {
            rule.id: {whole: Template(rule.message).safe_substitute(part=part)
                      for whole, part in ((True, WHOLE), (False, REST))}
            for rule in self.rules
        }
        # Stretches too short for every rule's thresholds are not scored.
        self.judge = SentenceJudge(
            bundled_model(),
            min_words=min((t.min_words for t in self.thresholds.values()), default=0),
            min_rest_words=min((t.min_rest_words for t in self.thresholds.values()), default=0))

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        out = []
        for rule in self.rules:
            messages = self.messages[rule.id]
            out += [
                Candidate(rule.id, severity, start, end, messages[whole])
                for start, end, severity, whole in self.judge.verdicts(
                    analysis.paragraphs, context.company, context.role,
                    self.thresholds[rule.id], analysis.reference, analysis.candidate)
            ]
        return out


def _thresholds(rule: Rule) -> Thresholds:
    for key, value in rule.params.items():
        if key not in SHARES | COUNTS:
            known = ", ".join(sorted(SHARES | COUNTS))
            raise RuleError(rule.source, rule.id,
                            f"unknown param '{key}' for check: generic-sentence (known: {known})")
        number = int if key in COUNTS else (int, float)
        if isinstance(value, bool) or not isinstance(value, number) or value < 0 or (
            key in SHARES and value > 1
        ):
            kind = "an integer, 0 or more" if key in COUNTS else "a number between 0 and 1"
            raise RuleError(rule.source, rule.id, f"param '{key}' must be {kind}")
    thresholds = Thresholds.from_params(rule.params)
    if thresholds.info_at > thresholds.warning_at:
        raise RuleError(rule.source, rule.id, "param 'info_at' must not exceed 'warning_at'")
    return thresholds
