"""Every older history schema opens, migrates to the latest, and keeps what it held."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from standout.history import schema
from standout.history.store import HistoryStore

V1_FIXTURE = Path(__file__).parent / "fixtures" / "history-v1.sql"


def build(store: HistoryStore, version: int) -> None:
    """A store at ``version``: the frozen v1 file, then the migrations up to ``version``."""
    store.directory.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(store.path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.executescript(V1_FIXTURE.read_text(encoding="utf-8"))
    db.execute("BEGIN")
    schema.migrate(db, 1, version)
    db.execute("COMMIT")
    db.close()


def shape(path: Path) -> list[tuple[str, str, str]]:
    db = sqlite3.connect(path)
    try:
        return sorted(db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ))
    finally:
        db.close()


def header(path: Path) -> tuple[int, int]:
    db = sqlite3.connect(path)
    try:
        return (db.execute("PRAGMA application_id").fetchone()[0],
                db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


@pytest.fixture
def fresh(tmp_path) -> HistoryStore:
    store = HistoryStore(tmp_path / "fresh")
    store.add("Anyone", "", ["Anything at all."])
    return store


@pytest.mark.parametrize("version", range(1, schema.LATEST + 1))
def test_a_store_from_every_version_opens_as_the_latest(tmp_path, fresh, version):
    store = HistoryStore(tmp_path / f"v{version}")
    build(store, version)
    assert header(store.path) == (schema.APPLICATION_ID, version)
    applications = store.applications()
    assert header(store.path) == (schema.APPLICATION_ID, schema.LATEST)
    assert shape(store.path) == shape(fresh.path)
    assert [(a.id, a.company, a.role, a.sent_on) for a in applications] == [
        (1, "Acme", "Data Analyst", "2025-05-03"),
        (2, "Globex Corporation", "", "2025-05-09"),
        (4, "Initech", "Support Engineer", "2025-06-01"),
    ]
    acme = applications[0]
    assert acme.url == "https://jobs.example.com/acme/123"
    assert acme.posting == "We are hiring a data analyst."
    assert [t.label for t in acme.texts] == ["letter.txt", "Why Acme?"]
    assert acme.texts[0].text.startswith("Dear Acme team,\r\n\r\nI rebuilt")
    assert acme.texts[0].text.endswith("same week. 📈")
    # the id of the forgotten application 3 is still never reused
    assert store.add("Hooli", "", ["A new letter."]).id == 5


def test_the_latest_schema_is_what_the_migrations_build(tmp_path):
    """A fresh store runs every migration from an empty file: one path for everyone."""
    db_path = tmp_path / "by-hand.sqlite3"
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("BEGIN")
    schema.migrate(db, 0)
    db.execute("COMMIT")
    db.close()
    store = HistoryStore(tmp_path / "store")
    store.add("Acme", "", ["A letter."])
    assert shape(db_path) == shape(store.path)


def test_a_migration_that_fails_leaves_the_old_version(tmp_path, monkeypatch):
    store = HistoryStore(tmp_path / "v1")
    build(store, 1)

    def broken(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], broken))
    with pytest.raises(Exception, match="disk I/O error"):
        store.applications()
    assert header(store.path) == (schema.APPLICATION_ID, 1)
    assert "half_done" not in {name for _, name, _ in shape(store.path)}
    monkeypatch.undo()
    assert len(store.applications()) == 3


def test_two_processes_opening_an_old_store_at_once_both_succeed(tmp_path):
    store = HistoryStore(tmp_path / "v1")
    build(store, 1)
    code = (
        "import sys; from standout.history.store import HistoryStore;"
        "s = HistoryStore(sys.argv[1]); s.add('From ' + sys.argv[2], '', ['A letter.']);"
        "print(len(s.applications()))"
    )
    runs = [subprocess.Popen([sys.executable, "-c", code, str(store.directory), str(n)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for n in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    assert header(store.path) == (schema.APPLICATION_ID, schema.LATEST)
    companies = [a.company for a in store.applications()]
    assert len(companies) == 5
    assert {"From 0", "From 1"} <= set(companies)
