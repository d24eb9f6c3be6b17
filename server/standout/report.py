"""What a check returns: findings, a stand-out score and statistics."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


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
        unknown = set(value) - {"company", "role", "question", "url"}
        if unknown:
            raise TypeError(f"unknown context field(s): {', '.join(sorted(unknown))}")
        clean = {}
        for key, item in value.items():
            if item is not None and not isinstance(item, str):
                raise TypeError(f"context.{key} must be a string")
            clean[key] = item.strip() or None if item is not None else None
        return cls(**clean)


@dataclass(frozen=True)
class Finding:
    """One place where the text blends in.

    ``start`` and ``end`` are Python string indices into the checked text, so
    ``text[start:end] == finding.text``.
    """

    rule: str
    category: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    advice: str
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    score: int
    stats: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "findings": [finding.to_dict() for finding in self.findings],
            "score": self.score,
            "stats": self.stats,
        }

    def worst(self) -> str | None:
        """The highest severity among the findings, or ``None``."""
        for severity in ("error", "warning", "info"):
            if any(f.severity == severity for f in self.findings):
                return severity
        return None
