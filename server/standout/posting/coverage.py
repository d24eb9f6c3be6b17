"""Which of the posting's asks a text shows, claims or leaves out.

For each sentence of the text, the asks it *names*: one of an ask's terms
appears (an anchor alone, or every word of the term, compared by stem so
"negotiated" names "negotiate"). The company's name and the role title in a
role slot name nothing ("I am applying for the Data Analyst role" does not
claim data analysis). A sentence that names an ask *shows* it when it also
carries evidence, the engine's specifics (a number, a date, a named thing, a
concrete action: "I rebuilt", "we cut") that are not the posting's own words:

- names the posting uses (its tools, its products, its places) and the company;
- numbers copied from the posting ("NEWS2", "Band 5", "3+ years");
- the term itself ("I supervised" for "supervise").

A sentence that lists three or more terms one after another ("Python, REST
APIs, PostgreSQL and Docker") claims each and shows none. An ask's status is
the strongest any sentence earns.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..employer_names import company_pattern, same_company
from .keys import name_key
from .lexicon import Lexicon
from .model import PostingAnalysis
from .role_slots import role_slots
from .words import AnalysisLike, Word, paragraph_words

SHOWN, CLAIMED, ABSENT = "shown", "claimed", "absent"
LIST_GAP = re.compile(r"^\s*(?:,|/|&|;)?\s*(?:(?:and|or|as well as|plus|including)\s+)?$", re.I)
LIST_ITEMS = 3
RANK = {ABSENT: 0, CLAIMED: 1, SHOWN: 2}
ACRONYM = re.compile(r"^[A-Z]{2,6}s?$")
GREETING = re.compile(
    r"(?:dear|hi|hello|to whom|yours|kind regards|best regards|regards|sincerely|best wishes|"
    r"many thanks|thank you)\b", re.I)
GREETING_WORDS = 8


@dataclass(frozen=True)
class AskStatus:
    ask: int  # index into PostingAnalysis.asks
    status: str
    evidence: tuple[int, int] | None  # the sentence that shows or claims it
    mention: tuple[int, int] | None  # where in that sentence the ask is named
    proof: tuple[str, ...] = ()  # the evidence that shows it ("4.2 seconds", "Ferrovia")


@dataclass(frozen=True)
class _Mention:
    ask: int
    start: int
    end: int
    stems: frozenset[str]


@dataclass(frozen=True)
class Named:
    """An ask named in one sentence of a paragraph (offsets relative to the paragraph)."""

    ask: int
    status: str  # shown | claimed
    sentence: tuple[int, int]
    mention: tuple[int, int]
    proof: tuple[str, ...]


def coverage(
    posting: PostingAnalysis,
    text: AnalysisLike,
    lexicon: Lexicon,
    company: str | None = None,
    asks: Iterable[int] | None = None,
) -> list[AskStatus]:
    """Statuses of ``asks`` (default: the posting's top asks), in that order."""
    company = company or posting.company
    return combine(
        posting,
        ((p.offset, paragraph_mentions(posting, p.local, lexicon, company))
         for p in text.paragraphs),
        asks,
    )


def combine(
    posting: PostingAnalysis,
    paragraphs: Iterable[tuple[int, Sequence[Named]]],
    asks: Iterable[int] | None = None,
) -> list[AskStatus]:
    """Each ask's strongest status over the paragraphs' named asks, placed in the text."""
    wanted = list(posting.top if asks is None else asks)
    best: dict[int, tuple[Named, int]] = {}
    for offset, named in paragraphs:
        for item in named:
            current = best.get(item.ask)
            if current is None or RANK[item.status] > RANK[current[0].status]:
                best[item.ask] = (item, offset)
    out = []
    for i in wanted:
        found = best.get(i)
        if found is None:
            out.append(AskStatus(i, ABSENT, None, None))
            continue
        item, o = found
        out.append(AskStatus(i, item.status, (item.sentence[0] + o, item.sentence[1] + o),
                             (item.mention[0] + o, item.mention[1] + o), item.proof))
    return out


def paragraph_mentions(
    posting: PostingAnalysis, paragraph, lexicon: Lexicon, company: str | None,
    words: Sequence[Word] | None = None,
) -> tuple[Named, ...]:
    """The asks each sentence of one paragraph names, and how (context-free but for
    the company): what a cache keeps per paragraph."""
    text = paragraph.text
    out: list[Named] = []
    masks = _masks(text, company, posting)
    stream = paragraph_words(paragraph, lexicon) if words is None else words
    for start, end, words, specifics in _sentences(paragraph, stream):
        if GREETING.match(text, start) and len(words) <= GREETING_WORDS:
            continue  # "Dear Hiring Manager,", "Kind regards, Sam"
        local_masks = [(a, b) for a, b in masks if a < end and start < b]
        usable = [w for w in words if not _inside(w.start, w.end, local_masks)] if (
            local_masks) else words
        if local_masks and _praises(text, start, end, words, local_masks):
            # "With the Kirkby Thore cheese plant now open, your milk...": about them.
            usable = [w for w in usable if w.stem not in posting.about_stems]
        mentions = _mentions(posting, usable)
        if not mentions:
            continue
        listed = _listed(text, mentions)
        evidence = _evidence(posting, text, words, specifics, mentions, local_masks, company)
        proof = tuple(e[3] for e in evidence)
        for mention in mentions:
            shown = bool(evidence) and mention not in listed
            out.append(Named(mention.ask, SHOWN if shown else CLAIMED, (start, end),
                             (mention.start, mention.end), proof if shown else ()))
    return tuple(out)


def match_share(statuses: Sequence[AskStatus]) -> float | None:
    """The ``match`` figure: the share of the asks that are shown."""
    if not statuses:
        return None
    return round(sum(1 for s in statuses if s.status == SHOWN) / len(statuses), 3)


def _sentences(paragraph, stream: Sequence[Word]):
    """(start, end, words, specifics) of each sentence of a paragraph analysis."""
    specifics = [(sp.label, sp.start, sp.end, sp.text) for sp in paragraph.specifics]
    k = 0
    for a, b in paragraph.sentences:
        words = []
        while k < len(stream) and stream[k].start < b:
            if stream[k].start >= a:
                words.append(stream[k])
            k += 1
        yield a, b, words, [s for s in specifics if a <= s[1] and s[2] <= b] if specifics else []


def _masks(text: str, company: str | None, posting: PostingAnalysis) -> list[tuple[int, int]]:
    """Spans that name no ask: the company, its own names, role titles in role slots."""
    spans = [(slot.start, slot.end) for slot in role_slots(text)]
    pattern = _company_pattern(company) if company else None
    if pattern is not None:
        spans += [m.span() for m in pattern.finditer(text)]
    if posting.about_names_pattern is not None:
        spans += [m.span() for m in posting.about_names_pattern.finditer(text)]
    return spans


@lru_cache(maxsize=64)
def _company_pattern(company: str) -> re.Pattern[str] | None:
    return company_pattern(company)


def _praises(text: str, start: int, end: int, words: Sequence[Word], masks) -> bool:
    """A sentence addressed to the employer about one of its own things."""
    if not any(w.form in ("your", "you") for w in words):
        return False
    return any(start <= a and b <= end for a, b in masks)


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _mentions(posting: PostingAnalysis, words: Sequence[Word]) -> list[_Mention]:
    if not words:
        return []
    index = posting.term_index
    by_stem: dict[str, list[Word]] = defaultdict(list)
    for w in words:
        if w.stem in index:
            by_stem[w.stem].append(w)
        if w.capital:
            key = name_key(w.form)  # names are matched whole (see keys.key)
            if key in index:
                by_stem[key].append(w)
    if not by_stem:
        return []
    found: dict[tuple[int, int], _Mention] = {}
    for stem in by_stem:
        for ask, number in index.get(stem, ()):
            if (ask, number) in found:
                continue
            term = posting.asks[ask].terms[number]
            hit = next(
                (list(a) for a in term.anchors if all(s in by_stem for s in a)), None
            ) if term.kind == "thing" else None
            if not hit:
                if len(term.stems) < 2 and term.kind == "thing":
                    continue  # one everyday word ("patients") does not name an ask
                if not all(s in by_stem for s in term.stems):
                    continue
                hit = list(term.stems)
            spots = [by_stem[s][0] for s in hit]
            found[(ask, number)] = _Mention(
                ask, min(w.start for w in spots), max(w.end for w in spots), frozenset(hit))
    # One mention per ask: its first place in the sentence.
    first: dict[int, _Mention] = {}
    for mention in sorted(found.values(), key=lambda m: (m.start, m.end)):
        first.setdefault(mention.ask, mention)
    return list(first.values())


def _listed(text: str, mentions: Sequence[_Mention]) -> set[_Mention]:
    """Mentions that stand in a list of three or more terms."""
    spans = sorted({(m.start, m.end) for m in mentions})
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    runs: list[list[list[int]]] = []
    for span in merged:
        if runs and LIST_GAP.match(text[runs[-1][-1][1] : span[0]]):
            runs[-1].append(span)
        else:
            runs.append([span])
    listed_spans = [(run[0][0], run[-1][1]) for run in runs if len(run) >= LIST_ITEMS]
    return {m for m in mentions if any(a <= m.start and m.end <= b for a, b in listed_spans)}


def _evidence(
    posting: PostingAnalysis, text: str, words: Sequence[Word], specifics, mentions,
    masks, company: str | None,
) -> list[tuple[str, int, int, str]]:
    """The sentence's specifics that are evidence, not the posting's own words."""
    named = [(m.start, m.end) for m in mentions]
    forms = {w.start: i for i, w in enumerate(words)}
    out = []
    for label, start, end, surface in specifics:
        if any(a < end and start < b for a, b in named) or _inside(start, end, masks):
            continue
        if label == "NAME":
            if ACRONYM.match(surface):
                continue  # "KPIs", "PMS": a skill's or tool's name, not a place or an employer
            if _posting_name(posting, surface) or (company and same_company(surface, company)) or (
                posting.company and same_company(surface, posting.company)
            ):
                continue
        elif label in ("NUMBER", "DATE"):
            if any(ch.isalpha() for ch in surface) and any(ch.isdigit() for ch in surface):
                continue  # "KS3", "NEWS2", "5S": the name of a thing, not a measure
            if _copied_number(posting, words, forms.get(start), surface):
                continue
        out.append((label, start, end, surface))
    return out


def _posting_name(posting: PostingAnalysis, surface: str) -> bool:
    """A name the posting uses, or made only of words of the posting's names."""
    lower = surface.lower()
    if lower in posting.names:
        return True
    return all(w in posting.name_words for w in lower.split())


def _copied_number(posting: PostingAnalysis, words, position: int | None, surface: str) -> bool:
    phrases = posting.number_phrases
    form = surface.lower()
    if any(ch.isalpha() for ch in form) and any(ch.isdigit() for ch in form):
        return form in phrases
    if position is None:
        return False
    form = words[position].form
    # Neighbours are words, not signs: "3+ years" is "3 year" like the posting's "3+ years".
    before = next((w.form for w in reversed(words[:position]) if w.form[:1].isalnum()), None)
    after = next((w.form for w in words[position + 1 :] if w.form[:1].isalnum()), None)
    return (before is not None and f"{before} {form}" in phrases) or (
        after is not None and f"{form} {after}" in phrases)
