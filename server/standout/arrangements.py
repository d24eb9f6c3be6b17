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
from operator import attrgetter

from .resources import wordlist
from .sentence_words import sentence_words

_KEY = object()  # this module's entry in a paragraph analysis's derived data
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


# Every byte but an ASCII word character (lowercase) becomes a space.
_WORD_BYTES = bytes(b if (48 <= b <= 57 or 97 <= b <= 122 or b == 95) else 32
                    for b in range(256))


@cache
def _cue_runs() -> dict[bytes, tuple[frozenset[bytes], ...]] | None:
    return _phrase_runs(wordlist("arrangement-words"))


def _phrase_runs(phrases: Iterable[str]) -> dict[bytes, tuple[frozenset[bytes], ...]] | None:
    """Each ASCII phrase's runs of word characters, lowercase, by its longest run (None
    when a phrase has none): what :func:`_may_cue` needs of the phrases.

    A phrase matches (between word boundaries, its spaces any whitespace) only where
    each of its runs is a whole run of word characters of the text: inside the phrase
    they are cut off by its own other characters, at its ends by the boundaries."""
    by_key: dict[bytes, list[frozenset[bytes]]] = {}
    for phrase in phrases:
        if not phrase.isascii():
            continue  # not in the ASCII regex either
        runs = phrase.lower().encode("ascii").translate(_WORD_BYTES).split()
        if not runs:
            return None
        by_key.setdefault(max(runs, key=len), []).append(frozenset(runs))
    return {key: tuple(found) for key, found in by_key.items()}


def _may_cue(lowered: str, runs: dict[bytes, tuple[frozenset[bytes], ...]]) -> bool:
    """False only where no phrase of ``runs`` can be found in ``lowered`` (an ASCII
    sentence, lowercase): no phrase has all its runs among the sentence's."""
    present = set(lowered.encode("ascii").translate(_WORD_BYTES).split())
    return any(phrase <= present for key in present.intersection(runs)
               for phrase in runs[key])


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
    specifics = local.specifics
    if not specifics:
        return ()
    # The paragraph's words by sentence (worked out once, the judge and the samples read
    # them too): most paragraphs hold no cue, so their words are asked for a cue's key
    # word first, since the regex's 30-odd alternatives are tried at every character.
    grouped = sentence_words(local)
    forms = grouped.forms
    if TRIGGERS.isdisjoint(forms):
        return ()
    text = local.text
    cues, searched, runs = _cues(), text, None
    if text.isascii() and (ascii_cues := _ascii_cues()) is not None:
        cues, searched = ascii_cues, text.lower()  # the same answers (_ascii_cue_regex)
        runs = _cue_runs()  # and a sentence without a phrase's words is not searched
    # The specifics' starts listed once: a bisection with key= calls the key, a Python
    # function, at every step.
    firsts = list(map(_SPECIFIC_START, specifics))
    out = []
    for k, ((a, b), (lo, hi)) in enumerate(zip(local.sentences, grouped.ranges, strict=True)):
        if bisect_left(firsts, b) == bisect_left(firsts, a):
            continue  # no specific in the sentence
        if not TRIGGERS.isdisjoint(forms[lo:hi]) and (
                runs is None or _may_cue(searched[a:b], runs)) and cues.search(searched, a, b):
            out.append(k)
    return tuple(out)
