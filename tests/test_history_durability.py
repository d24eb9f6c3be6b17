"""Processes killed mid-write lose nothing committed; two processes writing at once both succeed.

The writers are real processes (the CLI and the server are separate processes),
killed with SIGKILL: no handler, no cleanup, as when a laptop runs out of battery
in the middle of "Mark as sent".
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

from standout.history.store import HistoryStore

# Each application: three texts whose content follows from its number, so a torn
# write (an application with some texts, or a wrong one) is caught on reading.
WRITER = """
import sys
from standout.history.store import HistoryStore

def texts(n):
    return [f"Text {k} of application {n}. " + "All of it must be there. " * (200 * k + 50)
            for k in range(3)]

store = HistoryStore(sys.argv[1])
start = int(sys.argv[2])
print("ready", flush=True)
for n in range(start, start + int(sys.argv[3])):
    application = store.add(f"Company {n}", f"Role {n}", texts(n))
    print(application.id, n, flush=True)
"""


def expected_texts(n: int) -> list[str]:
    return [f"Text {k} of application {n}. " + "All of it must be there. " * (200 * k + 50)
            for k in range(3)]


def writer(directory, start: int, count: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(directory), str(start), str(count)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_sigkill_in_a_loop_of_writes_loses_no_committed_application(tmp_path):
    store = HistoryStore(tmp_path / "data")
    chance = random.Random(12)
    committed: dict[int, int] = {}  # id -> application number, as reported after commit
    start = 0
    for _ in range(4):
        process = writer(store.directory, start, 10_000)
        assert process.stdout.readline().strip() == "ready"
        wanted = chance.randint(3, 12)
        for _ in range(wanted):
            line = process.stdout.readline()
            assert line, process.stderr.read()
            identifier, number = map(int, line.split())
            committed[identifier] = number
        time.sleep(chance.uniform(0, 0.01))  # land somewhere inside the next write
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()
        assert process.returncode == -signal.SIGKILL
        assert store.quick_check() == "ok"
        stored = {a.id: a for a in store.applications()}
        for identifier, number in committed.items():
            application = stored[identifier]
            assert application.company == f"Company {number}"
            assert [t.text for t in application.texts] == expected_texts(number)
        # The write in flight may have committed before the kill: whole, if at all.
        for application in stored.values():
            number = int(application.company.split()[1])
            assert [t.text for t in application.texts] == expected_texts(number)
        start += 10_000
    assert len(committed) >= 12


def test_two_processes_writing_at_once_both_succeed(tmp_path):
    store = HistoryStore(tmp_path / "data")
    processes = [writer(store.directory, n * 1000, 15) for n in range(2)]
    for process in processes:
        assert process.stdout.readline().strip() == "ready"
    reported = []
    for process in processes:
        # read(), not communicate(): that reads the pipe itself and misses what readline()
        # already buffered
        out, err = process.stdout.read(), process.stderr.read()
        assert process.wait(timeout=120) == 0, err
        process.stdout.close()
        process.stderr.close()
        reported += [tuple(map(int, line.split())) for line in out.splitlines()]
    assert len(reported) == 30
    stored = {a.id: a for a in store.applications()}
    assert len(stored) == 30
    for identifier, number in reported:
        assert stored[identifier].company == f"Company {number}"
        assert [t.text for t in stored[identifier].texts] == expected_texts(number)
