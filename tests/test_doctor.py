"""``standout doctor`` in made-up environments: temporary folders, held ports, broken files."""

from __future__ import annotations

import http.server
import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from standout.doctor.checks import CHECKS
from standout.doctor.cli import failed, run_checks
from standout.doctor.model import Check, Context, Result
from standout.history.store import HistoryStore
from standout.service import record as records
from standout.service.port_owner import port_owner


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """Config, data and state folders of this test's own (and empty)."""
    for name, folder in (("CONFIG", "config"), ("DATA", "data"), ("STATE", "state")):
        monkeypatch.setenv(f"STANDOUT_{name}_DIR", str(tmp_path / folder))
    return tmp_path


def closed_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/"


def results(url: str) -> dict[str, Result]:
    return {check.id: result for check, result in run_checks(Context(url=url, timeout=5))}


def test_every_check_passes_in_a_fresh_environment_with_a_server(home, live_server):
    found = results(live_server.url)
    assert {k: r.status for k, r in found.items() if k not in ("service", "browsers")} == {
        "python": "ok", "config": "ok", "rules": "ok", "folders": "ok", "samples": "ok",
        "history": "ok", "cache": "ok", "server": "ok"}
    assert found["service"].status == "warn"  # not installed: a warning, not a failure
    assert found["browsers"].status == "info"
    assert "Standout 0.1.0 answers" in found["server"].summary


def test_nothing_listening_is_a_failure_with_the_command_to_start(home):
    found = results(closed_url())["server"]
    assert found.status == "fail" and "nothing answers" in found.summary
    assert "standout serve" in found.fix and "standout service install" in found.fix


class _NotStandout(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<html>some other web app</html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_port_held_by_another_http_server_names_the_program(home):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotStandout)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        found = results(f"http://127.0.0.1:{port}/")["server"]
    finally:
        server.shutdown()
        server.server_close()
    assert found.status == "fail" and f"port {port} is held by" in found.summary
    assert f"pid {os.getpid()}" in found.summary and "python" in found.summary.lower()
    assert f"--port {port + 1}" in found.fix and "extension's options" in found.fix


def test_a_port_held_by_something_that_is_not_http(home):
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]

        def hang_up():
            conn, _ = held.accept()
            conn.close()

        thread = threading.Thread(target=hang_up, daemon=True)
        thread.start()
        found = results(f"http://127.0.0.1:{port}/")["server"]
        thread.join(timeout=10)
    assert found.status == "fail" and "not by Standout" in found.summary
    assert found.details["owner"]["pid"] == os.getpid()


def test_port_owner_finds_this_process():
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc: the owner is only looked up on Linux")
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        owner = port_owner(held.getsockname()[1])
    assert owner is not None and owner.pid == os.getpid()
    assert "python" in owner.name.lower() or "pytest" in owner.command
    assert port_owner(int(closed_url().rsplit(":", 1)[1].strip("/"))) is None


@pytest.mark.parametrize(("content", "words"), [
    ("disabled_rules = 'hedge.i-feel'", "must be a list of strings"),
    ("disabled_rules = [", "config.toml"),
])
def test_a_broken_config_fails_with_its_path(home, content, words):
    (home / "config").mkdir()
    (home / "config" / "config.toml").write_text(content)
    found = results(closed_url())["config"]
    assert found.status == "fail" and words in found.summary
    assert str(home / "config" / "config.toml") in found.fix


def test_a_valid_config_passes(home):
    (home / "config").mkdir()
    (home / "config" / "config.toml").write_text('disabled_categories = ["buzzword"]\n')
    found = results(closed_url())["config"]
    assert found.status == "ok" and "1 rules or categories turned off" in found.summary


def test_a_broken_rule_file_fails_and_a_yml_file_is_a_warning(home):
    rules = home / "config" / "rules"
    rules.mkdir(parents=True)
    (rules / "mine.yml").write_text("category: mine\n")
    assert results(closed_url())["rules"].status == "warn"
    (rules / "bad.yaml").write_text("category: [unclosed\n")
    found = results(closed_url())["rules"]
    assert found.status == "fail" and "bad.yaml" in found.summary and "YAML" in found.summary


def test_a_corrupt_samples_store_fails(home):
    (home / "data").mkdir()
    (home / "data" / "samples.json").write_text("{not json")
    found = results(closed_url())["samples"]
    assert found.status == "fail" and "not valid JSON" in found.summary
    assert str(home / "data" / "samples.json") in found.fix


def test_the_history_store_is_checked(home):
    found = results(closed_url())["history"]
    assert found.status == "ok" and found.summary.startswith("history is off")
    assert not (home / "data" / "history.sqlite3").exists()  # looking stores nothing
    store = HistoryStore()
    store.add("Acme", "Data Analyst", ["A letter."])
    found = results(closed_url())["history"]
    assert found.status == "ok"
    assert found.summary.startswith("1 application readable") and "no extension is paired" in (
        found.summary)
    token = home / "config" / "history-token"
    token.parent.mkdir()
    token.write_text("secret\n")
    token.chmod(0o644)
    found = results(closed_url())["history"]
    assert found.status == "warn" and "chmod 600" in found.fix
    store.path.write_text("not a database any more" * 100)
    found = results(closed_url())["history"]
    assert found.status == "fail" and "cannot be read" in found.summary
    assert str(store.path) in found.fix


def test_a_folder_that_is_a_file_fails(home):
    (home / "data").write_text("")
    found = results(closed_url())["folders"]
    assert found.status == "fail" and "is a file, not a folder" in found.summary


def test_an_installed_service_whose_file_is_gone_fails(home):
    records.save(records.ServiceRecord.now(
        manager="systemd", url="http://127.0.0.1:8765/", host="127.0.0.1", port=8765,
        command=["python", "-m", "standout", "serve"], log_file=str(home / "server.log"),
        files=[str(home / "gone.service")]))
    found = results(closed_url())["service"]
    assert found.status == "fail" and "gone.service" in found.summary
    assert "standout service install" in found.fix


def test_a_check_that_breaks_is_reported_not_raised():
    def broken(_):
        raise RuntimeError("boom")

    check = Check("broken", "Broken", broken)
    (only,) = run_checks(Context(url="http://127.0.0.1:1/"), (check,))
    assert only[1].status == "fail" and "RuntimeError: boom" in only[1].summary
    assert failed([only]) == [check]
    optional = Check("optional", "Optional", broken, required=False)
    assert failed(run_checks(Context(url="x"), (optional,))) == []


def doctor(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "standout", "doctor", *args], env=env,
                          capture_output=True, text=True, timeout=180)


def test_the_command_exits_0_only_when_required_checks_pass(home, live_server):
    env = dict(os.environ)
    passing = doctor("--url", live_server.url, env=env)
    assert passing.returncode == 0, passing.stdout
    assert "all required checks pass" in passing.stdout
    failing = doctor("--url", closed_url(), "--format", "json", env=env)
    assert failing.returncode == 1
    report = json.loads(failing.stdout)
    assert report["ok"] is False
    assert [c["id"] for c in report["checks"]] == [c.id for c in CHECKS]
    server = next(c for c in report["checks"] if c["id"] == "server")
    assert server["status"] == "fail" and server["fix"]
    text = doctor("--url", closed_url(), env=env)
    assert "FAIL  Server" in text.stdout and "fix: start it with 'standout serve'" in text.stdout
    assert "standout doctor: 1 problem (Server)" in text.stdout
