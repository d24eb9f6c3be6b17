"""The generic-sentence model on the blind dev set: sentence figures, and with the rules.

    python bench/generic_eval.py                # dev: sentence-level figures and misses
    python bench/generic_eval.py --combined     # dev: bench/blind_eval.py's figures with it
    python bench/generic_eval.py --combined --set test   # held out: figures only
    python bench/generic_eval.py --speed        # ms to judge a letter's sentences, cold

Sentence level: each sentence of the dev texts (the engine's own sentence
splitter) is generic when it overlaps a marked phrase; specific texts' and trap
sentences are not. Figures are on every sentence (AUC) and on the sentences
the detector may judge at all (no number, date, name or concrete action).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from standout import Linter
from standout.config import UserConfig
from standout.generic.judge import SentenceJudge, Thresholds
from standout.generic.model import bundled_model
from standout.report import Finding, Report
from standout.score import stand_out_score

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent / "training" / "generic"))


class WithGeneric:
    """The linter plus the sentence detector, for the blind evaluation (until it is a check)."""

    def __init__(self, linter: Linter, thresholds: Thresholds) -> None:
        self.linter = linter
        self.judge = SentenceJudge(bundled_model())
        self.thresholds = thresholds

    def check(self, text: str, context: dict | None = None) -> Report:
        context = context or {}
        report = self.linter.check(text, context)
        analysis = self.linter.analyse(text)
        extra = [
            Finding("generic.anyones-sentence", "generic", v.severity, v.start, v.end,
                    text[v.start:v.end], "", "", "Could be in anyone's letter")
            for v in self.judge.verdicts(analysis.paragraphs, context.get("company"),
                                         context.get("role"), self.thresholds)
        ]
        findings = report.findings + tuple(extra)
        stats = report.stats
        score = stand_out_score(stats["words"], stats["specifics"]["total"],
                                (f.severity for f in findings))
        return Report(tuple(sorted(findings, key=lambda f: (f.start, f.end))), score, stats)


def sentence_figures(show: bool) -> dict:
    from data import dev_sentences, linter
    from metrics import report

    lint = linter()
    dev = dev_sentences(lint)
    judge = SentenceJudge(bundled_model())
    scores = judge.model.scores([d.view.words for d in dev])
    out = report(dev, scores)
    if show:
        for score, d in sorted(zip(scores, dev, strict=True), key=lambda x: -x[0]):
            if d.view.evidence((d.company,) if d.company else ()):
                continue
            wrong = (score >= 0.7) != d.generic
            if wrong:
                print(f"  {score:.2f} {'generic' if d.generic else d.kind:8} {d.text[:100]!r}")
    return out


def speed(rounds: int) -> dict:
    """The judge alone, and a whole cold check with and without it, in the same run."""
    lint = Linter(config=UserConfig())
    engine = WithGeneric(lint, Thresholds())
    judge = engine.judge
    text = (ROOT / "letters" / "01-generic-analyst.txt").read_text(encoding="utf-8")
    analysis = lint.analyse(text)
    locals_ = [p.local for p in analysis.paragraphs]
    judge_cold, judge_warm, check_cold, both_cold = [], [], [], []

    def clear() -> None:
        lint._cache.clear()
        for detector in lint.detectors:
            clear_cache = getattr(detector, "clear_cache", None)
            if clear_cache:
                clear_cache()
        judge.clear_cache()

    for _ in range(rounds):
        judge.clear_cache()
        t = time.perf_counter()
        judge.paragraphs(locals_)
        judge_cold.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        judge.paragraphs(locals_)
        judge_warm.append((time.perf_counter() - t) * 1000)
        clear()
        t = time.perf_counter()
        lint.check(text)
        check_cold.append((time.perf_counter() - t) * 1000)
        clear()
        t = time.perf_counter()
        lint.check(text)
        judge.verdicts(lint.analyse(text).paragraphs, None, None, engine.thresholds)
        both_cold.append((time.perf_counter() - t) * 1000)
    median = statistics.median
    return {"letter_words": sum(p.words for p in analysis.paragraphs),
            "sentences": sum(len(p.sentences) for p in locals_),
            "judge_cold_ms": round(median(judge_cold), 3),
            "judge_warm_ms": round(median(judge_warm), 4),
            "check_cold_ms": round(median(check_cold), 3),
            "check_plus_judge_cold_ms": round(median(both_cold), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["dev", "test"], default="dev")
    parser.add_argument("--combined", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    if args.speed:
        print(json.dumps(speed(args.rounds), indent=1))
        return
    if args.combined:
        from blind_eval import BLIND, evaluate

        engine = WithGeneric(Linter(config=UserConfig()), Thresholds())
        result = evaluate(engine, BLIND / args.set, details=args.set == "dev")
        for key in ("misses", "false_warning_list", "trap_list", "short_over_50"):
            lines = result.pop(key, None)
            if lines:
                print(f"\n## {key} ({len(lines)})")
                for line in lines:
                    print("  " + line)
        print(json.dumps(result, indent=1))
        return
    if args.set != "dev":
        raise SystemExit("sentence-level figures are for the dev set only")
    print(json.dumps(sentence_figures(show=True), indent=1))


if __name__ == "__main__":
    main()
