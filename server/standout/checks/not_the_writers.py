"""Sentences whose stock words are most likely not the writer's claim (checks/patterns.py).

A sentence about life outside work ("after Dad clipped the gatepost", "our hamster",
"the biscuit tin"; models/wordlists/everyday-life.txt), one that says its words are
meant "literally", or one another speaker says ("..., said the magician").

Asked of each sentence that holds a phrase warning, so both tests are made cheap:

- the speech test and "literally" are two regexes, not one alternation. The speech
  regex opens on a character class (``[,!?]``), which lets the regex engine skip to the
  places where that class occurs; the alternation opened on ``\\b`` and was tried at
  every character. ``\\bliterally\\b`` is only searched in a sentence holding "literally".
- a sentence of ASCII characters (nearly all) is cut into its runs of letters as bytes
  (``bytes.translate`` and ``split``, C-level passes) rather than by the word regex: in
  ASCII, ``[^\\W\\d_]`` is exactly ``[A-Za-z]``, so the runs are the same.
"""

from __future__ import annotations

import re
from functools import cache

from ..everyday_life import everyday_compounds, everyday_words, names_everyday_life

WORD = re.compile(r"[^\W\d_]+")
SPEECH_VERBS = (r"said|says|asked|asks|replied|wrote|writes|purred|barked|muttered"
                r"|announced|declared|laughed|joked|shouted|whispered|insisted|exclaimed")
# "..., said the magician", "..., she wrote"
SPEECH = re.compile(
    rf"[,!?][’'\"”]? (?:(?:{SPEECH_VERBS}) (?:the|my|our|his|her|their|a|an)"
    rf"|(?:he|she|they) (?:{SPEECH_VERBS}))\b")
LITERALLY = re.compile(r"\bliterally\b")  # "quite literally": a cliché taken at its word
# Every byte but the lowercase ASCII letters becomes a space.
_LETTERS_ONLY = bytes(b if 97 <= b <= 122 else 32 for b in range(256))


@cache
def _everyday_bytes() -> frozenset[bytes]:
    """The everyday-life words an ASCII sentence can hold, as bytes."""
    return frozenset(word.encode("ascii") for word in everyday_words() if word.isascii())


@cache
def _compound_firsts_bytes() -> frozenset[bytes]:
    """The first words of the everyday-life compounds ("biscuit" of "biscuit tin"), as bytes."""
    return frozenset(word.encode("ascii") for word in everyday_compounds() if word.isascii())


def holds_everyday_word(sentence: str) -> bool:
    """Whether a run of letters of the sentence, lowercase, is an everyday-life word, or
    a run of them an everyday-life compound ("biscuit tin")."""
    if sentence.isascii():
        runs = sentence.encode("ascii").lower().translate(_LETTERS_ONLY).split()
        if not _everyday_bytes().isdisjoint(runs):
            return True
        if _compound_firsts_bytes().isdisjoint(runs):
            return False  # most sentences: no compound can start in them
        return names_everyday_life([run.decode("ascii") for run in runs])
    return names_everyday_life(WORD.findall(sentence.lower()))


def is_spoken_or_literal(sentence: str) -> bool:
    """Whether another speaker says the sentence, or it says "literally"."""
    return SPEECH.search(sentence) is not None or (
        "literally" in sentence and LITERALLY.search(sentence) is not None)


def not_the_writers(sentence: str) -> bool:
    """Whether the sentence's stock words are most likely not the writer's claim."""
    return holds_everyday_word(sentence) or is_spoken_or_literal(sentence)
