"""A text compared with a posting: the checklist, the echoes, a word about them.

This is what the engine reports (``report.posting``) and what the posting
detectors flag. Offsets are Python string indices into the checked text.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from .about import paragraph_about
from .coverage import AskStatus, Named, combine, match_share, paragraph_mentions
from .echo import find_echo
from .lexicon import Lexicon
from .model import PostingAnalysis
from .words import AnalysisLike, paragraph_words


@dataclass(frozen=True)
class AskResult:
    """One ask of the checklist and how the text stands on it."""

    text: str  # the ask as the posting puts it
    terms: tuple[str, ...]  # its key terms, as written in the posting
    section: str  # "requirements" | "responsibilities" | "nice_to_have"
    status: str  # "shown" | "claimed" | "absent"
    evidence: tuple[int, int] | None  # the sentence that shows or claims it
    proof: tuple[str, ...] = ()  # what makes it shown ("4.2 seconds", "Ferrovia Freight")

    @property
    def label(self) -> str:
        return ", ".join(self.terms[:2])

    def to_dict(self) -> dict[str, Any]:
        start, end = self.evidence if self.evidence else (None, None)
        return {
            "text": self.text, "terms": list(self.terms), "section": self.section,
            "status": self.status, "start": start, "end": end, "proof": list(self.proof),
        }


@dataclass(frozen=True)
class Echo:
    """A sentence of the text that copies the posting."""

    start: int  # the sentence
    end: int
    copied: tuple[int, int]  # the copied run inside it
    ask: str | None  # the ask line it copies most of, when that is the reason


@dataclass(frozen=True)
class PostingReport:
    asks: tuple[AskResult, ...]
    match: float | None  # share of the asks that are shown; None without asks
    role: str | None  # as read from the posting
    company: str | None
    notes: tuple[str, ...] = ()  # "no-asks", "not-english"

    def to_dict(self) -> dict[str, Any]:
        return {
            "match": self.match,
            "asks": [a.to_dict() for a in self.asks],
            "role": self.role,
            "company": self.company,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Comparison:
    report: PostingReport
    echoes: tuple[Echo, ...]
    about: tuple[int, int] | None  # where the text names something of the employer's own


class Comparer:
    """Compares texts with postings, keeping each paragraph's result.

    A paragraph's named asks, echoes and mention of the employer's own things
    depend only on the posting, the company and the paragraph's text, so they are
    cached by those three: re-checking a letter after an edit compares the edited
    paragraph only, and combining the rest costs a few dictionary lookups.
    """

    def __init__(self, lexicon: Lexicon, cache_size: int = 2048) -> None:
        self.lexicon = lexicon
        self._cache: OrderedDict[tuple[str, str, str], _Paragraph] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def __call__(
        self, posting: PostingAnalysis, text: AnalysisLike, company: str | None = None
    ) -> Comparison:
        company = company or posting.company
        parts = [(p.offset, self._paragraph(posting, p.local, company)) for p in text.paragraphs]
        statuses = combine(posting, ((o, part.named) for o, part in parts))
        report = PostingReport(
            asks=tuple(_result(posting, s) for s in statuses),
            match=match_share(statuses),
            role=posting.role,
            company=posting.company,
            notes=posting.notes,
        )
        found = tuple(
            Echo(e.start + o, e.end + o, (e.copied[0] + o, e.copied[1] + o), e.ask)
            for o, part in parts for e in part.echoes
        )
        about = next(((part.about[0] + o, part.about[1] + o) for o, part in parts
                      if part.about is not None), None)
        return Comparison(report, found, about)

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def _paragraph(self, posting: PostingAnalysis, local, company: str | None) -> _Paragraph:
        key = (posting.text, company or "", local.text)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
        words = paragraph_words(local, self.lexicon)
        result = _Paragraph(
            named=paragraph_mentions(posting, local, self.lexicon, company, words),
            echoes=tuple(paragraph_echoes(posting, local)),
            about=paragraph_about(posting, local, self.lexicon, company, words),
        )
        with self._lock:
            self._cache[key] = result
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return result


@dataclass(frozen=True)
class _Paragraph:
    named: tuple[Named, ...]
    echoes: tuple[Echo, ...]
    about: tuple[int, int] | None


def compare(
    posting: PostingAnalysis, text: AnalysisLike, lexicon: Lexicon, company: str | None = None
) -> Comparison:
    """One comparison without a cache (tests, evaluation)."""
    return Comparer(lexicon, cache_size=0)(posting, text, company)


def _result(posting: PostingAnalysis, status: AskStatus) -> AskResult:
    ask = posting.asks[status.ask]
    ranked = sorted(ask.terms, key=lambda t: (t.kind != "thing", -t.weight))
    return AskResult(
        text=ask.text,
        terms=tuple(t.text for t in ranked),
        section=ask.section,
        status=status.status,
        evidence=status.evidence,
        proof=status.proof,
    )


def paragraph_echoes(posting: PostingAnalysis, paragraph) -> list[Echo]:
    """The sentences of one paragraph analysis that copy a run of the posting."""
    out: list[Echo] = []
    index = posting.echo
    if not index.grams and not index.line_grams:
        return out
    stream = paragraph.canonical_words
    k = 0
    for a, b in paragraph.sentences:
        words = []
        while k < len(stream) and stream[k][1] < b:
            if stream[k][1] >= a:
                words.append(stream[k])
            k += 1
        found = find_echo([w[0] for w in words], index)
        if found is None:
            continue
        line = posting.asks[found.ask].text if found.ask is not None else None
        out.append(Echo(a, b, (words[found.first][1], words[found.last][2]), line))
    return out
