"""What the history checks read: a snapshot of the store, reloaded when the store changes.

Checks run on every keystroke, so noticing a change must be cheap: one ``stat``
of the database (a cleared and re-created store is a new file) and SQLite's
``PRAGMA data_version`` on a connection kept open for the purpose (it changes
whenever another connection commits). About 10 µs. A snapshot holds what the
checks need: who was applied to, when, for which role, and the paragraph index;
no stored text is kept in memory.

When the store is missing, history is off and the checks do nothing. When it
cannot be read, the checks do nothing either; the error is logged once and the
``standout history`` commands report it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy

from .companies import CompanyIndex, Sent
from .paragraph_index import (
    ParagraphIndex,
    Paragraphs,
    Reader,
    ReuseSettings,
    Words,
    dump_forms,
    index_settings,
    load_forms,
    read_paragraphs,
    reader_fingerprint,
)
from .store import HistoryStore, HistoryStoreError

log = logging.getLogger("standout.history")
FOLD_AFTER = 200  # applications sent since the index was built, before it is built again


@dataclass(frozen=True)
class Reading:
    """What reading the stored paragraphs takes (the reused-paragraph check's source)."""

    reader: Reader
    function_words: frozenset[str]
    weights: Callable[[], Mapping[str, float]]  # called on first load only
    params: Mapping = field(default_factory=dict)  # the paragraph index's settings


@dataclass(frozen=True)
class Snapshot:
    applications: dict[int, Sent]
    companies: CompanyIndex
    paragraphs: Paragraphs | None  # only for a source that reads paragraphs
    by_rank: tuple[Sent, ...]  # oldest first
    employer_by_rank: numpy.ndarray  # place -> a number per employer (by name_key)

    rank_by_id: numpy.ndarray  # application id -> its place, -1 for none

    @classmethod
    def build(cls, sent: list[Sent], paragraphs: Paragraphs | None) -> Snapshot:
        ordered = tuple(sorted(sent, key=lambda s: (s.sent_on, s.id)))
        employers: dict[tuple[str, ...], int] = {}
        numbers = [employers.setdefault(s.key, len(employers)) for s in ordered]
        rank_by_id = numpy.full(max((s.id for s in sent), default=0) + 1, -1, dtype=numpy.intp)
        for place, application in enumerate(ordered):
            rank_by_id[application.id] = place
        return cls({s.id: s for s in sent}, CompanyIndex(sent), paragraphs, ordered,
                   numpy.array(numbers, dtype=numpy.intp), rank_by_id)

    def newest_per_employer(self, applications: numpy.ndarray,
                            limit: int) -> tuple[list[Sent], int]:
        """The newest application to each of the ``limit`` employers most recently sent
        one of ``applications`` (ids), newest first; and how many employers there are."""
        ranks = self.rank_by_id
        applications = applications[applications < len(ranks)]
        places = ranks[applications]
        places = places[places >= 0]
        if not len(places):
            return [], 0
        places[::-1].sort()  # newest first
        _, first = numpy.unique(self.employer_by_rank[places], return_index=True)
        first.sort()
        return [self.by_rank[p] for p in places[first[:limit]].tolist()], len(first)


class HistorySource:
    """The current snapshot of ``store`` (``None`` when history is off or unreadable).

    Without ``reading`` it holds the applications only (no texts are read): what
    the employer checks need, reloaded in milliseconds.
    """

    def __init__(self, store: HistoryStore, reading: Reading | None = None) -> None:
        self.store = store
        self.reading = reading
        self._lock = threading.RLock()
        self._fingerprint: str | None = None
        self._db: sqlite3.Connection | None = None
        self._file: tuple[int, int] | None = None
        self._token: object = None
        self._snapshot: Snapshot | None = None
        self.error: str | None = None
        # the paragraph index: built whole, plus what was sent since (see _paragraphs)
        self._base: ParagraphIndex | None = None
        self._recent: ParagraphIndex | None = None
        self._recent_rows: list[tuple[int, Words]] = []
        self._recent_ids: set[int] = set()
        self._indexed: set[int] = set()
        self._indexed_file: tuple[int, int] | None = None
        self._path: tuple[Path, str] | None = None  # (the store's folder, its file as text)

    def snapshot(self) -> Snapshot | None:
        with self._lock:
            token = self._current_token()
            if token is None:
                self._snapshot = None
                self._token = None
                self._base = None  # cleared: the next history starts afresh
                return None
            if token != self._token:
                self._snapshot = self._load()
                self._token = self._current_token()  # after our own save of the forms
            return self._snapshot

    def _store_file(self) -> str:
        """The store's file as text, made again only when its folder is another object.

        ``store.path`` joins two paths (pathlib) and ``os.stat`` turns the result back into
        text: about two thirds of what asking after a missing store cost, twice a check."""
        directory = self.store.directory
        if self._path is None or self._path[0] is not directory:
            self._path = (directory, os.fspath(self.store.path))
        return self._path[1]

    def _current_token(self) -> object:
        try:
            stat = os.stat(self._store_file())
        except FileNotFoundError:
            self._close()
            return None
        except OSError as exc:
            return ("error", str(exc))
        file = (stat.st_dev, stat.st_ino)
        try:
            if self._db is None or file != self._file:
                self._close()
                self._db = self.store.connect()
                self._file = file
                if self._db is None:
                    return None
            version = self._db.execute("PRAGMA data_version").fetchone()[0]
        except (HistoryStoreError, sqlite3.Error) as exc:
            self._close()
            return ("error", str(exc), stat.st_mtime_ns, stat.st_size)
        return (file, id(self._db), version)

    def _close(self) -> None:
        if self._db is not None:
            self._db.close()
        self._db = None
        self._file = None

    def _load(self) -> Snapshot | None:
        reading = self.reading
        try:
            if reading is None:
                return Snapshot.build([Sent.of(*row) for row in self.store.headers()], None)
            paragraphs, headers = self._paragraphs(reading)
        except HistoryStoreError as exc:
            self.error = str(exc)
            _report(self.store, self.error)
            return None
        self.error = None
        _report(self.store, None)
        return Snapshot.build([Sent.of(*row) for row in headers], paragraphs)

    def _paragraphs(self, reading: Reading) -> tuple[Paragraphs, list[tuple]]:
        """The index, rebuilt whole when something was forgotten or the file replaced, else
        with only what was sent since added (in a small index of its own)."""
        if self._fingerprint is None:
            self._fingerprint = reader_fingerprint(reading.reader)
        headers = self.store.headers()
        ids = {row[0] for row in headers}
        added = ids - self._indexed
        whole = (
            self._base is None or self._indexed - ids or self._file != self._indexed_file
            or len(self._recent_ids) + len(added) > FOLD_AFTER
        )
        if whole:
            headers, rows = self.store.index_data(self._fingerprint)
            self._base = self._index(reading, self._read(reading, rows))
            self._recent, self._recent_rows, self._recent_ids = None, [], set()
            self._indexed = {row[0] for row in headers}
            self._indexed_file = self._file
        elif added:
            headers, rows = self.store.index_data(self._fingerprint, only=added)
            self._recent_rows += self._read(reading, rows)
            self._recent_ids |= added
            self._indexed |= added
            self._recent = self._index(reading, self._recent_rows)
        return Paragraphs(self._base, self._recent), headers

    def _index(self, reading: Reading, rows: list[tuple[int, Words]]) -> ParagraphIndex:
        return ParagraphIndex(rows, reading.function_words, reading.weights(),
                              ReuseSettings.from_params(reading.params),
                              index_settings(reading.params))

    def _read(self, reading: Reading, rows) -> list[tuple[int, Words]]:
        """Each text's paragraphs: from the stored forms, else read (and the forms stored)."""
        paragraphs = []
        fresh = []
        for application, position, body, forms in rows:
            read = _stored(forms) if forms is not None else None
            if read is None:
                if body is None:  # forms stored but unreadable: read the text again
                    try:
                        body = self.store.text(application, position)
                    except HistoryStoreError:
                        body = ""
                read = read_paragraphs(reading.reader, body)
                fresh.append((application, position, dump_forms(read)))
            paragraphs.extend((application, words) for words in read)
        if fresh:
            try:
                self.store.save_forms(self._fingerprint, fresh)
            except HistoryStoreError as exc:  # derived data: next load reads them again
                log.warning("%s (the paragraph index was not saved)", exc)
        return paragraphs


_REPORTED: dict[str, str] = {}  # store path -> the problem logged (the three checks share it)
_REPORTED_LOCK = threading.Lock()


def _report(store: HistoryStore, problem: str | None) -> None:
    """Log a store's problem once, however many sources read it; forget it once it is gone."""
    key = str(store.path)
    with _REPORTED_LOCK:
        if problem is None:
            _REPORTED.pop(key, None)
            return
        if _REPORTED.get(key) == problem:
            return
        _REPORTED[key] = problem
    log.warning("%s (checking without the history)", problem)


def _stored(forms: str) -> list[Words] | None:
    """Stored forms, or ``None`` when they cannot be read (then the text is read again)."""
    try:
        return load_forms(forms)
    except (ValueError, TypeError):
        return None
