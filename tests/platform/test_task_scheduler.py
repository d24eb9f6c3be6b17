"""Windows (desktop.yml): the Task Scheduler task for real: install, status, uninstall.

The task name is per user and fixed, so this runs only under CI. Hosted runners
run as an administrator, so this does not prove that no elevation is needed; the
task asks for none (LeastPrivilege, the user's own logon trigger).
"""

from __future__ import annotations

import json
import os
import subprocess
import time

import pytest
from service_helpers import free_port, isolated_env, standout

from standout.service.probe import probe
from standout.service.windows import current_user, task_name

if not os.environ.get("CI"):
    pytest.skip("registers a real scheduled task; runs in CI", allow_module_level=True)


def test_task_install_status_and_uninstall(tmp_path):
    base = isolated_env(tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    installed = standout("service", "install", "--port", str(port), env=base)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert f"the server answers at {url}" in installed.stdout
    name = task_name(current_user())
    assert subprocess.run(["schtasks", "/Query", "/TN", name]).returncode == 0

    status = json.loads(standout("service", "status", "--format", "json", env=base).stdout)
    assert status["healthy"] and status["url"] == url
    assert status["files"][0].endswith("standout-task.xml")

    removed = standout("service", "uninstall", env=base)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert subprocess.run(["schtasks", "/Query", "/TN", name],
                          capture_output=True).returncode != 0
    deadline = time.monotonic() + 30
    while probe(url).state != "closed":
        assert time.monotonic() < deadline, "the server still answers after uninstall"
        time.sleep(0.5)
