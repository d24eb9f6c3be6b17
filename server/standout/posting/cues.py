"""The posting's cue phrases (models/posting/cues.yaml), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml

from ..resources import models_dir

STRICT_SHARE = 0.6
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def plain(text: str) -> str:
    """Lowercase with straight apostrophes: the form cues are matched in."""
    return text.translate(APOSTROPHES).lower()


@dataclass(frozen=True)
class Cues:
    sections: tuple[str, ...]
    ask_sections: frozenset[str]
    headings: dict[str, tuple[str, ...]]
    prose_order: tuple[str, ...]
    prose_strict: frozenset[str]
    prose: dict[str, re.Pattern[str]]
    clause_joint: re.Pattern[str]
    not_ask_start: re.Pattern[str]
    frame_words: frozenset[str]
    frame_heads: frozenset[str]

    def heading_section(self, line: str, strict: bool = False) -> str | None:
        """The section a heading line names (the longest cue it contains wins).

        ``strict``: the cue must be most of the line ("Key skills", not "Strong
        skills in Excel"), for a line inside a block, where items look like headings.
        """
        text = plain(line).strip(" :-–—#*\t")
        best: tuple[int, str] | None = None
        for section, phrases in self.headings.items():
            for phrase in phrases:
                if _contains(text, phrase) and (best is None or len(phrase) > best[0]):
                    best = (len(phrase), section)
        if best is None or (strict and best[0] < STRICT_SHARE * len(text)):
            return None
        return best[1]

    def prose_section(self, sentence: str) -> str | None:
        """The section a prose sentence's cues point to.

        A cue of a ``prose_strict`` section (equal opportunities, nice to have)
        decides alone; otherwise the longest cue found wins ("you'll get" beats
        "you'll"), ties going to the section earlier in ``prose_order``.
        """
        text = plain(sentence)
        best: tuple[int, int, str] | None = None
        for rank, section in enumerate(self.prose_order):
            found = [len(m.group(0)) for m in self.prose[section].finditer(text)]
            if not found:
                continue
            if section in self.prose_strict:
                return section
            if best is None or (max(found), -rank) > best[:2]:
                best = (max(found), -rank, section)
        return best[2] if best else None


def _contains(text: str, phrase: str) -> bool:
    return re.search(r"(?<![\w'])" + re.escape(phrase) + r"(?![\w'])", text) is not None


def _alternatives(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted({plain(p) for p in phrases}, key=len, reverse=True)
    body = "|".join(re.escape(p) for p in ordered)
    # A cue ending in a letter must end at a word boundary ("pay" is not "payback"),
    # except stems written to match several endings ("equal opportunit").
    return re.compile(r"(?<![\w'])(?:" + body + r")")


@cache
def load_cues() -> Cues:
    data = yaml.safe_load((models_dir() / "posting" / "cues.yaml").read_text(encoding="utf-8"))
    prose = {}
    for section, phrases in data["prose"].items():
        prose[section] = _alternatives(phrases)
    return Cues(
        sections=tuple(data["sections"]),
        ask_sections=frozenset(data["ask_sections"]),
        headings={k: tuple(plain(p) for p in v) for k, v in data["headings"].items()},
        prose_order=tuple(data["prose_order"]),
        prose_strict=frozenset(data["prose_strict"]),
        prose=prose,
        clause_joint=re.compile(
            "|".join(f"(?:{j})" for j in data["clause_joints"]), re.IGNORECASE
        ),
        not_ask_start=re.compile(
            r"^(?:" + "|".join(re.escape(plain(p)) for p in data["not_ask_starts"]) + r")\b",
            re.IGNORECASE,
        ),
        frame_words=frozenset(plain(w) for w in data["frame_words"]),
        frame_heads=frozenset(plain(w) for w in data["frame_heads"]),
    )
