"""The stand-out score, 0 to 100: higher stands out more.

    n           = max(words, 50)                   (a short answer is scored as 50 words)
    score       = specificity * trust + originality        (rounded, 0..100)
    specificity = 60 * min(1, specifics per 100 n-words / 6)
    originality = 40 * 0.5 ** (weighted findings per 100 n-words / 4) * coverage
    coverage    = 0.5 + 0.5 * min(1, sentences holding a specific / sentences / (2/3))
    trust       = 0.5 + 0.5 * originality / 40     (1 with no findings, towards 0.5 with many)

Specifics are numbers, dates, named things and concrete actions ("I shipped");
one in a sentence that still holds a phrase-level warning or error does not
count, nor the employer's own name or the role's title (stats.py).
A finding weighs 4 (error), 2 (warning) or 0.5 (info). Originality halves with
every 4 weighted points per 100 words and never reaches zero, so each finding the
user fixes moves the score. Specifics count for less among boilerplate (trust):
a reader who meets a stock phrase in every other sentence stops trusting the
details between them, and a short stock paragraph with a degree and a list of
tools in it must not score as a specific one. Originality is not free either
(coverage): no rulebook lists every stock sentence, and the ones it misses are
sentences with nothing checkable in them, so a text where fewer than two
sentences in three hold a specific keeps less of its originality ("I have spent
three years as an analyst. This role has allowed me to grow. Finance is where my
heart is." has one fact in three sentences). A text with no words scores 0. The
reasoning, worked examples and the surprises this avoids are in docs/score.md.
"""

from __future__ import annotations

from collections.abc import Iterable

SPECIFICS_FOR_FULL_MARKS = 6.0  # per 100 words: about the median of real personal letters
HALF_LIFE = 4.0  # weighted findings per 100 words that halve the originality part
MIN_WORDS = 50  # shorter texts are scored as if they were this long
WEIGHTS = {"error": 4.0, "warning": 2.0, "info": 0.5}
TRUST_AT_WORST = 0.5  # the share of specificity that boilerplate can take away
SPECIFIC_SHARE_FOR_FULL = 2 / 3  # sentences holding a specific, for full originality
COVERAGE_AT_WORST = 0.5  # the share of originality that sentences with nothing take away


def score_parts(words: int, specifics: int, severities: Iterable[str], sentences: int = 0,
                specific_sentences: int = 0) -> tuple[float, float]:
    """``(specificity, originality)``, out of 60 and 40: the score is their rounded sum.

    ``specificity`` is the part the score counts, trust applied (see the module's formula).
    With no ``sentences`` given, coverage is 1.
    """
    if words <= 0:
        return 0.0, 0.0
    per_hundred = 100.0 / max(words, MIN_WORDS)
    specificity = 60.0 * min(1.0, specifics * per_hundred / SPECIFICS_FOR_FULL_MARKS)
    penalty = sum(WEIGHTS[s] for s in severities) * per_hundred
    originality = 40.0 * 0.5 ** (penalty / HALF_LIFE) * coverage(sentences, specific_sentences)
    return specificity * trust(originality), originality


def coverage(sentences: int, specific_sentences: int) -> float:
    """The share of originality the score counts: 1 when two sentences in three hold a
    specific, down to 1 - COVERAGE_AT_WORST when none does."""
    if sentences <= 0:
        return 1.0
    share = min(1.0, specific_sentences / sentences / SPECIFIC_SHARE_FOR_FULL)
    return 1.0 - COVERAGE_AT_WORST + COVERAGE_AT_WORST * share


def trust(originality: float) -> float:
    """The share of specificity the score counts, 1 down to 1 - TRUST_AT_WORST."""
    return 1.0 - TRUST_AT_WORST + TRUST_AT_WORST * originality / 40.0


def stand_out_score(words: int, specifics: int, severities: Iterable[str], sentences: int = 0,
                    specific_sentences: int = 0) -> int:
    specificity, originality = score_parts(
        words, specifics, severities, sentences, specific_sentences)
    return max(0, min(100, round(specificity + originality)))

