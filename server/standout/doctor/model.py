"""The pieces of a doctor check: what it is given, what it answers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["ok", "warn", "fail", "info"]


@dataclass(frozen=True)
class Context:
    """What the checks look at. Tests build one over temporary folders and ports."""

    url: str
    timeout: float = 3.0


@dataclass(frozen=True)
class Result:
    """One check's answer: ``summary`` says what was found, ``fix`` what to do about it."""

    status: Status
    summary: str
    fix: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Check:
    id: str
    title: str
    run: Callable[[Context], Result]
    #: Only a required check that fails makes ``doctor`` exit non-zero.
    required: bool = True

    def __call__(self, context: Context) -> Result:
        try:
            return self.run(context)
        except Exception as exc:  # a check that breaks must not hide the others
            return Result("fail", f"the check itself failed ({type(exc).__name__}: {exc})",
                          "please report this as a bug in Standout")
