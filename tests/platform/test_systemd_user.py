"""End to end under a real systemd user manager: install, crash, log out and in, uninstall.

Runs here as root in a private mount namespace (see user_systemd.py); on a
machine where that cannot be done it is skipped, except under CI where it fails.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import time
import urllib.request
from pathlib import Path

import pytest
from service_helpers import free_port, isolated_env, standout
from user_systemd import UserSystemd, unavailable

from standout.service.probe import probe


@pytest.fixture
def manager(tmp_path):
    reason = unavailable()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"cannot run a systemd user manager here: {reason}")
        pytest.skip(reason)
    systemd = UserSystemd(tmp_path / "systemd")
    systemd.start()
    yield systemd
    systemd.systemctl("stop", "standout.service")
    systemd.stop()


def wait_for(condition, timeout: float = 90, step: float = 0.3):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout} s waiting for {condition.__name__}")


def main_pid(systemd: UserSystemd) -> int:
    shown = systemd.systemctl("show", "standout.service", "--property", "MainPID")
    return int(shown.stdout.strip().split("=", 1)[1] or 0)


def test_install_restart_after_crash_login_and_uninstall(manager, tmp_path):
    base = isolated_env(tmp_path)
    env = {**base, **manager.env}
    port = free_port()
    url = f"http://127.0.0.1:{port}/"

    # A port someone else holds is refused before anything is written.
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        taken = standout("service", "install", "--port", str(held.getsockname()[1]), env=env)
    assert taken.returncode == 1 and "is already in use by" in taken.stderr, taken.stderr
    assert not (manager.config / "systemd").exists()

    installed = standout("service", "install", "--port", str(port), env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert f"the server answers at {url}" in installed.stdout
    unit = manager.config / "systemd" / "user" / "standout.service"
    wants = manager.config / "systemd" / "user" / "default.target.wants" / "standout.service"
    assert unit.is_file() and wants.is_symlink()
    assert f"--port {port}" in unit.read_text()

    status = standout("service", "status", "--format", "json", env=env)
    assert status.returncode == 0, status.stdout
    report = json.loads(status.stdout)
    assert report["state"]["registered"] and report["state"]["running"]
    assert report["server"]["state"] == "standout" and report["url"] == url
    first = report["state"]["pid"]
    assert first == main_pid(manager) and first > 0

    # A crash: systemd starts it again (Restart=on-failure).
    os.kill(first, signal.SIGKILL)

    def restarted():
        pid = main_pid(manager)
        return pid if pid not in (0, first) and probe(url).state == "standout" else None

    second = wait_for(restarted)
    assert second != first

    # Log out and in again: a new manager starts the enabled unit at "login".
    manager.stop()
    assert probe(url).state == "closed"
    manager.start()
    wait_for(lambda: probe(url).state == "standout")

    # The log has start-ups, never text; the check below sends some first.
    body = json.dumps({"text": "Zebra-unique-secret-phrase for the log test."}).encode()
    request = urllib.request.Request(url + "v1/check", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
    log_file = Path(report["log_file"])
    log = log_file.read_text(encoding="utf-8")
    assert log.count("starting (pid") >= 3 and "serving on" in log
    assert "Zebra-unique-secret-phrase" not in log

    removed = standout("service", "uninstall", env=env)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not unit.exists() and not wants.exists() and not wants.is_symlink()
    assert not log_file.exists()
    assert not (Path(base["STANDOUT_STATE_DIR"]) / "service.json").exists()
    wait_for(lambda: probe(url).state == "closed", timeout=30)
    assert "not-found" in manager.systemctl("show", "standout.service", "--property",
                                            "LoadState").stdout

    again = standout("service", "status", env=env)
    assert again.returncode == 1 and "not installed" in again.stdout
