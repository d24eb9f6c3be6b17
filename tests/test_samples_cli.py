"""``standout samples``: add, list, remove, where, clear errors; ``check`` sees saved samples."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from standout.cli import main

SAMPLE = (
    "Working at a company that values innovation has always been my goal. I admire how your"
    " teams experiment, measure and share what they learn. In my current job I introduced"
    " weekly demos, which helped our group release features faster.\n"
)
EDITED = (
    "Working at a firm that values innovation has always been my aim. I admire how your teams"
    " experiment, measure and share what they discover. In my present job I set up weekly"
    " demos, which helped our group ship features faster.\n"
)


@pytest.fixture
def sample_file(tmp_path) -> Path:
    path = tmp_path / "from-the-web.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def test_add_list_remove(data, sample_file):
    result = run("samples", "add", str(sample_file), "--title", "Careers blog")
    assert result.exit_code == 0
    assert result.stdout == "saved user-1: 'Careers blog' (39 words)\n"
    listed = run("samples", "list")
    assert listed.exit_code == 0
    (line,) = listed.stdout.splitlines()
    identifier, added, words, title = line.split("\t")
    assert (identifier, words, title) == ("user-1", "39", "Careers blog")
    assert len(added) == 10
    as_json = json.loads(run("samples", "list", "--format", "json").stdout)
    assert as_json[0]["id"] == "user-1" and as_json[0]["text"] == SAMPLE.strip()
    removed = run("samples", "remove", "user-1")
    assert (removed.exit_code, removed.stdout) == (0, "removed user-1: 'Careers blog'\n")
    empty = run("samples", "list")
    assert (empty.exit_code, empty.stdout) == (0, "")
    assert "No saved samples yet" in empty.stderr


def test_add_from_standard_input_takes_its_title_from_the_text(data):
    result = run("samples", "add", "-", stdin=SAMPLE)
    assert result.exit_code == 0
    assert "'Working at a company that values innovation has…'" in result.stdout


def test_where_prints_the_store_file(data):
    result = run("samples", "where")
    assert result.stdout.strip() == str(data / "samples.json")


def test_bundled_samples_can_be_listed(data):
    lines = run("samples", "list", "--bundled").stdout.splitlines()
    assert len(lines) >= 150
    assert any(line.startswith("why-company-3\tanswer\t") for line in lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("samples", "add", "missing.txt"), "missing.txt: no such file"),
        (("samples", "remove", "user-4"), "no saved sample with id 'user-4'"),
    ],
)
def test_errors_are_one_line_and_exit_2(data, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == f"standout: error: {message}" + (
        " (see 'standout samples list')\n" if "remove" in args else "\n"
    )


def test_short_or_repeated_samples_are_refused(data, sample_file, tmp_path):
    short = tmp_path / "short.txt"
    short.write_text("Too short to be a sample.", encoding="utf-8")
    result = run("samples", "add", str(short))
    assert result.exit_code == 2
    assert "it needs at least 20 to be matched reliably" in result.stderr
    assert run("samples", "add", str(sample_file)).exit_code == 0
    again = run("samples", "add", str(sample_file))
    assert again.exit_code == 2
    assert "already saved as '" in again.stderr and "user-1" not in again.stderr


def test_a_corrupt_store_is_an_error_and_left_alone(data, sample_file):
    data.mkdir()
    (data / "samples.json").write_text("{oops", encoding="utf-8")
    for args in (("samples", "list"), ("samples", "add", str(sample_file)),
                 ("samples", "remove", "user-1")):
        result = run(*args)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"standout: error: {data / 'samples.json'}: not valid JSON")
        assert "Fix the file or move it away" in result.stderr
    assert (data / "samples.json").read_text(encoding="utf-8") == "{oops"


def test_check_reports_a_text_that_follows_a_saved_sample(tmp_path, sample_file):
    """End to end, in a fresh process: save, then check with --format json."""
    env = {**os.environ, "STANDOUT_DATA_DIR": str(tmp_path / "own")}
    command = [sys.executable, "-m", "standout"]
    saved = subprocess.run([*command, "samples", "add", str(sample_file), "--title", "Blog"],
                           env=env, capture_output=True, text=True, check=False)
    assert saved.returncode == 0, saved.stderr
    letter = tmp_path / "letter.txt"
    letter.write_text(EDITED, encoding="utf-8")
    checked = subprocess.run([*command, "check", "--format", "json", str(letter)],
                             env=env, capture_output=True, text=True, check=False)
    assert checked.returncode == 1, checked.stderr
    (finding,) = [f for f in json.loads(checked.stdout)["files"][0]["findings"]
                  if f["rule"] == "sample.follows-sample"]
    assert "your saved sample 'Blog'" in finding["message"]
    assert (finding["start"], finding["line"], finding["column"]) == (0, 1, 1)
