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
from operator import attrgetter, itemgetter

from .resources import wordlist

_KEY = object()  # this module's entry in a paragraph analysis's derived data
_FORM, _START = itemgetter(0), itemgetter(1)  # of a canonical word (form, start, end)
_SPECIFIC_START = attrgetter("start")
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


@cache
def _ascii_cues() -> re.Pattern[str] | None:
    return _ascii_cue_regex(wordlist("arrangement-words"))


def _ascii_cue_regex(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """The cue regex for an ASCII text, searched in the text lowercased (the same length):
    it finds a cue wherever :func:`_cue_regex` does in the text itself, for about a third
    fewer instructions (44,000 against 67,000 a sentence of the bench letters: the plain
    first characters are the commonest letters, so most places are still tried). None
    when a phrase could not be read that way.

    Without IGNORECASE, each alternative opens on a plain character (the ``\\b`` before
    it is a lookbehind after it), so the regex engine skips to the places where one of
    those characters occurs instead of trying the alternatives at every character. In
    ASCII text, ignoring case is matching lowercase against lowercase; a phrase with a
    character that matches no ASCII character under IGNORECASE ("weeks’ notice") can
    never match there and is left out; one with a character that may ("\u212a", the
    Kelvin sign, is "k") leaves no ASCII regex at all.
    """
    groups: dict[str, list[str]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        if not phrase.isascii():
            if all(_matches_ascii(ch) for ch in phrase if not ch.isascii()):
                return None
            continue  # it holds a character no ASCII text has, ignoring case
        lowered = phrase.lower()
        groups.setdefault(lowered[0], []).append(lowered[1:])
    alternatives = "|".join(
        re.escape(first) + (rf"(?<!\w{re.escape(first)})" if re.match(r"\w", first)
                            else rf"(?<=\w{re.escape(first)})")
        + "(?:" + "|".join(map(_phrase, rests)) + ")"
        for first, rests in groups.items())
    return re.compile(rf"(?:{alternatives})\b")


def _matches_ascii(ch: str) -> bool:
    """Whether ``ch`` matches some ASCII character when case is ignored."""
    pattern = re.compile(re.escape(ch), re.IGNORECASE)
    return any(pattern.fullmatch(chr(code)) for code in range(128))


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
    text = local.text
    cues, searched = _cues(), text
    if text.isascii() and (ascii_cues := _ascii_cues()) is not None:
        cues, searched = ascii_cues, text.lower()  # the same answers (_ascii_cue_regex)
    # The specifics' starts listed once: a bisection with key= calls the key, a Python
    # function, at every step.
    firsts = list(map(_SPECIFIC_START, specifics))
    out = []
    for k, (a, b) in enumerate(local.sentences):
        if bisect_left(firsts, b) == bisect_left(firsts, a):
            continue  # no specific in the sentence
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        if not TRIGGERS.isdisjoint(map(_FORM, words[lo:hi])) and cues.search(
                searched, a, b):
            out.append(k)
    return tuple(out)
