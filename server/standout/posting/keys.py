"""How terms are compared, and which of their words can name an ask alone.

A word is compared by its Snowball stem ("negotiated" meets "negotiation"),
except a name, which is compared whole and only with a capitalized word
("=excel" for "Excel", never "excellent"; "=api" for "APIs" and "API"). An
*anchor* is a word, or a hyphenated compound, distinctive enough to name the
ask on its own: the head of a term or a name up to everyday frequency, a
modifier only when rare ("frailty assessments", not "quarterly reforecasts"),
never a participle ("shared rota") or a word of the role title ("warehouse" in
a warehouse job, which every letter for it uses).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .lexicon import ANCHOR_ZIPF, COMMON_ZIPF, Lexicon
from .model import Term
from .words import Word

COMPOUND_MARGIN = 0.5  # a compound's parts need each other, so it may be a little commoner
RARE_MODIFIER = 3.5
NAME_ZIPF = 5.1  # a name is specific unless it is as common as "UK" or "English"
COMPOUND_JOINS = ("-", "/", "‑")


def word_value(zipf: float) -> float:
    """How much a word tells about a job: 1.0 at Zipf 3 ("stakeholder"), 0 at 6 ("work")."""
    return max(0.0, min(1.5, (6.0 - zipf) / 3.0))


def joined(text: str, words: Sequence[Word], i: int) -> bool:
    """Whether word ``i`` is part of a hyphenated or slashed compound ("on-call", "CI/CD")."""
    before = i > 0 and text[words[i - 1].end : words[i].start] in ("-", "/", "‑")
    after = i + 1 < len(words) and text[words[i].end : words[i + 1].start] in ("-", "/", "‑")
    return before or after


def key(text: str, word: Word) -> str:
    """What a word is matched by: its stem, or its exact form for a name ("=excel").

    Names are not stemmed: "Excel" is not "excellent", "Automation" (a company)
    is not "automated".
    """
    written = text[word.start : word.end]
    if written[:1].isupper() and len(written) > 1:
        return name_key(word.form)
    return word.stem


def name_key(form: str) -> str:
    """ "=api" for "APIs" and "API": names are compared whole, plural or not."""
    if len(form) > 3 and form.endswith("s") and not form.endswith("ss"):
        form = form[:-1]
    return "=" + form


def is_proper(text: str, words: Sequence[Word], i: int) -> bool:
    written = text[words[i].start : words[i].end]
    return (i > 0 and written[:1].isupper()) or (len(written) > 1 and written.isupper())


def _anchor_word(text: str, words: Sequence[Word], run: list[int], k: int,
                 lexicon: Lexicon) -> bool:
    """Whether run[k] can name the ask alone: a rare thing, not a modifier."""
    word = words[run[k]]
    written = text[word.start : word.end]
    surface = written.lower()
    if is_proper(text, words, run[k]) or written.isupper():
        return True
    if surface.endswith("ed") and surface != word.form:
        return False  # "shared rota", "automated tests": a participle describes
    if surface.endswith("ing") and k + 1 < len(run):
        return False  # "planning team", but "safeguarding" and "forecasting" stand alone
    # "timely records": the adjective alone is not the ask
    return not (lexicon.only_adjective(word.form) and len(run) > 1)


def thing_term(
    text: str, words: Sequence[Word], run: list[int], lexicon: Lexicon,
    title_stems: frozenset[str] = frozenset(),
) -> Term | None:
    zipfs = [lexicon.zipf(words[i].form) for i in run]
    if all(z >= COMMON_ZIPF for z in zipfs):
        return None  # "team", "people": everyday words name no ask
    keys = [key(text, words[i]) for i in run]
    anchors: list[tuple[str, ...]] = []
    k = 0
    while k < len(run):
        # A hyphenated compound is one unit: "vessel-tracking" needs both its words.
        unit = [k]
        while k + 1 < len(run) and (
                text[words[run[k]].end : words[run[k + 1]].start] in COMPOUND_JOINS):
            k += 1
            unit.append(k)
        k += 1
        rarest = min(zipfs[u] for u in unit)
        unit_keys = tuple(keys[u] for u in unit)
        if any(u.lstrip("=") in title_stems for u in unit_keys) and len(unit) == 1:
            continue
        if len(unit) == 1:
            u = unit[0]
            # The head (the run's last word) or a name may be fairly common; a modifier
            # names the ask alone only when rare ("frailty assessments", not "quarterly").
            proper = is_proper(text, words, run[u])
            head = u == len(run) - 1 or proper
            limit = NAME_ZIPF if proper else ANCHOR_ZIPF if head else RARE_MODIFIER
            if rarest <= limit and len(words[run[u]].form) > 1 and _anchor_word(
                    text, words, run, u, lexicon):
                anchors.append(unit_keys)
        elif rarest <= ANCHOR_ZIPF + COMPOUND_MARGIN:
            anchors.append(unit_keys)
    values = [word_value(z) for z in zipfs]
    weight = max(values) + 0.25 * (sum(values) - max(values))
    return Term(
        text=_written(text, words, run),
        stems=tuple(keys),
        anchors=tuple(anchors),
        weight=round(weight, 3),
    )




def _written(text: str, words: Sequence[Word], run: list[int]) -> str:
    """The term as the posting writes it; the words one by one when they are not side by
    side ("transport ... software" from "transport or logistics software")."""
    if all(b == a + 1 for a, b in itertools.pairwise(run)):
        return text[words[run[0]].start : words[run[-1]].end]
    return " ".join(text[words[i].start : words[i].end] for i in run)
