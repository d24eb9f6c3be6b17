"""The applications the user marked as sent, kept on their machine to compare new texts with.

- :mod:`.schema`: the SQLite schema, version by version, and its migrations;
- :mod:`.records`: an application and the checks a new one passes;
- :mod:`.store`: the database file (WAL, one writer at a time, never overwritten
  when unreadable);
- :mod:`.transfer`: export and import as JSON;
- :mod:`.paragraph_index`: stored paragraphs in the sample detector's canonical
  form and index, for reuse detection;
- :mod:`.cli`: ``standout history``.

See ``docs/history.md`` for what is stored, where, and how to see and delete it.
"""

from __future__ import annotations

from .records import Application, HistoryInputError, SentText
from .store import ApplicationNotFound, HistoryStore, HistoryStoreError

__all__ = [
    "Application",
    "ApplicationNotFound",
    "HistoryInputError",
    "HistoryStore",
    "HistoryStoreError",
    "SentText",
]
