"""/v1/samples (list, save, remove) and sample findings through /v1/check and /v2/check."""

from __future__ import annotations

import pytest

from standout import Linter
from standout.config import UserConfig
from standout.samples.store import SampleStore
from standout.web import create_app

SAMPLE = (
    "Working at a company that values innovation has always been my goal. I admire how your"
    " teams experiment, measure and share what they learn. In my current job I introduced"
    " weekly demos, which helped our group release features faster."
)
EDITED = (
    "Working at a firm that values innovation has always been my aim. I admire how your teams"
    " experiment, measure and share what they discover. In my present job I set up weekly"
    " demos, which helped our group ship features faster."
)
# strength-2 with synonyms swapped
BUNDLED_COPY = (
    "I would say my biggest strength is my communication abilities. I am able to explain"
    " complicated information plainly, whether I am talking with buyers, coworkers or senior"
    " leadership. I am also a good listener, which helps me grasp what people truly need."
)
EXTENSION = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"


@pytest.fixture(scope="module")
def own_linter(tmp_path_factory) -> Linter:
    """A linter of its own, so saved samples here never reach other tests."""
    linter = Linter(config=UserConfig())
    linter.samples.store = SampleStore(tmp_path_factory.mktemp("samples"))
    linter.samples.reload()
    return linter


@pytest.fixture
def client(own_linter):
    store = own_linter.samples.store
    for sample in store.load():
        store.remove(sample.id)
    app = create_app({"TESTING": True, "LINTER": own_linter})
    return app.test_client()


def error_code(response, status: int) -> str:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()["error"]["code"]


def test_list_is_empty_at_first(client):
    body = client.get("/v1/samples").get_json()
    assert body["samples"] == [] and body["enabled"] is True
    assert body["bundled"] >= 150


def test_save_list_remove(client):
    saved = client.post("/v1/samples", json={"text": SAMPLE, "title": "Careers blog"},
                        headers={"Origin": EXTENSION})
    assert saved.status_code == 201
    assert saved.headers["Access-Control-Allow-Origin"] == EXTENSION
    sample = saved.get_json()["sample"]
    assert sample["id"].startswith("user-") and sample["title"] == "Careers blog"
    assert sample["words"] == 39 and sample["preview"].startswith("Working at a company")
    assert len(sample["preview"]) <= 160
    listed = client.get("/v1/samples").get_json()["samples"]
    assert [s["id"] for s in listed] == [sample["id"]]
    removed = client.post("/v1/samples/remove", json={"id": sample["id"]})
    assert removed.status_code == 200 and removed.get_json()["removed"] == sample
    assert client.get("/v1/samples").get_json()["samples"] == []


def test_a_saved_sample_is_matched_by_the_next_check(client):
    def sample_findings() -> list[dict]:
        body = client.post("/v1/check", json={"text": EDITED}).get_json()
        return [f for f in body["findings"] if f["rule"] == "sample.follows-sample"]

    assert sample_findings() == []
    saved = client.post("/v1/samples", json={"text": SAMPLE, "title": "Careers blog"})
    (finding,) = sample_findings()
    assert "your saved sample 'Careers blog'" in finding["message"]
    removed = client.post("/v1/samples/remove", json={"id": saved.get_json()["sample"]["id"]})
    assert removed.status_code == 200
    assert sample_findings() == []


def test_bundled_samples_come_through_the_languagetool_endpoint(client):
    response = client.post("/v2/check", data={"text": BUNDLED_COPY, "language": "en-US"})
    assert response.status_code == 200
    matches = [m for m in response.get_json()["matches"]
               if m["rule"]["id"] == "sample.follows-sample"]
    assert len(matches) == 1
    assert "the sample answer 'What is your greatest strength? (2)'" in matches[0]["message"]
    assert matches[0]["offset"] == 0


@pytest.mark.parametrize(
    ("path", "body", "status", "code"),
    [
        ("/v1/samples", {"text": "too short"}, 400, "invalid_sample"),
        ("/v1/samples", {"text": 5}, 400, "invalid_text"),
        ("/v1/samples", {}, 400, "missing_text"),
        ("/v1/samples", {"text": SAMPLE, "title": 3}, 400, "invalid_title"),
        ("/v1/samples", {"text": SAMPLE, "title": "t" * 300}, 400, "invalid_sample"),
        ("/v1/samples", [SAMPLE], 400, "invalid_body"),
        ("/v1/samples/remove", {}, 400, "invalid_id"),
        ("/v1/samples/remove", {"id": "user-77"}, 404, "unknown_sample"),
    ],
)
def test_bad_requests_get_json_errors(client, path, body, status, code):
    assert error_code(client.post(path, json=body), status) == code


def test_a_duplicate_is_refused(client):
    first = client.post("/v1/samples", json={"text": SAMPLE})
    assert first.status_code == 201
    response = client.post("/v1/samples", json={"text": SAMPLE})
    assert error_code(response, 400) == "invalid_sample"
    message = response.get_json()["error"]["message"]
    assert f"already saved as '{first.get_json()['sample']['title']}'" in message


def test_web_pages_cannot_read_or_change_samples(client):
    evil = {"Origin": "https://evil.example"}
    assert error_code(client.get("/v1/samples", headers=evil), 403) == "forbidden_origin"
    response = client.post("/v1/samples", json={"text": SAMPLE}, headers=evil)
    assert error_code(response, 403) == "forbidden_origin"
    assert client.get("/v1/samples").get_json()["samples"] == []


def test_a_corrupt_store_is_a_409_and_is_left_alone(client, own_linter):
    matcher = own_linter.samples
    path = matcher.store.path
    path.write_text("{oops", encoding="utf-8")
    try:
        for response in (client.get("/v1/samples"),
                         client.post("/v1/samples", json={"text": SAMPLE}),
                         client.post("/v1/samples/remove", json={"id": "user-1"})):
            assert error_code(response, 409) == "sample_store_unreadable"
            assert "not valid JSON" in response.get_json()["error"]["message"]
        # checking goes on
        assert client.post("/v1/check", json={"text": BUNDLED_COPY}).status_code == 200
        assert path.read_text(encoding="utf-8") == "{oops"
    finally:
        path.unlink()
        matcher.reload()


def test_the_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/openapi.json").get_json()["paths"]
    assert {"get", "post"} <= set(paths["/v1/samples"])
    assert "post" in paths["/v1/samples/remove"]
