"""/v1/history: the token is required and checked; pairing hands it to an extension only;
/v1/check and /v2/check use the history only for a caller with the token."""

from __future__ import annotations

import pytest

from standout import Linter
from standout.config import UserConfig
from standout.history.pairing import Pairings
from standout.history.store import HistoryStore
from standout.web import create_app

EXTENSION = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
LETTER = "Dear Hooli team,\n\nI would love to join Hooli and build its open data tools.\n"
NEW = "I am excited to apply for the analyst position at Hooli 🚀."
APPLICATION = {"company": "Hooli", "role": "Data Analyst", "url": "https://jobs.example/1",
               "texts": [{"label": "Cover letter", "text": LETTER},
                         {"label": "Why us?", "text": "Because of the open data tools."}]}


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    data = tmp_path_factory.mktemp("web-history-data")
    config = tmp_path_factory.mktemp("web-history-config")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STANDOUT_DATA_DIR", str(data))
        linter = Linter(config=UserConfig())
    app = create_app({"TESTING": True, "LINTER": linter, "HISTORY_CONFIG_DIR": str(config)})
    return app, HistoryStore(data), Pairings(config)


@pytest.fixture
def client(setup):
    app, store, pairings = setup
    store.clear()
    pairings.revoke()
    yield app.test_client()
    store.clear()
    pairings.revoke()


@pytest.fixture
def store(setup) -> HistoryStore:
    return setup[1]


@pytest.fixture
def token(setup, client) -> str:
    return setup[2].ensure_token()


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


ENDPOINTS = [("get", "/v1/history", None), ("post", "/v1/history/applications", APPLICATION),
             ("get", "/v1/history/applications/1", None), ("post", "/v1/history/forget",
                                                          {"id": 1}),
             ("get", "/v1/history/export", None)]


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
@pytest.mark.parametrize("header", [None, "Bearer", "Bearer wrong", "Basic {token}",
                                    "Bearer {token}x", "{token}"])
def test_every_history_endpoint_refuses_a_missing_or_wrong_token(client, store, token, method,
                                                                 path, body, header):
    headers = {"Authorization": header.format(token=token)} if header else {}
    response = getattr(client, method)(path, json=body, headers=headers)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "history_token_required"
    assert not store.exists()


def test_with_the_token_an_extension_adds_lists_shows_exports_and_forgets(client, store, token):
    added = client.post("/v1/history/applications", json=APPLICATION,
                        headers={**auth(token), "Origin": EXTENSION})
    assert added.status_code == 201
    summary = added.get_json()["application"]
    assert summary == {"id": 1, "company": "Hooli", "role": "Data Analyst",
                       "sent_on": summary["sent_on"], "url": "https://jobs.example/1",
                       "texts": ["Cover letter", "Why us?"], "words": 21}
    assert added.headers["Access-Control-Allow-Origin"] == EXTENSION
    listed = client.get("/v1/history", headers=auth(token)).get_json()
    assert listed["enabled"] is True and listed["applications"] == [summary]
    assert "Hooli team" not in str(listed)  # a listing never carries the texts
    shown = client.get("/v1/history/applications/1", headers=auth(token)).get_json()
    assert shown["application"]["texts"][0] == {"label": "Cover letter", "text": LETTER}
    exported = client.get("/v1/history/export", headers=auth(token)).get_json()
    assert exported["format"] == "standout-history"
    assert exported["applications"][0]["texts"][0]["text"] == LETTER
    forgotten = client.post("/v1/history/forget", json={"id": 1}, headers=auth(token))
    assert forgotten.get_json()["forgotten"]["id"] == 1
    assert store.applications() == []
    missing = client.post("/v1/history/forget", json={"id": 1}, headers=auth(token))
    assert (missing.status_code, missing.get_json()["error"]["code"]) == (
        404, "unknown_application")
    assert client.get("/v1/history/applications/7", headers=auth(token)).status_code == 404


@pytest.mark.parametrize(("body", "problem"), [
    ({"company": "Hooli"}, "An application needs at least one text."),
    ({"company": "", "texts": ["x"]}, "The company is required"),
    ({"company": "Hooli", "texts": [{"text": 3}]}, "The text #1 must be a string."),
    ({"company": "Hooli", "texts": ["x"], "sent_on": "yesterday"}, "YYYY-MM-DD"),
    ({"company": "Hooli", "texts": ["x"], "salary": 1}, "Unknown field 'salary'"),
    ({"company": ["Hooli"], "texts": ["x"]}, "The company must be a string"),
])
def test_a_bad_application_is_a_400_that_says_why(client, store, token, body, problem):
    response = client.post("/v1/history/applications", json=body, headers=auth(token))
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_application" and problem in error["message"]
    assert not store.exists()


def test_bad_bodies_and_ids_are_400s(client, token):
    for body in (None, [], {"id": "1"}, {"id": True}):
        response = client.post("/v1/history/forget", json=body, headers=auth(token))
        assert response.status_code == 400, body
    garbage = client.post("/v1/history/applications", data=b"\xff{", headers={
        **auth(token), "Content-Type": "application/json"})
    assert garbage.status_code == 400


def test_host_and_origin_rules_still_apply_with_the_token(client, store, token):
    evil_host = client.get("/v1/history", headers={**auth(token), "Host": "evil.example"})
    assert (evil_host.status_code, evil_host.get_json()["error"]["code"]) == (
        403, "forbidden_host")
    page = client.post("/v1/history/applications", json=APPLICATION,
                       headers={**auth(token), "Origin": "https://evil.example"})
    assert (page.status_code, page.get_json()["error"]["code"]) == (403, "forbidden_origin")
    assert "Access-Control-Allow-Origin" not in page.headers
    assert not store.exists()


def test_a_preflight_allows_the_authorization_header_for_an_extension(client):
    response = client.options("/v1/history", headers={
        "Origin": EXTENSION, "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization"})
    assert response.status_code == 204
    assert "Authorization" in response.headers["Access-Control-Allow-Headers"]
    page = client.options("/v1/history", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
    assert page.status_code == 403


def test_pairing_hands_the_token_to_the_extension_once_the_user_approves(client, setup):
    pairings = setup[2]
    for headers in ({}, {"Origin": "https://evil.example"}, {"Origin": "null"}):
        refused = client.post("/v1/history/pairing", headers=headers)
        assert refused.status_code == 403, headers
    started = client.post("/v1/history/pairing", headers={"Origin": EXTENSION}).get_json()
    assert set(started) == {"pairing", "code", "expires_in", "version"}
    body = {"pairing": started["pairing"]}
    waiting = client.post("/v1/history/pairing/token", json=body, headers={"Origin": EXTENSION})
    assert (waiting.status_code, waiting.get_json()["status"]) == (202, "waiting")
    assert "token" not in waiting.get_json()
    assert pairings.approve(started["code"]) == EXTENSION  # `standout history pair CODE`
    paired = client.post("/v1/history/pairing/token", json=body, headers={"Origin": EXTENSION})
    assert paired.status_code == 200
    token = paired.get_json()["token"]
    assert client.get("/v1/history", headers=auth(token)).status_code == 200
    again = client.post("/v1/history/pairing/token", json=body, headers={"Origin": EXTENSION})
    assert (again.status_code, again.get_json()["error"]["code"]) == (410, "pairing_expired")
    no_origin = client.post("/v1/history/pairing/token", json=body)
    assert no_origin.status_code == 403


def test_checks_use_the_history_only_with_the_token(client, store, token):
    store.add("Hooli", "Data Analyst", [LETTER], sent_on="2019-06-01")
    body = {"text": NEW, "context": {"company": "Stark Industries"}}

    def rules(headers):
        found = client.post("/v1/check", json=body, headers=headers).get_json()["findings"]
        return {f["rule"]: f for f in found}

    without = rules({"Origin": EXTENSION})
    assert not [r for r in without if r.startswith("history.")]
    assert "employer.other" in without  # the plain employer check still runs
    found = rules({"Origin": EXTENSION, **auth(token)})["history.previous-employer"]
    assert found["message"].startswith("This names Hooli as the employer, but this text is"
                                       " for Stark Industries. You applied to Hooli for Data"
                                       " Analyst on 1 June 2019")
    assert NEW[found["offset"]:found["offset"] + found["length"]] == "Hooli"  # before the emoji
    assert "open data" not in found["message"] + found["advice"]
    batch = client.post("/v1/check/batch", json={"items": [body]}).get_json()
    assert not [f for f in batch["results"][0]["findings"] if f["rule"].startswith("history")]
    form = {"text": NEW, "language": "en-US", "company": "Stark Industries"}
    plain = client.post("/v2/check", data=form).get_json()
    assert not [m for m in plain["matches"] if m["rule"]["id"].startswith("history")]
    paired = client.post("/v2/check", data=form, headers=auth(token)).get_json()
    assert [m for m in paired["matches"] if m["rule"]["id"] == "history.previous-employer"]


def test_an_unreadable_store_is_a_409(client, store, token):
    store.directory.mkdir(parents=True, exist_ok=True)
    store.path.write_text("not a database\n" * 50, encoding="utf-8")
    for method, path, body in ENDPOINTS:
        response = getattr(client, method)(path, json=body, headers=auth(token))
        assert response.status_code == 409, path
        assert response.get_json()["error"]["code"] == "history_store_unreadable"
    assert store.path.read_text(encoding="utf-8").startswith("not a database")
