"""Speaking time: how long an answer takes to say at a typical interview pace.

People answering interview questions speak at about 130-150 words a minute;
:func:`speaking_time` gives the time at the middle of that range and the range
itself, and compares it with what interviewers expect for the question (the
bank's ``seconds``), when that is known.
"""

from __future__ import annotations

from dataclasses import dataclass

SLOW_WPM, FAST_WPM = 130, 150
TYPICAL_WPM = (SLOW_WPM + FAST_WPM) // 2


@dataclass(frozen=True)
class SpeakingTime:
    words: int
    seconds: int  # at TYPICAL_WPM
    fastest: int  # at FAST_WPM
    slowest: int  # at SLOW_WPM
    expected: tuple[int, int] | None  # what interviewers expect, when the question is known

    @property
    def verdict(self) -> str | None:
        """"short", "long" or "within" the expected range (``None`` when none is known).

        Judged on the whole 130-150 range: an answer is short only if even at the slowest
        pace it stays under the range, long only if even at the fastest it runs over.
        """
        if self.expected is None or not self.words:
            return None
        low, high = self.expected
        if self.slowest < low:
            return "short"
        if self.fastest > high:
            return "long"
        return "within"

    def to_dict(self) -> dict[str, object]:
        return {
            "words": self.words,
            "seconds": self.seconds,
            "range": [self.fastest, self.slowest],
            "words_per_minute": [SLOW_WPM, FAST_WPM],
            "expected": list(self.expected) if self.expected else None,
            "verdict": self.verdict,
        }


def speaking_time(words: int, expected: tuple[int, int] | None = None) -> SpeakingTime:
    if words < 0:
        raise ValueError("words must be >= 0")
    return SpeakingTime(
        words=words,
        seconds=round(words * 60 / TYPICAL_WPM),
        fastest=round(words * 60 / FAST_WPM),
        slowest=round(words * 60 / SLOW_WPM),
        expected=expected,
    )
