"""A big check does not hold up a small one, and stops when its client has gone
(issue 9, items 3 and 2). The big check is held inside the engine's spaCy pass
by a test component (tests/gate.py) until the test lets it go: what happens
meanwhile is ordered by events, and a wait that times out fails the test.
"""

from __future__ import annotations

import json
import signal
import socket
import threading
import time

import pytest
from gate import MARKER, gated_linter

from standout.web import create_app

WAIT = 30  # seconds before a missing event fails the test (never reached when it passes)


def paragraphs(tag: str, count: int, words: int = 3_000) -> str:
    """``count`` distinct paragraphs of up to 20,000 characters, the first holding MARKER."""
    out = []
    for n in range(count):
        body = " ".join(f"{tag}{n}w{k % 97}" for k in range(words))[:19_000]
        out.append((f"{MARKER} " if n == 0 else "") + body)
    return "\n\n".join(out)


@pytest.fixture(scope="module")
def gated():
    return gated_linter("gate_concurrency")


def test_a_small_check_completes_while_a_big_one_is_in_flight(gated):
    linter, gate = gated
    inside, small_done, released = threading.Event(), threading.Event(), threading.Event()

    def hold() -> None:  # runs in the big check's spaCy pass
        inside.set()
        if small_done.wait(WAIT):
            released.set()

    gate.hook = hold
    big_reports = []
    big = threading.Thread(target=lambda: big_reports.append(linter.check(paragraphs("big", 3))))
    try:
        big.start()
        assert inside.wait(WAIT), "the big check never reached the engine"
        small = linter.check("I am a team player, and a fresh sentence no cache has seen.")
        small_done.set()
        big.join(WAIT)
    finally:
        small_done.set()
        gate.hook = None
    assert released.is_set(), "the small check waited for the big one to finish"
    assert [f.rule for f in small.findings] == ["cliche.team-player"]
    assert big_reports and big_reports[0].stats["paragraphs"] == 3


def test_a_check_stops_when_its_client_disconnects(gated):
    """Through real waitress, configured as ``standout serve`` configures it."""
    from standout.budget import _CURRENT
    from standout.web import serve

    linter, gate = gated
    app = create_app({"TESTING": True, "LINTER": linter})
    finished = threading.Event()
    app.teardown_request(lambda exc: finished.set())
    server = serve.make_server(app, "127.0.0.1", 0, threads=2)
    running = threading.Thread(target=server.run, daemon=True)
    running.start()
    inside, closed, noticed = threading.Event(), threading.Event(), threading.Event()

    def hold() -> None:
        inside.set()
        if not closed.wait(WAIT):
            return
        budget = _CURRENT.get()
        for _ in range(WAIT * 20):  # waitress notices the close on its own thread
            if budget is not None and budget.cancelled is not None and budget.cancelled():
                noticed.set()
                return
            time.sleep(0.05)  # (not closed.wait: it is set, so that would not wait at all)

    gate.hook = hold
    passes = gate.passes
    text = paragraphs("gone", 6)  # three passes of 40,000 characters
    body = json.dumps({"text": text}).encode()
    request = (f"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
               f"\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    try:
        client = socket.create_connection(("127.0.0.1", server.effective_port), timeout=WAIT)
        client.sendall(request)
        assert inside.wait(WAIT), "the check never reached the engine"
        client.close()
        closed.set()
        assert finished.wait(WAIT), "the check did not end"
    finally:
        closed.set()
        gate.hook = None
        server.close()
    assert noticed.is_set(), "the check never learnt that its client had gone"
    assert gate.passes == passes + 1  # the first pass only; the other two never ran
    assert linter.check(text).stats["words"] > 0  # and the engine is fine


def test_a_cancelled_check_raises_and_keeps_what_it_analysed(gated):
    from standout.budget import Budget, CheckCancelled

    linter, _ = gated
    calls = []

    def cancelled() -> bool:  # true from the second checkpoint on
        calls.append(1)
        return len(calls) > 1

    text = paragraphs("cancel", 6)
    with pytest.raises(CheckCancelled):
        linter.check(text, budget=Budget.start(None, cancelled))
    hits = linter.cache_hits
    linter.check(text)
    assert linter.cache_hits - hits == 2  # the first pass (two paragraphs) was kept


def test_a_check_in_flight_stops_when_the_server_begins_to_stop(gated):
    """Ctrl-C or a kill while a big check runs: the check stops at its next checkpoint
    and its client gets a 503, so waitress' threads (and the process) end at once."""
    from standout.web import serve

    linter, gate = gated
    app = create_app({"TESTING": True, "LINTER": linter})
    handler = serve.stop_handler(app)
    inside, signalled = threading.Event(), threading.Event()
    raised = []

    def hold() -> None:  # the signal arrives while the check is in the engine
        inside.set()
        try:
            handler(signal.SIGINT, None)
        except KeyboardInterrupt:
            raised.append("KeyboardInterrupt")
        signalled.set()

    gate.hook = hold
    passes = gate.passes
    responses = []
    text = paragraphs("stop", 6)  # three passes of 40,000 characters
    worker = threading.Thread(target=lambda: responses.append(
        app.test_client().post("/v1/check", json={"text": text})))
    try:
        worker.start()
        assert inside.wait(WAIT), "the check never reached the engine"
        assert signalled.wait(WAIT)
        worker.join(WAIT)
    finally:
        gate.hook = None
    assert raised == ["KeyboardInterrupt"]  # the loop still ends as Ctrl-C ends it
    [response] = responses
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "server_stopping"
    assert gate.passes == passes + 1  # the first pass only; the other two never ran
    with pytest.raises(SystemExit):  # a kill ends it as SystemExit 0
        handler(signal.SIGTERM, None)
