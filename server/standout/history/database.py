"""Opening the history database: checks before anything is read, migrations, failures.

A file is used only once it is known to be a Standout history of this version
or an older one (older ones are migrated, in one transaction, first). Anything
else is reported with its path and left exactly as it is: Standout never writes
to a file it cannot read.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from ..config import ConfigError
from . import schema


class HistoryStoreError(ConfigError):
    """The history file cannot be read or written; the message names it."""


class HistoryDatabase:
    """The database file at ``path``; every connection is checked, migrated and configured."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout

    def connect(self, create: bool = False) -> sqlite3.Connection | None:
        """An open, checked and migrated connection; ``None`` when there is no history."""
        if not self.path.exists():
            if not create:
                return None
            self._create_file()
        uri = f"file:{quote(str(self.path))}?mode=rw"
        try:
            db = sqlite3.connect(uri, uri=True, timeout=self.timeout, isolation_level=None,
                                 check_same_thread=False)
        except sqlite3.Error as exc:
            raise self.failure(exc) from None
        try:
            self._prepare(db)
        except BaseException:
            db.close()
            raise
        return db

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection | None]:
        db = self.connect()
        try:
            yield db
        except sqlite3.Error as exc:
            raise self.failure(exc) from None
        finally:
            if db is not None:
                db.close()

    @contextlib.contextmanager
    def writing(self, check: bool = True) -> Iterator[sqlite3.Connection]:
        db = self.connect(create=True)
        assert db is not None
        try:
            db.execute("BEGIN IMMEDIATE")
            if check:
                problems = [row[0] for row in db.execute("PRAGMA quick_check")]
                if problems != ["ok"]:
                    db.execute("ROLLBACK")
                    raise self.corrupt("damaged (" + "; ".join(problems[:3]) + ")")
            yield db
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise self.failure(exc) from None
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        finally:
            db.close()

    def _create_file(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # Created private before SQLite sees it; its -wal and -shm take the same mode.
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        except OSError as exc:
            raise HistoryStoreError(f"{self.path}: {exc.strerror or exc}") from None

    def _prepare(self, db: sqlite3.Connection) -> None:
        """Refuse what is not a current-or-older Standout history; migrate an older one."""
        try:
            version = self._snapshot_version(db)
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA secure_delete = ON")
            db.execute("PRAGMA synchronous = FULL")
            if version == schema.LATEST:
                return
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            db.execute("BEGIN IMMEDIATE")
            try:
                version = self._version(db)  # another process may have migrated meanwhile
                if version < schema.LATEST:
                    schema.migrate(db, version)
                db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise self.failure(exc) from None

    def _snapshot_version(self, db: sqlite3.Connection) -> int:
        """:meth:`_version` read in one transaction.

        Outside one, each PRAGMA is its own snapshot: a reader could see the owner
        before another connection's first migration commits and the version after
        it, and take a new history for a foreign file.
        """
        db.execute("BEGIN")
        try:
            return self._version(db)
        finally:
            db.execute("COMMIT")

    def _version(self, db: sqlite3.Connection) -> int:
        owner = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if owner == 0 and version == 0:
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise self.corrupt("an SQLite database, but not a Standout history")
            return 0
        if owner != schema.APPLICATION_ID:
            raise self.corrupt("an SQLite database, but not a Standout history")
        if version > schema.LATEST:
            raise self.corrupt(
                f"written by a newer Standout (history version {version}; this one reads up to"
                f" version {schema.LATEST}). Upgrade Standout to use it"
            )
        return version

    def truncate_wal(self) -> None:
        """Move what the WAL holds into the database, whose freed pages are zeroed."""
        with contextlib.suppress(HistoryStoreError, sqlite3.Error):
            db = self.connect()
            if db is not None:
                try:
                    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    db.close()

    def failure(self, exc: sqlite3.Error) -> HistoryStoreError:
        if isinstance(exc, HistoryStoreError):
            return exc
        message = str(exc)
        if "locked" in message or "busy" in message:
            return HistoryStoreError(
                f"{self.path}: busy (another Standout kept it locked for more than"
                f" {self.timeout:g} s); try again"
            )
        if isinstance(exc, sqlite3.DatabaseError) and (
            "not a database" in message or "malformed" in message or "corrupt" in message
        ):
            return self.corrupt(f"damaged or not a database ({message})")
        return HistoryStoreError(f"{self.path}: {message}")

    def corrupt(self, problem: str) -> HistoryStoreError:
        return HistoryStoreError(
            f"{self.path}: {problem}. Standout will not change it; move it away (or run"
            " 'standout history clear') to start a new history."
        )
