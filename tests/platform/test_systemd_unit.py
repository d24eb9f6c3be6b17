"""The generated unit passes systemd's own validator, ``systemd-analyze verify``.

Debian's systemd package provides it (./scripts/test installs it when missing);
``--user`` needs a runtime folder, which each test makes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from standout.service.linux import render_unit
from standout.service.spec import ServiceSpec


def verify(unit_text: str, tmp_path) -> subprocess.CompletedProcess:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        if os.environ.get("CI"):
            pytest.fail("systemd-analyze is missing (./scripts/test installs Debian's systemd)")
        pytest.skip("systemd-analyze is not installed (apt-get install systemd)")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    unit = tmp_path / "standout.service"
    unit.write_text(unit_text, encoding="utf-8")
    return subprocess.run([analyze, "--user", "verify", str(unit)], capture_output=True, text=True,
                          env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)}, timeout=60)


def test_the_unit_for_this_python_verifies_cleanly(tmp_path):
    spec = ServiceSpec(python=sys.executable, host="127.0.0.1", port=8765,
                       log_file=str(tmp_path / "log" / "server.log"),
                       environment=(("STANDOUT_DATA_DIR", str(tmp_path / "data")),))
    done = verify(render_unit(spec), tmp_path)
    assert done.returncode == 0 and done.stderr == "", done.stderr


def test_awkward_paths_verify_cleanly(tmp_path):
    # A venv under a folder with a space, a percent sign and a dollar sign.
    folder = tmp_path / "my venv 100% $HOME"
    folder.mkdir()
    (folder / "python3").symlink_to(sys.executable)
    spec = ServiceSpec(python=str(folder / "python3"), host="::1", port=8765,
                       log_file=str(folder / "server.log"),
                       environment=(("STANDOUT_CONFIG_DIR", str(folder)),))
    done = verify(render_unit(spec), tmp_path)
    assert done.returncode == 0 and done.stderr == "", done.stderr


def test_the_validator_catches_a_broken_unit(tmp_path):
    # The check above can fail: a wrong key and a missing program are reported.
    spec = ServiceSpec(python="/nonexistent/python3", host="127.0.0.1", port=8765,
                       log_file="/tmp/x.log")
    broken = render_unit(spec).replace("Restart=on-failure", "Restart=on-failure\nRestrat=always")
    done = verify(broken, tmp_path)
    assert done.returncode != 0
    assert "Restrat" in done.stderr and "/nonexistent/python3" in done.stderr
