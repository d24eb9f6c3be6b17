"""The small holes of issue 9, item 8: leftovers of interrupted saves, the addresses
``--host`` binds and the Host names it answers, what ``--allow-remote`` warns of, and
waitress's queue warnings.
"""

from __future__ import annotations

import json
import logging
import socket
from urllib.parse import urlparse

import pytest
from server_process import LiveServer

from standout.samples.store import SampleStore
from standout.web import create_app, serve

SAMPLE = ("Working at a company that values innovation has always been my goal. I admire how"
          " your teams experiment, measure and share what they learn every week.")


def get(host: str, port: int, path: str = "/v1/health", host_header: str | None = None):
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(f"GET {path} HTTP/1.0\r\nHost: {host_header or host}\r\n\r\n".encode())
        return sock.recv(200).split(b"\r\n", 1)[0]


def test_an_interrupted_save_leaves_nothing_after_a_start(tmp_path):
    store = SampleStore(tmp_path)
    store.add(SAMPLE)
    leftover = tmp_path / ".samples-k3j2h1.tmp"  # what a kill between write and rename leaves
    leftover.write_text(store.path.read_text(encoding="utf-8"), encoding="utf-8")
    server = LiveServer("--port", "0", env={"STANDOUT_DATA_DIR": str(tmp_path)})
    try:
        assert server.url, server.log
        assert not leftover.exists()
        assert [s.id for s in store.load()] == ["user-1"]  # the store itself is untouched
    finally:
        server.stop()


def test_every_writer_removes_leftovers(tmp_path):
    store = SampleStore(tmp_path)
    store.add(SAMPLE)
    leftover = tmp_path / ".samples-abc.tmp"
    leftover.write_text("{}", encoding="utf-8")
    other = tmp_path / "samples-notes.tmp"  # not ours: left alone
    other.write_text("mine", encoding="utf-8")
    store.remove("user-1")
    assert not leftover.exists() and other.exists()
    assert store.remove_leftovers() == 0
    assert SampleStore(tmp_path / "never-made").remove_leftovers() == 0
    assert not (tmp_path / "never-made").exists()


def test_another_loopback_address_answers_to_its_own_name():
    server = LiveServer("--host", "127.0.0.2", "--port", "0")
    try:
        assert server.url, server.log
        port = urlparse(server.url).port
        assert get("127.0.0.2", port).startswith(b"HTTP/1.0 200")
        assert get("127.0.0.2", port, host_header="evil.example").startswith(b"HTTP/1.0 403")
    finally:
        server.stop()


def own_address() -> str:
    """An address of this machine other than 127.0.0.1: the one it routes out from, or
    another loopback address where it has no route (a machine without a network)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: nothing is sent
            address = probe.getsockname()[0]
    except OSError:
        address = "0.0.0.0"
    return address if address not in ("0.0.0.0", "127.0.0.1") else "127.0.0.9"


def test_a_wildcard_server_answers_to_the_machines_addresses(linter):
    app = create_app({"TESTING": True, "LINTER": linter, "ALLOW_OWN_ADDRESSES": True})
    client = app.test_client()
    mine = own_address()
    assert client.get("/v1/health", headers={"Host": f"{mine}:8765"}).status_code == 200
    for foreign in ("192.0.2.1", "evil.example", "[2001:db8::1]", "0.0.0.0"):
        assert client.get("/v1/health", headers={"Host": foreign}).status_code == 403
    narrow = create_app({"TESTING": True, "LINTER": linter}).test_client()
    assert narrow.get("/v1/health", headers={"Host": mine}).status_code == 403


def test_allow_remote_warns_that_samples_can_be_read_and_removed():
    server = LiveServer("--host", "0.0.0.0", "--port", "0", "--allow-remote")
    try:
        assert server.url, server.log
        assert "can read and remove your saved samples" in server.log
        port = urlparse(server.url).port
        mine = own_address()
        assert get(mine, port, host_header=f"{mine}:{port}").startswith(b"HTTP/1.0 200")
    finally:
        assert server.stop() == 0


def test_queue_warnings_come_once_a_minute(caplog):
    serve._configure_logging()
    serve._configure_logging()  # a second start in one process adds no second filter
    queue = logging.getLogger("waitress.queue")
    assert sum(isinstance(f, serve.EveryInterval) for f in queue.filters) == 1
    with caplog.at_level(logging.WARNING, logger="waitress.queue"):
        for depth in range(200):
            queue.warning("Task queue depth is %d", depth)
    assert len([r for r in caplog.records if r.name == "waitress.queue"]) <= 1


def test_every_interval_lets_one_through_per_interval():
    now = [1000.0]
    gate = serve.EveryInterval(60.0, clock=lambda: now[0])
    record = logging.makeLogRecord({"msg": "Task queue depth is 3"})
    passed = []
    for step in range(180):
        now[0] = 1000.0 + step
        passed.append(gate.filter(record))
    assert sum(passed) == 3 and passed[0] and passed[60] and passed[120]


@pytest.mark.parametrize("raw", [
    "{not json", json.dumps({"text": "x"}).encode("utf-16").decode("latin-1"),
])
def test_malformed_bodies_are_json_errors(client, raw):
    response = client.post("/v1/check", data=raw.encode("latin-1"),
                           content_type="application/json")
    assert response.status_code == 400 and response.is_json


@pytest.mark.parametrize(("request_bytes", "status"), [
    (b"GET /v2/check?text=" + b"a" * 270_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", b"431"),
    (b"NOT HTTP AT ALL\r\n\r\n", b"400"),
    (b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
     b"zz\r\n{}\r\n0\r\n\r\n", b"400"),
])
def test_what_waitress_refuses_itself_is_plain_text(live_server, request_bytes, status):
    """docs/api.md, "What waitress answers itself": these never reach the app."""
    port = urlparse(live_server.url).port
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request_bytes)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
    head = answer.split(b"\r\n\r\n", 1)[0].lower()
    assert head.split(b" ")[1] == status
    assert b"content-type: text/plain" in head
