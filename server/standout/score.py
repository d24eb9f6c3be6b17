"""The stand-out score, 0 to 100: higher stands out more.

    n           = max(words, 50)                   (a short answer is scored as 50 words)
    score       = specificity * trust + originality        (rounded, 0..100)
    specificity = 60 * min(1, specifics per 100 n-words / 6)
    originality = 40 * 0.5 ** (weighted findings per 100 n-words / 4)
    trust       = 0.5 + 0.5 * originality / 40     (1 with no findings, towards 0.5 with many)

Specifics are numbers, dates, named things and concrete actions ("I shipped");
one in a sentence that still holds a phrase-level warning or error does not
count, nor the employer's own name or the role's title (stats.py).
A finding weighs 4 (error), 2 (warning) or 0.5 (info). Originality halves with
every 4 weighted points per 100 words and never reaches zero, so each finding the
user fixes moves the score. Specifics count for less among boilerplate (trust):
a reader who meets a stock phrase in every other sentence stops trusting the
details between them, and a short stock paragraph with a degree and a list of
tools in it must not score as a specific one. A text with no words scores 0. The reasoning, worked
examples and the surprises this avoids are in docs/score.md.
"""

from __future__ import annotations

from collections.abc import Iterable

SPECIFICS_FOR_FULL_MARKS = 6.0  # per 100 words: about the median of real personal letters
HALF_LIFE = 4.0  # weighted findings per 100 words that halve the originality part
MIN_WORDS = 50  # shorter texts are scored as if they were this long
WEIGHTS = {"error": 4.0, "warning": 2.0, "info": 0.5}
TRUST_AT_WORST = 0.5  # the share of specificity that boilerplate can take away


def score_parts(words: int, specifics: int, severities: Iterable[str]) -> tuple[float, float]:
    """``(specificity, originality)``, out of 60 and 40: the score is their rounded sum.

    ``specificity`` is the part the score counts, trust applied (see the module's formula).
    """
    if words <= 0:
        return 0.0, 0.0
    per_hundred = 100.0 / max(words, MIN_WORDS)
    specificity = 60.0 * min(1.0, specifics * per_hundred / SPECIFICS_FOR_FULL_MARKS)
    penalty = sum(WEIGHTS[s] for s in severities) * per_hundred
    originality = 40.0 * 0.5 ** (penalty / HALF_LIFE)
    return specificity * trust(originality), originality


def trust(originality: float) -> float:
    """The share of specificity the score counts, 1 down to 1 - TRUST_AT_WORST."""
    return 1.0 - TRUST_AT_WORST + TRUST_AT_WORST * originality / 40.0


def stand_out_score(words: int, specifics: int, severities: Iterable[str]) -> int:
    specificity, originality = score_parts(words, specifics, severities)
    return max(0, min(100, round(specificity + originality)))

