"""A check's work budget: how long it may run, and whether its caller still wants it.

A check of a big fresh text takes seconds; the server gives each request a
budget so that no request can keep a thread busy for minutes, and stops a check
whose client has gone. The engine knows nothing of HTTP: a :class:`Budget` is a
deadline and a ``cancelled`` callable, and the places that do work in a loop
(the spaCy pass between batches of paragraphs, the linter between detectors,
the sample matcher between paragraphs) call :func:`checkpoint`. A checkpoint is
a clock read and a call; a check without a budget pays a context-variable read.

The budget is held in a context variable, so the loops deep in the engine need
no extra parameter and each thread (each request) sees its own.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass


class CheckStopped(Exception):
    """A check stopped before its end; nothing of it is kept but the cached analyses."""


class BudgetExceeded(CheckStopped):
    """The check ran past its deadline."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the check took longer than its budget of {seconds:g} s")
        self.seconds = seconds


class CheckCancelled(CheckStopped):
    """The caller no longer wants the result (an HTTP client that disconnected)."""

    def __init__(self) -> None:
        super().__init__("the check was cancelled")


@dataclass(frozen=True)
class Budget:
    """``seconds`` of work from now (``None``: no limit); ``cancelled()`` true means stop."""

    seconds: float | None = None
    cancelled: Callable[[], bool] | None = None
    started: float = 0.0

    @classmethod
    def start(cls, seconds: float | None = None,
              cancelled: Callable[[], bool] | None = None) -> Budget:
        return cls(seconds, cancelled, time.monotonic())

    def check(self) -> None:
        """Raise :class:`CheckCancelled` or :class:`BudgetExceeded` when the check must stop."""
        if self.cancelled is not None and self.cancelled():
            raise CheckCancelled()
        if self.seconds is not None and time.monotonic() - self.started > self.seconds:
            raise BudgetExceeded(self.seconds)


_CURRENT: ContextVar[Budget | None] = ContextVar("standout_budget", default=None)


@contextlib.contextmanager
def spending(budget: Budget | None) -> Iterator[None]:
    """Make ``budget`` the one :func:`checkpoint` consults for the duration of the block."""
    token = _CURRENT.set(budget)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def checkpoint() -> None:
    """Stop here (raise :class:`CheckStopped`) if the current check's budget says so."""
    budget = _CURRENT.get()
    if budget is not None:
        budget.check()
