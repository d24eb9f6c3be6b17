"""Engine speed: milliseconds per document and words per second, cold and warm,
with proselint run on the same texts in the same process for comparison.

    .venv-test/bin/python bench/bench_engine.py [--rounds 200]

(.venv-test is made by ./scripts/test; it has proselint.)

cold: the linter has not seen the text before (its paragraph caches, and the
      sample detector's, are emptied before every call; spaCy's vocabulary stays
      warm, as in a running server).
warm: the same text again (every paragraph comes from the cache).
first: the very first check after loading, once.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from standout import Linter
from standout.config import UserConfig

LETTERS = sorted((Path(__file__).parent / "letters").glob("*.txt"))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(function, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def proselint_runner():
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    return lambda text: LintFile("bench", text).lint()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--proselint-rounds", type=int, default=20)
    args = parser.parse_args()

    start = time.perf_counter()
    linter = Linter(config=UserConfig())
    load_ms = (time.perf_counter() - start) * 1000
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in LETTERS]
    start = time.perf_counter()
    linter.check(texts[0][1])
    first_ms = (time.perf_counter() - start) * 1000
    prose = proselint_runner()

    def cold(text: str) -> None:
        linter.clear_caches()
        linter.check(text)

    print(f"linter load {load_ms:.0f} ms; first check {first_ms:.1f} ms; "
          f"{len(linter.rules)} rules, {linter.rulebook.phrase_family_count()} phrase families")
    header = (f"{'letter':28} {'words':>5} {'cold p50':>9} {'p95':>7} {'warm p50':>9} {'p95':>7}"
              f" {'proselint p50':>14} {'ratio':>6}")
    print(header)
    all_cold, all_warm, all_prose, total_words = [], [], [], 0
    for name, text in texts:
        words = len(text.split())
        total_words += words
        cold_ms = timed(lambda text=text: cold(text), args.rounds)
        linter.check(text)
        warm_ms = timed(lambda text=text: linter.check(text), args.rounds)
        prose_ms = timed(lambda text=text: prose(text), args.proselint_rounds)
        all_cold += cold_ms
        all_warm += warm_ms
        all_prose.append(statistics.median(prose_ms))
        ratio = statistics.median(prose_ms) / statistics.median(cold_ms)
        print(f"{name:28} {words:5d} {statistics.median(cold_ms):8.2f}ms "
              f"{percentile(cold_ms, 0.95):6.2f}ms {statistics.median(warm_ms):8.3f}ms "
              f"{percentile(warm_ms, 0.95):6.3f}ms {statistics.median(prose_ms):12.1f}ms "
              f"{ratio:5.0f}x")
    mean_words = total_words / len(texts)
    cold_median = statistics.median(all_cold)
    warm_median = statistics.median(all_warm)
    prose_median = statistics.median(all_prose)
    print()
    print(f"all letters: cold median {cold_median:.2f} ms, p95 {percentile(all_cold, .95):.2f} ms, "
          f"{mean_words / cold_median * 1000:,.0f} words/s")
    print(f"             warm median {warm_median:.3f} ms, p95 {percentile(all_warm, .95):.3f} ms, "
          f"{mean_words / warm_median * 1000:,.0f} words/s")
    print(f"proselint:   median {prose_median:.1f} ms per letter, "
          f"{mean_words / prose_median * 1000:,.0f} words/s; Standout cold is "
          f"{prose_median / cold_median:.0f}x faster")


if __name__ == "__main__":
    main()
