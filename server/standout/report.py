"""What a check returns: findings, a stand-out score, statistics and sentences.

Each record knows its own JSON fields; where a finding is (Python indices,
line and column, UTF-16 offsets) is for its reader to say: see
:mod:`standout.serialize`, which builds the CLI's and the /v1 API's forms.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .analysis import PlacedParagraph, Specific
    from .posting.compare import PostingReport


@dataclass(frozen=True, init=False)
class Finding:
    """One place where the text blends in.

    ``start`` and ``end`` are Python string indices into the checked text, so
    ``text[start:end] == finding.text``.
    """

    rule: str
    category: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    advice: str
    title: str = ""

    def __init__(self, rule: str, category: str, severity: str, start: int, end: int,
                 text: str, message: str, advice: str, title: str = "") -> None:
        # The frozen dataclass's own __init__ sets each field through object.__setattr__:
        # a check makes a dozen findings or more, and filling the instance dictionary at
        # once costs half as much (the same fields, in the same order).
        self.__dict__.update({
            "rule": rule, "category": category, "severity": severity, "start": start,
            "end": end, "text": text, "message": message, "advice": advice, "title": title,
        })

    def to_dict(self) -> dict[str, Any]:
        return self.json(python_positions(self))

    def json(self, positions: Mapping[str, int]) -> dict[str, Any]:
        """The finding's JSON fields, with ``positions`` where it is (in field order)."""
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            **positions,
            "text": self.text,
            "message": self.message,
            "advice": self.advice,
            "title": self.title,
        }


def python_positions(finding: Finding) -> dict[str, int]:
    return {"start": finding.start, "end": finding.end}


@dataclass(frozen=True)
class ParagraphSummary:
    """One paragraph of the checked text: where it is, its words and specifics."""

    start: int
    end: int
    words: int
    specifics: int

    @classmethod
    def of(cls, paragraph: PlacedParagraph) -> ParagraphSummary:
        local = paragraph.local
        start = paragraph.offset
        return cls(start, start + len(local.text), local.words, len(local.specifics))


@dataclass(frozen=True)
class Report:
    """``sentences`` are the text's sentences as ``(start, end)`` Python indices;
    ``paragraphs`` and ``specifics`` (numbers, dates, names, actions) are placed the same way.

    ``posting`` is the job posting's checklist (its top asks, each shown, claimed
    or absent, and ``match``) when the context gave a posting, else ``None``.
    """

    findings: tuple[Finding, ...]
    score: int
    stats: dict[str, Any] = field(default_factory=dict)
    sentences: tuple[tuple[int, int], ...] = ()
    paragraphs: tuple[ParagraphSummary, ...] = ()
    specifics: tuple[Specific, ...] = ()
    posting: PostingReport | None = None

    def to_dict(self) -> dict[str, Any]:
        out = self.json(python_positions)
        if self.posting is not None:
            out["posting"] = self.posting.to_dict()
        return out

    def json(self, positions: Callable[[Finding], Mapping[str, int]]) -> dict[str, Any]:
        """Findings, score and stats, each finding placed by ``positions``.

        The posting's checklist is placed by its reader (see :mod:`standout.serialize`).
        """
        return {
            "findings": [finding.json(positions(finding)) for finding in self.findings],
            "score": self.score,
            "stats": self.stats,
        }

    def worst(self) -> str | None:
        """The highest severity among the findings, or ``None``."""
        for severity in ("error", "warning", "info"):
            if any(f.severity == severity for f in self.findings):
                return severity
        return None
