"""The stand-out score, 0 to 100: higher stands out more.

    score = specificity + originality          (rounded, 0..100)
    specificity = 60 * min(1, specifics per 100 words / 6)
    originality = 40 * max(0, 1 - weighted findings per 100 words / 10)

Specifics are numbers, dates, named things and concrete actions ("I shipped");
a finding weighs 4 (error), 2 (warning) or 0.5 (info). A text with no words
scores 0. The reasoning and worked examples are in docs/score.md.
"""

from __future__ import annotations

from collections.abc import Iterable

SPECIFICS_FOR_FULL_MARKS = 6.0  # per 100 words: about the median of real personal letters
PENALTY_FOR_ZERO = 10.0  # weighted findings per 100 words
WEIGHTS = {"error": 4.0, "warning": 2.0, "info": 0.5}


def score_parts(words: int, specifics: int, severities: Iterable[str]) -> tuple[float, float]:
    """``(specificity, originality)``, out of 60 and 40: the score is their rounded sum."""
    if words <= 0:
        return 0.0, 0.0
    per_hundred = 100.0 / words
    specificity = 60.0 * min(1.0, specifics * per_hundred / SPECIFICS_FOR_FULL_MARKS)
    penalty = sum(WEIGHTS[s] for s in severities) * per_hundred
    originality = 40.0 * max(0.0, 1.0 - penalty / PENALTY_FOR_ZERO)
    return specificity, originality


def stand_out_score(words: int, specifics: int, severities: Iterable[str]) -> int:
    specificity, originality = score_parts(words, specifics, severities)
    return max(0, min(100, round(specificity + originality)))
