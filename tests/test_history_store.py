"""The history store: round trips, private files, refusals that leave files alone, forgetting."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
import threading

import pytest

from standout.history.records import MAX_TEXTS, HistoryInputError, SentText
from standout.history.store import (
    ApplicationNotFound,
    HistoryStore,
    HistoryStoreError,
)

LETTER = (
    "Dear Acme team,\r\n\r\nI rebuilt our reporting pipeline in 2023 and cut the monthly close"
    " from nine days to four 📈, which let finance answer the board the same week.\r\n"
)
ANSWER = "Your open data on water quality is the reason I want this job."


@pytest.fixture
def store(tmp_path) -> HistoryStore:
    return HistoryStore(tmp_path / "data")


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_nothing_is_stored_until_an_application_is_added(store):
    assert store.applications() == []
    assert store.count() == 0
    assert not store.exists()
    assert not store.directory.exists()
    with pytest.raises(ApplicationNotFound):
        store.get(1)
    with pytest.raises(HistoryInputError):
        store.add("", "Analyst", [LETTER])
    assert not store.directory.exists()


def test_add_get_list_forget_round_trip(store):
    first = store.add("  Acme \n Inc. ", "Data   Analyst", [SentText("letter.txt", LETTER),
                      ANSWER], url="https://jobs.example.com/1", posting="We hire.",
                      sent_on="2025-05-03")
    second = store.add("Globex", None, [{"label": "Why us?", "text": ANSWER}])
    assert (first.id, second.id) == (1, 2)
    assert (first.company, first.role, first.sent_on) == ("Acme Inc.", "Data Analyst",
                                                          "2025-05-03")
    got = store.get(1)
    assert got == first
    assert got.texts[0].text == LETTER  # exactly as given: CRLF, emoji
    assert got.texts[1] == SentText("", ANSWER)
    assert [a.id for a in store.applications()] == [1, 2]
    assert store.forget(1) == first
    assert [a.id for a in store.applications()] == [2]
    # ids are never reused, so "forget 1" can never hit a newer application
    assert store.add("Initech", "", [ANSWER]).id == 3


def test_the_files_are_private_and_in_wal_mode(store):
    store.add("Acme", "", [LETTER])
    assert stat.S_IMODE(store.directory.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    db = sqlite3.connect(store.path)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        db.execute("SELECT count(*) FROM applications").fetchone()
        for side in store.files[1:]:
            assert stat.S_IMODE(side.stat().st_mode) == 0o600
    finally:
        db.close()


@pytest.mark.parametrize(
    ("company", "role", "texts", "options", "problem"),
    [
        ("", "", [LETTER], {}, "company is required"),
        ("A" * 201, "", [LETTER], {}, "company is too long"),
        ("Acme", 3, [LETTER], {}, "role must be a string"),
        ("Ac\x07me", "", [LETTER], {}, "control characters"),
        ("Acme", "", [], {}, "at least one text"),
        ("Acme", "", ["   \n "], {}, "text #1 is empty"),
        ("Acme", "", [LETTER, "a\x00b"], {}, "text #2 holds a NUL"),
        ("Acme", "", ["bad \ud800 surrogate"], {}, "not valid Unicode"),
        ("Acme", "", [LETTER] * (MAX_TEXTS + 1), {}, f"at most {MAX_TEXTS} texts"),
        ("Acme", "", ["x" * 100_001], {}, "text #1 is too long"),
        ("Acme", "", [{"label": 5, "text": "x"}], {}, "label of text #1 must be a string"),
        ("Acme", "", [7], {}, "text #1 must be a string or an object"),
        ("Acme", "", [LETTER], {"sent_on": "3 May"}, "must be YYYY-MM-DD"),
        ("Acme", "", [LETTER], {"sent_on": "2025-02-30"}, "no such date"),
        ("Acme", "", [LETTER], {"url": "https://a b"}, "URL holds spaces"),
        ("Acme", "", [LETTER], {"posting": 12}, "posting must be a string"),
    ],
)
def test_bad_applications_are_refused_with_a_reason(store, company, role, texts, options,
                                                    problem):
    store.add("Kept", "", [ANSWER])
    with pytest.raises(HistoryInputError, match=problem):
        store.add(company, role, texts, **options)
    assert [a.company for a in store.applications()] == ["Kept"]


def test_forgetting_an_unknown_id_says_so(store):
    store.add("Acme", "", [ANSWER])
    with pytest.raises(ApplicationNotFound) as error:
        store.forget(9)
    assert "no application with id 9" in str(error.value)
    assert store.count() == 1


def test_forgotten_text_is_gone_from_the_files_too(store):
    """secure_delete zeroes freed pages; the WAL is checkpointed and truncated."""
    marker = "Zanzibar-marmalade-7731 is the detail only this letter had."
    store.add("Acme", "", [ANSWER])
    store.add("Globex", "", [marker * 40])
    keeper = store.connect()  # another reader, as a running server would have
    try:
        store.forget(2)
        raw = b"".join(p.read_bytes() for p in store.files if p.exists())
    finally:
        keeper.close()
    assert b"Zanzibar-marmalade" not in raw
    assert store.count() == 1


def test_clear_removes_the_files_not_only_the_rows(store):
    store.add("Acme", "", [LETTER])
    keeper = store.connect()  # keeps -wal and -shm in place
    try:
        assert all(p.exists() for p in store.files)
        removed = store.clear()
    finally:
        keeper.close()
    assert sorted(removed) == sorted(store.files)
    assert not any(p.exists() for p in store.files)
    assert not store.exists()
    assert store.applications() == []


def _damaged_pages(store: HistoryStore) -> None:
    for n in range(40):
        store.add(f"Company {n}", "", [LETTER * 20])
    data = bytearray(store.path.read_bytes())
    page = 4096
    for offset in range(page, len(data), page):  # every page but the header's
        data[offset : offset + 200] = b"\xa5" * 200
    store.path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda s: s.path.write_text("dear diary,\n" * 100), "not a database"),
        (lambda s: s.path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000),
         "damaged or not a database"),
        (lambda s: sqlite3.connect(s.path).execute("CREATE TABLE notes (x)").connection.commit(),
         "not a Standout history"),
        (lambda s: _foreign_id(s), "not a Standout history"),
        (lambda s: _newer(s), "written by a newer Standout (history version 3; this one reads"
                              " up to version 2). Upgrade Standout"),
        (_damaged_pages, "damaged"),
    ],
)
def test_an_unreadable_store_is_reported_and_never_overwritten(store, make, problem):
    store.directory.mkdir(parents=True, exist_ok=True)
    make(store)
    before = digest(store.path)
    actions = [
        store.applications, store.count, lambda: store.get(1),
        lambda: store.add("Acme", "", [ANSWER]), lambda: store.forget(1),
        lambda: store.insert_all([]),
    ]
    for action in actions:
        with pytest.raises(HistoryStoreError) as error:
            action()
        message = str(error.value)
        assert str(store.path) in message
        assert problem in message
        assert "Standout will not change it" in message
    assert digest(store.path) == before


def _foreign_id(store: HistoryStore) -> None:
    db = sqlite3.connect(store.path)
    db.execute("PRAGMA application_id = 42")
    db.execute("CREATE TABLE applications (x)")
    db.commit()
    db.close()


def _newer(store: HistoryStore) -> None:
    store.add("Acme", "", [ANSWER])
    db = sqlite3.connect(store.path)
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def test_a_writer_that_waits_too_long_is_told_the_store_is_busy(store):
    store.add("Acme", "", [ANSWER])
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        impatient = HistoryStore(store.directory, timeout=0.2)
        with pytest.raises(HistoryStoreError, match="busy"):
            impatient.add("Globex", "", [ANSWER])
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.add("Globex", "", [ANSWER]).id == 2


def test_a_read_goes_on_while_another_connection_writes(store):
    """WAL: readers do not wait for a writer."""
    store.add("Acme", "", [ANSWER])
    writer = sqlite3.connect(store.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO applications (company, sent_on, added_at) VALUES ('X', '', '')")
    try:
        assert [a.company for a in HistoryStore(store.directory, timeout=0.2)
                .applications()] == ["Acme"]
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_threads_writing_at_once_lose_nothing(store):
    def writer(number: int) -> None:
        mine = HistoryStore(store.directory)
        for item in range(6):
            mine.add(f"Writer {number}", f"Role {item}", [ANSWER])

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = store.applications()
    assert len(stored) == 24
    assert {(a.company, a.role) for a in stored} == {
        (f"Writer {n}", f"Role {i}") for n in range(4) for i in range(6)
    }
