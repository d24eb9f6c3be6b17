"""What a text is for: the employer, the role, the question it answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FIELDS = ("company", "role", "question", "url")


@dataclass(frozen=True)
class Context:
    """What the text is for. Every field is optional."""

    company: str | None = None
    role: str | None = None
    question: str | None = None
    url: str | None = None

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
