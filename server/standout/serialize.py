"""Findings, reports and rules as JSON, for the command line and the v1 API.

A finding's fields are the same for every reader; only its position differs:

- the CLI gives Python string indices (``start``, ``end``) and 1-based ``line``
  and ``column``;
- /v1 gives ``offset`` and ``length`` in UTF-16 code units, so JavaScript can
  slice with them.

The posting's checklist (``posting``) places each ask's evidence sentence the
same way, or gives nulls for an ask the text does not name.

Knows nothing of Flask or click: the web and CLI layers call it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .messages import generic
from .offsets import LineIndex, Utf16Index
from .report import Finding, Report
from .rulebook import Rule

if TYPE_CHECKING:
    from .posting.compare import PostingReport


def cli_file_json(path: str, text: str, report: Report) -> dict[str, Any]:
    """One checked file for ``standout check --format json``."""
    lines = LineIndex(text)

    def positions(finding: Finding) -> dict[str, int]:
        line, column = lines.line_col(finding.start)
        return {"start": finding.start, "end": finding.end, "line": line, "column": column}

    out = {"path": path, **report.json(positions)}
    if report.posting is not None:
        def where(start: int, end: int) -> dict[str, int]:
            return {"start": start, "end": end, "line": lines.line_col(start)[0]}

        out["posting"] = posting_json(report.posting, where, ("start", "end", "line"))
    return out


def api_report_json(report: Report, text: str) -> dict[str, Any]:
    """A report as /v1 sends it: ``offset``/``length`` count UTF-16 code units.

    Besides findings, score and stats it places the paragraphs (words and specifics
    in each) and the specifics themselves, which the page shows beside the text.
    """
    index = Utf16Index(text)

    def span(start: int, end: int) -> dict[str, int]:
        offset = index.to_utf16(start)
        return {"offset": offset, "length": index.to_utf16(end) - offset}

    def positions(finding: Finding) -> dict[str, int]:
        return span(finding.start, finding.end)

    out = {
        **report.json(positions),
        "paragraphs": [
            {**span(p.start, p.end), "words": p.words, "specifics": p.specifics}
            for p in report.paragraphs
        ],
        "specifics": [
            {"label": s.label, **span(s.start, s.end), "text": s.text} for s in report.specifics
        ],
    }
    if report.posting is not None:
        out["posting"] = posting_json(report.posting, span, ("offset", "length"))
    return out


def posting_json(
    posting: PostingReport, where: Callable[[int, int], dict[str, int]], fields: tuple[str, ...]
) -> dict[str, Any]:
    """The posting's checklist: each ask, placed by ``where`` (its evidence sentence) or null."""
    asks = []
    for ask in posting.asks:
        place = where(*ask.evidence) if ask.evidence else dict.fromkeys(fields)
        asks.append({
            "text": ask.text, "terms": list(ask.terms), "section": ask.section,
            "status": ask.status, **place, "proof": list(ask.proof),
        })
    return {
        "match": posting.match, "asks": asks, "role": posting.role,
        "company": posting.company, "notes": list(posting.notes),
    }


def rule_json(rule: Rule, enabled: bool) -> dict[str, Any]:
    """A rule as listings show it: texts filled with nothing known of the reader's context."""
    return {
        "id": rule.id,
        "category": rule.category,
        "severity": rule.severity,
        "title": rule.title,
        "message": generic(rule.message),
        "advice": generic(rule.advice),
        "enabled": enabled,
    }
