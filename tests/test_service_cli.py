"""``standout service`` as a user runs it, where nothing gets registered for real."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

NO_CONFIG = str(Path(__file__).parent / "no-config")


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """Every folder the service might write to is under tmp_path."""
    return {**os.environ, "HOME": str(tmp_path / "home"), "USERPROFILE": str(tmp_path / "home"),
            "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
            "STANDOUT_STATE_DIR": str(tmp_path / "state"), "STANDOUT_CONFIG_DIR": NO_CONFIG,
            "STANDOUT_DATA_DIR": str(tmp_path / "data")}


def standout(*args: str, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "standout", *args], env=env, text=True,
                          capture_output=True, timeout=180, stdin=subprocess.DEVNULL)


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_dry_run_prints_what_it_would_write_and_writes_nothing(env, tmp_path):
    done = standout("service", "install", "--dry-run", "--port", "9123", env=env)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "would write" in out and "would run:" in out and "nothing was written" in out
    assert f"{sys.executable} -m standout serve --host 127.0.0.1 --port 9123 --log-file" in out \
        or "pythonw.exe" in out
    assert str(tmp_path / "state" / "log" / "server.log") in out
    # The folder overrides in force are recorded for the service.
    assert str(Path(env["STANDOUT_DATA_DIR"]).resolve()) in out
    assert files_under(tmp_path) == []


@pytest.mark.parametrize(("args", "words"), [
    (("--host", "0.0.0.0"), "not a loopback address"),
    (("--port", "80"), "1024-65535"),
    (("--port", "70000"), "70000"),
])
def test_install_refuses_what_a_login_service_must_not_do(env, tmp_path, args, words):
    done = standout("service", "install", "--dry-run", *args, env=env)
    assert done.returncode == 2
    assert words in done.stderr and "Traceback" not in done.stderr
    assert files_under(tmp_path) == []


def test_uninstall_without_an_install_says_so(env, tmp_path):
    done = standout("service", "uninstall", env=env)
    assert done.returncode == 0, done.stderr
    assert "nothing to remove" in done.stdout
    assert files_under(tmp_path) == []


def test_status_without_an_install(env):
    done = standout("service", "status", "--format", "json", env=env)
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["installed"] is False and report["healthy"] is False
    assert report["log_file"].endswith("server.log")
    text = standout("service", "status", env=env)
    assert "not installed (run 'standout service install')" in text.stdout
