"""Findings, reports and rules as JSON, for the command line and the v1 API.

A finding's fields are the same for every reader; only its position differs:

- the CLI gives Python string indices (``start``, ``end``) and 1-based ``line``
  and ``column``;
- /v1 gives ``offset`` and ``length`` in UTF-16 code units, so JavaScript can
  slice with them.

Knows nothing of Flask or click: the web and CLI layers call it.
"""

from __future__ import annotations

from typing import Any

from .messages import generic
from .offsets import LineIndex, Utf16Index
from .report import Finding, Report
from .rulebook import Rule


def cli_file_json(path: str, text: str, report: Report) -> dict[str, Any]:
    """One checked file for ``standout check --format json``."""
    lines = LineIndex(text)

    def positions(finding: Finding) -> dict[str, int]:
        line, column = lines.line_col(finding.start)
        return {"start": finding.start, "end": finding.end, "line": line, "column": column}

    return {"path": path, **report.json(positions)}


def api_report_json(report: Report, text: str) -> dict[str, Any]:
    """A report as /v1 sends it: ``offset``/``length`` count UTF-16 code units."""
    index = Utf16Index(text)

    def positions(finding: Finding) -> dict[str, int]:
        start = index.to_utf16(finding.start)
        return {"offset": start, "length": index.to_utf16(finding.end) - start}

    return report.json(positions)


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
