"""macOS (desktop.yml): the LaunchAgent for real: install, crash, uninstall.

HOME points at a temporary folder, so the plist is written there and loaded with
``launchctl bootstrap`` from there; the real ~/Library/LaunchAgents is not touched.
The label is fixed, so this runs only under CI (a developer's own agent would clash).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import pytest
from service_helpers import free_port, isolated_env, standout

from standout.service.probe import probe

if not os.environ.get("CI"):
    pytest.skip("registers with the real launchd; runs in CI", allow_module_level=True)


def wait_for(condition, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {condition.__name__}")


def test_launch_agent_install_crash_and_uninstall(tmp_path):
    base = isolated_env(tmp_path)
    env = {**base, "HOME": str(tmp_path / "home")}
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    installed = standout("service", "install", "--port", str(port), env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert f"the server answers at {url}" in installed.stdout
    plist = tmp_path / "home" / "Library" / "LaunchAgents" / "local.standout.server.plist"
    assert subprocess.run(["plutil", "-lint", str(plist)]).returncode == 0

    def pid():
        report = json.loads(standout("service", "status", "--format", "json", env=env).stdout)
        return report["state"]["pid"] if report["healthy"] else None

    first = wait_for(pid)
    os.kill(first, signal.SIGKILL)  # KeepAlive: launchd starts it again
    wait_for(lambda: (pid() or first) != first)

    removed = standout("service", "uninstall", env=env)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not plist.exists()
    wait_for(lambda: probe(url).state == "closed", timeout=30)
    loaded = subprocess.run(["launchctl", "print", f"gui/{os.getuid()}/local.standout.server"],
                            capture_output=True)
    assert loaded.returncode != 0
