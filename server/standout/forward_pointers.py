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
def _endings() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The endings, by their last word (most sentences end on none of those words)."""
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for line in wordlist("forward-pointers"):
        words = tuple(line.lower().replace("’", "'").split())
        by_last.setdefault(words[-1], []).append(words)
    return {last: tuple(found) for last, found in by_last.items()}


@cache
def last_words() -> frozenset[str]:
    """The words an ending can end on: a sentence ending on another cannot point on,
    unless it says "the following"."""
    return frozenset(_endings())


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _last_word(text: str) -> str | None:
    """The run of ASCII letters the text ends on, past any trailing non-word characters
    ("show it." -> "it"; None after a digit or a non-ASCII letter). A loop from the end:
    it runs on every sentence, and a regex anchored at the end is tried at every start."""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    start = end
    while start and text[start - 1] in _ASCII_LETTERS:
        start -= 1
    return text[start:end] if start < end else None


# "I am organized, and the clearest proof is staffing.": the proof is what comes next.
_NAMES_ITS_PROOF = re.compile(
    r"\b(?:the|my)\s+(?:(?:clearest|best|simplest|strongest|plainest|surest|easiest)\s+)?"
    r"(?:proof|evidence)\s+(?:of\s+(?:it|this|that)\s+)?(?:is|was|comes)\b", re.IGNORECASE)
PROOF_WORDS = ("proof", "evidence")


def points_on(sentence: str) -> bool:
    """Whether ``sentence`` ends with a colon or with a phrase that promises what follows,
    announces "the following", or names its proof ("the clearest proof is staffing")."""
    stripped = sentence.rstrip()
    if stripped.endswith(":"):
        return True
    if "ollowing" in stripped and _THE_FOLLOWING.search(stripped):
        return True
    if ("proof" in stripped or "vidence" in stripped) and _NAMES_ITS_PROOF.search(stripped):
        return True
    last = _last_word(stripped[-16:])
    candidates = _endings().get(last.lower()) if last else None
    if not candidates:
        return False
    words = _WORDS.findall(stripped[-40:].lower().replace("’", "'"))
    return any(tuple(words[-len(e):]) == e for e in candidates)
