"""Sentences that tell how long the writer has held a job: "I have served as Director of
Regional Operations for a national retailer since 2016", "For the past three years I have
been the full-time carer for my mother", "I spent six years at a building society"; or,
in a reference, when the candidate joined ("Priya joined us as an adviser in 2021").

The job and how long are one fact, however many names and dates the sentence spells it
with, and every applicant states it; the score counts one specific in such a sentence
(stats.py). Findings are untouched.
"""

from __future__ import annotations

import re

_KEY = object()  # this module's entry in a paragraph analysis's derived data
_HOW_LONG = r"(?:[Ff]or (?:the )?(?:past |last )?\S+ years?|[Ss]ince (?:19|20)\d\d)"
_HELD = r"I(?:'ve|’ve| have)(?: \w+ly)? (?:worked|served|been)\b"
_HELD_THEN = r"I (?:worked|served)\b"  # "I served in the Royal Navy for nine years"
TENURE = re.compile(
    r"\b(?:" + _HELD + "|" + _HELD_THEN + r")[^.!?\n]{0,80}?\b" + _HOW_LONG + r"\b"
    r"|\b" + _HOW_LONG + r",? " + _HELD
    # "I spent six years at a building society", "Priya joined us as an adviser in 2021"
    + r"|\bI(?: have|'ve|’ve)? spent (?:the )?(?:past |last )?\S+ years\b"
    + r"|^[A-Z][a-z'’-]+ joined (?:us|our|the)\b")


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
    if "year" not in text and "ince" not in text and " joined " not in text:
        return ()
    out = []
    for k, (a, b) in enumerate(sentences):
        sentence = text[a:b]
        if ("year" in sentence or "ince" in sentence or " joined " in sentence) and (
                "I " in sentence or "I'" in sentence or "I’" in sentence
                or " joined " in sentence) and TENURE.search(sentence):
            out.append(k)
    return tuple(out)
