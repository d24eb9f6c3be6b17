"""What a posting costs: reading it once, and each check against it after that.

    python bench/bench_posting.py [--rounds 200]

For each posting of the dev half of bench/postings/ (01-11) and its tailored
letter:

- read: the posting's analysis, cold (its spaCy pass included);
- without: ``linter.check(letter)``, the letter's paragraphs cached (a keystroke
  in a long letter: the edited paragraph is the only new one either way);
- with: the same check with the posting as context, the posting analysed before
  (its analysis comes from the cache), the peer measured in the same run;
- keystroke: both again with one paragraph of the letter changed every round
  (a new word at its end), so that paragraph is analysed and compared afresh.

The goal: "with" costs at most 1 ms more than "without" (median). CPU time is
printed too: on a shared, loaded machine a longer check waits for a core more
often, which wall time counts and CPU time does not.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from standout import Linter
from standout.analysis_cache import AnalysisCache
from standout.config import UserConfig
from standout.posting import PostingAnalyser

ROOT = Path(__file__).resolve().parent / "postings"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


CPU: list[float] = []  # process time of every timed call, in the order of the calls


def timed(function, rounds: int) -> list[float]:
    """Wall milliseconds per call; the process (CPU) milliseconds go to ``CPU``."""
    samples = []
    for _ in range(rounds):
        cpu = time.process_time()
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
        CPU.append((time.process_time() - cpu) * 1000)
    return samples


def cpu_of(samples: list[float], calls: list[float]) -> float:
    """Mean CPU milliseconds of the calls that made ``samples`` (process time ticks coarsely,
    so a mean over many calls; it does not count time spent waiting for a core)."""
    return statistics.fmean(calls) if calls else float("nan")


def checker(linter: Linter):
    """``check(letter, posting)``, and a way to read a posting cold."""

    def check(letter: str, posting: str):
        return linter.check(letter, {"posting": posting})

    def read_cold(posting: str) -> None:
        # A new analyser over a new paragraph cache: the spaCy pass included.
        PostingAnalyser(AnalysisCache(linter.nlp, 512).analyse)(posting)

    return check, read_cold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    linter = Linter(config=UserConfig())
    check, read_cold = checker(linter)
    folders = sorted(d for d in ROOT.iterdir() if d.is_dir() and int(d.name[:2]) <= 11)
    pairs = [((d / "posting.txt").read_text(encoding="utf-8"),
              (d / "tailored.txt").read_text(encoding="utf-8")) for d in folders]
    reads, without, with_posting, key_without, key_with = [], [], [], [], []
    cpu_without, cpu_with, cpu_key_without, cpu_key_with = [], [], [], []
    counter = iter(range(10**9))

    def edited(letter: str) -> str:
        parts = letter.split("\n\n")
        middle = len(parts) // 2
        parts[middle] = parts[middle] + f" Word{next(counter)}."
        return "\n\n".join(parts)

    for posting, letter in pairs:
        reads += timed(lambda posting=posting: read_cold(posting), max(5, args.rounds // 20))
        check(letter, posting)  # both warm
        for samples, cpu, function in (
            (without, cpu_without, lambda letter=letter: linter.check(letter)),
            (with_posting, cpu_with, lambda letter=letter, posting=posting: check(letter, posting)),
            (key_without, cpu_key_without, lambda letter=letter: linter.check(edited(letter))),
            (key_with, cpu_key_with,
             lambda letter=letter, posting=posting: check(edited(letter), posting)),
        ):
            CPU.clear()
            samples += timed(function, args.rounds)
            cpu += CPU
    median_without, median_with = statistics.median(without), statistics.median(with_posting)
    print(f"{len(pairs)} postings with their tailored letters, {args.rounds} rounds each")
    print(f"{'':26}{'median ms':>10}{'p95 ms':>10}{'CPU ms':>10}")
    print(f"{'read a posting (cold)':26}{statistics.median(reads):10.2f}"
          f"{percentile(reads, 0.95):10.2f}")
    for label, samples, cpu in (
        ("check without posting", without, cpu_without),
        ("check with posting", with_posting, cpu_with),
        ("keystroke without posting", key_without, cpu_key_without),
        ("keystroke with posting", key_with, cpu_key_with),
    ):
        print(f"{label:26}{statistics.median(samples):10.3f}{percentile(samples, 0.95):10.3f}"
              f"{cpu_of(samples, cpu):10.3f}")
    print(f"cost of the posting: {median_with - median_without:+.3f} ms per check "
          f"(ratio {median_with / median_without:.2f}), "
          f"{statistics.median(key_with) - statistics.median(key_without):+.3f} ms per keystroke "
          f"(ratio {statistics.median(key_with) / statistics.median(key_without):.2f}); "
          "goal: at most +1 ms")
    print(f"in CPU time: {cpu_of([], cpu_with) - cpu_of([], cpu_without):+.3f} ms per check, "
          f"{cpu_of([], cpu_key_with) - cpu_of([], cpu_key_without):+.3f} ms per keystroke "
          "(wall time on a loaded machine also counts waiting for a core)")


if __name__ == "__main__":
    main()
