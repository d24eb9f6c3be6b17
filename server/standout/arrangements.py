"""Sentences of practical arrangements: when the writer can start, their notice period,
licence, transport, hours, right to work.

"I am available from mid-June" and "I have a full driving licence and my own car" hold
a date and a name, but every applicant states them: the employer needs them, and they
say nothing about how the writer does the job. The score does not count the specifics
in such a sentence (stats.py); findings are untouched. The cue phrases are in
``models/wordlists/arrangement-words.txt``.
"""

from __future__ import annotations

import re
from functools import cache

from .resources import wordlist

_KEY = object()  # this module's entry in a paragraph analysis's derived data


@cache
def _cues() -> re.Pattern[str]:
    phrases = sorted(wordlist("arrangement-words"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
                      + r")\b", re.IGNORECASE)


def arrangement_sentences(local) -> tuple[int, ...]:
    """Indices of the paragraph analysis's sentences that state arrangements (worked out
    once a paragraph: kept with its cached analysis, as warm checks read it again)."""
    derived = local.derived
    found = derived.get(_KEY)
    if found is None:
        text = local.text
        found = ()
        if _cues().search(text):  # most paragraphs hold none: one search over the text
            found = tuple(k for k, (a, b) in enumerate(local.sentences)
                          if _cues().search(text, a, b))
        derived[_KEY] = found
    return found
