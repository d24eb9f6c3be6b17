"""The command line: output formats, exit codes, bad input."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from standout.cli import main

LETTER = (
    "Dear Ms. Park,\n\n"
    "I am writing to apply for the analyst role. I am a team player.\n\n"
    "Last spring I rebuilt the invoicing pipeline at Northwind in Go.\n"
)
CLEAN = "In 2023 I rebuilt the invoicing pipeline at Northwind in Go and cut errors by 30%.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


def run(runner: CliRunner, *args: str, stdin: str | bytes | None = None):
    return runner.invoke(main, list(args), input=stdin, catch_exceptions=False)


def test_text_output_is_path_line_col_severity_rule_message(runner, letter):
    result = run(runner, "check", str(letter))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{letter}:3:1: warning opener.writing-to-apply ")
    column = LETTER.splitlines()[2].index("team player") + 1
    assert any(
        line.startswith(f"{letter}:3:{column}: warning cliche.team-player ") for line in lines
    )
    assert "stand-out score" in result.stderr


def test_advice_flag_prints_advice(runner, letter):
    result = run(runner, "check", "--advice", str(letter))
    assert any(line.startswith("    -> ") for line in result.stdout.splitlines())


def test_json_output(runner, letter):
    result = run(runner, "check", "--format", "json", str(letter))
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    (entry,) = payload["files"]
    assert entry["path"] == str(letter)
    assert 0 <= entry["score"] <= 100
    assert entry["stats"]["words"] > 0
    first = entry["findings"][0]
    assert set(first) == {
        "rule", "category", "severity", "start", "end", "line", "column", "text", "message",
        "advice", "title",
    }
    for finding in entry["findings"]:
        assert LETTER[finding["start"] : finding["end"]] == finding["text"]


def test_json_offsets_are_python_indices_with_emoji_crlf_and_bom(runner, tmp_path):
    text = "🎉 Hi team,\r\n\r\n👩‍💻 I’m writing to apply.\r\nI am a team player.\r\n"
    path = tmp_path / "emoji.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    payload = json.loads(run(runner, "check", "--format", "json", str(path)).stdout)
    findings = {f["rule"]: f for f in payload["files"][0]["findings"]}
    opener = findings["opener.writing-to-apply"]
    assert text[opener["start"] : opener["end"]] == opener["text"] == "I’m writing to apply"
    assert (opener["line"], opener["column"]) == (3, 5)  # the emoji is 3 code points wide
    team = findings["cliche.team-player"]
    assert text[team["start"] : team["end"]] == "team player"
    assert (team["line"], team["column"]) == (4, 8)


def test_standard_input(runner):
    result = run(runner, "check", "-", stdin="I am a team player.\n")
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:1:8: warning cliche.team-player")


@pytest.mark.parametrize(
    ("fail_on", "code"), [("warning", 1), ("error", 0), ("info", 1), ("never", 0)]
)
def test_fail_on(runner, letter, fail_on, code):
    assert run(runner, "check", "--fail-on", fail_on, str(letter)).exit_code == code


def test_clean_text_exits_zero(runner, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = run(runner, "check", str(path))
    assert result.exit_code == 0
    assert result.stdout == ""


def test_context_options_reach_the_engine(runner):
    text = "I would love to bring my analytics work to the analyst position at Globex.\n"
    args = ["check", "--format", "json", "-"]
    without = run(runner, *args, stdin=text)
    assert json.loads(without.stdout)["files"][0]["findings"] == []
    result = run(runner, "check", "--company", "Acme", "--format", "json", "-", stdin=text)
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert finding["rule"] == "employer.other"
    assert finding["text"] == "Globex"


def test_disable_options(runner, letter):
    result = run(runner, "check", "--disable", "cliche.team-player",
                 "--disable-category", "opener", str(letter))
    assert result.exit_code == 0
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "missing.txt"], "missing.txt: no such file"),
        (["check", "."], ".: is a directory"),
        (["check", "--disable", "no.such-rule", "x.txt"], "unknown rule 'no.such-rule'"),
        (["check", "--format", "xml", "x.txt"], "'xml' is not one of"),
        (["check"], "Missing argument"),
        (["rules", "--category", "nope"], "unknown category 'nope'"),
        (["frobnicate"], "No such command"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(runner, args, message):
    result = run(runner, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_not_utf8_is_an_input_error(runner, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 team player".encode("latin-1"))
    result = run(runner, "check", str(path))
    assert result.exit_code == 2
    assert "not UTF-8" in result.stderr and "0xe9" in result.stderr


def test_a_nul_character_is_an_input_error_as_in_the_api(runner, tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"I am a team\x00player.")
    result = run(runner, "check", str(path))
    assert result.exit_code == 2
    assert "NUL character (at character 11)" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_file_does_not_stop_the_others(runner, letter):
    result = run(runner, "check", "missing.txt", str(letter))
    assert result.exit_code == 2
    assert "cliche.team-player" in result.stdout
    assert "missing.txt: no such file" in result.stderr


def test_rules_lists_and_filters(runner):
    result = run(runner, "rules", "--category", "cliche")
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows and all(row[1] == "cliche" for row in rows)
    assert any(row[0] == "cliche.team-player" for row in rows)
    payload = json.loads(run(runner, "rules", "--format", "json").stdout)
    expected = {"id", "category", "severity", "message", "advice", "title", "enabled"}
    assert expected <= set(payload[0])
    # rule texts are templates; a listing fills them ("the employer"), never shows "$company"
    assert not [r["id"] for r in payload if "$" in r["message"] + r["advice"]]
    assert "$" not in run(runner, "rules").stdout


def test_module_and_console_script_run(tmp_path, letter):
    module = subprocess.run(
        [sys.executable, "-m", "standout", "check", str(letter)],
        capture_output=True, text=True, timeout=60,
    )
    assert module.returncode == 1
    assert "opener.writing-to-apply" in module.stdout
    script = Path(sys.executable).parent / "standout"
    version = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("standout, version")


def test_progress_bar_only_at_a_terminal(tmp_path):
    files = []
    for i in range(6):
        path = tmp_path / f"letter{i}.txt"
        path.write_text(LETTER, encoding="utf-8")
        files.append(str(path))
    command = [sys.executable, "-m", "standout", "check", "--fail-on", "never", *files]
    piped = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert "Checking" not in piped.stderr
    leader, follower = pty.openpty()
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower) as process:
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        process.wait(timeout=60)
    os.close(leader)
    assert b"Checking" in output
