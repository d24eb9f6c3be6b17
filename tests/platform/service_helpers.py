"""Helpers for tests/platform/, where each file runs on its own platform only.

tests/conftest.py leaves the other platforms' files uncollected (not skipped).
Linux (here and in CI): ``systemd-analyze verify`` on the unit, and a real user
systemd instance. macOS and Windows (.github/workflows/desktop.yml): launchd and
the Task Scheduler for real.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

NO_CONFIG = str(Path(__file__).resolve().parent.parent / "no-config")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def standout(*args: str, env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "standout", *args], env=env, text=True,
                          capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)


def isolated_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose state, data and config folders are this test's own."""
    return {**os.environ, "STANDOUT_STATE_DIR": str(tmp_path / "state"),
            "STANDOUT_DATA_DIR": str(tmp_path / "data"), "STANDOUT_CONFIG_DIR": NO_CONFIG}
