"""Words of life outside work (models/wordlists/everyday-life.txt), and their plurals.

A stock phrase in a sentence holding one is most likely meant literally or in fun
("Our hamster reached his full potential"): the phrase rules' findings there are at
most info (checks/patterns.py), and so is the generic-sentence model's judgement
(generic/judge.py). An entry of several words ("biscuit tin", "school run") names home
life only as a whole: each of its words alone may be a work word.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .resources import wordlist


def _plurals(word: str) -> set[str]:
    out = {word + "s", word + "es"}
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        out.add(word[:-1] + "ies")
    return out


@cache
def everyday_words() -> frozenset[str]:
    """The everyday-life words of one word and their plurals ("crosswords", "puppies")."""
    words = {w for w in wordlist("everyday-life") if " " not in w}
    for word in list(words):
        words |= _plurals(word)
    return frozenset(words)


@cache
def everyday_compounds() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The entries of several words, by their first word; each with its last word's
    plurals too ("biscuit tins")."""
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for entry in wordlist("everyday-life"):
        words = tuple(entry.split())
        if len(words) < 2:
            continue
        for last in (words[-1], *_plurals(words[-1])):
            by_first.setdefault(words[0], set()).add((*words[:-1], last))
    return {first: tuple(sorted(found)) for first, found in by_first.items()}


@cache
def _compound_index() -> dict[str, tuple[tuple[int, frozenset[tuple[str, ...]]], ...]]:
    """The compounds by their first word, then by their length: one set test a length
    ("biscuit" -> 2 -> {("biscuit", "tin"), ...}) instead of one comparison a compound."""
    index: dict[str, dict[int, set[tuple[str, ...]]]] = {}
    for first, found in everyday_compounds().items():
        for entry in found:
            index.setdefault(first, {}).setdefault(len(entry), set()).add(entry)
    return {first: tuple((n, frozenset(entries)) for n, entries in sorted(lengths.items()))
            for first, lengths in index.items()}


def names_everyday_life(words: Sequence[str]) -> bool:
    """Whether the lowercase ``words`` (in their order) hold an everyday word or
    compound."""
    if not everyday_words().isdisjoint(words):
        return True
    index = _compound_index()
    if index.keys().isdisjoint(words):
        return False  # most sentences hold no compound's first word
    for i, word in enumerate(words):
        lengths = index.get(word)
        if lengths is not None:
            for n, entries in lengths:
                if tuple(words[i:i + n]) in entries:
                    return True
    return False
