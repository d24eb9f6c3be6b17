"""A report's statistics: words, sentences, paragraphs, specifics, findings by severity
and category. The score (:mod:`standout.score`) is computed from them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .analysis import Analysis
from .components.specifics import ACTION, DATE, NAME, NUMBER
from .context import Context
from .employer_names import repeats_context
from .report import Finding

# Findings whose sentence is boilerplate: the specifics in it do not count.
DISCOUNTING = frozenset({"error", "warning"})


def _stock_sentences(paragraph, flagged: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraph's sentences (paragraph-relative) that overlap a flagged span."""
    offset = paragraph.offset
    end = offset + len(paragraph.text)
    inside = [(a - offset, b - offset) for a, b in flagged if a < end and b > offset]
    if not inside:
        return []
    return [(s, e) for s, e in paragraph.local.sentences
            if any(a < e and s < b for a, b in inside)]


def text_stats(
    analysis: Analysis,
    findings: Sequence[Finding],
    context: Context | None = None,
    passage_rules: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """``specifics`` counts what the score rewards (docs/score.md), leaving out

    - the ones that only repeat the context: the employer's own name and the
      role's title are in every letter to that employer;
    - the ones in a sentence that still holds a phrase-level warning or error
      ("Please accept this letter as my application for the Grade 4 post"):
      a detail inside a stock sentence counts once the sentence is rewritten.
    """
    # Plain dicts, not Counters: this runs on every check, warm ones included.
    labels: dict[str, int] = {}
    sentences = 0
    company, role = (context.company, context.role) if context else (None, None)
    flagged = sorted(
        (f.start, f.end) for f in findings
        if f.severity in DISCOUNTING and f.rule not in passage_rules
    )
    for paragraph in analysis.paragraphs:
        local = paragraph.local
        sentences += len(local.sentences)
        for label, count in local.specific_counts.items():
            labels[label] = labels.get(label, 0) + count
        if not local.specifics:
            continue
        stock = _stock_sentences(paragraph, flagged) if flagged else ()
        if company or role or stock:
            for specific in local.specifics:
                if repeats_context(specific, company, role) or any(
                    a <= specific.start < b for a, b in stock
                ):
                    labels[specific.label] -= 1
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
