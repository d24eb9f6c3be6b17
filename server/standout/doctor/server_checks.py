"""Checks of the running server and of the login service."""

from __future__ import annotations

from pathlib import Path

from .. import __version__
from ..service import record as records
from ..service.platforms import current_manager
from ..service.port_owner import port_owner
from ..service.probe import host_port, probe
from ..web.serve import is_loopback
from .model import Context, Result

START_HINT = "start it with 'standout serve', or at every login with 'standout service install'"


def check_server(context: Context) -> Result:
    found = probe(context.url, timeout=context.timeout)
    details = {"url": context.url, "state": found.state}
    if found.state == "standout":
        if found.version != __version__:
            return Result("warn", f"Standout {found.version} answers at {context.url}, but this"
                          f" is Standout {__version__}",
                          "restart the server so it runs this version ('standout service install'"
                          " again, or stop and start 'standout serve')", details)
        return Result("ok", f"Standout {found.version} answers at {context.url}", details=details)
    host, port = host_port(context.url)
    if found.state == "closed":
        installed = records.load() is not None
        fix = ("the service is installed but the server is not up: see 'standout service status'"
               " and its log" if installed else START_HINT)
        return Result("fail", f"nothing answers at {context.url} ({found.detail})", fix, details)
    owner = port_owner(port) if is_loopback(host) else None
    who = f"{owner.name} (pid {owner.pid}: {owner.command})" if owner else "another program"
    details["owner"] = None if owner is None else {"pid": owner.pid, "name": owner.name,
                                                    "command": owner.command}
    other_port = port + 1 if port < 65535 else 8766
    return Result(
        "fail", f"port {port} is held by {who}, not by Standout: {found.detail}",
        f"stop that program, or run Standout on another port ('standout service install --port"
        f" {other_port}') and set http://{host}:{other_port} as the server address in the"
        " extension's options", details)


def check_service(_: Context) -> Result:
    manager = current_manager()
    found = records.load()
    if found is None:
        return Result("warn", f"not installed: the server will not start at login ({manager.name})",
                      "run 'standout service install'", {"manager": manager.name})
    details = {"manager": manager.name, "files": found.files, "url": found.url,
               "log_file": found.log_file}
    missing = [f for f in found.files if not Path(f).exists()]
    if missing:
        return Result("fail", f"installed, but {', '.join(missing)} is gone",
                      "run 'standout service install' again", details)
    state = manager.state()
    details["detail"] = state.detail
    if not state.registered:
        return Result("fail", f"the files are there but {manager.name} does not have the service"
                      f" ({state.detail})", "run 'standout service install' again", details)
    if state.running is False:
        return Result("fail", f"registered with {manager.name} but not running ({state.detail})",
                      f"see its log, {found.log_file}, then 'standout service install' again",
                      details)
    if state.running is None:
        return Result("warn", f"registered with {manager.name}, which cannot say whether it runs"
                      f" ({state.detail})", "see 'standout service status'", details)
    where = f"pid {state.pid}" if state.pid else state.detail
    return Result("ok", f"registered with {manager.name} for {found.url} ({where});"
                  f" log: {found.log_file}", details=details)
