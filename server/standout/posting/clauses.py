"""Prose sentences cut into asks, one per clause.

"You will lead and motivate the team, plan staff rotas around a seasonal
business, and coach colleagues" holds three asks. A sentence is cut at the
joints listed in models/posting/cues.yaml (";", ", and you will", ", but", ...)
and before each verb of a list of verb phrases (", plan staff rotas", ", and
coach colleagues"). Clauses that are the company speaking ("but we will teach
the product") or a reason ("as you will spend three days a week on the road")
are dropped.
"""

from __future__ import annotations

import re

from .cues import APOSTROPHES, Cues
from .lexicon import Lexicon
from .words import Word

LEADING = re.compile(r"^(?:and|or|also|then)\s+", re.IGNORECASE)
TRIM = " \t,;:.!?-–—"


def clauses(
    text: str, start: int, end: int, words: list[Word], cues: Cues, lexicon: Lexicon
) -> list[tuple[int, int]]:
    """Clause spans of the sentence ``text[start:end]``; ``words`` are its words."""
    sentence = text[start:end].translate(APOSTROPHES)
    cuts = [0]
    for joint in cues.clause_joint.finditer(sentence):
        cuts += [joint.start(), joint.end()]
    cuts.append(len(sentence))
    spans = [(start + cuts[i], start + cuts[i + 1]) for i in range(0, len(cuts), 2)]
    out: list[tuple[int, int]] = []
    for number, (lo, hi) in enumerate(spans):
        for piece in _verb_list(text, lo, hi, [w for w in words if lo <= w.start < hi], lexicon,
                                cues):
            trimmed = _trim(text, *piece)
            if trimmed is None:
                continue
            body = text[trimmed[0] : trimmed[1]].translate(APOSTROPHES)
            if (number or piece[0] > lo) and cues.not_ask_start.match(body):
                continue  # a clause after a joint that is the company talking, or a reason
            out.append(trimmed)
    return out


def _verb_list(
    text: str, lo: int, hi: int, words: list[Word], lexicon: Lexicon, cues: Cues
) -> list[tuple[int, int]]:
    """Cut before each verb that continues a list of verb phrases."""
    cuts = [lo]
    for i, word in enumerate(words):
        if i == 0 or i + 1 >= len(words):
            continue
        previous = words[i - 1]
        if "," in text[previous.end : word.start]:
            cut = word.start  # ", plan staff rotas"
        elif previous.form in ("and", "or") and i >= 2 and "," in text[
            words[i - 2].end : previous.start
        ]:
            cut = previous.start  # ", and coach colleagues"
        elif previous.form == "and" and i - _since(words, cuts[-1]) >= 4 and (
            text[word.start : word.end].lower() == word.form
        ):
            cut = previous.start  # "prepare for the annual audit and look after VAT returns"
        else:
            continue
        if _starts_verb_phrase(text, word, words[i + 1], lexicon, cues):
            cuts.append(cut)
    cuts.append(hi)
    return [(cuts[k], cuts[k + 1]) for k in range(len(cuts) - 1)]


def _since(words: list[Word], position: int) -> int:
    """Index of the first word at or after character ``position``."""
    for k, w in enumerate(words):
        if w.start >= position:
            return k
    return len(words)


def _starts_verb_phrase(text: str, word: Word, after: Word, lexicon: Lexicon, cues: Cues) -> bool:
    surface = text[word.start : word.end].lower()
    if word.form in lexicon.function_words or surface == "including" or (
            word.form in cues.frame_words and not surface.endswith("ing")):
        return False
    if not lexicon.can_be_verb(word.form):
        return False
    if surface != word.form and not surface.endswith("ing"):
        return False  # "trained", "plans": not an imperative or a gerund
    # A verb phrase goes on with its object: "plan staff rotas", not "email and phone".
    return after.form not in ("and", "or") and "," not in text[word.end : after.start]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in TRIM + " ":
        start += 1
    while end > start and text[end - 1] in TRIM + " ":
        end -= 1
    leading = LEADING.match(text[start:end])
    if leading:
        start += leading.end()
    return (start, end) if end - start >= 3 else None
