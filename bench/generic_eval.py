"""The generic-sentence model on the blind dev set: sentence figures, and with the rules.

    python bench/generic_eval.py            # dev: sentence-level figures and misjudged ones
    python bench/generic_eval.py --speed    # ms: the judge alone; a cold check with and without

(The whole engine's figures on the blind sets, this check included, are
bench/blind_eval.py's.)

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
from standout.generic.judge import SentenceJudge
from standout.generic.model import bundled_model

ROOT = Path(__file__).resolve().parent
RULE = "generic.anyones-sentence"
sys.path.insert(0, str(ROOT.parent / "training" / "generic"))


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
    """The judge alone, and whole checks by a linter with the rule and one without it
    (turned off in its config, so its detector is never built), alternated in one run
    so both see the same machine load; every bench letter, cold and warm."""
    lint = Linter(config=UserConfig())
    without = Linter(config=UserConfig(disabled_rules=frozenset({RULE})))
    judge = SentenceJudge(bundled_model())
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "letters").glob("*.txt"))]
    analysis = lint.analyse(texts[0])
    locals_ = [p.local for p in analysis.paragraphs]
    times: dict[str, list[float]] = {key: [] for key in (
        "judge_cold", "judge_warm", "cold_without", "cold_with", "warm_without", "warm_with")}

    def timed(key: str, function) -> None:
        start = time.perf_counter()
        function()
        times[key].append((time.perf_counter() - start) * 1000)

    for n in range(rounds):
        judge.forget(locals_)
        timed("judge_cold", lambda: judge.paragraphs(locals_))
        timed("judge_warm", lambda: judge.paragraphs(locals_))
        text = texts[n % len(texts)]
        for engine, name in ((without, "without"), (lint, "with")):
            engine.clear_caches()
            timed(f"cold_{name}", lambda engine=engine, text=text: engine.check(text))
            timed(f"warm_{name}", lambda engine=engine, text=text: engine.check(text))
    out = {"judge_letter_words": sum(p.words for p in analysis.paragraphs),
           "judge_letter_sentences": sum(len(p.sentences) for p in locals_)}
    out.update({f"{key}_ms_median": round(statistics.median(v), 3) for key, v in times.items()})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["dev", "test"], default="dev")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    if args.speed:
        print(json.dumps(speed(args.rounds), indent=1))
        return
    if args.set != "dev":
        raise SystemExit("sentence-level figures are for the dev set only")
    print(json.dumps(sentence_figures(show=True), indent=1))


if __name__ == "__main__":
    main()
