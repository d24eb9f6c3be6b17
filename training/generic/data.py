"""The bank and the blind dev set as the generic-sentence model sees them.

Both go through the linter's own analysis (``Linter.analyse``) and
:func:`standout.generic.features.sentence_views`, so training, evaluation and
the running detector read sentences the same way.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from standout import Linter
from standout.config import UserConfig
from standout.generic.features import SentenceView, sentence_views
from standout.sentence_words import sentence_words

HERE = Path(__file__).resolve().parent
BANK = HERE / "bank"
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "bench"))


@dataclass(frozen=True)
class Item:
    text: str
    generic: bool
    family: str
    source: str  # "letters" or "answers"
    words: tuple[str, ...]
    evidence: bool  # holds a number, date, name or concrete action


def bank_rows() -> Iterator[dict]:
    """Every row once: the two halves (letters, answers) share a few stock sentences."""
    seen = set()
    for path in sorted(BANK.glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                key = " ".join(row["text"].casefold().split())
                if key in seen:
                    continue
                seen.add(key)
                row["source"] = path.parent.name
                yield row


def linter() -> Linter:
    return Linter(config=UserConfig(), cache_size=0)


def views(lint: Linter, text: str) -> list[SentenceView]:
    """Every sentence of ``text``, offsets into ``text``."""
    out = []
    for paragraph in lint.analyse(text).paragraphs:
        local = paragraph.local
        for view in sentence_views(sentence_words(local), local.sentences, local.specifics):
            out.append(SentenceView(view.start + paragraph.offset, view.end + paragraph.offset,
                                    view.words, view.specifics))
    return out


def bank_items(lint: Linter) -> list[Item]:
    """Each bank row as one item (its sentences' words joined)."""
    items = []
    for row in bank_rows():
        parts = views(lint, row["text"])
        items.append(Item(
            row["text"], row["label"] == "generic", row["family"], row["source"],
            tuple(w for v in parts for w in v.words), any(v.evidence() for v in parts),
        ))
    return items


@dataclass(frozen=True)
class DevSentence:
    text: str
    generic: bool  # overlaps a marked phrase
    kind: str  # "generic", "specific" or "trap"
    name: str
    view: SentenceView
    marks: tuple[tuple[int, int], ...]  # the marks it overlaps (offsets in its text)
    company: str


def dev_sentences(lint: Linter, set_name: str = "dev") -> list[DevSentence]:
    """The blind set's sentences, generic when they overlap a ``[[mark]]``."""
    if set_name != "dev":
        raise SystemExit("the model is tuned on the dev set only")
    from blind_eval import BLIND, read_text

    root = BLIND / set_name
    out = []
    for kind in ("generic", "specific"):
        for path in sorted((root / kind).glob("*.txt")):
            item = read_text(path)
            for view in views(lint, item.text):
                marks = tuple(m for m in item.marks if m[0] < view.end and view.start < m[1])
                out.append(DevSentence(
                    item.text[view.start:view.end], bool(marks), kind, item.name, view, marks,
                    item.context.get("company", ""),
                ))
    for n, line in enumerate((root / "traps.txt").read_text(encoding="utf-8").splitlines()):
        if line.strip():
            for view in views(lint, line.strip()):
                out.append(DevSentence(line.strip()[view.start:view.end], False, "trap",
                                       f"trap{n + 1}", view, (), ""))
    return out


def words_only(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def generic_vocabulary(items: list[Item]) -> frozenset[str]:
    return frozenset(w for i in items if i.generic for w in i.words)


def cross_fitted_novelty(items: list[Item], folds: int = 5) -> list[tuple[str, ...]]:
    """Each item's words plus its novelty token, the vocabulary taken from the other folds.

    At run time novelty is counted against the whole bank's generic vocabulary
    on sentences the bank never held; counting it against the other folds gives
    the model the same situation in training.
    """
    from standout.generic.features import with_novelty

    out = []
    vocabularies = [
        generic_vocabulary([i for n, i in enumerate(items) if n % folds != f])
        for f in range(folds)
    ]
    for n, item in enumerate(items):
        out.append(with_novelty(item.words, vocabularies[n % folds]))
    return out
