"""``standout serve --log-file``: a small rotated log, never the user's text.

The server logs only that it started (version, pid, address), stopped, could
not start (why: a port in use, a broken config), and where an internal error
happened (file and line, never the exception's message, see web/errors.py).
There is no access log, so no request, and no text sent to be checked, ever
reaches it. The file rotates at ``MAX_BYTES`` keeping ``BACKUPS`` old files,
so it stays under a megabyte. It is the only log when Python has no console
(pythonw on Windows, a service manager); stderr still gets it when present.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import click

from .config import ConfigError
from .rulebook import RuleError

MAX_BYTES = 256 * 1024
BACKUPS = 2
FORMAT = "%(asctime)s %(levelname)s %(message)s"
FILE_ONLY = {"file_only": True}

log = logging.getLogger("standout")


class LogFileError(click.ClickException):
    exit_code = 2


def configure(path: str | os.PathLike[str], version: str) -> RotatingFileHandler:
    """Send the ``standout`` logger to ``path`` (rotated) and to stderr when there is one."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8")
    except OSError as exc:
        raise LogFileError(f"cannot write the log file {path}: {exc.strerror or exc}") from None
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    if sys.stderr is not None:
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(logging.Formatter("%(message)s"))
        console.addFilter(lambda record: not getattr(record, "file_only", False))
        log.addHandler(console)
    log.setLevel(logging.INFO)
    log.propagate = False
    sys.excepthook = _log_crash
    log.info("standout %s starting (pid %d)", version, os.getpid())
    return handler


@contextlib.contextmanager
def failures_logged() -> Iterator[None]:
    """Log why the server could not start, to the file only: the command line prints it
    to stderr already. The message names ports and files, never text."""
    try:
        yield
    except click.ClickException as exc:
        log.error("standout: cannot start: %s", exc.format_message(), extra=FILE_ONLY)
        raise
    except (ConfigError, RuleError) as exc:  # a file's path and what is wrong in it
        log.error("standout: cannot start: %s", exc, extra=FILE_ONLY)
        raise


def _log_crash(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    # Where it failed, not the message: a message may quote text (see web/errors.py).
    where = "".join(traceback.format_tb(tb))
    log.critical("standout: crashed with %s\n%s", kind.__name__, where, extra=FILE_ONLY)
    sys.__excepthook__(kind, exc, tb)
