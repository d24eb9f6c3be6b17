"""Detection on texts nobody on the team tuned to: recall, false warnings, traps, score.

    python bench/blind_eval.py                 # the dev set, with every miss and false warning
    python bench/blind_eval.py --set dev2      # the second dev set, likewise
    python bench/blind_eval.py --set test4     # a held-out set: figures only
    python bench/blind_eval.py --set test4 --json

The texts in ``bench/blind/`` were written by helpers who never saw the rules
or ``models/`` (see each set's README.md), with the boilerplate marked as
``[[...]]`` before Standout ever ran on them:

- ``generic/``: generic letters and answers; every marked phrase should be
  overlapped by a finding (``recall``), ideally a warning or error (``recall+``);
- ``specific/``: specific texts; every warning or error on them is wrong;
- ``traps.txt``: one sentence per line that only looks like a cliché; any
  warning is wrong (info underlines are counted too).

The **dev** sets (dev, dev2, dev3, dev4: short paragraphs; dev5, dev6, dev7, dev9, dev12,
dev13, dev14, dev16, dev17 and the trap sentences dev8, dev10, dev11 and dev15, each run
once blind first, see their HELD-OUT.md) are for looking at and tuning to. The held-out
sets are **test15** and the trap sentences **test16** and **test17** (issue 14, eleventh
round: run at its end, figures only): look only at their figures, never at what they
missed, or they stop being blind. **test** (issue 14, first round), **test2** to
**test14** (each run once or more in a round, see their HELD-OUT.md) were held out until
their figures were reported, then opened (test2 and test4 at the start of the eleventh
round, when their details were printed by a slip). A new round of tuning needs a new
held-out set, written by someone who has not seen the rules (test15 to test17 are ones
until they are opened).
No sentence of any set may go into a rule, a sample or a training bank
(tests/test_blind_sets_kept_out.py).

Score separation is the AUC of "a specific text scores higher than a generic
one" over every pair, and the highest score of a short generic text (each
generic paragraph of 12+ words checked on its own). Some of those paragraphs
hold no marked phrase at all (the writer's plain facts: "I can start in
June"), so the figures are given twice: over every paragraph, and over the
ones with a marked phrase in them.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from standout import Linter
from standout.config import UserConfig

BLIND = Path(__file__).resolve().parent / "blind"
MARK = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)
WARNING_PLUS = {"warning", "error"}
SHORT_MIN_WORDS = 12


@dataclass
class Text:
    name: str
    kind: str
    context: dict[str, str]
    text: str
    marks: list[tuple[int, int]] = field(default_factory=list)


def read_text(path: Path) -> Text:
    """A blind text: header lines, ``---``, the text with ``[[marks]]`` (removed here)."""
    raw = path.read_text(encoding="utf-8")
    header, _, body = raw.partition("\n---\n")
    fields = {}
    for line in header.splitlines():
        key, _, value = line.partition(":")
        if value.strip():
            fields[key.strip()] = value.split("(", 1)[0].strip() if key.strip() == "kind" else (
                value.strip())
    marks = []
    plain = []
    position = 0
    length = 0
    for match in MARK.finditer(body):
        plain.append(body[position : match.start()])
        length += match.start() - position
        inner = match.group(1)
        marks.append((length, length + len(inner)))
        plain.append(inner)
        length += len(inner)
        position = match.end()
    plain.append(body[position:])
    context = {k: fields[k] for k in ("company", "role", "question") if k in fields}
    return Text(path.stem, fields.get("kind", "letter"), context, "".join(plain).strip("\n"),
                marks)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def auc(low: list[float], high: list[float]) -> float:
    """Probability that a ``high`` item outscores a ``low`` one (ties count half)."""
    if not low or not high:
        return float("nan")
    wins = sum((h > g) + 0.5 * (h == g) for g in low for h in high)
    return wins / (len(low) * len(high))


def evaluate(linter: Linter, root: Path, details: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"set": root.name}
    generic = [read_text(p) for p in sorted((root / "generic").glob("*.txt"))]
    specific = [read_text(p) for p in sorted((root / "specific").glob("*.txt"))]
    traps = [
        line.strip() for line in (root / "traps.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]

    marked = hit_any = hit_warn = 0
    misses: list[str] = []
    generic_scores = []
    short_scores: list[tuple[int, str]] = []
    marked_short: list[int] = []
    for item in generic:
        report = linter.check(item.text, item.context)
        generic_scores.append(report.score)
        spans = [((f.start, f.end), f.severity) for f in report.findings]
        for mark in item.marks:
            marked += 1
            severities = {s for span, s in spans if overlaps(span, mark)}
            hit_any += bool(severities)
            hit_warn += bool(severities & WARNING_PLUS)
            if details and not severities & WARNING_PLUS:
                state = "info only" if severities else "missed"
                misses.append(f"{item.name}: {state}: {item.text[mark[0]:mark[1]]!r}")
        position = 0
        for paragraph in re.split(r"\n\s*\n", item.text):
            start = item.text.index(paragraph, position)
            position = start + len(paragraph)
            if len(paragraph.split()) >= SHORT_MIN_WORDS:
                score = linter.check(paragraph, item.context).score
                short_scores.append((score, paragraph))
                if any(overlaps(mark, (start, position)) for mark in item.marks):
                    marked_short.append(score)

    wrong: list[str] = []
    specific_scores = []
    for item in specific:
        report = linter.check(item.text, item.context)
        specific_scores.append(report.score)
        for f in report.findings:
            if f.severity in WARNING_PLUS:
                wrong.append(f"{item.name}: {f.severity} {f.rule}: {f.text!r}")

    trap_warn = trap_info = 0
    trap_lines = []
    for sentence in traps:
        severities = {f.severity for f in linter.check(sentence).findings}
        if severities & WARNING_PLUS:
            trap_warn += 1
            trap_lines.append(f"warning: {sentence}")
        elif severities:
            trap_info += 1
            trap_lines.append(f"info: {sentence}")

    short_scores.sort(reverse=True)
    out.update({
        "generic_texts": len(generic),
        "marked_phrases": marked,
        "recall_any": hit_any / marked if marked else 0.0,
        "recall_warning": hit_warn / marked if marked else 0.0,
        "specific_texts": len(specific),
        "false_warnings": len(wrong),
        "false_warnings_per_specific_text": len(wrong) / len(specific) if specific else 0.0,
        "traps": len(traps),
        "traps_with_warning": trap_warn,
        "traps_with_info_only": trap_info,
        "score_auc": auc(generic_scores, specific_scores),
        "generic_score_median": statistics.median(generic_scores) if generic_scores else None,
        "specific_score_median": statistics.median(specific_scores) if specific_scores else None,
        "generic_score_max": max(generic_scores, default=None),
        "short_generic_score_max": short_scores[0][0] if short_scores else None,
        "short_generic_over_50": sum(1 for s, _ in short_scores if s > 50),
        "short_generic_paragraphs": len(short_scores),
        "short_marked_score_max": max(marked_short, default=None),
        "short_marked_over_50": sum(1 for s in marked_short if s > 50),
        "short_marked_paragraphs": len(marked_short),
    })
    if details:
        out["misses"] = misses
        out["false_warning_list"] = wrong
        out["trap_list"] = trap_lines
        out["short_over_50"] = [f"{s}: {p[:90]!r}" for s, p in short_scores if s > 50]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sets = sorted(p.name for p in BLIND.iterdir() if p.is_dir())
    parser.add_argument("--set", choices=sets, default="dev")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    parser.add_argument("--details", action="store_true",
                        help="List misses and false warnings (default for dev only).")
    args = parser.parse_args()
    details = args.details or args.set.startswith("dev")
    linter = Linter(config=UserConfig())
    result = evaluate(linter, BLIND / args.set, details)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return
    for key in ("misses", "false_warning_list", "trap_list", "short_over_50"):
        lines = result.pop(key, None)
        if lines:
            print(f"\n## {key} ({len(lines)})")
            for line in lines:
                print("  " + line)
    print(f"\n## {args.set} set figures")
    for key, value in result.items():
        print(f"  {key:34} {value:.3f}" if isinstance(value, float) else f"  {key:34} {value}")


if __name__ == "__main__":
    main()
