"""A systemd user manager of the tests' own, for the end-to-end service test.

Here (a container whose PID 1 is not systemd) ``systemd --user`` refuses to start
because /run/systemd/system is missing. In a private mount namespace
(``unshare --mount``, root only) a tmpfs over /run/systemd with that folder in it
lets it start; nothing outside the namespace sees the change. ``systemctl --user``
then reaches it through $XDG_RUNTIME_DIR/systemd/private, like a login session's.
Its units live under this manager's own $XDG_CONFIG_HOME.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

SYSTEMD_CANDIDATES = ("/usr/lib/systemd/systemd", "/lib/systemd/systemd")
START_SCRIPT = (
    'if [ -d /run/systemd ]; then mount -t tmpfs tmpfs /run/systemd;'
    ' else mount -t tmpfs tmpfs /run; fi'
    ' && mkdir -p /run/systemd/system && exec "$0" --user'
)


def unavailable() -> str | None:
    """Why a user manager cannot be started here (None when it can)."""
    if os.name != "posix" or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "needs root (for a private mount namespace)"
    if not shutil.which("unshare") or not shutil.which("systemctl"):
        return "needs unshare (util-linux) and systemctl (systemd)"
    if not systemd_binary():
        return "systemd is not installed"
    return None


def systemd_binary() -> str | None:
    return next((c for c in SYSTEMD_CANDIDATES if os.access(c, os.X_OK)), None)


class UserSystemd:
    """``systemd --user`` in its own mount namespace; ``env`` reaches it."""

    def __init__(self, root: Path) -> None:
        self.runtime = root / "runtime"
        self.config = root / "config"
        self.runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.config.mkdir(parents=True, exist_ok=True)
        self.env = {"XDG_RUNTIME_DIR": str(self.runtime), "XDG_CONFIG_HOME": str(self.config)}
        self.proc: subprocess.Popen | None = None
        self.log = root / "systemd.log"

    def start(self, timeout: float = 60) -> None:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                ["unshare", "--mount", "--propagation", "private", "sh", "-c", START_SCRIPT,
                 systemd_binary()],
                env={**os.environ, **self.env}, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            # (is-system-running says "offline" outside the namespace; the property does not.)
            state = self.systemctl("show", "--property=SystemState", "--value").stdout.strip()
            if state in ("running", "degraded"):
                return
            time.sleep(0.2)
        self.kill()
        raise RuntimeError(f"systemd --user did not come up (exit {self.proc.returncode}):"
                           f" {self.log.read_text(errors='replace')}")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
        if self.proc is not None:
            self.proc.wait(timeout=30)

    def systemctl(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["systemctl", "--user", *args], env={**os.environ, **self.env},
                              capture_output=True, text=True, timeout=60)

    def stop(self) -> None:
        """Like logging out: the manager stops every unit, then exits."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.systemctl("exit")
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.kill()
