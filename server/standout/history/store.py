"""The user's application history: one SQLite file in their data folder.

``<data>/history.sqlite3`` sits beside the saved samples (``STANDOUT_DATA_DIR``
overrides the folder; ``standout history where`` prints the file). Nothing is
written until the first application is marked as sent.

- **WAL mode, synchronous=FULL**: a commit is on disk before ``add`` returns, and
  a process killed in the middle of a write leaves the last committed state.
- **Two writers** (the CLI and the server) take turns: writes begin with
  ``BEGIN IMMEDIATE`` and wait up to ``timeout`` seconds for the other.
- **Never overwritten when unreadable**: a file that is not a database, is
  damaged, belongs to something else or was written by a newer Standout is
  reported with its path and left exactly as it is.
- **Forgetting forgets**: ``secure_delete`` zeroes freed pages and the WAL is
  checkpointed and truncated after a deletion; ``clear`` removes the files.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..samples.store import data_dir
from .database import HistoryDatabase, HistoryStoreError
from .records import (
    MAX_COMPANY,
    MAX_POSTING,
    MAX_ROLE,
    Application,
    SentText,
    clean_date,
    clean_line,
    clean_optional,
    clean_texts,
    clean_url,
)

STORE_NAME = "history.sqlite3"
BUSY_TIMEOUT = 10.0  # seconds a writer waits for another


class ApplicationNotFound(KeyError):
    def __str__(self) -> str:
        return f"no application with id {self.args[0]} (see 'standout history list')"


class HistoryStore:
    """Reads and writes ``history.sqlite3`` in ``directory`` (default: the data folder)."""

    def __init__(self, directory: Path | str | None = None, *,
                 timeout: float = BUSY_TIMEOUT) -> None:
        self.directory = Path(directory) if directory is not None else data_dir()
        self.timeout = timeout
        self._db = HistoryDatabase(self.directory / STORE_NAME, timeout)

    @property
    def path(self) -> Path:
        return self.directory / STORE_NAME

    @property
    def files(self) -> tuple[Path, Path, Path]:
        """The database and the two files SQLite keeps beside it in WAL mode."""
        return self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")

    def connect(self, create: bool = False) -> sqlite3.Connection | None:
        """An open, checked and migrated connection; ``None`` when there is no history."""
        return self._db.connect(create)

    def exists(self) -> bool:
        """Whether history is on: something was marked as sent (and not cleared)."""
        return self.path.exists()

    # --- reading -------------------------------------------------------------

    def applications(self) -> list[Application]:
        """Every stored application with its texts, oldest first."""
        with self._db.reading() as db:
            if db is None:
                return []
            return _load(db, "1")

    def get(self, application_id: int) -> Application:
        with self._db.reading() as db:
            found = _load(db, "a.id = ?", (application_id,)) if db is not None else []
        if not found:
            raise ApplicationNotFound(application_id)
        return found[0]

    def count(self) -> int:
        with self._db.reading() as db:
            if db is None:
                return 0
            return db.execute("SELECT count(*) FROM applications").fetchone()[0]

    def quick_check(self) -> str:
        """SQLite's own check of the file ("ok" when it is sound)."""
        with self._db.reading() as db:
            if db is None:
                return "ok"
            return "; ".join(row[0] for row in db.execute("PRAGMA quick_check"))

    # --- writing -------------------------------------------------------------

    def add(self, company: str, role: str | None, texts: Sequence[Any], *,
            url: str | None = None, posting: str | None = None,
            sent_on: str | None = None) -> Application:
        """Store an application marked as sent and return it with its new id."""
        application = Application(
            id=0,
            company=clean_line(company, "company", MAX_COMPANY, required=True),
            role=clean_line(role, "role", MAX_ROLE),
            sent_on=clean_date(sent_on) if sent_on is not None else date.today().isoformat(),
            added_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            url=clean_url(url),
            posting=clean_optional(posting, "posting", MAX_POSTING),
            texts=clean_texts(texts),
        )
        with self._db.writing() as db:
            return _insert(db, application, keep_id=False)

    def insert_all(self, applications: Iterable[Application]) -> tuple[int, int]:
        """Import: keep each id when it is free, skip what is already stored.

        Returns ``(added, skipped)``. All or nothing: one transaction.
        """
        added = skipped = 0
        with self._db.writing() as db:
            known = {_content(a) for a in _load(db, "1")}
            for application in applications:
                key = _content(application)
                if key in known:
                    skipped += 1
                    continue
                taken = db.execute("SELECT 1 FROM applications WHERE id = ?",
                                   (application.id,)).fetchone()
                _insert(db, application, keep_id=not taken)
                known.add(key)
                added += 1
        return added, skipped

    def forget(self, application_id: int) -> Application:
        """Delete one application, its texts and its paragraph index."""
        with self._db.writing() as db:
            found = _load(db, "a.id = ?", (application_id,))
            if not found:
                raise ApplicationNotFound(application_id)
            db.execute("DELETE FROM applications WHERE id = ?", (application_id,))
        self._db.truncate_wal()
        return found[0]

    def clear(self) -> list[Path]:
        """Delete the history files themselves; returns the files removed."""
        removed = []
        for path in self.files:
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise HistoryStoreError(f"{path}: {exc.strerror or exc}") from None
            removed.append(path)
        return removed

    # --- what the checks read (see source.py) -------------------------------

    def headers(self) -> list[tuple[int, str, str, str]]:
        """``(id, company, role, sent_on)`` of every application, oldest first."""
        with self._db.reading() as db:
            if db is None:
                return []
            return db.execute(
                "SELECT id, company, role, sent_on FROM applications ORDER BY sent_on, id"
            ).fetchall()

    def index_data(self, reader: str, only: Iterable[int] | None = None) -> tuple[
            list[tuple[int, str, str, str]], list[tuple[int, int, str | None, str | None]]]:
        """What the checks need, read in one transaction.

        ``(id, company, role, sent_on)`` of every application, oldest first; and
        ``(application, position, text, forms)`` of every text (of the applications
        ``only`` names, if given): its paragraph forms when ``reader`` made them,
        else its text to read (``None`` for the other).
        """
        where, args = "", [reader, reader]
        if only is not None:
            where = " WHERE t.application_id IN (SELECT value FROM json_each(?))"
            args.append(json.dumps(sorted(only)))
        with self._db.reading() as db:
            if db is None:
                return [], []
            db.execute("BEGIN")
            try:
                headers = db.execute(
                    "SELECT id, company, role, sent_on FROM applications ORDER BY sent_on, id"
                ).fetchall()
                rows = db.execute(
                    "SELECT t.application_id, t.position,"
                    " CASE WHEN f.reader IS ? THEN NULL ELSE t.body END,"
                    " CASE WHEN f.reader IS ? THEN f.forms END"
                    " FROM texts t LEFT JOIN paragraph_forms f"
                    " ON f.application_id = t.application_id AND f.position = t.position"
                    f"{where} ORDER BY t.application_id, t.position", args
                ).fetchall()
            finally:
                db.execute("COMMIT")
            return headers, rows

    def text(self, application_id: int, position: int) -> str:
        """One stored text (its paragraph forms could not be read)."""
        with self._db.reading() as db:
            row = None if db is None else db.execute(
                "SELECT body FROM texts WHERE application_id = ? AND position = ?",
                (application_id, position)).fetchone()
        return row[0] if row else ""

    def save_forms(self, reader: str, rows: Iterable[tuple[int, int, str]]) -> None:
        """Keep forms the index computed; rows of texts forgotten meanwhile are dropped."""
        with self._db.writing(check=False) as db:
            db.executemany(
                "INSERT OR REPLACE INTO paragraph_forms (application_id, position, reader, forms)"
                " SELECT ?1, ?2, ?3, ?4 WHERE EXISTS"
                " (SELECT 1 FROM texts WHERE application_id = ?1 AND position = ?2)",
                [(a, p, reader, f) for a, p, f in rows],
            )

def _load(db: sqlite3.Connection, where: str, args: tuple = ()) -> list[Application]:
    rows = db.execute(
        "SELECT id, company, role, sent_on, added_at, url, posting FROM applications a"
        f" WHERE {where} ORDER BY sent_on, id", args
    ).fetchall()
    if not rows:
        return []
    texts: dict[int, list[SentText]] = {row[0]: [] for row in rows}
    for application_id, label, body in db.execute(
        "SELECT t.application_id, t.label, t.body FROM texts t JOIN applications a"
        f" ON a.id = t.application_id WHERE {where} ORDER BY t.application_id, t.position", args
    ):
        texts[application_id].append(SentText(label, body))
    return [Application(*row, texts=tuple(texts[row[0]])) for row in rows]


def _insert(db: sqlite3.Connection, application: Application, keep_id: bool) -> Application:
    fields = (application.company, application.role, application.sent_on,
              application.added_at, application.url, application.posting)
    if keep_id:
        db.execute("INSERT INTO applications (id, company, role, sent_on, added_at, url, posting)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)", (application.id, *fields))
        new_id = application.id
    else:
        cursor = db.execute("INSERT INTO applications (company, role, sent_on, added_at, url,"
                            " posting) VALUES (?, ?, ?, ?, ?, ?)", fields)
        new_id = cursor.lastrowid
    db.executemany(
        "INSERT INTO texts (application_id, position, label, body) VALUES (?, ?, ?, ?)",
        [(new_id, n, t.label, t.text) for n, t in enumerate(application.texts)],
    )
    return Application(new_id, *fields, texts=application.texts)


def _content(application: Application) -> tuple:
    data = application.to_dict()
    del data["id"]
    return tuple(sorted((k, repr(v)) for k, v in data.items()))
