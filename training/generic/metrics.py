"""Sentence-level figures for a scorer on the blind dev set."""

from __future__ import annotations

from collections.abc import Sequence

from data import DevSentence


def auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return float("nan")
    ranked = sorted((s, y) for s, y in zip(scores, labels, strict=True))
    # Mann-Whitney with ties counted half
    wins = 0.0
    below = 0
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        group_pos = sum(1 for k in range(i, j) if ranked[k][1])
        group_neg = (j - i) - group_pos
        wins += group_pos * (below + 0.5 * group_neg)
        below += group_neg
        i = j
    return wins / (len(pos) * len(neg))


def report(dev: Sequence[DevSentence], scores: Sequence[float],
           thresholds: Sequence[float] = (0.5, 0.7, 0.8, 0.9)) -> dict:
    open_ = [not d.view.evidence((d.company,) if d.company else ()) for d in dev]
    labels = [d.generic for d in dev]
    sub = [(s, d) for s, d, o in zip(scores, dev, open_, strict=True) if o]
    out = {
        "sentences": len(dev),
        "generic": sum(labels),
        "no_evidence": len(sub),
        "generic_no_evidence": sum(d.generic for _, d in sub),
        "auc_all": round(auc(scores, labels), 3),
        "auc_no_evidence": round(auc([s for s, _ in sub], [d.generic for _, d in sub]), 3),
    }
    marks_total = sum(len(d.marks) for d in dev)
    for t in thresholds:
        flagged = [d for s, d in sub if s >= t]
        right = sum(d.generic for d in flagged)
        out[f"@{t}"] = {
            "flagged": len(flagged),
            "precision": round(right / len(flagged), 3) if flagged else None,
            "sentence_recall": round(right / max(1, sum(labels)), 3),
            "mark_recall": round(sum(len(d.marks) for d in flagged) / max(1, marks_total), 3),
            "specific_text": sum(d.kind == "specific" for d in flagged),
            "traps": sum(d.kind == "trap" for d in flagged),
        }
    return out
