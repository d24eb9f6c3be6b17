"""Cue phrases: written as people say them, matched in canonical form.

A cue uses the rule pattern syntax (``{a|b|}`` alternatives, ``@wordlist``; see
rulebook.py) plus slots for one word of the engine's specifics: ``<NUMBER>``,
``<DATE>``, ``<NAME>``, and ``<ANY>`` for any word. Every expansion is
canonicalized by the engine's own pipeline, so a cue meets the text the way a
phrase rule does ("when I was working" meets "When I'd worked"). A group
compiled with ``surface=True`` is matched on lowercase words as written instead,
for cues where the tense is the point ("you mentioned" is not "would you
mention"). Cues are
compiled once, when a check is built; matching walks a sentence's words once
per position with the cues indexed by their first word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..phrase_syntax import GAP, expand_phrase
from ..resources import models_dir
from .text_view import Word, canonical_forms

if TYPE_CHECKING:
    from spacy.language import Language

SLOTS = {"<NUMBER>": "NUMBER", "<DATE>": "DATE", "<NAME>": "NAME", "<ANY>": "*"}
_SLOT = re.compile(r"(<[A-Z]+>)")
ANY = "*"

# One item of a compiled cue: a canonical form, or ("slot", label).
Item = str | tuple[str, str]


class CueError(ValueError):
    """A cue file or cue phrase is malformed."""


@dataclass(frozen=True)
class Cues:
    """Compiled cue phrases; :meth:`find` returns word-index ranges ``(i, j)``."""

    by_first: dict[str, tuple[tuple[Item, ...], ...]]
    slot_first: tuple[tuple[Item, ...], ...]
    surface: bool = False

    def find(self, words: Sequence[Word]) -> list[tuple[int, int]]:
        found = []
        surface = self.surface
        for i, word in enumerate(words):
            key = word.lower if surface else word.form
            for cue in (*self.by_first.get(key, ()), *self.slot_first):
                if _matches_at(cue, words, i, surface):
                    found.append((i, i + len(cue)))
        return found

    def any_in(self, words: Sequence[Word]) -> bool:
        return bool(self.find(words))


def _matches_at(cue: tuple[Item, ...], words: Sequence[Word], i: int, surface: bool) -> bool:
    if i + len(cue) > len(words):
        return False
    for item, word in zip(cue, words[i : i + len(cue)], strict=False):
        if isinstance(item, str):
            if (word.lower if surface else word.form) != item:
                return False
        elif item[1] != ANY and word.label != item[1]:
            return False
    return True


def compile_cues(
    nlp: Language, groups: dict[str, Iterable[str]], *, surface: bool = False
) -> dict[str, Cues]:
    """Compile named groups of cue patterns in one pass of the pipeline."""
    expansions: dict[str, list[list[str]]] = {}
    literals: list[str] = []
    for name, patterns in groups.items():
        rows = expansions.setdefault(name, [])
        for pattern in patterns:
            for expansion in _expand(pattern):
                pieces = [p for p in _SLOT.split(expansion) if p.strip()]
                if not pieces:
                    continue
                rows.append(pieces)
                literals += [p for p in pieces if p not in SLOTS]
    distinct = sorted(set(literals))
    if surface:
        forms = {text: _surface_words(nlp, text) for text in distinct}
    else:
        forms = dict(zip(distinct, canonical_forms(nlp, distinct), strict=True))
    out = {}
    for name, rows in expansions.items():
        by_first: dict[str, list[tuple[Item, ...]]] = {}
        slot_first: list[tuple[Item, ...]] = []
        seen: set[tuple[Item, ...]] = set()
        for pieces in rows:
            cue: list[Item] = []
            for piece in pieces:
                if piece in SLOTS:
                    cue.append(("slot", SLOTS[piece]))
                elif piece.strip().startswith("<"):
                    raise CueError(f"unknown slot in cue {piece!r} ({', '.join(SLOTS)})")
                else:
                    cue.extend(forms[piece])
            key = tuple(cue)
            if not key or key in seen:
                continue
            seen.add(key)
            if isinstance(key[0], str):
                by_first.setdefault(key[0], []).append(key)
            else:
                slot_first.append(key)
        out[name] = Cues({k: tuple(v) for k, v in by_first.items()}, tuple(slot_first), surface)
    return out


def _surface_words(nlp: Language, text: str) -> list[str]:
    return [t.lower_ for t in nlp.make_doc(text) if not (t.is_punct or t.is_space)]


def word_forms(nlp: Language, words: Iterable[str]) -> frozenset[str]:
    """The canonical forms of single words (a word may give two: "don't" -> do, not)."""
    listed = sorted({str(w) for w in words})
    return frozenset(f for forms in canonical_forms(nlp, listed) for f in forms)


def _expand(pattern: str) -> list[str]:
    if not isinstance(pattern, str) or not pattern.strip():
        raise CueError(f"a cue must be a non-empty string, not {pattern!r}")
    if GAP in pattern:
        raise CueError(f"cues have no gaps ('{GAP}'): {pattern!r}")
    return [" ".join(parts) for parts in expand_phrase(pattern)]


@cache
def cue_file(name: str) -> dict[str, Any]:
    """``models/interview/<name>.yaml``, read once."""
    import yaml  # imported here: a start from the start-up cache reads no cue file

    path: Path = models_dir() / "interview" / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CueError(f"{path}: {' '.join(str(exc).split())}") from None
    if not isinstance(data, dict):
        raise CueError(f"{path}: expected a mapping of cue groups")
    return data
