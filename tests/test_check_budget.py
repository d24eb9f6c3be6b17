"""Each request has a work budget; past it, a clear JSON error (issue 9, item 2).

The budget is time (``CHECK_BUDGET_SECONDS``), consulted between passes, detectors
and paragraphs; a budget of 0 runs out at the first of them, which makes the error
reproducible without waiting. Context fields are capped so that no field makes a
check slow (a 500 KB company name took 11 s).
"""

from __future__ import annotations

import pytest

from standout import Linter
from standout.budget import Budget, BudgetExceeded
from standout.config import UserConfig
from standout.context import MAX_LENGTH, Context, ContextTooLong
from standout.web import create_app

TEXT = "I am a team player. I am writing to apply for the analyst role at Acme."


@pytest.fixture(scope="module")
def spent_client(linter):
    return create_app({"TESTING": True, "LINTER": linter, "CHECK_BUDGET_SECONDS": 0}).test_client()


@pytest.mark.parametrize(("path", "kwargs"), [
    ("/v1/check", {"json": {"text": TEXT}}),
    ("/v1/check/batch", {"json": {"items": [{"text": TEXT}, {"text": TEXT + " Again."}]}}),
    ("/v2/check", {"data": {"text": TEXT, "language": "en-US"}}),
])
def test_a_spent_budget_is_a_422_with_a_code(spent_client, client, path, kwargs):
    response = spent_client.post(path, **kwargs)
    assert response.status_code == 422
    assert response.is_json
    error = response.get_json()["error"]
    assert error["code"] == "check_budget_exceeded"
    assert "send less text" in error["message"] and TEXT not in error["message"]
    assert client.post(path, **kwargs).status_code == 200  # the server carries on


def test_an_exceeded_budget_leaves_the_engine_as_it_was(linter):
    text = "Another text for the budget test. I am passionate about data and a team player."
    with pytest.raises(BudgetExceeded):
        linter.check(text, budget=Budget.start(0))
    fresh = Linter(config=UserConfig(), cache_size=0).check(text)
    assert linter.check(text) == fresh


def test_a_generous_budget_changes_nothing(linter):
    assert linter.check(TEXT, budget=Budget.start(600)) == linter.check(TEXT)


@pytest.mark.parametrize("field", sorted(set(MAX_LENGTH) - {"posting"}))  # 413, its own tests
def test_context_fields_are_capped(client, linter, field):
    limit = MAX_LENGTH[field]
    at_limit = {field: "A" * limit}
    assert client.post("/v1/check", json={"text": TEXT, "context": at_limit}).status_code == 200
    over = {field: "A" * (limit + 1)}
    response = client.post("/v1/check", json={"text": TEXT, "context": over})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "context_too_long"
    with pytest.raises(ContextTooLong):
        linter.check(TEXT, over)
    with pytest.raises(ContextTooLong):
        Context(**over)


@pytest.mark.parametrize("field", ["company", "role", "question"])
def test_context_fields_are_capped_in_v2(client, field):
    fields = {"text": TEXT, "language": "en-US", field: "A" * (MAX_LENGTH[field] + 1)}
    response = client.post("/v2/check", data=fields)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "context_too_long"


def test_a_company_of_half_a_megabyte_is_refused_at_once(client, linter):
    misses = linter.cache_misses
    response = client.post("/v1/check", json={"text": TEXT + " Fresh.",
                                              "context": {"company": "A" * 500_000}})
    assert response.status_code == 400
    assert linter.cache_misses == misses  # refused before the engine saw the text
