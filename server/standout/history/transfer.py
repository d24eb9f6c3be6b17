"""Export and import: the whole history as one JSON document.

::

    {"format": "standout-history", "version": 1, "applications": [
      {"id": 1, "company": "Acme", "role": "Data Analyst", "sent_on": "2025-05-03",
       "added_at": "2025-05-03T09:12:44+00:00", "url": null, "posting": null,
       "texts": [{"label": "letter.txt", "text": "Dear ..."}]}]}

Ids, dates and texts are kept, so an export imported into an empty store and
exported again gives the same bytes. The paragraph index is not exported: it
is rebuilt from the texts. An import checks every application before storing
any, and stores all of them in one transaction.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from .records import (
    MAX_COMPANY,
    MAX_POSTING,
    MAX_ROLE,
    Application,
    HistoryInputError,
    clean_date,
    clean_line,
    clean_optional,
    clean_texts,
    clean_url,
)

FORMAT = "standout-history"
VERSION = 1
_FIELDS = {"id", "company", "role", "sent_on", "added_at", "url", "posting", "texts"}


def export_document(applications: list[Application]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "applications": [a.to_dict() for a in sorted(applications, key=lambda a: a.id)],
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def parse_document(data: Any) -> list[Application]:
    """The applications of an export, each checked as a new one would be."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise HistoryInputError(f'not a Standout history export (no "format": "{FORMAT}")')
    if data.get("version") != VERSION:
        raise HistoryInputError(f"export version {data.get('version')!r} is not supported"
                                f" (this Standout reads version {VERSION})")
    items = data.get("applications")
    if not isinstance(items, list):
        raise HistoryInputError('"applications" must be a list')
    out: list[Application] = []
    seen: set[int] = set()
    for number, item in enumerate(items, 1):
        try:
            application = _application(item)
        except HistoryInputError as exc:
            raise HistoryInputError(f"application #{number}: {exc}") from None
        if application.id in seen:
            raise HistoryInputError(f"application #{number}: id {application.id} is repeated")
        seen.add(application.id)
        out.append(application)
    return out


def _application(item: Any) -> Application:
    if not isinstance(item, dict):
        raise HistoryInputError("not an object")
    unknown = set(item) - _FIELDS
    if unknown:
        raise HistoryInputError(f"unknown field {sorted(unknown)[0]!r}")
    identifier = item.get("id")
    if isinstance(identifier, bool) or not isinstance(identifier, int) or identifier < 1:
        raise HistoryInputError('"id" must be a positive integer')
    added_at = item.get("added_at")
    if not isinstance(added_at, str):
        raise HistoryInputError('"added_at" must be a string')
    try:
        datetime.fromisoformat(added_at)
    except ValueError:
        raise HistoryInputError(f'"added_at" is not an ISO 8601 time: {added_at!r}') from None
    return Application(
        id=identifier,
        company=clean_line(item.get("company"), "company", MAX_COMPANY, required=True),
        role=clean_line(item.get("role"), "role", MAX_ROLE),
        sent_on=clean_date(item.get("sent_on")),
        added_at=added_at,
        url=clean_url(item.get("url")),
        posting=clean_optional(item.get("posting"), "posting", MAX_POSTING),
        texts=clean_texts(item.get("texts")),
    )
