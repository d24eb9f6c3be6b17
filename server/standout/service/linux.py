"""Linux: a systemd user unit, ``~/.config/systemd/user/standout.service``.

``systemctl --user enable --now`` starts it at every login of this user (the
``default.target`` of the user manager) and now; ``Restart=on-failure`` brings it
back after a crash, but not after a clean stop or a start-up error that a retry
cannot fix (exit status 2: port taken, a broken config; see ``standout doctor``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .manager import ManagerState, ServiceManager
from .runner import Runner, query
from .spec import ServiceSpec

UNIT_NAME = "standout.service"
_PLAIN = re.compile(r"^[A-Za-z0-9_@%+=:,./-]+$")


def unit_dir(environ: os._Environ | dict | None = None) -> Path:
    environ = os.environ if environ is None else environ
    config_home = environ.get("XDG_CONFIG_HOME") or os.path.join(
        environ.get("HOME") or os.path.expanduser("~"), ".config")
    return Path(config_home) / "systemd" / "user"


def quote(value: str, argument: bool = False) -> str:
    """One word for a unit file: ``%`` doubled, and in an ExecStart argument ``$`` too
    (systemd expands variables in the arguments, not in the program's path); quoted
    when it holds anything but plain path characters."""
    value = value.replace("%", "%%")
    if argument:
        value = value.replace("$", "$$")
    if _PLAIN.match(value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_unit(spec: ServiceSpec) -> str:
    """The unit file's text (a pure function of ``spec``, checked against a golden file)."""
    lines = [
        "# Written by 'standout service install'; 'standout service uninstall' removes it.",
        "[Unit]",
        f"Description=Standout local server ({spec.url})",
        "# Give up after 5 failed starts in a minute (see 'standout doctor').",
        "StartLimitIntervalSec=60",
        "StartLimitBurst=5",
        "",
        "[Service]",
        "Type=simple",
        "ExecStart=" + " ".join([quote(spec.argv[0]),
                                 *(quote(arg, argument=True) for arg in spec.argv[1:])]),
        *(f"Environment={quote(f'{name}={value}')}" for name, value in spec.environment),
        "Restart=on-failure",
        "RestartSec=3",
        "# Exit status 2 is a start-up error (port in use, broken config): retrying won't help.",
        "RestartPreventExitStatus=2",
        "",
        "[Install]",
        "WantedBy=default.target",
        "",
    ]
    return "\n".join(lines)


class Systemd(ServiceManager):
    name = "systemd"

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or unit_dir()

    @property
    def unit_path(self) -> Path:
        return self.directory / UNIT_NAME

    def files(self, spec: ServiceSpec) -> dict[Path, bytes]:
        return {self.unit_path: render_unit(spec).encode("utf-8")}

    def known_paths(self) -> list[Path]:
        return [self.unit_path]

    def unavailable(self) -> str | None:
        probe = query(["systemctl", "--user", "show-environment"], timeout=15)
        if probe.ok:
            return None
        if probe.code == 127:
            return "systemctl was not found: this system does not use systemd"
        return (f"the systemd user manager is not reachable ({probe.reason()}); "
                "start the server yourself with 'standout serve'")

    def register(self, spec: ServiceSpec, runner: Runner) -> None:
        runner.run(["systemctl", "--user", "daemon-reload"])
        runner.run(["systemctl", "--user", "enable", UNIT_NAME])
        runner.run(["systemctl", "--user", "restart", UNIT_NAME])

    def unregister(self, runner: Runner) -> None:
        runner.run(["systemctl", "--user", "disable", "--now", UNIT_NAME], check=False)

    def after_removal(self, runner: Runner) -> None:
        runner.run(["systemctl", "--user", "daemon-reload"], check=False)
        runner.run(["systemctl", "--user", "reset-failed", UNIT_NAME], check=False)

    def state(self) -> ManagerState:
        on_disk = self.unit_path.is_file()
        shown = query(["systemctl", "--user", "show", UNIT_NAME, "--property",
                       "LoadState,ActiveState,SubState,MainPID,UnitFileState,NRestarts"],
                      timeout=15)
        if not shown.ok:
            detail = f"systemd user manager not reachable ({shown.reason()})"
            return ManagerState(registered=on_disk, running=None, detail=detail)
        props = dict(line.split("=", 1) for line in shown.out.splitlines() if "=" in line)
        loaded = props.get("LoadState") == "loaded"
        enabled = props.get("UnitFileState") == "enabled"
        active = props.get("ActiveState", "unknown")
        pid = int(props.get("MainPID", "0") or 0) or None
        detail = (f"unit {props.get('UnitFileState') or 'unknown'}, {active}"
                  f" ({props.get('SubState', '?')}), restarted {props.get('NRestarts', '0')} times")
        return ManagerState(registered=on_disk and loaded and enabled,
                            running=active == "active", pid=pid, detail=detail)
