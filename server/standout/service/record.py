"""``<state>/service.json``: what ``standout service install`` wrote, and for which server.

``uninstall`` removes the files named here; ``status`` and ``doctor`` read the
address from it. A record that cannot be read is treated as absent (uninstall
then removes the files it knows by name).
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from .paths import record_path

FORMAT = "standout-service"
VERSION = 1


@dataclass(frozen=True)
class ServiceRecord:
    manager: str
    url: str
    host: str
    port: int
    command: list[str]
    log_file: str
    files: list[str]
    installed: str

    @classmethod
    def now(cls, **fields) -> ServiceRecord:
        return cls(installed=datetime.now(UTC).isoformat(timespec="seconds"), **fields)


def save(record: ServiceRecord, path: Path | None = None) -> Path:
    path = path or record_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"format": FORMAT, "version": VERSION, **asdict(record)}
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return path


def load(path: Path | None = None) -> ServiceRecord | None:
    path = path or record_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # not UTF-8, not JSON, a number too long
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
        return None
    try:
        return ServiceRecord(**{k: v for k, v in data.items() if k not in ("format", "version")})
    except TypeError:
        return None


def remove(path: Path | None = None) -> bool:
    path = path or record_path()
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
        return True
    return False
