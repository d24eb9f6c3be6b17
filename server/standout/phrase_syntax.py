"""Phrase pattern syntax: checking a pattern and expanding it into literal phrases.

    {a|b|}    one of the alternatives (an empty one makes the group optional)
    @name     one of the entries of models/wordlists/<name>.txt
    @name+    a list of entries of that word list, one or more, joined by commas,
              "and", "or", "&" or "/" ("strong @skill-areas+ skills" matches
              "strong analytical, written and problem-solving skills"); at the
              end of a pattern it is an open slot that the match extends over
              ("describe me as @qualities+": "... as calm, kind and reliable")
    ..        a gap of up to ``max_gap`` words inside one sentence

Everything else is literal text, matched in canonical form (see canonical.py).
A gap and a list join two parts of a pattern, so they need words before them,
and a gap words after it too: the parts are matched as phrases and chained
(components/phrase_rules.py).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .resources import wordlist

MAX_EXPANSIONS = 5000
GAP = ".."
JOINERS = (",", "and", "or", "&", "/", "as well as", "plus")

GROUP = re.compile(r"\{([^{}]*)\}")
_NAME = r"[a-z][a-z0-9-]*"
_LIST = re.compile(rf"@({_NAME})(\+?)")
_TOKENS = re.compile(rf"\{{([^{{}}]*)\}}|@({_NAME})(\+?)")
_MARK = "\x00"  # stands for a list slot while alternatives are expanded
_JOINT = re.compile(rf"\.\.|{_MARK}({_NAME}){_MARK}")


@dataclass(frozen=True)
class Phrase:
    """One literal variant of a pattern: its parts and what joins each to the next."""

    parts: tuple[str, ...]
    joints: tuple[str, ...] = ()  # GAP, or the name of a word list for a list slot

    @property
    def open_end(self) -> bool:
        """Whether the phrase ends with a list slot (its last part is empty)."""
        return bool(self.joints) and self.joints[-1] != GAP and not self.parts[-1]


def check_phrase_syntax(pattern: str, fail: Callable[[str], Exception]) -> None:
    """Raise ``fail(problem)`` when ``pattern`` is malformed."""
    stripped = GROUP.sub("", pattern)
    if "{" in stripped or "}" in stripped:
        raise fail(f"unbalanced or nested braces in {pattern!r}")
    for group in GROUP.findall(pattern):
        if GAP in group or _LIST.search(group):
            raise fail(f"'..' and word lists cannot go inside braces in {pattern!r}")
    for name, _ in _LIST.findall(pattern):
        try:
            wordlist(name)
        except FileNotFoundError:
            raise fail(f"unknown word list @{name} in {pattern!r}") from None
    if expansion_count(pattern) > MAX_EXPANSIONS:
        raise fail(f"{pattern!r} expands to over {MAX_EXPANSIONS} phrases")
    for phrase in expand_variants(pattern):
        trailing_list = bool(phrase.joints) and phrase.joints[-1] != GAP
        parts = phrase.parts[:-1] if trailing_list and not phrase.parts[-1] else phrase.parts
        if any(not part for part in parts):
            what = "'..'" if GAP in phrase.joints else "a list slot '@name+'"
            raise fail(f"{what} needs words on both sides in {pattern!r}")


def _alternatives(pattern: str) -> list[list[str]]:
    pieces: list[list[str]] = []
    position = 0
    for match in _TOKENS.finditer(pattern):
        pieces.append([pattern[position : match.start()]])
        if match.group(1) is not None:
            pieces.append(match.group(1).split("|"))
        elif match.group(3):
            pieces.append([f" {_MARK}{match.group(2)}{_MARK} "])
        else:
            pieces.append(wordlist(match.group(2)))
        position = match.end()
    pieces.append([pattern[position:]])
    return pieces


def expansion_count(pattern: str) -> int:
    count = 1
    for options in _alternatives(pattern):
        count *= len(options)
    return count


def expand_variants(pattern: str) -> list[Phrase]:
    """Every literal variant a pattern stands for, split at its gaps and list slots."""
    out = []
    for combo in itertools.product(*_alternatives(pattern)):
        text = " ".join("".join(combo).split())
        parts = [part.strip() for part in _JOINT.split(text)[::2]]
        joints = tuple(m.group(1) or GAP for m in _JOINT.finditer(text))
        out.append(Phrase(tuple(parts), joints))
    return out


def expand_phrase(pattern: str) -> list[list[str]]:
    """Every literal phrase a pattern stands for, each split at its gaps and slots."""
    return [list(phrase.parts) for phrase in expand_variants(pattern)]
