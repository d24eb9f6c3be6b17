"""``standout serve --log-file``: starts, stops and failures are logged; the text never is."""

from __future__ import annotations

import json
import logging
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
from server_process import LiveServer

from standout import log_file

SECRET = "Quokka-violet-secret-7F3 wrote this letter"
LETTER = (f"I am writing to apply for the analyst role. {SECRET}. I am a team player with a"
          " passion for data, and I look forward to hearing from you. " * 2)


def post(url: str, body: bytes, content_type: str = "application/json") -> int:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        exc.read()
        return exc.code


def test_the_log_has_start_address_and_stop_but_no_text(tmp_path):
    path = tmp_path / "logs" / "server.log"
    server = LiveServer("--port", "0", "--log-file", str(path),
                        env={"STANDOUT_DATA_DIR": str(tmp_path / "data")})
    assert server.url, server.log
    try:
        sent = [
            post(server.url + "v1/check", json.dumps({"text": LETTER}).encode()),
            post(server.url + "v1/check/batch",
                 json.dumps({"items": [{"id": SECRET, "text": LETTER}]}).encode()),
            post(server.url + "v1/samples", json.dumps({"text": LETTER, "title": SECRET}).encode()),
            post(server.url + "v2/check",
                 urllib.parse.urlencode({"language": "en-US", "text": LETTER}).encode(),
                 "application/x-www-form-urlencoded"),
            # Requests the server refuses, quoting the text in odd places.
            post(server.url + "v1/check", ("{" + SECRET).encode()),
            post(server.url + "v1/check", json.dumps({"text": [SECRET]}).encode()),
            post(server.url + "v1/check", SECRET.encode("utf-16"), "text/plain"),
            post(server.url + f"v1/{urllib.parse.quote(SECRET)}", b"{}"),
        ]
    finally:
        assert server.stop() == 0
    assert sent[:4] == [200, 200, 201, 200] and all(code >= 400 for code in sent[4:]), sent
    log = path.read_text(encoding="utf-8")
    assert "starting (pid" in log and "serving on http://127.0.0.1:" in log and "stopped" in log
    assert "Quokka" not in log and "team player" not in log
    # The same lines still reach the terminal.
    assert "serving on" in server.log and "Quokka" not in server.log


def test_a_server_that_cannot_start_says_why_in_the_log(tmp_path):
    path = tmp_path / "server.log"
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        server = LiveServer("--port", str(port), "--log-file", str(path), timeout=120)
    assert server.url is None and server.proc.returncode == 2
    assert f"cannot start: port {port} on 127.0.0.1 is already in use" in path.read_text()
    assert server.log.count("already in use") == 1  # printed once on stderr, not twice


def test_an_unwritable_log_file_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    server = LiveServer("--port", "0", "--log-file", str(blocker / "server.log"), timeout=120)
    assert server.url is None and server.proc.returncode == 2
    assert "cannot write the log file" in server.log and "Traceback" not in server.log


@pytest.fixture
def configured(tmp_path):
    """log_file.configure() on the real 'standout' logger, undone afterwards."""
    logger = logging.getLogger("standout")
    saved = (list(logger.handlers), logger.level, logger.propagate, sys.excepthook)
    path = tmp_path / "server.log"
    handler = log_file.configure(path, "9.9.9")
    yield path
    for extra in logger.handlers[len(saved[0]):]:
        extra.close()
    logger.handlers[:] = saved[0]
    logger.setLevel(saved[1])
    logger.propagate = saved[2]
    sys.excepthook = saved[3]
    handler.close()


def test_the_log_rotates_and_stays_small(configured, capsys):
    logger = logging.getLogger("standout.web")
    for number in range(4000):
        logger.info("line %05d %s", number, "x" * 200)
    names = sorted(p.name for p in configured.parent.iterdir())
    assert names == ["server.log", "server.log.1", "server.log.2"]
    sizes = [p.stat().st_size for p in configured.parent.iterdir()]
    assert max(sizes) <= log_file.MAX_BYTES
    assert "line 03999" in configured.read_text()


def test_a_crash_logs_where_not_the_message(configured, capsys):
    try:
        raise ValueError(f"could not handle {SECRET}")
    except ValueError:
        kind, exc, tb = sys.exc_info()
    sys.excepthook(kind, exc, tb)
    log = configured.read_text()
    assert "crashed with ValueError" in log and "test_log_file.py" in log
    assert "Quokka" not in log
