"""The history checks' cost per check with 1,000 stored applications (issue 12: at most 1 ms).

    .venv-test/bin/python bench/bench_history.py [--applications 1000] [--rounds 300]

The history is generated (bench/history_fixture.py): one writer's letters, each
with one or two of their eight stock paragraphs (pasted as they are or lightly
edited) beside a paragraph written for the employer. The letters checked are
new ones of the same kind, for employers not in the history.

Per check (milliseconds, median and 95th percentile)
  own cost, cold   the three history detectors on a new letter whose paragraph
                   analyses are cached (the engine's part is not theirs), with
                   their own caches emptied first: what typing in a fresh letter costs
  own cost, warm   the same letter again (the per-paragraph results are cached)
  ... CPU time     the cold cost in this thread's CPU time (steadier on a busy machine)
  change check     noticing whether the store changed: one stat and PRAGMA data_version
  whole check      ``Linter.check`` warm, with history and with the history rules
                   off (the peer: the same linter, the same letter, in the same run)
  reload           the check after one more application is stored: the index rebuilt
                   from the stored forms (and the new letter read)
  first load       a server's first check on a history whose forms were never stored
                   (after an import), then a later start that reads them back
"""

from __future__ import annotations

import argparse
import atexit
import random
import shutil
import statistics
import tempfile
import time

import history_fixture  # bench/ is on the path when the bench runs

from standout import Linter
from standout.config import UserConfig
from standout.context import Context
from standout.history.records import Application, SentText
from standout.history.store import HistoryStore

CHECKS = ("history-previous-employer", "history-reused-paragraph", "history-applied-before")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def line(label: str, values: list[float]) -> float:
    median = statistics.median(values)
    print(f"  {label:<44} median {median:8.3f} ms   p95 {percentile(values, 0.95):8.3f} ms")
    return median


def store_with(count: int) -> HistoryStore:
    folder = tempfile.mkdtemp(prefix="standout-bench-history-")
    atexit.register(shutil.rmtree, folder, True)
    store = HistoryStore(folder)
    store.insert_all(
        Application(n, a["company"], a["role"], a["sent_on"], f"{a['sent_on']}T18:00:00+00:00",
                    None, None, tuple(SentText(t["label"], t["text"]) for t in a["texts"]))
        for n, a in enumerate(history_fixture.applications(count), 1)
    )
    return store


def linter_over(store: HistoryStore) -> Linter:
    import os

    previous = os.environ.get("STANDOUT_DATA_DIR")
    os.environ["STANDOUT_DATA_DIR"] = str(store.directory)
    try:
        return Linter(config=UserConfig())
    finally:
        if previous is None:
            del os.environ["STANDOUT_DATA_DIR"]
        else:
            os.environ["STANDOUT_DATA_DIR"] = previous


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()

    store = store_with(args.applications)
    linter = linter_over(store)
    detectors = [linter.detector(name) for name in CHECKS]
    source = detectors[1].source  # the reused-paragraph check's: it reads the paragraphs

    start = time.perf_counter()
    snapshot = source.snapshot()
    first_load = (time.perf_counter() - start) * 1000
    assert snapshot is not None
    rng = random.Random(12)
    letters = [history_fixture.letter(f"Zenith{n} Dynamics", rng.choice(history_fixture.ROLES),
                                      rng) for n in range(20)]
    contexts = [{"company": f"Zenith{n} Dynamics", "role": "Data Analyst"} for n in range(20)]
    for letter in letters:
        linter.analyse(letter)  # the engine's part, cached: not the history checks' cost

    print(f"History: {args.applications} applications, {snapshot.paragraphs.paragraphs}"
          f" paragraphs compared ({len(snapshot.paragraphs)} distinct,"
          f" {snapshot.paragraphs.sentences} distinct sentences), {len(snapshot.companies)}"
          f" employers; {args.rounds} rounds")
    found = linter.check(letters[0], contexts[0]).findings
    print("  findings on a new letter:", ", ".join(sorted({f.rule for f in found
                                                           if f.rule.startswith("history")})))

    def own(number: int, cold: bool, only=None, cpu: bool = False) -> float:
        analysis = linter.analyse(letters[number])
        context = Context.coerce(contexts[number])
        chosen = [only] if only is not None else detectors
        if cold:
            for detector in chosen:
                detector.clear_cache()
        clock = time.thread_time if cpu else time.perf_counter
        began = clock()
        for detector in chosen:
            if detector.runs_for(context, frozenset()):
                list(detector.candidates(analysis, context))
        return (clock() - began) * 1000

    print("\nPer check")
    cold = line("own cost, cold (three detectors)", [own(n % 20, True)
                                                      for n in range(args.rounds)])
    for detector in detectors:
        line(f"  of which {detector.check}", [own(n % 20, True, detector)
                                              for n in range(args.rounds)])
    warm = line("own cost, warm", [own(n % 20, False) for n in range(args.rounds)])
    # CPU time of this thread: what the checks cost, without the waits a shared machine adds
    cpu = line("own cost, cold, CPU time", [own(n % 20, True, cpu=True)
                                            for n in range(args.rounds)])

    def changed() -> float:
        began = time.perf_counter()
        source.snapshot()
        return (time.perf_counter() - began) * 1000

    line("change check (stat + data_version), each check", [changed()
                                                              for _ in range(args.rounds)])

    def whole(disabled: tuple[str, ...]) -> list[float]:
        out = []
        for n in range(args.rounds):
            began = time.perf_counter()
            linter.check(letters[n % 20], contexts[n % 20], disabled_categories=disabled)
            out.append((time.perf_counter() - began) * 1000)
        return out

    with_history = line("whole check, warm, with history", whole(()))
    without = line("whole check, warm, history rules off (peer)", whole(("history",)))
    print(f"  ratio with/without history: {with_history / without:.2f}")

    print("\nLoading")
    reloads = []
    for n in range(5):
        store.add(f"Reload{n} Systems", "Data Analyst", [letters[n]])
        began = time.perf_counter()
        linter.check(letters[5], contexts[5])
        reloads.append((time.perf_counter() - began) * 1000)
    line("check after one more application (reload)", reloads)
    print(f"  first load, forms never stored:              {first_load:8.1f} ms")
    fresh = linter_over(store)
    began = time.perf_counter()
    fresh.detector(CHECKS[1]).source.snapshot()
    print(f"  a later start, forms read back:              "
          f"{(time.perf_counter() - began) * 1000:8.1f} ms")
    print(f"\nBudget: 1 ms per check. Cold own cost {cold:.3f} ms ({cpu:.3f} ms of CPU),"
          f" warm {warm:.3f} ms.")


if __name__ == "__main__":
    main()
