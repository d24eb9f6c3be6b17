"""Reading and validating request bodies. Error messages name fields, never quote values."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from flask import request

from ..context import FIELDS as CONTEXT_FIELDS
from ..context import KINDS, MAX_POSTING_CHARS, Context
from ..rulebook import SEVERITY_RANK
from .errors import ApiError


def bad(code: str, message: str) -> ApiError:
    return ApiError(400, code, message)


def json_object() -> dict[str, Any]:
    """The request body parsed as a JSON object, whatever its Content-Type says."""
    raw = request.get_data(cache=True)
    if not raw.strip():
        raise bad("invalid_json", "The request body is empty; send a JSON object.")
    try:
        body = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        raise bad("invalid_json", "The request body is not valid JSON (UTF-8).") from None
    if not isinstance(body, dict):
        raise bad("invalid_body", "The request body must be a JSON object.")
    return body


def checked_text(value: Any, name: str = "text") -> str:
    """A text to check: a string without NUL characters or lone surrogates."""
    if value is None:
        raise bad("missing_text", f"'{name}' is required: the text to check, as a string.")
    if not isinstance(value, str):
        raise bad("invalid_text", f"'{name}' must be a string.")
    if "\x00" in value:
        raise bad("invalid_text", f"'{name}' contains a NUL character.")
    if not _encodable(value):
        raise bad("invalid_text", f"'{name}' contains a lone UTF-16 surrogate.")
    return value


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def context(value: Any, name: str = "context") -> Context:
    """The context object: known fields must be strings or null; unknown fields are ignored."""
    if value is None:
        return Context()
    if not isinstance(value, dict):
        raise bad("invalid_context", f"'{name}' must be an object.")
    clean: dict[str, str | None] = {}
    for key in CONTEXT_FIELDS:
        item = value.get(key)
        if item is not None and not isinstance(item, str):
            raise bad("invalid_context", f"'{name}.{key}' must be a string or null.")
        if item is not None and ("\x00" in item or not _encodable(item)):
            raise bad("invalid_context", f"'{name}.{key}' contains a NUL or a lone surrogate.")
        clean[key] = item
    kind = clean.get("kind")
    if kind is not None and kind.strip() and kind.strip() not in KINDS:
        raise bad("invalid_context", f"'{name}.kind' must be one of {', '.join(KINDS)} or null.")
    posting = clean.get("posting")
    if posting is not None and len(posting) > MAX_POSTING_CHARS:
        raise ApiError(
            413, "posting_too_long",
            f"'{name}.posting' has {len(posting):,} characters; a posting may have at most "
            f"{MAX_POSTING_CHARS:,}. Send the job ad only.",
        )
    return Context.coerce(clean)


@dataclass(frozen=True)
class CheckOptions:
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    disabled_categories: frozenset[str] = field(default_factory=frozenset)
    min_severity: str = "info"

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "disabled_rules": self.disabled_rules,
            "disabled_categories": self.disabled_categories,
            "min_severity": self.min_severity,
        }


def options(value: Any, name: str = "options") -> CheckOptions:
    """Check options; unknown rule or category ids are ignored, wrong types are not."""
    if value is None:
        return CheckOptions()
    if not isinstance(value, dict):
        raise bad("invalid_options", f"'{name}' must be an object.")
    severity = value.get("min_severity", "info")
    if severity is None:
        severity = "info"
    if not isinstance(severity, str) or severity not in SEVERITY_RANK:
        raise bad("invalid_options",
                  f"'{name}.min_severity' must be one of {', '.join(SEVERITY_RANK)}.")
    return CheckOptions(
        disabled_rules=_string_list(value.get("disabled_rules"), f"{name}.disabled_rules"),
        disabled_categories=_string_list(
            value.get("disabled_categories"), f"{name}.disabled_categories"
        ),
        min_severity=severity,
    )


def _string_list(value: Any, name: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise bad("invalid_options", f"'{name}' must be a list of strings.")
    return frozenset(value)
