"""The service's state in one place, for ``standout service status`` and ``doctor``."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from . import record as records
from .manager import ManagerState, ServiceManager
from .paths import log_path
from .platforms import current_manager
from .probe import Probe, probe
from .spec import DEFAULT_HOST, DEFAULT_PORT

DEFAULT_URL = f"http://{DEFAULT_HOST}:{DEFAULT_PORT}/"


@dataclass(frozen=True)
class ServiceStatus:
    manager: str
    installed: bool          # install wrote its files (and record)
    files: list[str]
    state: ManagerState
    url: str                 # the installed server's address, or the default one
    server: Probe
    log_file: str
    log_exists: bool

    @property
    def healthy(self) -> bool:
        return self.installed and self.state.registered and self.server.state == "standout"

    def to_dict(self) -> dict:
        return {**asdict(self), "healthy": self.healthy}


def installed_url() -> str | None:
    found = records.load()
    return found.url if found else None


def service_status(manager: ServiceManager | None = None, timeout: float = 3.0) -> ServiceStatus:
    manager = manager or current_manager()
    found = records.load()
    files = found.files if found else [str(p) for p in manager.known_paths() if p.exists()]
    installed = bool(files) and all(Path(f).exists() for f in files)
    url = found.url if found else DEFAULT_URL
    log_file = found.log_file if found else str(log_path())
    return ServiceStatus(
        manager=manager.name, installed=installed, files=files,
        state=manager.state() if installed else ManagerState(False, None, detail="not installed"),
        url=url, server=probe(url, timeout=timeout), log_file=log_file,
        log_exists=Path(log_file).is_file(),
    )
