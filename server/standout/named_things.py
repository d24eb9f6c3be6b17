"""One named thing, one specific: the specifics that only continue the one before them.

The specifics component reads names word by word, so "proficient in Python, Java
and SQL" holds three names and "ILM Level 2 Award in Team Leading" four
specifics ("ILM", "2", "Award", "Leading"). Both are one claim: a list of what
the writer says they know, one qualification. The score counts each once
(stats.py), and the generic-sentence judge asks for two *things* before it reads
a sentence as an example told in full (generic/judge.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .analysis import Specific
from .components.specifics import NAME, NUMBER
from .resources import wordlist


def continuations(text: str, specifics: Sequence[Specific]) -> set[int]:
    """Indices of the ``specifics`` (in order, offsets into ``text``) that continue a list
    or a name begun by the one before them."""
    return set(_listed_after_the_first(text, specifics)) | set(
        _parts_after_the_first(text, specifics))


# What joins the names of one list: "Python, Java and SQL", "Leeds or York", "Word/Excel".
_LIST_JOINER = re.compile(r"\s*(?:,|/|,?\s+(?:and|or|and/or|&)\s+)\s*")


def _listed_after_the_first(text: str, specifics: Sequence[Specific]) -> list[int]:
    """Names that follow another name in a list: a list is one claim, whatever its length.

    "proficient in Python, Java, JavaScript, React, SQL and Git" names the tools the
    writer says they know; it is not six pieces of evidence, and it must not
    give a stock paragraph full marks for specifics.
    """
    out = []
    previous: Specific | None = None
    for i, specific in enumerate(specifics):
        if specific.label == NAME and previous is not None and previous.label == NAME and (
                _LIST_JOINER.fullmatch(text, previous.end, specific.start)):
            out.append(i)
        previous = specific
    return out


# What joins the parts of one name: nothing but a space ("Level 3 Diploma", "Windows 11"),
# or a grading word ("NVQ Level 6"). A qualification also takes its subject ("in English").
_NAME_PARTS = frozenset({NAME, NUMBER})
_PART_JOINER = re.compile(r"\s+(?:(?:level|grade|band|stage|tier|part|unit)\s+)?", re.IGNORECASE)
_SUBJECT_JOINER = re.compile(r"\s+(?:in|of)\s+(?:[A-Z][a-z]+\s+)*")  # "in Team Leading"


def _parts_after_the_first(text: str, specifics: Sequence[Specific]) -> list[int]:
    """Specifics that continue the name before them: one named thing, one specific.

    "I hold an ILM Level 2 Award in Team Leading" names one qualification, which
    the specifics component reads as four ("ILM", "2", "Award", "Leading");
    a short stock paragraph with it must not score as a specific one.
    """
    heads = _qualification_words()
    out = []
    previous: Specific | None = None
    qualification = False  # whether the name so far has a qualification's head word
    for i, specific in enumerate(specifics):
        part = previous is not None and previous.label in _NAME_PARTS and (
            specific.label in _NAME_PARTS)
        if part and _PART_JOINER.fullmatch(text, previous.end, specific.start):
            out.append(i)
        elif part and qualification and _SUBJECT_JOINER.fullmatch(
                text, previous.end, specific.start):
            out.append(i)
            qualification = False  # the subject ends the qualification's name
        else:
            qualification = False
        if specific.label == NAME:
            qualification |= specific.text.rsplit(maxsplit=1)[-1].lower() in heads
        previous = specific
    return out


@cache
def _qualification_words() -> frozenset[str]:
    return frozenset(wordlist("qualification-words"))
