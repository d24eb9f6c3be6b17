"""Standout: shows where a cover letter or application answer sounds like everyone else's.

    >>> import standout
    >>> report = standout.check("I am writing to apply for the analyst role.")
    >>> [f.rule for f in report.findings]
    ['opener.writing-to-apply']

``check`` uses one shared :class:`Linter`; make your own to pass settings.
"""

from __future__ import annotations

import threading
from typing import Any

from .context import Context
from .linter import Linter
from .report import Finding, Report

__version__ = "0.1.0"
__all__ = ["Context", "Finding", "Linter", "Report", "__version__", "check", "default_linter"]

_default: Linter | None = None
_default_lock = threading.Lock()


def default_linter() -> Linter:
    """The shared linter, loaded on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Linter()
        return _default


def check(text: str, context: Context | dict[str, Any] | None = None) -> Report:
    """Check ``text`` with the shared linter. ``context`` may give company, role, question."""
    return default_linter().check(text, context)
