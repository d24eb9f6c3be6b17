"""The stand-out score, 0 to 100: higher stands out more.

    n           = max(words, 50)                   (a short answer is scored as 50 words)
    score       = specificity + originality        (rounded, 0..100)
    specificity = 60 * min(1, specifics per 100 n-words / 6)
    originality = 40 * 0.5 ** (weighted findings per 100 n-words / 4)

Specifics are numbers, dates, named things and concrete actions ("I shipped");
one inside a phrase-level warning or error does not count (a cliché is not
specific because it is capitalized, a wrong employer's name is not a specific).
A finding weighs 4 (error), 2 (warning) or 0.5 (info). Originality halves with
every 4 weighted points per 100 words and never reaches zero, so each finding the
user fixes moves the score. A text with no words scores 0. The reasoning, worked
examples and the surprises this avoids are in docs/score.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

SPECIFICS_FOR_FULL_MARKS = 6.0  # per 100 words: about the median of real personal letters
HALF_LIFE = 4.0  # weighted findings per 100 words that halve the originality part
MIN_WORDS = 50  # shorter texts are scored as if they were this long
WEIGHTS = {"error": 4.0, "warning": 2.0, "info": 0.5}
# Findings whose words are boilerplate: specifics inside them do not count.
DISCOUNTING = frozenset({"error", "warning"})


def score_parts(words: int, specifics: int, severities: Iterable[str]) -> tuple[float, float]:
    """``(specificity, originality)``, out of 60 and 40: the score is their rounded sum."""
    if words <= 0:
        return 0.0, 0.0
    per_hundred = 100.0 / max(words, MIN_WORDS)
    specificity = 60.0 * min(1.0, specifics * per_hundred / SPECIFICS_FOR_FULL_MARKS)
    penalty = sum(WEIGHTS[s] for s in severities) * per_hundred
    originality = 40.0 * 0.5 ** (penalty / HALF_LIFE)
    return specificity, originality


def stand_out_score(words: int, specifics: int, severities: Iterable[str]) -> int:
    specificity, originality = score_parts(words, specifics, severities)
    return max(0, min(100, round(specificity + originality)))


class _Span(Protocol):
    start: int
    end: int


class _Paragraph(Protocol):
    offset: int
    text: str
    local: object  # a ParagraphAnalysis: `.specifics` with paragraph-relative offsets


def discounted_specifics(
    paragraphs: Sequence[_Paragraph], findings: Iterable[_Span]
) -> Counter[str]:
    """Specifics (counted by label) that lie inside one of ``findings``, which are
    the phrase-level warnings and errors: "I am a Team Player" names nothing, and
    "Globex" flagged as another employer is a leftover, not a specific."""
    spans = sorted((f.start, f.end) for f in findings)
    out: Counter[str] = Counter()
    if not spans:
        return out
    for paragraph in paragraphs:
        begin, end = paragraph.offset, paragraph.offset + len(paragraph.text)
        inside = [(a - begin, b - begin) for a, b in spans if a < end and b > begin]
        for s in paragraph.local.specifics if inside else ():
            if any(a < s.end and s.start < b for a, b in inside):
                out[s.label] += 1
    return out
