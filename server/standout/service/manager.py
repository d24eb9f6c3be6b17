"""What every service manager module provides: the files, the commands, the state."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path

from .runner import Runner
from .spec import ServiceSpec


@dataclass(frozen=True)
class ManagerState:
    """What the service manager says about the service.

    ``running`` is None when the manager cannot tell (not reachable, or it does not
    keep that state); ``detail`` is one line for the user.
    """

    registered: bool
    running: bool | None
    pid: int | None = None
    detail: str = ""


class ServiceManager(ABC):
    """One platform's way of starting ``standout serve`` at login."""

    #: Shown to the user: "systemd", "launchd", "Task Scheduler".
    name: str

    @abstractmethod
    def files(self, spec: ServiceSpec) -> dict[Path, bytes]:
        """The files install writes (path -> exact bytes)."""

    @abstractmethod
    def known_paths(self) -> list[Path]:
        """Every path install may have written, for uninstall without a record."""

    @abstractmethod
    def unavailable(self) -> str | None:
        """Why the manager cannot be used here (None when it can), with what to do."""

    @abstractmethod
    def register(self, spec: ServiceSpec, runner: Runner) -> None:
        """Tell the manager about the written files and start the server now."""

    @abstractmethod
    def unregister(self, runner: Runner) -> None:
        """Stop the server and make the manager forget it (files are removed after)."""

    def after_removal(self, runner: Runner) -> None:  # noqa: B027 - optional hook
        """Run once the files are gone (systemd reloads its units)."""

    @abstractmethod
    def state(self) -> ManagerState:
        """Registered? running? as far as the manager knows."""
