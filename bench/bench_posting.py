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

The goal: "with" costs at most 1 ms more than "without" (median).
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


def timed(function, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


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
    counter = iter(range(10**9))

    def edited(letter: str) -> str:
        parts = letter.split("\n\n")
        middle = len(parts) // 2
        parts[middle] = parts[middle] + f" Word{next(counter)}."
        return "\n\n".join(parts)

    for posting, letter in pairs:
        reads += timed(lambda posting=posting: read_cold(posting), max(5, args.rounds // 20))
        check(letter, posting)  # both warm
        without += timed(lambda letter=letter: linter.check(letter), args.rounds)
        with_posting += timed(lambda letter=letter, posting=posting: check(letter, posting),
                              args.rounds)
        key_without += timed(lambda letter=letter: linter.check(edited(letter)), args.rounds)
        key_with += timed(lambda letter=letter, posting=posting: check(edited(letter), posting),
                          args.rounds)
    median_without, median_with = statistics.median(without), statistics.median(with_posting)
    print(f"{len(pairs)} postings with their tailored letters, {args.rounds} rounds each")
    print(f"{'':26}{'median ms':>10}{'p95 ms':>10}")
    print(f"{'read a posting (cold)':26}{statistics.median(reads):10.2f}"
          f"{percentile(reads, 0.95):10.2f}")
    print(f"{'check without posting':26}{median_without:10.3f}{percentile(without, 0.95):10.3f}")
    print(f"{'check with posting':26}{median_with:10.3f}{percentile(with_posting, 0.95):10.3f}")
    print(f"{'keystroke without posting':26}{statistics.median(key_without):10.3f}"
          f"{percentile(key_without, 0.95):10.3f}")
    print(f"{'keystroke with posting':26}{statistics.median(key_with):10.3f}"
          f"{percentile(key_with, 0.95):10.3f}")
    print(f"cost of the posting: {median_with - median_without:+.3f} ms per check "
          f"(ratio {median_with / median_without:.2f}), "
          f"{statistics.median(key_with) - statistics.median(key_without):+.3f} ms per keystroke "
          f"(ratio {statistics.median(key_with) / statistics.median(key_without):.2f}); "
          "goal: at most +1 ms")


if __name__ == "__main__":
    main()
