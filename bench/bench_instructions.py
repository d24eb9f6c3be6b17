"""Cold-check cost in instructions (valgrind's callgrind): repeatable on a shared machine.

    .venv-test/bin/python bench/bench_instructions.py                       # this tree
    .venv-test/bin/python bench/bench_instructions.py --tree /tmp/base      # and a peer

Wall-clock medians on a machine shared with other jobs wander by 50% within minutes;
instruction counts do not. Each tree's ``server/`` is put on ``PYTHONPATH`` and run
twice under callgrind: a Linter is built and checks the seven bench letters once,
then ``--rounds`` rounds of the seven, each after ``clear_caches()``. The difference
between the two runs, over the checks in it, is the cost of one cold check (each
tree's engine is built into a cache folder of its own first, so both runs load it). The
first tree given is the peer the others are compared with (ratio printed). Needs
valgrind (Debian's package); a run takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = """
import sys
from pathlib import Path
from standout import Linter
from standout.config import UserConfig
rounds = int(sys.argv[1])
linter = Linter(config=UserConfig())
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
for text in texts:
    linter.check(text)
for _ in range(rounds):
    for text in texts:
        linter.clear_caches()
        linter.check(text)
"""


def tree_env(tree: Path, scratch: Path) -> dict[str, str]:
    """The tree's code on the path, and an engine cache folder of its own."""
    cache = scratch / f"cache-{abs(hash(tree))}"
    return {**os.environ, "PYTHONPATH": str(tree / "server"), "STANDOUT_CACHE_DIR": str(cache)}


def warm_up(tree: Path, scratch: Path) -> None:
    """Build the tree's engine into its cache folder once, outside callgrind: both measured
    runs then load it. (Started with no cache, one run built the engine while the other
    loaded it, and the difference between them carried the build: 1% off, seen here.)"""
    subprocess.run([sys.executable, "-c", WORK, "0", str(HERE / "letters")],
                   env=tree_env(tree, scratch), check=True, capture_output=True)


def instructions(tree: Path, rounds: int, scratch: Path) -> int:
    out = scratch / f"cg-{abs(hash((tree, rounds)))}.out"
    env = tree_env(tree, scratch)
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
         "-c", WORK, str(rounds), str(HERE / "letters")],
        env=env, check=True, capture_output=True)
    for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise RuntimeError(f"no instruction total in {out}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", type=Path, default=[],
                        help="a checkout to measure (repeatable; the first is the peer)")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    trees = args.tree or [HERE.parent]
    letters = len(list((HERE / "letters").glob("*.txt")))
    with tempfile.TemporaryDirectory() as scratch, ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda tree: warm_up(tree, Path(scratch)), trees))
        jobs = {(tree, n): pool.submit(instructions, tree, n, Path(scratch))
                for tree in trees for n in (0, args.rounds)}
        per_check = {
            tree: (jobs[(tree, args.rounds)].result() - jobs[(tree, 0)].result())
            / (args.rounds * letters)
            for tree in trees
        }
    peer = per_check[trees[0]]
    for tree, cost in per_check.items():
        print(f"{tree!s:40} {cost / 1e6:8.2f} M instructions per cold check"
              f"   x{cost / peer:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
