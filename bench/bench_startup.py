"""Start-up: process start to first result, for the CLI and for the server.

    python bench/bench_startup.py [--runs 7] [--letter bench/letters/01-generic-analyst.txt]
                                  [--cached-only]

Measured in the same run, each several times, wall-clock seconds:

floor          python -c "import spacy; spacy.blank('en')"   (what any spaCy tool pays)
check          standout check LETTER, until the process exits, start-up cache filled
serve          standout serve, until GET /v1/health answers (polled every 10 ms), cache filled
check/serve, no cache   the same with STANDOUT_NO_CACHE=1: every start builds the rules
check, first run        an empty cache folder each time: the build, then the cache written

Prints median, p95, the ratio of each median to the floor's, and the median CPU
seconds (user + system) of each process (for serve: until it has stopped). The
issue's target is <= 1.5x the floor for check and serve with the cache filled,
as a user's every start after the first is. Runs alternate (floor, check,
serve, ..., floor, ...) so that a busy machine slows all alike. Every command
runs with the Python that runs this script (the venv's:
.venv-test/bin/python bench/bench_startup.py) and its own config, data and cache
folders in a temporary folder; ``--cached-only`` skips the three slow rows.
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_LETTER = HERE / "letters" / "01-generic-analyst.txt"
FLOOR = "import spacy; spacy.blank('en')"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def clean_env(folder: str, cache: str = "cache", off: bool = False) -> dict[str, str]:
    # No user config or samples, a cache of the bench's own: every run starts alike.
    env = {**os.environ, "STANDOUT_CONFIG_DIR": os.path.join(folder, "config"),
           "STANDOUT_DATA_DIR": os.path.join(folder, "data"),
           "STANDOUT_CACHE_DIR": os.path.join(folder, cache), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("STANDOUT_NO_CACHE", None)
    if off:
        env["STANDOUT_NO_CACHE"] = "1"
    return env


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_floor(env: dict[str, str]) -> tuple[float, float]:
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-c", FLOOR], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, children_cpu() - cpu


def time_check(letter: Path, env: dict[str, str]) -> tuple[float, float]:
    cpu, start = children_cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "standout", "check", str(letter)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1) or not done.stdout:
        raise SystemExit(f"standout check failed ({done.returncode})")
    return elapsed, children_cpu() - cpu


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def time_serve(env: dict[str, str], timeout: float = 120) -> tuple[float, float]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1/health"
    cpu, start = children_cpu(), time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "standout", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = None
    try:
        while elapsed is None:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        elapsed = time.perf_counter() - start
                        continue
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if proc.poll() is not None:
                raise SystemExit(f"standout serve exited ({proc.returncode})")
            if time.perf_counter() - start > timeout:
                raise SystemExit(f"standout serve did not answer within {timeout:g} s")
            time.sleep(0.01)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)
    return elapsed, children_cpu() - cpu


LABELS = {
    "floor": "floor (import spacy; blank('en'))",
    "check": "standout check letter",
    "serve": "standout serve -> /v1/health",
    "check-off": "check, no start-up cache",
    "serve-off": "serve, no start-up cache",
    "check-first": "check, first run (cache built)",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--letter", type=Path, default=DEFAULT_LETTER)
    parser.add_argument("--cached-only", action="store_true",
                        help="only the floor and the starts with the cache filled")
    args = parser.parse_args()
    names = ["floor", "check", "serve"]
    if not args.cached_only:
        names += ["check-off", "serve-off", "check-first"]
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="standout-bench-startup-") as folder:
        env, off = clean_env(folder), clean_env(folder, off=True)
        time_floor(env)  # one unmeasured run each: the OS file cache, like a second start
        time_check(args.letter, env)  # ... and the start-up cache filled
        runs = {
            "floor": lambda _: time_floor(env),
            "check": lambda _: time_check(args.letter, env),
            "serve": lambda _: time_serve(env),
            "check-off": lambda _: time_check(args.letter, off),
            "serve-off": lambda _: time_serve(off),
            "check-first": lambda n: time_check(args.letter, clean_env(folder, f"first-{n}")),
        }
        for number in range(args.runs):
            for name in names:
                results[name].append(runs[name](number))
    load = f"{load:.1f}-{os.getloadavg()[0]:.1f}"
    print(f"python {sys.version.split()[0]} ({sys.executable}); {args.runs} runs each;"
          f" letter {args.letter.name}; {os.cpu_count()} cores; load average {load}")
    floor = statistics.median(wall for wall, _ in results["floor"])
    for name, samples in results.items():
        walls = [wall for wall, _ in samples]
        median = statistics.median(walls)
        cpu = statistics.median(cpu for _, cpu in samples)
        print(f"{LABELS[name]:<34} median {median:6.3f} s   p95 {percentile(walls, 0.95):6.3f} s"
              f"   x{median / floor:4.2f} floor   cpu {cpu:6.3f} s")
    print("target: check and serve (start-up cache filled) each <= 1.5x the floor")


if __name__ == "__main__":
    main()
