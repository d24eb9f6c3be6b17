"""``standout service install | uninstall | status``: the server at every login.

``install`` writes the platform's file (a systemd user unit, a LaunchAgent, a
Task Scheduler task), registers it, starts the server and waits until it
answers; ``--dry-run`` prints the files and commands and changes nothing.
``uninstall`` removes everything install wrote, and the server's log.
``status`` exits 0 when the service is registered and Standout answers, else 1.
"""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

import click

from ..log_file import BACKUPS as LOG_BACKUPS
from . import record as records
from .manager import ServiceManager
from .paths import log_path
from .platforms import current_manager
from .port_owner import port_owner
from .probe import Probe, probe
from .runner import Runner, ServiceError
from .spec import DEFAULT_HOST, DEFAULT_PORT, ServiceSpec, SpecError, current_spec
from .status import service_status

WAIT_SECONDS = 60


@click.group()
def service() -> None:
    """Start the Standout server at every login (for you only; no administrator rights)."""


@service.command()
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Loopback address to bind.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on (set the same address in the extension's options).")
@click.option("--dry-run", is_flag=True,
              help="Print what would be written and run; change nothing.")
@click.option("--wait/--no-wait", default=True, show_default=True,
              help=f"Wait (up to {WAIT_SECONDS} s) until the server answers.")
def install(host: str, port: int, dry_run: bool, wait: bool) -> None:
    """Register 'standout serve' to start at login, and start it now."""
    try:
        spec = current_spec(host, port)
    except SpecError as exc:
        raise click.UsageError(str(exc)) from None
    manager = current_manager()
    files = manager.files(spec)
    runner = Runner(dry_run=dry_run)
    if dry_run:
        _print_plan(manager, spec, files, runner)
        return
    problem = manager.unavailable()
    if problem:
        raise ServiceError(f"cannot register with {manager.name}: {problem}")
    previous = records.load()
    if not (previous and previous.port == spec.port):  # a reinstall replaces its own server
        _refuse_a_taken_port(spec)
    written = _write(files, spec)
    try:
        manager.register(spec, runner)
    except BaseException:
        _remove([*files, records.record_path()])
        raise
    if previous:
        _remove([Path(f) for f in previous.files if Path(f) not in files])
    records.save(records.ServiceRecord.now(
        manager=manager.name, url=spec.url, host=spec.host, port=spec.port,
        command=list(spec.argv), log_file=spec.log_file, files=[str(p) for p in written],
    ))
    click.echo(f"standout: registered with {manager.name}: starts at login, restarts after a crash")
    for path in written:
        click.echo(f"  wrote {path}")
    click.echo(f"  log   {spec.log_file}")
    if wait:
        _report_start(spec)


def _print_plan(manager: ServiceManager, spec: ServiceSpec, files: dict[Path, bytes],
                runner: Runner) -> None:
    click.echo(f"standout: dry run; with {manager.name}, install would:")
    for path, data in files.items():
        click.echo(f"\nwould write {path}:\n")
        click.echo(_readable(data))
    click.echo(f"would write {records.record_path()} (what was installed, for uninstall)")
    click.echo(f"would log to {spec.log_file} (rotated; no text you check is ever logged)")
    manager.register(spec, runner)
    click.echo("nothing was written")


def _readable(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8")


def _write(files: dict[Path, bytes], spec: ServiceSpec) -> list[Path]:
    Path(spec.log_file).parent.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(path)
    except OSError as exc:
        _remove(written)
        raise ServiceError(f"cannot write {exc.filename}: {exc.strerror}") from None
    return written


def _refuse_a_taken_port(spec: ServiceSpec) -> None:
    found = probe(spec.url, timeout=2)
    if found.state == "closed":
        return
    owner = port_owner(spec.port)
    who = f"{owner.name} (pid {owner.pid})" if owner else (
        "a Standout server" if found.state == "standout" else "another program")
    hint = (" (if it is 'standout serve' in a terminal, press Ctrl-C there)"
            if found.state == "standout" else "")
    raise ServiceError(f"port {spec.port} is already in use by {who}, so the service could not"
                       f" listen there; stop it{hint} or choose another --port")


def _report_start(spec: ServiceSpec) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    found: Probe = probe(spec.url, timeout=2)
    while found.state != "standout" and time.monotonic() < deadline:
        if found.state == "other":
            break
        time.sleep(0.5)
        found = probe(spec.url, timeout=2)
    if found.state == "standout":
        click.echo(f"standout: the server answers at {spec.url}")
        return
    if found.state == "other":
        owner = port_owner(spec.port)
        who = f"{owner.name} (pid {owner.pid})" if owner else "another program"
        click.echo(f"standout: warning: port {spec.port} is held by {who}, so the service cannot"
                   f" listen there; stop it, or reinstall with another --port", err=True)
    else:
        click.echo(f"standout: warning: the server does not answer at {spec.url} yet"
                   f" ({found.detail}); see 'standout service status' and {spec.log_file}",
                   err=True)


@service.command()
def uninstall() -> None:
    """Stop the service and remove everything install wrote."""
    manager = current_manager()
    found = records.load()
    manager.unregister(Runner())
    paths = {Path(p) for p in (found.files if found else [])} | set(manager.known_paths())
    log_file = Path(found.log_file) if found else log_path()
    paths |= {log_file, *(Path(f"{log_file}.{n}") for n in range(1, LOG_BACKUPS + 1)),
              log_file.parent / "launchd-stderr.log"}
    removed = _remove([*sorted(paths), records.record_path()])
    manager.after_removal(Runner())
    with contextlib.suppress(OSError):
        log_file.parent.rmdir()  # only when empty
    if not removed:
        click.echo("standout: the service was not installed; nothing to remove")
        return
    click.echo(f"standout: removed the {manager.name} service")
    for path in removed:
        click.echo(f"  removed {path}")


def _remove(paths) -> list[Path]:
    removed = []
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            Path(path).unlink()
            removed.append(Path(path))
    return removed


@service.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def status(fmt: str) -> None:
    """Registered? running? on which port? where is the log? Exit 0 when all is well."""
    current = service_status()
    if fmt == "json":
        click.echo(json.dumps(current.to_dict(), indent=2))
    else:
        _print_status(current)
    raise SystemExit(0 if current.healthy else 1)


def _print_status(current) -> None:
    state = current.state
    if current.installed:
        click.echo(f"service:  registered with {current.manager} ({', '.join(current.files)})")
        if state.detail:
            click.echo(f"          {state.detail}")
    else:
        click.echo("service:  not installed (run 'standout service install')")
    running = {True: "yes", False: "no", None: "unknown"}[state.running]
    if state.pid:
        running += f", pid {state.pid}"
    click.echo(f"running:  {running}")
    click.echo(f"server:   {current.url}: {current.server.detail}")
    log = current.log_file if current.log_exists else f"{current.log_file} (not written yet)"
    click.echo(f"log:      {log}")
