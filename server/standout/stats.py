"""A report's statistics: words, sentences, paragraphs, specifics, findings by severity
and category. The score (:mod:`standout.score`) is computed from them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from .analysis import Analysis
from .arrangements import arrangement_sentences
from .components.specifics import ACTION, DATE, NAME, NUMBER
from .context import Context
from .employer_names import repeats_context
from .named_things import continuations
from .report import Finding
from .tenure import tenure_sentences
from .writer_name import names_candidate

# Findings whose sentence is boilerplate: the specifics in it do not count.
DISCOUNTING = frozenset({"error", "warning"})


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
      a detail inside a stock sentence counts once the sentence is rewritten;
    - every name of a list but its first ("Python, Java and SQL" is one claim);
    - every part of one name but its first: "Windows 11", "ILM Level 2 Award in Team
      Leading" (a named qualification and its subject) are one thing each;
    - the candidate's own name (writer_name.py): it is in every letter they send;
    - the ones in a sentence of practical arrangements ("I am available from June",
      arrangements.py): every applicant states when they can start;
    - all but the first in a sentence of how long the writer has held a job
      (tenure.py).
    """
    # Plain dicts, not Counters: this runs on every check, warm ones included.
    labels: dict[str, int] = {}
    sentences = 0
    for paragraph in analysis.paragraphs:
        local = paragraph.local
        sentences += len(local.sentences)
        for label, count in local.specific_counts.items():
            labels[label] = labels.get(label, 0) + count
    left_out, specific_sentences = _not_counted(analysis, findings, context, passage_rules)
    for label in left_out:
        labels[label] -= 1
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
        "specific_sentences": specific_sentences,
        "paragraphs": len(analysis.paragraphs),
        "specifics": specifics,
        "findings": severities,
        "categories": dict(sorted(categories.items())),
    }


def _not_counted(
    analysis: Analysis, findings: Sequence[Finding], context: Context | None,
    passage_rules: frozenset[str],
) -> tuple[list[str], int]:
    """Labels of the specifics the score does not count (see :func:`text_stats`), and the
    number of sentences holding one it counts."""
    company, role = (context.company, context.role) if context else (None, None)
    candidate = analysis.candidate
    paragraphs = analysis.paragraphs
    starts = [p.offset for p in paragraphs]
    flagged: dict[int, list[int]] = {}  # paragraph -> local starts of its flagged findings
    for f in findings:
        if f.severity in DISCOUNTING and f.rule not in passage_rules:
            k = bisect_right(starts, f.start) - 1
            if k >= 0:
                flagged.setdefault(k, []).append(f.start - starts[k])
    out: list[str] = []
    specific_sentences = 0
    for k, paragraph in enumerate(paragraphs):
        local = paragraph.local
        specifics = local.specifics
        if not specifics:
            continue
        left_out: set[int] = set()  # indices into specifics
        if k in flagged:
            sentence_starts = [s for s, _ in local.sentences]
            for n in {bisect_right(sentence_starts, start) - 1 for start in flagged[k]}:
                left_out.update(_in_sentence(specifics, local.sentences[n]))
        for n in arrangement_sentences(local):
            left_out.update(_in_sentence(specifics, local.sentences[n]))
        for n in tenure_sentences(local):
            left_out.update(_in_sentence(specifics, local.sentences[n])[1:])  # one counts
        if company or role:
            left_out.update(i for i, s in enumerate(specifics)
                            if repeats_context(s, company, role))
        left_out.update(continuations(local.text, specifics))
        if candidate:
            left_out.update(i for i, s in enumerate(specifics) if names_candidate(s, candidate))
        out += [specifics[i].label for i in left_out]
        if len(left_out) < len(specifics):
            sentence_starts = [s for s, _ in local.sentences]
            specific_sentences += len({
                bisect_right(sentence_starts, specific.start) - 1
                for i, specific in enumerate(specifics) if i not in left_out})
    return out, specific_sentences


def _in_sentence(specifics, sentence: tuple[int, int]) -> range:
    """Indices of the (sorted) specifics inside ``sentence``."""
    begin, end = sentence
    return range(bisect_left(specifics, begin, key=_start),
                 bisect_left(specifics, end, key=_start))


def _start(specific) -> int:
    return specific.start
