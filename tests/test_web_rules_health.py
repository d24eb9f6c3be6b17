"""GET /v1/rules and GET /v1/health, and the engine the app is built with."""

from __future__ import annotations

from standout import __version__
from standout.web import create_app


def test_rules_lists_every_rule(client, linter):
    response = client.get("/v1/rules")
    assert response.status_code == 200
    body = response.get_json()
    assert [r["id"] for r in body["rules"]] == [r.id for r in linter.rules]
    for rule in body["rules"]:
        assert set(rule) == {"id", "category", "severity", "title", "message", "advice",
                             "enabled"}
        assert rule["enabled"] is True
        assert "$" not in rule["message"] + rule["advice"]
    assert {c["id"] for c in body["categories"]} == {r.category for r in linter.rules}


def test_rules_report_rules_turned_off_in_the_user_config(tmp_path):
    from standout import Linter
    from standout.config import UserConfig

    config = UserConfig(disabled_rules=frozenset({"cliche.team-player"}))
    app = create_app({"TESTING": True, "LINTER": Linter(config=config, cache_size=0)})
    rules = {r["id"]: r["enabled"] for r in app.test_client().get("/v1/rules").get_json()["rules"]}
    assert rules["cliche.team-player"] is False
    assert rules["opener.writing-to-apply"] is True


def test_health(client, linter):
    response = client.get("/v1/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["version"] == __version__
    assert body["rules"] == len(linter.rules)
    assert isinstance(body["uptime"], float | int) and body["uptime"] >= 0
    assert set(body["cache"]) == {"hits", "misses", "bytes"}
    assert body["cache"]["bytes"] == linter.cache_bytes


def test_the_engine_is_loaded_once_and_kept_in_app_extensions(app, linter):
    assert app.extensions["standout"] is linter


def test_create_app_without_config_builds_its_own_linter():
    from standout import Linter

    app = create_app()
    assert isinstance(app.extensions["standout"], Linter)
    assert app.test_client().get("/v1/health").status_code == 200
