"""``standout serve``: the app under waitress (never Flask's development server).

Loopback only unless ``allow_remote``; the engine is loaded once before the
port opens; one log line gives the URL; Ctrl-C (or SIGTERM) stops it cleanly.
There is no access log, so the user's text never reaches a log.

waitress reads ahead on each connection (``channel_request_lookahead``) so that
a check whose client has gone is noticed and stopped (``extensions.budget``),
and its "Task queue depth" warning is printed at most once a minute. What the
engine loaded at start is moved out of the garbage collector's sight
(``gc.freeze``): it is never garbage, and a full collection would otherwise walk
it every few megabytes of work, which made big checks grow faster than their
text.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import ipaddress
import logging
import signal
import socket
import sys
import time
from collections.abc import Callable
from typing import Any

import click
from waitress.server import create_server

from .app import DEFAULTS, create_app
from .extensions import LINTER, stop_checks

log = logging.getLogger("standout.web")
DEFAULT_THREADS = 8
WILDCARDS = {"", "0.0.0.0", "::"}
REQUEST_LOOKAHEAD = 1  # requests read ahead per connection: enough to see it close
QUEUE_WARNING_INTERVAL = 60.0  # seconds between two "Task queue depth" warnings


class ServeError(click.ClickException):
    """The server cannot start; printed as one line, exit status 2."""

    exit_code = 2


def is_loopback(host: str) -> bool:
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def url_for_address(host: str, port: int) -> str:
    host = host.strip("[]")
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def allowed_hosts(host: str) -> tuple[str, ...]:
    """The Host names requests to a server bound to ``host`` may carry.

    Always the loopback names; the bound address itself (``--host 127.0.0.2`` is
    reached as 127.0.0.2); for a remote binding, the names other machines use.
    """
    names = [*DEFAULTS["ALLOWED_HOSTS"]]
    bound = host.strip().strip("[]")
    extra = remote_host_names(host) if not is_loopback(host) else (bound,)
    names += [name for name in extra if name and name.lower() not in names]
    return tuple(names)


def remote_host_names(host: str) -> tuple[str, ...]:
    """Host names a remote client may use to reach a server bound to ``host``."""
    host = host.strip("[]")
    if host not in WILDCARDS:
        return (host,)
    names = {socket.gethostname(), socket.getfqdn()}
    with contextlib.suppress(OSError):
        names |= {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)}
    return tuple(sorted(n for n in names if n))


def run(host: str = "127.0.0.1", port: int = 8765, allow_remote: bool = False,
        threads: int = DEFAULT_THREADS) -> None:
    """Serve until interrupted. Raises :class:`ServeError` when it cannot start."""
    _configure_logging()
    loopback = is_loopback(host)
    if not loopback and not allow_remote:
        raise ServeError(
            f"refusing to listen on {host}: other machines could reach it; "
            "use --allow-remote if you mean it"
        )
    config: dict[str, Any] = {"ALLOWED_HOSTS": allowed_hosts(host)}
    if not loopback:
        config["ALLOW_OWN_ADDRESSES"] = host.strip("[]") in WILDCARDS
        click.echo(
            f"standout: warning: listening on {host}, reachable from other machines; "
            "anyone who can reach it can send text to check, and can read and remove "
            "your saved samples",
            err=True,
        )
    app = create_app(config)
    samples = app.extensions[LINTER].samples
    if samples is not None:
        with contextlib.suppress(OSError, ValueError):  # the store's own errors come later
            samples.store.remove_leftovers()
    gc.collect()
    gc.freeze()  # the engine lives as long as the server: no collection need walk it again
    try:
        server = make_server(app, host, port, threads)
    except OSError as exc:
        raise ServeError(_bind_problem(host, port, exc)) from None
    actual_port = getattr(server, "effective_port", port)
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for sig in previous:
            signal.signal(sig, stop_handler(app))
        log.info("standout: serving on %s (Ctrl-C to stop)", url_for_address(host, actual_port))
        server.run()  # returns after KeyboardInterrupt / SystemExit, dispatcher shut down
    except (KeyboardInterrupt, SystemExit):
        pass  # interrupted before the loop started
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.close()
    log.info("standout: stopped")


def make_server(app: Any, host: str, port: int, threads: int = DEFAULT_THREADS) -> Any:
    """The waitress server for ``app``, bound but not yet serving (``.run()`` serves)."""
    return create_server(app, host=host.strip("[]"), port=port, threads=threads,
                         ident="standout", expose_tracebacks=False,
                         channel_request_lookahead=REQUEST_LOOKAHEAD)


def stop_handler(app: Any) -> Callable[[int, Any], None]:
    """The SIGINT and SIGTERM handler: the checks in flight stop at their next
    checkpoint (a 503 to their clients), so waitress' threads end at once instead of
    holding the process until their checks finish; then the loop ends as Ctrl-C
    (KeyboardInterrupt) or a kill (SystemExit 0) would end it."""
    def handle(signum: int, frame: Any) -> None:
        stop_checks(app)
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise SystemExit(0)
    return handle


def _bind_problem(host: str, port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return (f"port {port} on {host} is already in use (is Standout already running? "
                "choose another with --port)")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"not allowed to listen on port {port} (ports below 1024 need privileges)"
    reason = exc.strerror or str(exc)
    return f"cannot listen on {host}:{port}: {reason}"


def _configure_logging() -> None:
    logger = logging.getLogger("standout")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    queue = logging.getLogger("waitress.queue")
    if not any(isinstance(f, EveryInterval) for f in queue.filters):
        queue.addFilter(EveryInterval(QUEUE_WARNING_INTERVAL))


class EveryInterval(logging.Filter):
    """Lets one record through per ``interval`` seconds (waitress warns on every request
    that waits for a thread, which floods stderr under load and tells nothing new)."""

    def __init__(self, interval: float, clock=time.monotonic) -> None:
        super().__init__()
        self.interval = interval
        self.clock = clock
        self._last = -interval

    def filter(self, record: logging.LogRecord) -> bool:
        now = self.clock()
        if now - self._last < self.interval:
            return False
        self._last = now
        return True
