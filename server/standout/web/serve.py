"""``standout serve``: the app under waitress (never Flask's development server).

Loopback only unless ``allow_remote``; the engine is loaded once before the
port opens; one log line gives the URL; Ctrl-C (or SIGTERM) stops it cleanly.
There is no access log, so the user's text never reaches a log.
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
from typing import Any

import click
from waitress.server import create_server

from .app import DEFAULTS, create_app

log = logging.getLogger("standout.web")
DEFAULT_THREADS = 8
WILDCARDS = {"", "0.0.0.0", "::"}


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
    config: dict[str, Any] = {}
    if not loopback:
        allowed = (*DEFAULTS["ALLOWED_HOSTS"], *remote_host_names(host))
        config["ALLOWED_HOSTS"] = allowed
        click.echo(
            f"standout: warning: listening on {host}, reachable from other machines; "
            "anyone who can reach it can send text to check",
            err=True,
        )
    app = create_app(config)
    gc.freeze()  # the engine lives as long as the server: no collection need walk it again
    try:
        server = create_server(app, host=host.strip("[]"), port=port, threads=threads,
                               ident="standout", expose_tracebacks=False)
    except OSError as exc:
        raise ServeError(_bind_problem(host, port, exc)) from None
    actual_port = getattr(server, "effective_port", port)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
        log.info("standout: serving on %s (Ctrl-C to stop)", url_for_address(host, actual_port))
        server.run()  # returns after KeyboardInterrupt / SystemExit, dispatcher shut down
    except (KeyboardInterrupt, SystemExit):
        pass  # interrupted before the loop started
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.close()
    log.info("standout: stopped")


def _exit_on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(0)


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
