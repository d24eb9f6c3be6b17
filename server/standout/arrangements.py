"""Sentences of practical arrangements: when the writer can start, their notice period,
licence, transport, hours, right to work; and the standard credential for the job ("I
graduated from Leeds in 2021 with a 2:1", "I completed my PGCE in 2022").

"I am available from mid-June" and "I have a full driving licence and my own car" hold
a date and a name, but every applicant states them: the employer needs them, and they
say nothing about how the writer does the job. The score does not count the specifics
in such a sentence (stats.py); findings are untouched. The cue phrases are in
``models/wordlists/arrangement-words.txt``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache
from operator import itemgetter

from .resources import wordlist

_KEY = object()  # this module's entry in a paragraph analysis's derived data
_FORM, _START = itemgetter(0), itemgetter(1)  # of a canonical word (form, start, end)
# A key word of every cue phrase, in canonical form (the stream's: "DBS" is "db"); a test
# holds every phrase of the word list to holding one.
TRIGGERS = frozenset({"available", "availability", "notice", "start", "licence", "license",
                      "car", "transport", "relocate", "permit", "visa", "sponsorship", "db",
                      "interview", "reference", "right", "graduate", "complete", "degree",
                      "upper", "1", "2:1", "2:2", "finish", "qualify", "qualified", "earn",
                      "obtain", "receive", "award", "course", "b", "ba", "bsc", "msc", "ma",
                      "master", "bachelor", "gcses", "level", "bootcamp", "certificate",
                      "certification", "diploma", "nvq"})
# ("first" is "1" in canonical form.)


@cache
def _cues() -> re.Pattern[str]:
    return _cue_regex(wordlist("arrangement-words"))


def _cue_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """One regex for the cue phrases; only whether it matches in a sentence is read.

    The lookahead for a phrase's first letter changes no answer (it is matched under
    the same flags), but at most places it fails at once, before the 70-odd
    alternatives are each tried. Where it passes, the phrases are grouped by their
    first letter (ASCII letters are one group in either case, as IGNORECASE reads
    them), so only the few that open on it are tried: each group matches what its
    phrases did, and the search costs about half of what it did.
    """
    ordered = sorted(phrases, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for phrase in ordered:
        first = phrase[0]
        groups.setdefault(first.lower() if first.isascii() else first, []).append(phrase[1:])
    firsts = "".join(sorted({re.escape(p[0]) for p in ordered}))
    alternatives = "|".join(
        re.escape(first) + "(?:" + "|".join(map(_phrase, rests)) + ")"
        for first, rests in groups.items())
    return re.compile(rf"(?=[{firsts}])\b(?:{alternatives})\b", re.IGNORECASE)


def _phrase(text: str) -> str:
    """A phrase (or its rest) as a regex: any run of whitespace between its words."""
    return re.escape(text).replace(r"\ ", r"\s+")


def arrangement_sentences(local) -> tuple[int, ...]:
    """Indices of the paragraph analysis's sentences that hold a specific and state
    arrangements (worked out once a paragraph: kept with its cached analysis, as warm
    checks read it again). A sentence with no specific has nothing to leave out."""
    derived = local.derived
    found = derived.get(_KEY)
    if found is None:
        found = derived[_KEY] = _find(local)
    return found


def _find(local) -> tuple[int, ...]:
    specifics, words = local.specifics, local.canonical_words
    # Most paragraphs hold no cue: their canonical words are asked for a cue's key word
    # first, since the regex's 30-odd alternatives are tried at every character.
    if not specifics or TRIGGERS.isdisjoint(map(_FORM, words)):
        return ()
    starts = list(map(_START, words))
    cues, text = _cues(), local.text
    out = []
    for k, (a, b) in enumerate(local.sentences):
        if bisect_left(specifics, b, key=_start) == bisect_left(specifics, a, key=_start):
            continue  # no specific in the sentence
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        if not TRIGGERS.isdisjoint(map(_FORM, words[lo:hi])) and cues.search(
                text, a, b):
            out.append(k)
    return tuple(out)


def _start(specific) -> int:
    return specific.start
