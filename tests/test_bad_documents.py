"""Huge integers, deep nesting, bad regexes and byte-order marks in everything a user or a
client supplies (issue 9, item 4): 400 for requests, 409 for the saved samples (checks
carry on and say so), a one-line error and exit status 2 for the CLI and ``serve``.

A 5,000-digit integer makes ``json``, ``tomllib`` and PyYAML raise ``ValueError``
(Python's limit on converting digit strings), 100,000 brackets ``RecursionError``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from test_samples_web import BUNDLED_COPY, SAMPLE, client, error_code, own_linter  # noqa: F401

import standout
from standout.cli import main

LONG_INT = "7" * 5000
DEEP = "[" * 100_000 + "]" * 100_000
BAD_JSON_BODIES = [
    f'{{"text": "I am a team player.", "n": {LONG_INT}}}',
    f'{{"text": "I am a team player.", "n": {DEEP}}}',
    f'{{"items": [{{"text": "x", "id": {LONG_INT}}}]}}',
]


@pytest.mark.parametrize("body", BAD_JSON_BODIES)
@pytest.mark.parametrize("path", ["/v1/check", "/v1/check/batch", "/v1/samples",
                                  "/v1/samples/remove"])
def test_json_endpoints_answer_400(client, path, body):  # noqa: F811
    response = client.post(path, data=body, content_type="application/json")
    assert error_code(response, 400) == "invalid_json"
    assert LONG_INT not in response.get_data(as_text=True)


@pytest.mark.parametrize("body", BAD_JSON_BODIES[:2])
def test_v2_answers_400(client, body):  # noqa: F811
    response = client.post("/v2/check", data=body, content_type="application/json")
    assert error_code(response, 400) == "invalid_body"
    data = json.dumps({"text": "x"})[:-1] + f', "n": {LONG_INT}}}'
    response = client.post("/v2/check", data={"data": data, "language": "en"})
    assert error_code(response, 400) == "invalid_data"


def test_a_bom_is_dropped_and_utf16_refused(client):  # noqa: F811
    body = json.dumps({"text": "I am a team player."})
    assert client.post("/v1/check", data=b"\xef\xbb\xbf" + body.encode(),
                       content_type="application/json").status_code == 200
    for encoding in ("utf-16", "utf-16-le", "utf-32"):
        response = client.post("/v1/check", data=body.encode(encoding),
                               content_type="application/json")
        assert error_code(response, 400) == "invalid_json"
    form = "text=I%20am%20a%20team%20player.%FF&language=en"  # %FF is no UTF-8
    response = client.post("/v2/check", data=form,
                           content_type="application/x-www-form-urlencoded")
    assert error_code(response, 400) == "invalid_body"


STORES = {
    "long next_id": f'{{"format": "standout-samples", "version": 1, "next_id": {LONG_INT},'
                    ' "samples": []}',
    "4,000-digit next_id": '{"format": "standout-samples", "version": 1, "next_id": '
                           + "9" * 4000 + ', "samples": []}',
    "long id": '{"format": "standout-samples", "version": 1, "samples": [{"id": "user-'
               + "9" * 5000 + '", "title": "t", "text": "x", "added": "2025"}]}',
    "deep nesting": DEEP,
}


@pytest.mark.parametrize("content", STORES.values(), ids=STORES.keys())
def test_a_broken_store_is_a_409_and_checks_say_so(client, own_linter, content):  # noqa: F811
    matcher = own_linter.samples
    path = matcher.store.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    try:
        assert error_code(client.get("/v1/samples"), 409) == "sample_store_unreadable"
        checked = client.post("/v1/check", json={"text": BUNDLED_COPY})
        assert checked.status_code == 200
        assert any(f["rule"] == "sample.follows-sample" for f in checked.get_json()["findings"])
        (warning,) = checked.get_json()["warnings"]
        assert warning["code"] == "sample_store_unreadable"
        assert str(path) in warning["message"] and len(warning["message"]) < 400
        batch = client.post("/v1/check/batch", json={"items": [{"text": BUNDLED_COPY}]})
        assert batch.get_json()["warnings"][0]["code"] == "sample_store_unreadable"
        assert path.read_text(encoding="utf-8") == content  # never overwritten
    finally:
        path.unlink()
        matcher.reload()
    assert "warnings" not in client.post("/v1/check", json={"text": BUNDLED_COPY}).get_json()


def test_a_bom_in_the_store_is_read(client, own_linter):  # noqa: F811
    store = own_linter.samples.store
    store.add(SAMPLE)
    raw = store.path.read_bytes()
    store.path.write_bytes(b"\xef\xbb\xbf" + raw)  # saved again by Notepad
    try:
        assert [s["id"] for s in client.get("/v1/samples").get_json()["samples"]] == ["user-1"]
    finally:
        store.path.unlink()
        own_linter.samples.reload()


# --- the command line and serve ----------------------------------------------------

def run(args, env):
    return subprocess.run([sys.executable, "-m", "standout", *args], capture_output=True,
                          input="", text=True, env={**os.environ, **env}, timeout=120,
                          check=False)


def one_line_error(result, *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("standout: error: "), result.stderr
    for needle in needles:
        assert needle in lines[0]


RULE = """category: mine
title: Mine
rules:
  - id: mine.thing
    title: A thing
    message: Says a thing.
    advice: Say another.
    {kind}
    examples: {{flag: ["a thing"], pass: ["nothing"]}}
"""
CONFIGS = {
    "config.toml": [(f"disabled_rules = {LONG_INT}\n", "too long"),
                    ("disabled_rules = " + "[" * 100_000 + "\n", "nested too deeply")],
    "rules/mine.yaml": [
        (RULE.format(kind="regex: ['a(']"), "bad regex"),
        (RULE.format(kind="regex: ['" + "(" * 10_000 + "a" + ")" * 10_000 + "']"),
         "bad regex"),
        (RULE.format(kind="regex: ['a{99999999999}']"), "bad regex"),
        (RULE.format(kind="tokens: [[{TEXT: {REGEX: 'a('}}]]"), "bad token pattern"),
        (RULE.format(kind=f"max_gap: {LONG_INT}\n    phrases: [a thing]"), "too long"),
        ("category: mine\nrules: " + "[" * 100_000, "nested too deeply"),
    ],
}
CASES = [(name, content, needle) for name, cases in CONFIGS.items()
         for content, needle in cases]


def write_config(tmp_path, name: str, content: str):
    config = tmp_path / "config"
    (config / name).parent.mkdir(parents=True, exist_ok=True)
    (config / name).write_text(content, encoding="utf-8")
    return config


@pytest.mark.parametrize(("name", "content", "needle"), CASES)
def test_broken_user_files_are_one_line_and_exit_2(tmp_path, monkeypatch, name, content,
                                                   needle):
    config = write_config(tmp_path, name, content)
    monkeypatch.setenv("STANDOUT_CONFIG_DIR", str(config))
    monkeypatch.setattr(standout, "_default", None)  # the CLI loads its linter afresh
    result = CliRunner().invoke(main, ["check", "-"], input="Hello.")
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("standout: error: "), result.stderr
    assert str(config / name) in lines[0] and needle in lines[0]


@pytest.mark.parametrize(("name", "content", "needle"), [CASES[0], CASES[-1]])
def test_serve_with_broken_user_files_is_one_line_and_exit_2(tmp_path, name, content,
                                                             needle):
    config = write_config(tmp_path, name, content)
    result = run(["serve", "--port", "0"], {"STANDOUT_CONFIG_DIR": str(config),
                                            "STANDOUT_DATA_DIR": str(tmp_path / "data")})
    one_line_error(result, str(config / name), needle)


def test_a_bom_in_user_files_is_read(tmp_path):
    config = tmp_path / "config"
    (config / "rules").mkdir(parents=True)
    (config / "config.toml").write_bytes(b'\xef\xbb\xbfdisabled_rules = ["cliche.team-player"]\n')
    (config / "rules" / "mine.yaml").write_bytes(
        b"\xef\xbb\xbf" + RULE.format(kind="phrases: [synergy stack]").encode())
    # In a process of its own: the CLI keeps the linter it loads (standout.default_linter).
    result = subprocess.run([sys.executable, "-m", "standout", "check", "-"],
                            input="I am a team player with a synergy stack.",
                            capture_output=True, text=True, timeout=120, check=False,
                            env={**os.environ, "STANDOUT_CONFIG_DIR": str(config)})
    assert result.returncode == 1, result.stderr
    assert "mine.thing" in result.stdout and "team-player" not in result.stdout


def test_a_broken_store_lets_the_cli_check_and_says_so(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "samples.json").write_text(STORES["long next_id"], encoding="utf-8")
    env = {"STANDOUT_DATA_DIR": str(data), "STANDOUT_CONFIG_DIR": str(tmp_path / "none")}
    listed = run(["samples", "list"], env)
    one_line_error(listed, str(data / "samples.json"), "too long")
    checked = subprocess.run([sys.executable, "-m", "standout", "check", "-"],
                             input=BUNDLED_COPY, capture_output=True, text=True,
                             env={**os.environ, **env}, timeout=120, check=False)
    assert checked.returncode == 1 and "sample.follows-sample" in checked.stdout
    assert "checking without the saved samples" in checked.stderr
    assert "Traceback" not in checked.stderr


def test_a_long_context_option_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["check", "--company", "A" * 201, "-"], input="Hello.")
    assert result.exit_code == 2
    assert "--company is longer than 200 characters" in result.stderr


def test_the_documents_module_names_every_failure():
    from standout.documents import DocumentError, json_document, toml_document, yaml_document

    for read, raw in [(json_document, LONG_INT.encode()), (json_document, DEEP.encode()),
                      (toml_document, f"a = {LONG_INT}".encode()), (yaml_document, DEEP.encode()),
                      (yaml_document, f"a: {LONG_INT}".encode()), (json_document, b"\xff")]:
        with pytest.raises(DocumentError):
            read(raw)
    assert json_document(b"\xef\xbb\xbf[1]") == [1] and toml_document(b"\xef\xbb\xbfa = 1")
