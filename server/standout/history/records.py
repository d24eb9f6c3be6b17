"""What one application is, and the checks a new one passes before it is stored.

Texts are stored exactly as given (an export then import gives back the same
characters); only the short fields are tidied (surrounding and repeated
whitespace). Everything has a limit, so a runaway script or a pasted book is
refused with a reason instead of filling the disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

MAX_COMPANY = 200
MAX_ROLE = 200
MAX_LABEL = 200
MAX_URL = 2048
MAX_TEXT = 100_000
MAX_POSTING = 200_000
MAX_TEXTS = 50
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class HistoryInputError(ValueError):
    """An application that cannot be stored as given; the message says why."""


@dataclass(frozen=True, slots=True)
class SentText:
    """One text of an application: the letter, or the answer to one question."""

    label: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"label": self.label, "text": self.text}


@dataclass(frozen=True, slots=True)
class Application:
    id: int
    company: str
    role: str
    sent_on: str  # YYYY-MM-DD, the writer's own calendar date
    added_at: str  # ISO 8601 UTC, when Standout recorded it
    url: str | None
    posting: str | None
    texts: tuple[SentText, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "company": self.company,
            "role": self.role,
            "sent_on": self.sent_on,
            "added_at": self.added_at,
            "url": self.url,
            "posting": self.posting,
            "texts": [t.to_dict() for t in self.texts],
        }

    def summary(self) -> dict[str, Any]:
        """What a listing shows: no stored text, only how much there is."""
        return {
            "id": self.id,
            "company": self.company,
            "role": self.role,
            "sent_on": self.sent_on,
            "url": self.url,
            "texts": [t.label for t in self.texts],
            "words": sum(len(t.text.split()) for t in self.texts),
        }


def clean_line(value: Any, name: str, limit: int, required: bool = False) -> str:
    """A one-line field (company, role, label): whitespace collapsed, no control characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise HistoryInputError(f"the {name} must be a string")
    value = " ".join(value.split())
    if required and not value:
        raise HistoryInputError(f"the {name} is required")
    if len(value) > limit:
        raise HistoryInputError(f"the {name} is too long ({len(value)} characters; at most"
                                f" {limit})")
    if _CONTROL.search(value):
        raise HistoryInputError(f"the {name} holds control characters")
    _encodable(value, name)
    return value


def clean_body(value: Any, name: str, limit: int) -> str:
    """A text kept exactly as given, once it is known to be storable."""
    if not isinstance(value, str):
        raise HistoryInputError(f"the {name} must be a string")
    if not value.strip():
        raise HistoryInputError(f"the {name} is empty")
    if len(value) > limit:
        raise HistoryInputError(f"the {name} is too long ({len(value):,} characters; at most"
                                f" {limit:,})")
    if "\x00" in value:
        raise HistoryInputError(f"the {name} holds a NUL character")
    _encodable(value, name)
    return value


def clean_optional(value: Any, name: str, limit: int) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return clean_body(value, name, limit)


def clean_url(value: Any) -> str | None:
    if value is None or value == "":
        return None
    url = clean_line(value, "URL", MAX_URL)
    if url and " " in url:
        raise HistoryInputError("the URL holds spaces")
    return url or None


def clean_date(value: Any) -> str:
    if not isinstance(value, str) or not _DATE.match(value):
        raise HistoryInputError(f"the date must be YYYY-MM-DD, not {value!r}")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise HistoryInputError(f"no such date: {value}") from None
    return value


def clean_texts(texts: Any) -> tuple[SentText, ...]:
    """``texts``: a list of ``SentText``, of ``{"label", "text"}`` or of plain strings."""
    if not isinstance(texts, (list, tuple)) or not texts:
        raise HistoryInputError("an application needs at least one text")
    if len(texts) > MAX_TEXTS:
        raise HistoryInputError(f"an application holds at most {MAX_TEXTS} texts")
    out = []
    for number, item in enumerate(texts, 1):
        if isinstance(item, SentText):
            label, text = item.label, item.text
        elif isinstance(item, str):
            label, text = "", item
        elif isinstance(item, dict):
            label, text = item.get("label", ""), item.get("text")
        else:
            raise HistoryInputError(f"text #{number} must be a string or an object")
        out.append(SentText(clean_line(label, f"label of text #{number}", MAX_LABEL),
                            clean_body(text, f"text #{number}", MAX_TEXT)))
    return tuple(out)


def _encodable(value: str, name: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise HistoryInputError(f"the {name} is not valid Unicode (a lone surrogate)") from None
