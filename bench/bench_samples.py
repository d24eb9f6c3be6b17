"""Sample matching: quality on a generated set and on real letters, and speed up to 10,000 samples.

    .venv-test/bin/python bench/bench_samples.py [--variants 6] [--rounds 300] [--samples 10000]

Quality
  recall       the bundled samples, each lightly edited ``--variants`` times
               (bench/perturb.py: 10-30% of the words replaced, then a
               sentence dropped, inserted or its clauses swapped): share whose
               source sample is reported.
  real letters the personal letters of the corpora's cover_letters (kind
               "personal" in SOURCES.md): which are reported, and against what.
  real case    CT_sample1 saved as a user sample: is CT_sample3 reported, and
               is any other letter?

Speed (milliseconds, median and 95th percentile)
  bundled      the matcher's own cost on a 300-word letter with the bundled
               corpus: cold (its paragraph cache emptied first) and warm; and a
               whole warm ``Linter.check`` with and without it.
  10k          ``--samples`` generated samples saved as the user's (so weighted
               by the bundled corpus, as real saved samples are): recombined
               bundled sentences with 40% of their words swapped for words of a
               20,000-word vocabulary, so they share phrasing the way real
               samples do. Cold matching of an unrelated letter and of one built
               from three samples, whole checks, and the reload after saving one.
               Figures on a shared 2-core machine are noisy: trust the medians.
Real letters come from the corpora (bench/corpora.py); without them, that part says so.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import random
import re
import shutil
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from corpora import corpora_dir, missing_corpora
from perturb import light_edit

from standout import Linter
from standout.config import UserConfig
from standout.samples.corpus import Sample
from standout.samples.matcher import SampleMatcher
from standout.samples.store import SampleStore

BENCH = Path(__file__).parent
CORPORA = corpora_dir()
LETTER = BENCH / "letters" / "01-generic-analyst.txt"


def scratch(prefix: str) -> str:
    """A temporary folder, removed when the bench ends."""
    path = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, path, True)
    return path


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(function, rounds: int, before=None) -> list[float]:
    out = []
    for _ in range(rounds):
        if before is not None:
            before()
        start = time.perf_counter()
        function()
        out.append((time.perf_counter() - start) * 1000)
    return out


def line(label: str, values: list[float]) -> None:
    print(f"  {label:<46} median {statistics.median(values):7.3f} ms   "
          f"p95 {percentile(values, 0.95):7.3f} ms")


def recall(linter: Linter, detector: SampleMatcher, variants: int) -> None:
    rng = random.Random(2024)
    found = Counter()
    total = Counter()
    missed = []
    bundled = [s for s in detector.samples() if s.source == "bundled"]
    for sample in bundled:
        for _ in range(variants):
            edit = light_edit(sample.text, rng)
            band = "10-20%" if edit.rate < 0.2 else "20-30%"
            hit = any(m.sample.id == sample.id for m in detector.matches(linter.analyse(edit.text)))
            for key in ("all", edit.structure, band):
                total[key] += 1
                found[key] += hit
            if not hit:
                missed.append(f"{sample.id} ({edit.structure}, {edit.rate:.0%})")
    print(f"\nRecall on {total['all']} light edits of {len(bundled)} bundled samples")
    for key in ("all", "drop", "insert", "reorder", "10-20%", "20-30%"):
        print(f"  {key:<10} {found[key] / max(total[key], 1):6.1%}  ({found[key]}/{total[key]})")
    if missed:
        print(f"  missed (first 10): {', '.join(missed[:10])}")


def letter_kinds() -> dict[str, str]:
    kinds = {}
    for row in (CORPORA / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| (\S+\.txt) \|", row)
        if match:
            kinds[match.group(1)] = row.split("|")[8].strip()
    return kinds


def real_letters(linter: Linter, detector: SampleMatcher) -> None:
    letters = CORPORA / "cover_letters"
    if not letters.is_dir():
        print(f"\nReal letters: {letters} not found; skipped")
        return
    kinds = letter_kinds()
    for kind in ("personal", "sample"):
        names = sorted(
            n for n, k in kinds.items()
            if (n in {p.name for p in letters.glob("*.txt")})
            and k.startswith("personal") == (kind == "personal")
        )
        flagged = []
        for name in names:
            text = (letters / name).read_text(encoding="utf-8")
            for m in detector.matches(linter.analyse(text)):
                flagged.append(f"{name}: {m.sample.id} ({m.severity}, {m.share:.0%} of the"
                               f" paragraph, {m.retained:.0%} of the sample, {m.sentences}"
                               f" sentences)")
        letters_flagged = len({f.split(":")[0] for f in flagged})
        print(f"\nReal {kind} letters reported as close to a bundled sample: "
              f"{letters_flagged} of {len(names)} ({letters_flagged / max(len(names), 1):.1%})")
        for item in flagged:
            print(f"  {item}")
    answers = sorted((CORPORA / "answers").glob("*.txt"))
    flagged = []
    for path in answers:
        for m in detector.matches(linter.analyse(path.read_text(encoding="utf-8"))):
            flagged.append(f"{path.name}: {m.sample.id} ({m.severity}, {m.share:.0%})")
    print(f"\nReal interview answers (circulated samples and personal ones) reported:"
          f" {len({f.split(':')[0] for f in flagged})} of {len(answers)}")
    for item in flagged:
        print(f"  {item}")


def real_case(linter: Linter) -> None:
    letters = CORPORA / "cover_letters"
    source = letters / "iprathamsuri-1.txt"
    if not source.is_file():
        return
    store = SampleStore(scratch("standout-bench-case-"))
    store.add(source.read_text(encoding="utf-8"), "CT sample 1")
    detector = SampleMatcher(linter.rulebook["sample.follows-sample"], linter.nlp, store=store)
    print("\nReal case: CT_sample1 (iprathamsuri-1.txt) saved as a user sample")
    others = 0
    for path in sorted(letters.glob("*.txt")):
        matches = [m for m in detector.matches(linter.analyse(path.read_text(encoding="utf-8")))
                   if m.sample.source == "user"]
        if path.name == "iprathamsuri-3.txt":
            for m in matches:
                print(f"  iprathamsuri-3.txt: {m.severity}, {m.share:.0%} of the paragraph follows"
                      f" it, {m.retained:.0%} of the sample remains ({m.sentences} sentences)")
            if not matches:
                print("  iprathamsuri-3.txt: NOT reported")
        elif path.name != source.name and matches:
            others += 1
            print(f"  also reported: {path.name}")
    print(f"  other letters reported against it: {others}")


def generated_samples(bundled: list[Sample], count: int, seed: int = 7) -> list[Sample]:
    rng = random.Random(seed)
    syllables = ["ka", "lo", "min", "dre", "su", "tor", "vel", "an", "pri", "mo", "gal", "ne",
                 "ris", "tu", "bel", "cor", "fi", "sam", "od", "er"]
    vocabulary = sorted({
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(26000)
    })[:20000]
    zipf = [1 / (rank + 1) for rank in range(len(vocabulary))]
    sentences = [s for sample in bundled for s in re.split(r"(?<=[.!?])\s+", sample.text)]
    out = []
    for number in range(count):
        chosen = rng.sample(sentences, rng.randint(3, 6))
        words = " ".join(chosen).split()
        swap = rng.sample(range(len(words)), int(len(words) * 0.4))
        for position, word in zip(swap, rng.choices(vocabulary, zipf, k=len(swap)), strict=True):
            words[position] = word
        out.append(Sample(f"gen-{number}", f"Generated ({number})", "generated", "answer",
                          " ".join(words)))
    return out


def speed(linter: Linter, detector: SampleMatcher, rounds: int, count: int) -> None:
    letter = LETTER.read_text(encoding="utf-8")
    words = len(letter.split())
    analysis = linter.analyse(letter)
    print(f"\nSpeed, bundled corpus ({len(detector.samples())} samples), "
          f"{LETTER.name} ({words} words)")
    line("matcher, cold paragraph cache", timed(
        lambda: detector.matches(analysis), rounds, detector.clear_cache))
    line("matcher, paragraphs cached, the text new", timed(
        lambda: detector.matches(analysis), rounds, lambda: detector.clear_cache(False)))
    line("matcher, warm (the same text again)", timed(lambda: detector.matches(analysis), rounds))
    linter.check(letter)
    with_detector = timed(lambda: linter.check(letter), rounds)
    saved = linter.detectors
    linter.detectors = [d for d in saved if d.check != "sample"]
    without = timed(lambda: linter.check(letter), rounds)
    linter.detectors = saved
    line("Linter.check, warm, with the sample check", with_detector)
    line("Linter.check, warm, without it", without)

    bundled = [s for s in detector.samples() if s.source == "bundled"]
    start = time.perf_counter()
    generated = generated_samples(bundled, count)
    made = time.perf_counter() - start
    store = SampleStore(scratch("standout-bench-10k-"))
    write_store(store, generated[:-1])  # the last one is saved below, as a user would
    big = SampleMatcher(linter.rulebook["sample.follows-sample"], linter.nlp, store=store)
    start = time.perf_counter()
    samples = big.index()
    built = time.perf_counter() - start
    saved = samples.indexes[-1]
    print(f"\nSpeed, {len(samples):,} samples: the bundled ones and {count - 1:,} generated ones"
          " saved as the user's"
          f" (generated in {made:.1f} s; read and indexed in {built:.1f} s;"
          f" {len(saved.postings):,} keys, {saved.dropped_keys:,} too common to index)")
    rng = random.Random(3)
    sources = rng.sample(bundled, 3)
    copied = "\n\n".join(light_edit(s.text, rng).text for s in sources)
    copied_analysis = linter.analyse(copied)
    for label, target in ((f"unrelated letter ({words} words)", analysis),
                          (f"letter from 3 samples ({len(copied.split())} words)",
                           copied_analysis)):
        line(f"cold, {label}", timed(lambda a=target: big.matches(a), rounds, big.clear_cache))
    check = linter.detector("sample")
    assert check is not None
    usual = check.matcher
    check.matcher = big

    def clear_both() -> None:
        linter.clear_caches()

    line("Linter.check, engine cache warm, samples cold", timed(
        lambda: linter.check(letter), rounds, big.clear_cache))
    line("Linter.check, both cold (a letter never seen)", timed(
        lambda: linter.check(letter), rounds, clear_both))
    check.matcher = usual
    found = [m.sample.id for m in big.matches(copied_analysis)]
    print(f"  the copied letter was made from {', '.join(s.id for s in sources)};"
          f" reported: {', '.join(found) or 'none'}")
    start = time.perf_counter()
    store.add(generated[-1].text)
    big.index()
    print(f"  saving one more sample, then the reload on the next check:"
          f" {(time.perf_counter() - start) * 1000:.0f} ms")


def write_store(store: SampleStore, samples: list[Sample]) -> None:
    """Write the store file in one go (``add`` rewrites it each time)."""
    store.directory.mkdir(parents=True, exist_ok=True)
    entries = [{"id": f"user-{n}", "title": s.title, "text": s.text, "added": "2025-01-01"}
               for n, s in enumerate(samples, 1)]
    store.path.write_text(json.dumps({"format": "standout-samples", "version": 1,
                                      "next_id": len(entries) + 1, "samples": entries}),
                          encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--samples", type=int, default=10_000)
    args = parser.parse_args()
    # Your own saved samples stay out of the figures.
    os.environ["STANDOUT_DATA_DIR"] = scratch("standout-bench-")
    linter = Linter(config=UserConfig())
    detector = linter.samples
    assert detector is not None
    start = time.perf_counter()
    detector.index()
    print(f"Bundled corpus: {len(detector.samples())} samples, read and indexed in "
          f"{(time.perf_counter() - start) * 1000:.0f} ms (once, on the first check)")
    recall(linter, detector, args.variants)
    if problem := missing_corpora():
        print(f"\nReal letters left out: {problem}")
        return speed(linter, detector, args.rounds, args.samples)
    real_letters(linter, detector)
    real_case(linter)
    speed(linter, detector, args.rounds, args.samples)


if __name__ == "__main__":
    main()
