"""Sentences that tell how long the writer has held a job: "I have served as Director of
Regional Operations for a national retailer since 2016", "For the past three years I have
been the full-time carer for my mother", "I spent six years at a building society"; or,
in a reference, when the candidate joined ("Priya joined us as an adviser in 2021") or
the years they worked ("Daniel worked in our chemistry section from 2020 to 2023", "Marcus
Delgado reported to me at the Alder Inn for three years"). Volunteering
counts too ("For the past two years I have volunteered at a charity bookshop").

The job and how long are one fact, however many names and dates the sentence spells it
with, and every applicant states it; the score counts one specific in such a sentence
(stats.py). Findings are untouched.
"""

from __future__ import annotations

import re

_KEY = object()  # this module's entry in a paragraph analysis's derived data
_YEAR = r"(?:19|20)\d\d"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? ")
_HOW_LONG = (r"(?:[Ff]or (?:the )?(?:past |last )?\S+ years?|[Ss]ince (?:" + _MONTH + ")?" + _YEAR
             + r"|from " + _YEAR + r" (?:to|until|till) " + _YEAR
             + r"|between " + _YEAR + r" and " + _YEAR + r")")
_HELD = r"I(?:'ve|’ve| have)(?: \w+ly)? (?:worked|served|been|volunteered)\b"
_HELD_THEN = r"I (?:worked|served|volunteered)\b"  # "I served in the Royal Navy for nine years"
TENURE = re.compile(
    r"\b(?:" + _HELD + "|" + _HELD_THEN + r")[^.!?\n]{0,80}?\b" + _HOW_LONG + r"\b"
    r"|\b" + _HOW_LONG + r",? " + _HELD
    # "I spent six years at a building society", "Priya joined us as an adviser in 2021"
    + r"|\bI(?: have|'ve|’ve)? spent (?:the )?(?:past |last )?\S+ years\b"
    + r"|^[A-Z][a-z'’-]+ joined (?:us|our|the)\b"
    # a reference: "Daniel worked in our chemistry section at Halden Hospital from 2020 to 2023"
    + r"|^[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)? (?:has )?(?:worked|served|volunteered|reported)\b"
    + r"[^.!?\n]{0,100}?\b"
    + _HOW_LONG + r"\b")

# A necessary condition for TENURE, searched first (most sentences it is asked of fail it):
# every alternative of TENURE but two holds _HOW_LONG, which this is with its character
# classes spelt out, so that each alternative opens on a plain character and the regex
# engine skips to the places where one occurs (TENURE opens on "\\b" and is tried at every
# character). The other two hold " spent " and " joined " (_may_hold_tenure).
_HOW_LONG_PLAIN = re.compile(
    r"For (?:the )?(?:past |last )?\S+ years?|for (?:the )?(?:past |last )?\S+ years?"
    r"|Since (?:" + _MONTH + ")?" + _YEAR + r"|since (?:" + _MONTH + ")?" + _YEAR
    + r"|from " + _YEAR + r" (?:to|until|till) " + _YEAR
    + r"|between " + _YEAR + r" and " + _YEAR)


def _may_hold_tenure(sentence: str) -> bool:
    """False only where TENURE cannot match (see _HOW_LONG_PLAIN)."""
    return (" spent " in sentence or " joined " in sentence
            or _HOW_LONG_PLAIN.search(sentence) is not None)


def tenure_sentences(local) -> tuple[int, ...]:
    """Indices of the paragraph analysis's sentences that tell how long the writer has held
    a job (worked out once a paragraph and kept with its cached analysis, as warm checks
    read it again)."""
    derived = local.derived
    found = derived.get(_KEY)
    if found is None:
        found = derived[_KEY] = _find(local.text, local.sentences)
    return found


def _find(text: str, sentences) -> tuple[int, ...]:
    # Most sentences say neither "year" nor "since", or have no "I have": the regex, tried
    # at every character, is not run on them.
    if not _may_tell(text):
        return ()
    out = []
    for k, (a, b) in enumerate(sentences):
        sentence = text[a:b]
        if (_may_tell(sentence) and (
                "I " in sentence or "I'" in sentence or "I’" in sentence
                or " joined " in sentence or " worked " in sentence or " served " in sentence
                or " volunteered " in sentence or " reported " in sentence)
                and _may_hold_tenure(sentence) and TENURE.search(sentence)):
            out.append(k)
    return tuple(out)


def _may_tell(text: str) -> bool:
    """Whether ``text`` has a word every tenure sentence has: "year", "since", "joined",
    or a span of years ("from 2020 to 2023", "between 2019 and 2022")."""
    return ("year" in text or "ince" in text or " joined " in text
            or "from 19" in text or "from 20" in text
            or "between 19" in text or "between 20" in text)
