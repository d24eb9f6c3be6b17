"""What a text is for: the employer, the role, the question it answers, and its kind.

``kind`` says what the text is: a ``letter``, an ``answer`` (to an interview or
application question) or ``questions`` (the candidate's own, for the
interviewer). When it is not given the linter infers it (see
:mod:`standout.interview.kinds`) and reports the result as ``stats.kind``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FIELDS = ("company", "role", "question", "url", "kind")
KINDS = ("letter", "answer", "questions")


@dataclass(frozen=True)
class Context:
    """What the text is for. Every field is optional."""

    company: str | None = None
    role: str | None = None
    question: str | None = None
    url: str | None = None
    kind: str | None = None  # one of KINDS; None: inferred from the text and the question

    @classmethod
    def coerce(cls, value: Context | dict[str, Any] | None) -> Context:
        if value is None:
            return cls()
        if isinstance(value, Context):
            return value
        if not isinstance(value, dict):
            raise TypeError("context must be a dict or a Context")
        unknown = set(value) - set(FIELDS)
        if unknown:
            raise TypeError(f"unknown context field(s): {', '.join(sorted(unknown))}")
        clean = {}
        for key, item in value.items():
            if item is not None and not isinstance(item, str):
                raise TypeError(f"context.{key} must be a string")
            clean[key] = item.strip() or None if item is not None else None
        return cls(**clean)

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"context.kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
