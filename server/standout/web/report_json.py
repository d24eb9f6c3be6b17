"""A Report as the v1 API sends it: offsets and lengths in UTF-16 code units."""

from __future__ import annotations

from typing import Any

from ..messages import generic
from ..offsets import Utf16Index
from ..report import Report
from ..rulebook import Rule

FINDING_FIELDS = (
    "rule", "category", "severity", "offset", "length", "text", "message", "advice", "title",
)


def report_json(report: Report, text: str) -> dict[str, Any]:
    """``offset``/``length`` count UTF-16 code units, so JavaScript can slice with them."""
    index = Utf16Index(text)
    findings = []
    for f in report.findings:
        start = index.to_utf16(f.start)
        findings.append({
            "rule": f.rule,
            "category": f.category,
            "severity": f.severity,
            "offset": start,
            "length": index.to_utf16(f.end) - start,
            "text": f.text,
            "message": f.message,
            "advice": f.advice,
            "title": f.title,
        })
    return {"findings": findings, "score": report.score, "stats": report.stats}




def rule_json(rule: Rule, enabled: bool) -> dict[str, Any]:
    return {
        "id": rule.id,
        "category": rule.category,
        "severity": rule.severity,
        "title": rule.title,
        "message": generic(rule.message),
        "advice": generic(rule.advice),
        "enabled": enabled,
    }
