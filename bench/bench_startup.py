"""Start-up: process start to first result, for the CLI and for the server.

    python bench/bench_startup.py [--runs 7] [--letter bench/letters/01-generic-analyst.txt]

Measured in the same run, each several times, wall-clock seconds:

floor    python -c "import spacy; spacy.blank('en')"   (what any spaCy tool pays)
check    standout check LETTER                          (until the process exits)
serve    standout serve, until GET /v1/health answers   (polling every 10 ms)

Prints median, p95 and the ratio of each median to the floor's. The issue's
target is <= 1.5x the floor for both. Runs alternate (floor, check, serve, floor,
...) so that a busy machine slows all three alike. Every command runs with the
Python that runs this script (use the venv's: .venv/bin/python bench/bench_startup.py).
"""

from __future__ import annotations

import argparse
import os
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


def clean_env(folder: str) -> dict[str, str]:
    # No user config or samples: every run starts from the same state.
    return {**os.environ, "STANDOUT_CONFIG_DIR": os.path.join(folder, "config"),
            "STANDOUT_DATA_DIR": os.path.join(folder, "data"), "PYTHONDONTWRITEBYTECODE": "1"}


def time_floor(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", FLOOR], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_check(letter: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "standout", "check", str(letter)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1) or not done.stdout:
        raise SystemExit(f"standout check failed ({done.returncode})")
    return elapsed


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def time_serve(env: dict[str, str], timeout: float = 120) -> float:
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1/health"
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "standout", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return time.perf_counter() - start
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--letter", type=Path, default=DEFAULT_LETTER)
    args = parser.parse_args()
    results: dict[str, list[float]] = {"floor": [], "check": [], "serve": []}
    with tempfile.TemporaryDirectory(prefix="standout-bench-startup-") as folder:
        env = clean_env(folder)
        time_floor(env)  # one unmeasured run each: the OS file cache, like a second start
        time_check(args.letter, env)
        for _ in range(args.runs):
            results["floor"].append(time_floor(env))
            results["check"].append(time_check(args.letter, env))
            results["serve"].append(time_serve(env))
    print(f"python {sys.version.split()[0]} ({sys.executable}); {args.runs} runs each;"
          f" letter {args.letter.name}; {os.cpu_count()} cores")
    floor = statistics.median(results["floor"])
    labels = {"floor": "floor (import spacy; blank('en'))", "check": "standout check letter",
              "serve": "standout serve -> /v1/health"}
    for name, samples in results.items():
        median = statistics.median(samples)
        print(f"{labels[name]:<34} median {median:6.3f} s   p95 {percentile(samples, 0.95):6.3f} s"
              f"   x{median / floor:4.2f} floor")
    print("target: check and serve each <= 1.5x the floor")


if __name__ == "__main__":
    main()
