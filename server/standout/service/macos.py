"""macOS: a LaunchAgent, ``~/Library/LaunchAgents/local.standout.server.plist``.

launchd loads every agent in that folder at login (``RunAtLoad``); ``KeepAlive``
with ``SuccessfulExit = false`` starts the server again when it exits with an
error or is killed, and leaves it stopped after a clean exit. ``launchctl
bootstrap gui/<uid>`` loads it now. Written from launchd.plist(5) and
launchctl(1); the tests here check the plist with plistlib, the macOS CI job
loads it for real.
"""

from __future__ import annotations

import os
import plistlib
import shutil
from pathlib import Path

from .manager import ManagerState, ServiceManager
from .runner import Runner, ServiceError, query
from .spec import ServiceSpec

LABEL = "local.standout.server"


def agents_dir(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents"


def plist_data(spec: ServiceSpec) -> dict:
    log_dir = os.path.dirname(spec.log_file)
    data: dict = {
        "Label": LABEL,
        "ProgramArguments": list(spec.argv),
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},
        # launchd waits this long between two starts of a crashing server.
        "ThrottleInterval": 10,
        "ProcessType": "Background",
        # The server writes its own rotated log; this catches only what Python
        # prints before logging is set up (a broken installation).
        "StandardErrorPath": os.path.join(log_dir, "launchd-stderr.log"),
        "StandardOutPath": "/dev/null",
    }
    if spec.environment:
        data["EnvironmentVariables"] = dict(spec.environment)
    return data


def render_plist(spec: ServiceSpec) -> bytes:
    return plistlib.dumps(plist_data(spec), fmt=plistlib.FMT_XML, sort_keys=False)


class Launchd(ServiceManager):
    name = "launchd"

    def __init__(self, directory: Path | None = None, uid: int | None = None) -> None:
        self.directory = directory or agents_dir()
        self.uid = os.getuid() if uid is None else uid

    @property
    def plist_path(self) -> Path:
        return self.directory / f"{LABEL}.plist"

    def _domains(self) -> list[str]:
        # gui/<uid> is the logged-in session; user/<uid> exists without one (SSH, CI).
        return [f"gui/{self.uid}", f"user/{self.uid}"]

    def files(self, spec: ServiceSpec) -> dict[Path, bytes]:
        return {self.plist_path: render_plist(spec)}

    def known_paths(self) -> list[Path]:
        return [self.plist_path]

    def unavailable(self) -> str | None:
        return None if shutil.which("launchctl") else "launchctl was not found"

    def register(self, spec: ServiceSpec, runner: Runner) -> None:
        self.unregister(runner)  # a reinstall replaces the loaded agent
        failure = None
        for domain in self._domains():
            result = runner.run(["launchctl", "bootstrap", domain, str(self.plist_path)],
                                check=False)
            if result.ok:
                return
            failure = failure or result
        raise ServiceError(f"launchctl bootstrap failed: {failure.reason()}")

    def unregister(self, runner: Runner) -> None:
        for domain in self._domains():
            runner.run(["launchctl", "bootout", f"{domain}/{LABEL}"], check=False)

    def state(self) -> ManagerState:
        on_disk = self.plist_path.is_file()
        for domain in self._domains():
            shown = query(["launchctl", "print", f"{domain}/{LABEL}"], timeout=15)
            if shown.ok:
                fields = {}
                for line in shown.out.splitlines():
                    key, sep, value = line.strip().partition(" = ")
                    if sep and key not in fields:
                        fields[key] = value
                pid = fields.get("pid")
                running = fields.get("state") == "running"
                return ManagerState(registered=on_disk, running=running,
                                    pid=int(pid) if pid and pid.isdigit() else None,
                                    detail=f"loaded in {domain}, {fields.get('state', '?')}")
        # An agent in ~/Library/LaunchAgents is loaded at the next login all the same.
        return ManagerState(registered=on_disk, running=False,
                            detail="not loaded now" + (" (loads at next login)" if on_disk else ""))
