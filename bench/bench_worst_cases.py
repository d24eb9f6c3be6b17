"""The worst cases of issue 9 against a real `standout serve`: time, status and memory.

    .venv-test/bin/python bench/bench_worst_cases.py [--python PATH] [--repeat 3]

``--python`` runs the server with another interpreter, so the same cases can be
measured on another checkout's code (the "before" figures: install main into a
virtual environment and pass its python). The server gets an empty config folder
and a fresh data folder. Each case is sent ``--repeat`` times (fresh text each
time, so nothing is cached) and prints the median and the worst time, the ratio
of the median to a one-letter check measured in the same run (the peer), the
HTTP status, and the server's resident memory after the case (RSS) and at its
peak so far (HWM), read from /proc (Linux).

Cases:

xyz-900k       {"text": "XYZ Company " * 75000}: 900 KB, 22,500 placeholder matches
v2-20k/v2-80k  the same text through /v2/check, 20,000 and 80,000 characters
company-500k   a one-paragraph letter with a 500 KB context.company
get-240k       GET /v2/check with a 240 KB query string (what an <img> can send)
small-during   a one-sentence check sent while a fresh 1 MB text is being checked
               (the time is the small check's)
long-int       a /v1/check body holding a 5,000-digit integer
paragraphs-20k 30 requests of 20 distinct 20,000-character paragraphs each
               (memory: how much the paragraph cache keeps)
ordinary       600 checks of the bench letters with light edits, the company given: run
               first on the fresh server (memory in ordinary use) and again at the end
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from server_process import LiveServer

LETTERS = sorted((Path(__file__).parent / "letters").glob("*.txt"))
WORDS = " ".join(p.read_text(encoding="utf-8") for p in LETTERS).split()


def memory(pid: int) -> tuple[float, float]:
    """(RSS, peak RSS) of ``pid`` in MB, or NaN where /proc is not there."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    except OSError:
        return float("nan"), float("nan")
    return values.get("VmRSS", float("nan")), values.get("VmHWM", float("nan"))


class Client:
    def __init__(self, url: str) -> None:
        host, port = url.split("//")[1].rstrip("/").split(":")
        self.host, self.port = host, int(port)

    def send(self, method: str, path: str, body: bytes | None = None,
             content_type: str = "application/json") -> tuple[int, float]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=600)
        headers = {"Content-Type": content_type} if body is not None else {}
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        elapsed = time.perf_counter() - started
        connection.close()
        return response.status, elapsed

    def check(self, text: str, context: dict | None = None) -> tuple[int, float]:
        body = {"text": text, **({"context": context} if context else {})}
        return self.send("POST", "/v1/check", json.dumps(body).encode())


def fresh_words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def letter(rng: random.Random) -> str:
    """A bench letter with one word changed: its edited paragraph is new."""
    text = rng.choice(LETTERS).read_text(encoding="utf-8")
    words = text.split(" ")
    words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words)


def run_cases(client: Client, pid: int, repeat: int) -> None:
    rng = random.Random(9)
    peer = [client.check(letter(rng))[1] for _ in range(max(repeat, 5))]
    peer_median = statistics.median(peer)
    print(f"{'case':<15} {'median s':>9} {'worst s':>8} {'x peer':>8} {'status':>7}"
          f" {'RSS MB':>7} {'HWM MB':>7}")
    print(f"{'peer (letter)':<15} {peer_median:9.3f} {max(peer):8.3f} {1:8.1f} {200:>7}"
          f" {memory(pid)[0]:7.0f} {memory(pid)[1]:7.0f}")

    def row(name: str, make) -> None:
        results = [make(n) for n in range(repeat)]
        times = [t for _, t in results]
        statuses = sorted({s for s, _ in results})
        rss, hwm = memory(pid)
        median = statistics.median(times)
        print(f"{name:<15} {median:9.3f} {max(times):8.3f} {median / peer_median:8.1f}"
              f" {'/'.join(map(str, statuses)):>7} {rss:7.0f} {hwm:7.0f}", flush=True)

    def xyz(n: int, size: int) -> str:
        return (f"XYZ Company {n} " + "XYZ Company " * (size // 12))[:size]

    row("ordinary", lambda n: ordinary(client, rng, 600 // repeat or 1))  # first: a fresh server
    row("xyz-900k", lambda n: client.check(xyz(n, 900_000)))
    for size, name in ((20_000, "v2-20k"), (80_000, "v2-80k")):
        row(name, lambda n, size=size: client.send(
            "POST", "/v2/check", urlencode({"text": xyz(n, size), "language": "en-US"}).encode(),
            "application/x-www-form-urlencoded"))
    row("company-500k", lambda n: client.check(
        letter(rng), {"company": f"Acme {n} " + "A" * 500_000}))
    row("get-240k", lambda n: client.send("GET", "/v2/check?language=en-US&text=" + query(rng)))
    row("small-during", lambda n: small_during_big(client, rng))
    row("long-int", lambda n: client.send(
        "POST", "/v1/check", b'{"text": "I am a team player.", "n": ' + b"7" * 5000 + b"}"))
    row("paragraphs-20k", lambda n: many_paragraphs(client, rng, 30 // repeat or 1))
    row("ordinary again", lambda n: ordinary(client, rng, 600 // repeat or 1))


def query(rng: random.Random, size: int = 240_000) -> str:
    """Fresh words, URL-encoded, cut to ``size`` characters (under waitress's header limit)."""
    encoded = quote(fresh_words(rng, size // 4))[:size]
    return encoded[: encoded.rfind("%20")]


def small_during_big(client: Client, rng: random.Random) -> tuple[int, float]:
    big = "\n\n".join(fresh_words(rng, 3_000) for _ in range(60))[:1_000_000]
    started = threading.Event()

    def send_big() -> None:
        started.set()
        client.check(big)

    worker = threading.Thread(target=send_big)
    worker.start()
    started.wait()
    time.sleep(0.3)  # let the big one reach the engine (a bench, not a test)
    result = client.check(f"I am a team player {rng.random()}.")
    worker.join()
    return result


def many_paragraphs(client: Client, rng: random.Random, requests: int) -> tuple[int, float]:
    status, total = 200, 0.0
    for _ in range(requests):
        text = "\n\n".join(fresh_words(rng, 3_300)[:20_000] for _ in range(20))
        code, elapsed = client.check(text)
        status, total = max(status, code), total + elapsed
    return status, total / requests


def ordinary(client: Client, rng: random.Random, checks: int) -> tuple[int, float]:
    status, total = 200, 0.0
    for _ in range(checks):
        code, elapsed = client.check(letter(rng), {"company": "Northwind Logistics"})
        status, total = max(status, code), total + elapsed
    return status, total / checks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default=sys.executable,
                        help="the interpreter whose installed standout is measured")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as config:
        env = {"STANDOUT_DATA_DIR": data, "STANDOUT_CONFIG_DIR": config}
        server = LiveServer("--port", "0", env=env, python=args.python)
        if server.url is None:
            sys.exit(f"the server did not start:\n{server.log}")
        try:
            print(f"standout serve from {args.python}, {server.url}, load average"
                  f" {os.getloadavg()[0]:.1f}")
            run_cases(Client(server.url), server.proc.pid, args.repeat)
        finally:
            try:
                server.stop()
            except subprocess.TimeoutExpired:  # killed by stop(); old code can be that slow
                print("the server did not stop within 30 s of SIGINT (killed)")


if __name__ == "__main__":
    main()
