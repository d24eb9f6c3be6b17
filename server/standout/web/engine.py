"""Access to the engine the app was built with (one Linter per process)."""

from __future__ import annotations

import time

from flask import current_app

from .. import Linter


def linter() -> Linter:
    return current_app.extensions["standout"]


def uptime() -> float:
    """Seconds since the app was built."""
    return time.monotonic() - current_app.extensions["standout.started"]
