"""A report's statistics: words, sentences, paragraphs, specifics, findings by severity
and category. The score (:mod:`standout.score`) is computed from them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .analysis import Analysis
from .components.specifics import ACTION, DATE, NAME, NUMBER
from .report import Finding


def text_stats(analysis: Analysis, findings: Sequence[Finding]) -> dict[str, Any]:
    # Plain dicts, not Counters: this runs on every check, warm ones included.
    labels: dict[str, int] = {}
    sentences = 0
    for paragraph in analysis.paragraphs:
        local = paragraph.local
        sentences += len(local.sentences)
        for label, count in local.specific_counts.items():
            labels[label] = labels.get(label, 0) + count
    specifics = {
        "numbers": labels.get(NUMBER, 0),
        "dates": labels.get(DATE, 0),
        "names": labels.get(NAME, 0),
        "actions": labels.get(ACTION, 0),
    }
    specifics["total"] = sum(specifics.values())
    severities = {"error": 0, "warning": 0, "info": 0}
    categories: dict[str, int] = {}
    for finding in findings:
        severities[finding.severity] += 1
        categories[finding.category] = categories.get(finding.category, 0) + 1
    return {
        "words": analysis.words,
        "sentences": sentences,
        "paragraphs": len(analysis.paragraphs),
        "specifics": specifics,
        "findings": severities,
        "categories": dict(sorted(categories.items())),
    }
