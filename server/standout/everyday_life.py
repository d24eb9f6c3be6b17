"""Words of life outside work (models/wordlists/everyday-life.txt), and their plurals.

A stock phrase in a sentence holding one is most likely meant literally or in fun
("Our hamster reached his full potential"): the phrase rules' findings there are at
most info (checks/patterns.py), and so is the generic-sentence model's judgement
(generic/judge.py).
"""

from __future__ import annotations

from functools import cache

from .resources import wordlist


@cache
def everyday_words() -> frozenset[str]:
    """The everyday-life words and their plurals ("crosswords", "puppies")."""
    words = set(wordlist("everyday-life"))
    for word in list(words):
        words |= {word + "s", word + "es"}
        if word.endswith("y") and word[-2:-1] not in "aeiou":
            words.add(word[:-1] + "ies")
    return frozenset(words)
