"""Sentence endings that point a claim at the next sentence ("... and I can show it.").

Read by the rules' sentence facts (match_context.py) and by the generic-sentence
judge (generic/judge.py): like a colon at the end of a sentence, these endings
promise the evidence in the sentence after it (models/wordlists/forward-pointers.txt).
"""

from __future__ import annotations

import re
from functools import cache

from .resources import wordlist

_WORDS = re.compile(r"[a-z]+(?:['’][a-z]+)?")
# "I have the following to say:", "for the following reasons" (not "the following year").
_THE_FOLLOWING = re.compile(
    r"\bthe following\b(?!\s+(?:years?|days?|weeks?|months?|mornings?|evenings?|nights?|"
    r"summers?|winters?|springs?|autumns?|seasons?|terms?|semesters?|quarters?|weekends?|"
    r"decades?|spring|fall)\b)", re.IGNORECASE)


@cache
def _endings() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.lower().replace("’", "'").split())
                 for line in wordlist("forward-pointers"))


def points_on(sentence: str) -> bool:
    """Whether ``sentence`` ends with a colon or with a phrase that promises what follows,
    or announces "the following"."""
    stripped = sentence.rstrip()
    if stripped.endswith(":") or _THE_FOLLOWING.search(stripped):
        return True
    words = _WORDS.findall(stripped[-40:].lower().replace("’", "'"))
    return any(tuple(words[-len(e):]) == e for e in _endings())
