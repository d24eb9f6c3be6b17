"""The history database's schema, one version at a time, and the migrations between them.

The version lives in SQLite's ``user_version`` header field and the file is
marked as Standout's with ``application_id``, so a file can be recognised (or
refused) before any table is read. Each entry of :data:`MIGRATIONS` takes a
database from version ``n`` to ``n + 1``; a fresh database runs them all, so
the path every older store takes is the one every new store took too.

- **v1** applications (company, role, the date it was sent, source URL, posting)
  and their texts (a letter, answers), in order.
- **v2** the paragraph index: each text's paragraphs in the sample detector's
  canonical form (see :mod:`.paragraph_index`), with a fingerprint of the reader
  that made them so a newer engine rebuilds them; and an index on the date sent.
  The forms are derived data: a migrated store starts without them and the
  index fills them in on first use.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x5354_4E48  # "STNH": a Standout history
LATEST = 2

V1 = """
CREATE TABLE applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    company TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    sent_on TEXT NOT NULL,      -- the writer's calendar date, YYYY-MM-DD
    added_at TEXT NOT NULL,     -- when it was recorded, ISO 8601 UTC
    url TEXT,
    posting TEXT
);
CREATE TABLE texts (
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    PRIMARY KEY (application_id, position)
) WITHOUT ROWID;
"""

V2 = """
CREATE TABLE paragraph_forms (
    application_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    reader TEXT NOT NULL,       -- fingerprint of the reader that made the forms
    forms TEXT NOT NULL,        -- JSON: per paragraph, per sentence, its canonical words
    PRIMARY KEY (application_id, position),
    FOREIGN KEY (application_id, position)
        REFERENCES texts(application_id, position) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX applications_by_date ON applications(sent_on, id);
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(connection: sqlite3.Connection) -> None:
        # One statement at a time: executescript() would commit the open transaction.
        for statement in sql.split(";"):
            if statement.strip():
                connection.execute(statement)

    return run


# MIGRATIONS[n] takes a database at version n to version n + 1 (0 is an empty file).
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_script(V1), _script(V2))
assert len(MIGRATIONS) == LATEST


def migrate(connection: sqlite3.Connection, current: int, target: int = LATEST) -> None:
    """Run the migrations from ``current`` to ``target`` inside the caller's transaction."""
    for version in range(current, target):
        MIGRATIONS[version](connection)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {target}")
