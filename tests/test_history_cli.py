"""``standout history``: add, list, show, export, import, forget, clear; errors are one line."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from standout.cli import main
from standout.history.store import HistoryStore

LETTER = "Dear Acme team,\r\n\r\nI rebuilt the reporting pipeline in 2023 📈.\r\n"
ANSWER = "Your open data on water quality is why I want this job.\n"


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    out = {}
    for name, text in {"letter.txt": LETTER, "why-acme.txt": ANSWER,
                       "posting.txt": "We are hiring.\n"}.items():
        out[name] = tmp_path / name
        out[name].write_bytes(text.encode("utf-8"))
    return out


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, ["history", *args], input=stdin, catch_exceptions=False)


def add_two(files) -> None:
    first = run("add", "--company", "Acme", "--role", "Data Analyst", "--date", "2025-05-03",
                "--posting", str(files["posting.txt"]), "--url", "https://jobs.example.com/1",
                str(files["letter.txt"]), str(files["why-acme.txt"]))
    assert first.exit_code == 0, first.output
    assert first.stdout == "saved application 1: Acme (Data Analyst), sent 2025-05-03 (2 texts)\n"
    second = run("add", "--company", "Globex", "-", stdin="I would love to join Globex.\n")
    assert second.exit_code == 0, second.output
    assert second.stdout.startswith("saved application 2: Globex, sent ")


def test_history_is_off_until_something_is_added(data):
    listed = run("list")
    assert (listed.exit_code, listed.stdout) == (0, "")
    assert "history is off until you mark one as sent" in listed.stderr
    assert json.loads(run("list", "--format", "json").stdout) == []
    assert not data.exists()


def test_add_list_show(data, files):
    add_two(files)
    lines = run("list").stdout.splitlines()
    assert lines[0] == "1\t2025-05-03\tAcme\tData Analyst\tletter.txt, why-acme.txt"
    assert lines[1].split("\t")[2:] == ["Globex", "", "<stdin>"]
    summary = json.loads(run("list", "--format", "json").stdout)[0]
    assert summary == {"id": 1, "company": "Acme", "role": "Data Analyst",
                       "sent_on": "2025-05-03", "url": "https://jobs.example.com/1",
                       "texts": ["letter.txt", "why-acme.txt"], "words": 23}
    shown = run("show", "1").stdout
    assert shown.startswith("Application 1: Acme (Data Analyst)\nSent: 2025-05-03 (recorded ")
    assert "URL: https://jobs.example.com/1\n" in shown
    assert "--- text 1: letter.txt ---\nDear Acme team,\n\nI rebuilt" in shown
    assert shown.endswith("--- posting ---\nWe are hiring.\n")
    as_json = json.loads(run("show", "1", "--format", "json").stdout)
    assert as_json["texts"][0] == {"label": "letter.txt", "text": LETTER}


def test_export_then_import_into_an_empty_store_round_trips_exactly(data, files, tmp_path,
                                                                    monkeypatch):
    add_two(files)
    run("add", "--company", "Initech", str(files["why-acme.txt"]))
    run("forget", "2")  # a gap in the ids must survive too
    exported = run("export").stdout
    out = tmp_path / "history.json"
    assert run("export", "--output", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == exported
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    monkeypatch.setenv("STANDOUT_DATA_DIR", str(tmp_path / "elsewhere"))
    imported = run("import", str(out))
    assert (imported.exit_code, imported.stdout) == (0, "imported 2 applications\n")
    assert run("export").stdout == exported
    assert [a.id for a in HistoryStore().applications()] == [1, 3]
    again = run("import", str(out))
    assert again.stdout == "imported 0 applications (2 already stored)\n"
    assert run("export").stdout == exported


def test_import_into_a_store_that_uses_the_ids_gives_new_ones(data, files, tmp_path,
                                                              monkeypatch):
    add_two(files)
    exported = tmp_path / "mine.json"
    exported.write_text(run("export").stdout, encoding="utf-8")
    monkeypatch.setenv("STANDOUT_DATA_DIR", str(tmp_path / "other"))
    run("add", "--company", "Hooli", str(files["why-acme.txt"]))
    assert run("import", str(exported)).stdout == "imported 2 applications\n"
    stored = HistoryStore().applications()
    assert sorted((a.id, a.company) for a in stored) == [(1, "Hooli"), (2, "Acme"),
                                                         (3, "Globex")]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"{not json", "not valid JSON (line 1, column 2)"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b'{"applications": []}', "not a Standout history export"),
        (b'{"format": "standout-history", "version": 7, "applications": []}',
         "export version 7 is not supported"),
        (b'{"format": "standout-history", "version": 1, "applications": [{"id": 1}]}',
         "application #1: \"added_at\" must be a string"),
        (b'{"format": "standout-history", "version": 1, "applications": [{"id": 1,'
         b' "company": "A", "sent_on": "2025-01-01", "added_at": "2025-01-01T00:00:00+00:00",'
         b' "texts": ["x"], "secret": 1}]}', "unknown field 'secret'"),
    ],
)
def test_a_bad_import_is_refused_and_changes_nothing(data, files, tmp_path, content, problem):
    add_two(files)
    before = run("export").stdout
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    result = run("import", str(bad))
    assert result.exit_code == 2
    assert problem in result.stderr
    assert "Traceback" not in result.output
    assert run("export").stdout == before


def test_an_import_with_one_bad_application_stores_none(data, tmp_path):
    good = {"id": 1, "company": "A", "role": "", "sent_on": "2025-01-01",
            "added_at": "2025-01-01T00:00:00+00:00", "url": None, "posting": None,
            "texts": [{"label": "", "text": "x"}]}
    bad = {**good, "id": 2, "sent_on": "yesterday"}
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps({"format": "standout-history", "version": 1,
                                "applications": [good, bad]}), encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 2
    assert "application #2: the date must be YYYY-MM-DD" in result.stderr
    assert not (data / "history.sqlite3").exists()


def test_forget_and_clear(data, files):
    add_two(files)
    assert run("forget", "1").stdout == "forgot application 1: Acme (Data Analyst)\n"
    missing = run("forget", "1")
    assert missing.exit_code == 2
    assert "no application with id 1" in missing.stderr
    refused = run("clear", stdin="n\n")
    assert refused.exit_code == 2 and "nothing was deleted" in refused.stderr
    assert (data / "history.sqlite3").exists()
    confirmed = run("clear", stdin="y\n")
    assert confirmed.exit_code == 0
    assert f"removed {data / 'history.sqlite3'}" in confirmed.stdout
    assert sorted(p.name for p in data.iterdir()) == []
    assert run("clear", "--yes").stdout.startswith("No history to clear")


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["add", "--company", "Acme", "missing.txt"], "missing.txt: no such file"),
        (["add", "--company", "", "LETTER"], "the company is required"),
        (["add", "--company", "Acme", "--date", "2025-13-01", "LETTER"], "no such date"),
        (["add", "--company", "Acme", "BINARY"], "not UTF-8 text"),
        (["show", "9"], "no application with id 9"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(data, files, tmp_path, args, problem):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"caf\xe9")
    args = [str(files["letter.txt"]) if a == "LETTER" else str(binary) if a == "BINARY" else a
            for a in args]
    result = run(*args)
    assert result.exit_code == 2
    assert problem in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (data / "history.sqlite3").exists()


def test_a_corrupt_store_is_reported_by_every_command(data, files, tmp_path):
    data.mkdir()
    (data / "history.sqlite3").write_text("my notes, not a database\n" * 50, encoding="utf-8")
    export = tmp_path / "e.json"
    export.write_text('{"format": "standout-history", "version": 1, "applications": []}',
                      encoding="utf-8")
    for args in (["list"], ["show", "1"], ["export"], ["forget", "1"], ["import", str(export)],
                 ["add", "--company", "Acme", str(files["letter.txt"])]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert "Standout will not change it" in result.stderr
    assert (data / "history.sqlite3").read_text(encoding="utf-8").startswith("my notes")
    assert run("clear", "--yes").exit_code == 0  # the way out
    assert not (data / "history.sqlite3").exists()


def test_as_a_user_would_add_then_check_in_new_processes(tmp_path):
    """The real commands, each its own process: what was marked as sent shows in the next check."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "STANDOUT_DATA_DIR": str(tmp_path / "data"),
           "STANDOUT_CONFIG_DIR": str(tmp_path / "config")}
    sent = tmp_path / "globex.txt"
    sent.write_text("Dear Globex team,\n\nI would love to join Globex.\n", encoding="utf-8")
    new = tmp_path / "stark.txt"
    new.write_text("Dear Stark team,\n\nI would love to join Globex and its lab.\n",
                   encoding="utf-8")

    def standout(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "standout", *args], env=env,
                              capture_output=True, text=True, timeout=120)

    before = standout("check", "--company", "Stark Industries", str(new))
    assert "history." not in before.stdout
    assert not (tmp_path / "data" / "history.sqlite3").exists()  # checking stores nothing
    added = standout("history", "add", "--company", "Globex", "--date", "2019-05-03", str(sent))
    assert added.returncode == 0, added.stderr
    after = standout("check", "--company", "Stark Industries", str(new))
    assert (f"{new}:3:22: error history.previous-employer This names Globex as the employer,"
            " but this text is for Stark Industries. You applied to Globex on 3 May 2019") in (
        after.stdout)
    assert "employer.other" not in after.stdout
