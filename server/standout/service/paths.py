"""Where the service keeps what it writes: its record and its log.

``<state>/service.json`` records what ``standout service install`` wrote, so that
``uninstall`` removes exactly that and ``status`` and ``doctor`` know the port.
The log is ``<log>/server.log`` (rotated by the server itself). ``STANDOUT_STATE_DIR``
puts both under one folder (tests, portable installs); otherwise platformdirs'
``user_state_dir`` and ``user_log_dir`` decide (``~/.local/state/standout`` on Linux).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_log_dir, user_state_dir

STATE_DIR_ENV = "STANDOUT_STATE_DIR"
RECORD_NAME = "service.json"
LOG_NAME = "server.log"


def state_dir() -> Path:
    override = os.environ.get(STATE_DIR_ENV)
    return Path(override) if override else Path(user_state_dir("standout", appauthor=False))


def log_dir() -> Path:
    override = os.environ.get(STATE_DIR_ENV)
    if override:
        return Path(override) / "log"
    return Path(user_log_dir("standout", appauthor=False))


def record_path() -> Path:
    return state_dir() / RECORD_NAME


def log_path() -> Path:
    return log_dir() / LOG_NAME
