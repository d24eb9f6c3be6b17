"""A text compared with a posting: the checklist, the echoes, a word about them.

This is what the engine reports (``report.posting``) and what the posting
detectors flag. Offsets are Python string indices into the checked text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .about import says_something_about
from .coverage import AskStatus, coverage, match_share
from .echo import find_echo
from .lexicon import Lexicon
from .model import PostingAnalysis
from .words import AnalysisLike


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


def compare(
    posting: PostingAnalysis, text: AnalysisLike, lexicon: Lexicon, company: str | None = None
) -> Comparison:
    statuses = coverage(posting, text, lexicon, company)
    report = PostingReport(
        asks=tuple(_result(posting, s) for s in statuses),
        match=match_share(statuses),
        role=posting.role,
        company=posting.company,
        notes=posting.notes,
    )
    return Comparison(report, tuple(echoes(posting, text)), says_something_about(
        posting, text, lexicon, company))


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


def echoes(posting: PostingAnalysis, text: AnalysisLike) -> list[Echo]:
    """The text's sentences that copy a run of the posting."""
    out = []
    index = posting.echo
    if not index.grams and not index.line_grams:
        return out
    for paragraph in text.paragraphs:
        offset = paragraph.offset
        stream = paragraph.local.stream_tuples
        k = 0
        for a, b in paragraph.local.sentences:
            words = []
            while k < len(stream) and stream[k][1] < b:
                if stream[k][1] >= a:
                    words.append(stream[k])
                k += 1
            found = find_echo([w[0] for w in words], index)
            if found is None:
                continue
            copied = (words[found.first][1] + offset, words[found.last][2] + offset)
            line = posting.asks[found.ask].text if found.ask is not None else None
            out.append(Echo(a + offset, b + offset, copied, line))
    return out
