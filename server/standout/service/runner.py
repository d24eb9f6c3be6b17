"""Running the service manager's own commands (systemctl, launchctl, schtasks).

A :class:`Runner` runs them and turns a failure into one line for the user; a dry
run prints each command instead (``standout service install --dry-run``).
"""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import click

TIMEOUT = 60


class ServiceError(click.ClickException):
    """Registering or removing the service failed; one line, exit status 1."""

    exit_code = 1


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def ok(self) -> bool:
        return self.code == 0

    def reason(self) -> str:
        text = (self.err or self.out).strip()
        return text.splitlines()[-1] if text else f"exit status {self.code}"


class Runner:
    """Runs commands for real, or with ``dry_run`` prints them through ``echo``."""

    def __init__(self, dry_run: bool = False, echo: Callable[[str], None] = click.echo) -> None:
        self.dry_run = dry_run
        self.echo = echo

    def run(self, argv: Sequence[str], check: bool = True) -> Result:
        """Run ``argv``; with ``check``, a failure raises :class:`ServiceError`."""
        if self.dry_run:
            self.echo(f"would run: {shlex.join(argv)}")
            return Result(0, "", "")
        result = query(argv)
        if check and not result.ok:
            raise ServiceError(f"'{shlex.join(argv)}' failed: {result.reason()}")
        return result


def query(argv: Sequence[str], timeout: float = TIMEOUT) -> Result:
    """Run a command that only reads state; a missing program is exit status 127."""
    try:
        done = subprocess.run(list(argv), capture_output=True, text=True, timeout=timeout,
                              errors="replace", stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        return Result(127, "", f"{argv[0]}: command not found")
    except subprocess.TimeoutExpired:
        return Result(124, "", f"{argv[0]} did not answer within {timeout:g} s")
    return Result(done.returncode, done.stdout, done.stderr)
