"""What the app keeps in ``app.extensions``, and how views reach it.

One Linter per process (built or given in :func:`standout.web.create_app`), the
time the app was built, the API modules the OpenAPI document is made from, and
the event set when the server begins to stop (its checks in flight then stop too).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from flask import Flask, current_app, request

from .. import Linter
from ..budget import Budget

if TYPE_CHECKING:
    from ..samples.matcher import SampleMatcher

LINTER = "standout"
STARTED = "standout.started"
API_MODULES = "standout.api_modules"
STOPPING = "standout.stopping"


def install(app: Flask, linter: Linter, api_modules: Sequence[ModuleType]) -> None:
    app.extensions[LINTER] = linter
    app.extensions[STARTED] = time.monotonic()
    app.extensions[API_MODULES] = tuple(api_modules)
    app.extensions[STOPPING] = threading.Event()


def stop_checks(app: Flask) -> None:
    """Tell the checks in flight, and any that start from now, to stop: the server is
    going. A check of a megabyte takes seconds, more on a loaded machine; waitress waits
    for its threads before it lets the process end."""
    app.extensions[STOPPING].set()


def stopping() -> bool:
    """Whether the server has begun to stop (see :func:`stop_checks`)."""
    return current_app.extensions[STOPPING].is_set()


def linter() -> Linter:
    return current_app.extensions[LINTER]


def samples() -> SampleMatcher | None:
    """The engine's sample matcher (its store is the one checks match against), if any."""
    return linter().samples


def budget() -> Budget:
    """This request's work budget: ``CHECK_BUDGET_SECONDS`` from now, until the client goes
    or the server begins to stop.

    waitress puts ``waitress.client_disconnected`` in the environ; it tells the
    truth when the server reads ahead on each connection (``serve.py`` sets
    ``channel_request_lookahead``). Other WSGI servers leave it out.
    """
    gone = request.environ.get("waitress.client_disconnected")
    stop = current_app.extensions[STOPPING].is_set
    return Budget.start(current_app.config["CHECK_BUDGET_SECONDS"],
                        (lambda: stop() or gone()) if callable(gone) else stop)


def api_modules() -> tuple[ModuleType, ...]:
    return current_app.extensions[API_MODULES]


def uptime() -> float:
    """Seconds since the app was built."""
    return time.monotonic() - current_app.extensions[STARTED]
