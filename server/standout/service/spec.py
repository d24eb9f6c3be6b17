"""What a registered service runs: one exact command line, fixed when it is installed.

The command is the Python of the environment ``standout`` was installed in
(``sys.executable -m standout serve``), never whatever ``standout`` happens to be
first on PATH at login; the host, port and log file are written out in full, and
so are the ``STANDOUT_*`` folder overrides in force at install time, so that the
service reads the same config and samples as the command that installed it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..web.serve import is_loopback, url_for_address
from .paths import STATE_DIR_ENV, log_path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
# Folder overrides a service must keep (see config.py, samples/store.py, paths.py).
RECORDED_ENV = ("STANDOUT_CONFIG_DIR", "STANDOUT_DATA_DIR", STATE_DIR_ENV)


class SpecError(ValueError):
    """A host or port a login service cannot use; the message is for the user."""


@dataclass(frozen=True)
class ServiceSpec:
    """Everything a service manager needs to start the server."""

    python: str
    host: str
    port: int
    log_file: str
    environment: tuple[tuple[str, str], ...] = ()

    @property
    def argv(self) -> tuple[str, ...]:
        return (self.python, "-m", "standout", "serve", "--host", self.host,
                "--port", str(self.port), "--log-file", self.log_file)

    @property
    def url(self) -> str:
        return url_for_address(self.host, self.port)


def service_python(executable: str | None = None, windows: bool | None = None) -> str:
    """The interpreter to run: this one, or on Windows its windowless twin pythonw.exe."""
    executable = os.path.abspath(executable or sys.executable)
    windows = os.name == "nt" if windows is None else windows
    if windows:
        folder, name = os.path.split(executable)
        if name.lower() == "python.exe":
            twin = os.path.join(folder, "pythonw.exe")
            if os.path.exists(twin):
                return twin
    return executable


def current_spec(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 environ: Mapping[str, str] | None = None) -> ServiceSpec:
    """The spec for this Python environment; refuses what a login service must not do."""
    if not is_loopback(host):
        raise SpecError(
            f"a login service listens on this machine only; {host} is not a loopback address"
            " (use 127.0.0.1, ::1 or localhost)"
        )
    if not 1024 <= port <= 65535:
        raise SpecError(f"port {port} cannot be used by a login service; choose one in 1024-65535")
    environ = os.environ if environ is None else environ
    recorded = tuple(
        (name, str(Path(environ[name]).resolve())) for name in RECORDED_ENV if environ.get(name)
    )
    return ServiceSpec(python=service_python(), host=host.strip("[]"), port=port,
                       log_file=str(log_path()), environment=recorded)
