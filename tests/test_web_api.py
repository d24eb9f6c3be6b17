"""API v1 through Flask's test client: every endpoint and every error path."""

from __future__ import annotations

import json

import pytest

from standout import __version__
from standout.web import create_app

LETTER = (
    "I am writing to apply for the analyst role at Acme. 🚀 I am a team player.\r\n\r\n"
    "In 2023 I rebuilt the billing export in Go, which cut support tickets by a third."
)


def utf16_slice(text: str, offset: int, length: int) -> str:
    data = text.encode("utf-16-le")
    return data[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def check(client, body, **kwargs):
    return client.post("/v1/check", json=body, **kwargs)


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert "Traceback" not in response.get_data(as_text=True)
    return body["error"]


# --- POST /v1/check ------------------------------------------------------------

def test_check_returns_findings_score_stats_and_version(client):
    response = check(client, {"text": LETTER, "context": {"company": "Acme"}})
    assert response.status_code == 200
    body = response.get_json()
    assert list(body) == ["findings", "score", "stats", "paragraphs", "specifics", "version"]
    assert body["version"] == __version__
    assert 0 <= body["score"] <= 100
    assert body["stats"]["paragraphs"] == 2 == len(body["paragraphs"])
    parts = body["stats"]["score_parts"]
    # the parts are rounded to a tenth, the score from the unrounded ones
    assert abs(parts["specificity"] + parts["originality"] - body["score"]) <= 0.6
    # trust: what stock phrases leave of the specifics (docs/score.md)
    assert parts["trust"] == round(0.5 + 0.5 * parts["originality"] / 40, 2) < 1
    # coverage: what sentences with nothing checkable leave of originality
    stats = body["stats"]
    share = min(1.0, stats["specific_sentences"] / stats["sentences"] / (2 / 3))
    assert parts["coverage"] == round(0.5 + 0.5 * share, 2)
    assert body["stats"]["kind"] == "letter"
    units = LETTER.encode("utf-16-le")  # offsets count UTF-16 code units

    def utf16_slice(item):
        return units[2 * item["offset"] : 2 * (item["offset"] + item["length"])].decode("utf-16-le")

    assert all(utf16_slice(p).strip() for p in body["paragraphs"])
    assert body["specifics"] and all(utf16_slice(s) == s["text"] for s in body["specifics"])
    rules = [f["rule"] for f in body["findings"]]
    assert "opener.writing-to-apply" in rules
    assert "cliche.team-player" in rules
    for finding in body["findings"]:
        assert list(finding) == ["rule", "category", "severity", "offset", "length", "text",
                                 "message", "advice", "title"]


def test_offsets_count_utf16_code_units(client):
    body = check(client, {"text": LETTER}).get_json()
    team = next(f for f in body["findings"] if f["rule"] == "cliche.team-player")
    python_start = LETTER.index("team player")
    # One astral character (the rocket) comes before: two UTF-16 units.
    assert team["offset"] == python_start + 1
    assert team["length"] == len("team player")
    for finding in body["findings"]:
        assert utf16_slice(LETTER, finding["offset"], finding["length"]) == finding["text"]


def test_offsets_around_several_astral_characters(client):
    text = "𝒜𝒝😀 I am writing to apply. 👩‍💻 I am a team player 🎉."
    body = check(client, {"text": text}).get_json()
    assert {f["rule"] for f in body["findings"]} >= {"cliche.team-player"}
    for finding in body["findings"]:
        assert utf16_slice(text, finding["offset"], finding["length"]) == finding["text"]


def test_context_fills_the_message(client):
    text = "I am excited to apply for the analyst position at Globex."
    body = check(client, {"text": text, "context": {"company": "Acme"}}).get_json()
    other = next(f for f in body["findings"] if f["rule"] == "employer.other")
    assert "Globex" in other["message"] and "Acme" in other["message"]
    assert other["text"] == "Globex"


def test_options_disable_rules_and_categories(client):
    base = {"text": LETTER}
    rules = {f["rule"] for f in check(client, base).get_json()["findings"]}
    assert "cliche.team-player" in rules
    off = check(client, {**base, "options": {"disabled_rules": ["cliche.team-player"]}})
    assert "cliche.team-player" not in {f["rule"] for f in off.get_json()["findings"]}
    off = check(client, {**base, "options": {"disabled_categories": ["opener"]}})
    assert not any(f["category"] == "opener" for f in off.get_json()["findings"])


def test_unknown_rule_ids_are_ignored(client):
    response = check(client, {"text": LETTER, "options": {"disabled_rules": ["no.such-rule"],
                                                          "disabled_categories": ["nothing"]}})
    assert response.status_code == 200
    assert response.get_json()["findings"]


def test_min_severity_hides_lower_findings(client):
    text = "Dear [Company Name],\n\nI am a team player."
    all_findings = check(client, {"text": text}).get_json()["findings"]
    assert {f["severity"] for f in all_findings} == {"error", "warning"}
    errors_only = check(client, {"text": text, "options": {"min_severity": "error"}})
    assert {f["severity"] for f in errors_only.get_json()["findings"]} == {"error"}
    warnings_up = check(client, {"text": text, "options": {"min_severity": "warning"}})
    assert len(warnings_up.get_json()["findings"]) == len(all_findings)


def test_unknown_fields_are_ignored(client):
    response = check(client, {"text": "Hello.", "extra": [1, 2], "context": {"mood": 3},
                              "options": {"future": True}})
    assert response.status_code == 200


def test_empty_text_is_fine(client):
    body = check(client, {"text": ""}).get_json()
    assert body["findings"] == [] and body["score"] == 0


def test_json_is_read_whatever_the_content_type(client):
    response = client.post("/v1/check", data=json.dumps({"text": "I am a team player."}),
                           content_type="text/plain")
    assert response.status_code == 200
    assert response.get_json()["findings"][0]["rule"] == "cliche.team-player"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"{not json", "invalid_json"),
        (b"", "invalid_json"),
        (b"\xff\xfe{}", "invalid_json"),
        (b"[1, 2]", "invalid_body"),
        (b'"text"', "invalid_body"),
        (b"{}", "missing_text"),
        (b'{"text": null}', "missing_text"),
        (b'{"text": 42}', "invalid_text"),
        (b'{"text": ["a"]}', "invalid_text"),
        (b'{"text": "a\\u0000b"}', "invalid_text"),
        (b'{"text": "lone \\ud800 surrogate"}', "invalid_text"),
        (b'{"text": "lone \\udfff low"}', "invalid_text"),
        (b'{"text": "x", "context": "Acme"}', "invalid_context"),
        (b'{"text": "x", "context": {"company": 7}}', "invalid_context"),
        (b'{"text": "x", "context": {"role": ["a"]}}', "invalid_context"),
        (b'{"text": "x", "context": {"company": "a\\u0000"}}', "invalid_context"),
        (b'{"text": "x", "options": []}', "invalid_options"),
        (b'{"text": "x", "options": {"disabled_rules": "cliche.team-player"}}',
         "invalid_options"),
        (b'{"text": "x", "options": {"disabled_rules": [1]}}', "invalid_options"),
        (b'{"text": "x", "options": {"disabled_categories": {}}}', "invalid_options"),
        (b'{"text": "x", "options": {"min_severity": "fatal"}}', "invalid_options"),
        (b'{"text": "x", "options": {"min_severity": 2}}', "invalid_options"),
    ],
)
def test_bad_input_is_a_json_400(client, data, code):
    response = client.post("/v1/check", data=data, content_type="application/json")
    assert_error(response, 400, code)


def test_deeply_nested_json_is_a_400_not_a_crash(client):
    data = b"[" * 100_000 + b"]" * 100_000
    response = client.post("/v1/check", data=data, content_type="application/json")
    assert response.status_code in (400, 413)
    assert response.get_json()["error"]["code"] in ("invalid_json", "payload_too_large")


def test_body_over_the_limit_is_413(linter):
    app = create_app({"TESTING": True, "LINTER": linter, "MAX_CONTENT_LENGTH": 1000})
    client = app.test_client()
    response = client.post("/v1/check", json={"text": "word " * 400})
    assert_error(response, 413, "payload_too_large")
    assert client.post("/v1/check", json={"text": "word " * 10}).status_code == 200


def test_default_body_limit_is_one_mebibyte(client, app):
    assert app.config["MAX_CONTENT_LENGTH"] == 1024 * 1024
    response = client.post("/v1/check", json={"text": "a" * (1024 * 1024 + 10)})
    assert_error(response, 413, "payload_too_large")


def test_wrong_method_is_405_with_allow(client):
    response = client.get("/v1/check")
    error = assert_error(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]
    assert error["message"]
    assert_error(client.delete("/v1/rules"), 405, "method_not_allowed")


def test_unknown_path_is_404(client):
    assert_error(client.get("/v1/nothing"), 404, "not_found")
    assert_error(client.post("/v3/check", json={"text": "x"}), 404, "not_found")


def test_an_unexpected_failure_is_a_json_500_without_traceback(linter, monkeypatch, caplog):
    app = create_app({"TESTING": False, "LINTER": linter})
    secret = "my very private sentence"

    def explode(*args, **kwargs):
        raise RuntimeError(f"engine failed on {secret}")

    monkeypatch.setattr(linter, "check", explode)
    response = app.test_client().post("/v1/check", json={"text": secret})
    assert_error(response, 500, "internal_error")
    assert secret not in response.get_data(as_text=True)
    assert "RuntimeError" in caplog.text
    assert secret not in caplog.text


# --- POST /v1/check/batch -----------------------------------------------------

def test_batch_checks_each_item_in_order(client):
    items = [
        {"id": "a", "text": "I am a team player."},
        {"id": 7, "text": "😀 I am writing to apply.", "context": {"company": "Acme"}},
        {"text": "Nothing to see."},
    ]
    response = client.post("/v1/check/batch", json={"items": items})
    assert response.status_code == 200
    body = response.get_json()
    assert body["version"] == __version__
    results = body["results"]
    assert [r["id"] for r in results] == ["a", 7, 2]
    assert [f["rule"] for f in results[0]["findings"]] == ["cliche.team-player"]
    opener = results[1]["findings"][0]
    assert opener["rule"] == "opener.writing-to-apply"
    assert opener["offset"] == 3  # after the emoji (2 units) and a space
    assert results[2]["findings"] == []
    single = check(client, {"text": items[0]["text"]}).get_json()
    assert results[0]["findings"] == single["findings"]
    assert results[0]["score"] == single["score"]


def test_batch_applies_options_to_every_item(client):
    items = [{"text": "I am a team player."}, {"text": "A real team player."}]
    body = client.post("/v1/check/batch", json={
        "items": items, "options": {"disabled_rules": ["cliche.team-player"]},
    }).get_json()
    assert all(r["findings"] == [] for r in body["results"])


def test_batch_limit(linter):
    app = create_app({"TESTING": True, "LINTER": linter, "MAX_BATCH_ITEMS": 3})
    client = app.test_client()
    ok = client.post("/v1/check/batch", json={"items": [{"text": "x"}] * 3})
    assert ok.status_code == 200
    too_many = client.post("/v1/check/batch", json={"items": [{"text": "x"}] * 4})
    assert_error(too_many, 413, "too_many_items")


def test_a_batch_holds_100_items_by_default(client):
    ok = client.post("/v1/check/batch", json={"items": [{"text": "x"}] * 100})
    assert ok.status_code == 200 and len(ok.get_json()["results"]) == 100
    too_many = client.post("/v1/check/batch", json={"items": [{"text": "x"}] * 101})
    assert_error(too_many, 413, "too_many_items")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({}, "invalid_items"),
        ({"items": {"text": "x"}}, "invalid_items"),
        ({"items": ["x"]}, "invalid_items"),
        ({"items": [{"text": "x", "id": 1.5}]}, "invalid_items"),
        ({"items": [{"text": "x", "id": True}]}, "invalid_items"),
        ({"items": [{"text": "x", "id": None}]}, "invalid_items"),
        ({"items": [{"id": "a"}]}, "missing_text"),
        ({"items": [{"text": "x"}, {"text": 5}]}, "invalid_text"),
        ({"items": [{"text": "a\u0000"}]}, "invalid_text"),
        ({"items": [{"text": "x", "context": 3}]}, "invalid_context"),
        ({"items": [], "options": {"min_severity": "loud"}}, "invalid_options"),
    ],
)
def test_batch_bad_input(client, body, code):
    error = assert_error(client.post("/v1/check/batch", json=body), 400, code)
    if "items" in body and isinstance(body["items"], list) and len(body["items"]) > 1:
        assert "items[1]" in error["message"]


def test_batch_of_nothing(client):
    body = client.post("/v1/check/batch", json={"items": []}).get_json()
    assert body["results"] == []
