"""Rule pages, /openapi.json, the blueprint list, and logs that never hold the user's text."""

from __future__ import annotations

import logging
import re

import jsonschema
import pytest

from standout import __version__
from standout.web import app as web_app
from standout.web import create_app


def test_rule_page_explains_the_rule(client, linter):
    rule = linter.rulebook["cliche.team-player"]
    response = client.get("/rules/cliche.team-player")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "<h1>&#34;team player&#34;</h1>" in html  # the title, HTML-escaped
    assert "cliche.team-player" in html
    assert " ".join(rule.advice.split())[:40] in " ".join(html.split())
    for example in rule.flag_examples + rule.pass_examples:
        assert example.text.strip().replace("'", "&#39;")[:30] in html
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "http" not in html.split("<body>")[0]  # nothing loaded from anywhere


def test_rule_page_marks_backed_examples(client, linter):
    backed = [r for r in linter.rules if any(e.backed for e in r.flag_examples)]
    unbacked = [r for r in linter.rules if not any(e.backed for e in r.flag_examples)]
    assert backed and unbacked
    assert "backed by evidence" in client.get(f"/rules/{backed[0].id}").get_data(as_text=True)
    assert "backed by evidence" not in client.get(f"/rules/{unbacked[0].id}").get_data(
        as_text=True)


def test_rule_page_fills_templates_generically(client):
    html = client.get("/rules/employer.missing").get_data(as_text=True)
    assert "$company" not in html
    assert "the employer" in html


def test_every_rule_has_a_page_with_no_template_fields_left(client, linter):
    for rule in linter.rules:
        response = client.get(f"/rules/{rule.id}")
        assert response.status_code == 200
        explained = response.get_data(as_text=True).split("<h2>Flagged")[0]
        assert not re.search(r"\$\w", explained), rule.id


def test_unknown_rule_page_is_404_html_and_escaped(client):
    response = client.get("/rules/%3Cscript%3Ealert(1)%3C%5Cscript%3E")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_rules_index_links_every_rule(client, linter):
    html = client.get("/rules/").get_data(as_text=True)
    for rule in linter.rules:
        assert f'href="/rules/{rule.id}"' in html


def test_languagetool_urls_lead_to_rule_pages(client):
    body = client.post("/v2/check", data={"text": "I am a team player.", "language": "en"})
    url = body.get_json()["matches"][0]["rule"]["urls"][0]["value"]
    assert client.get(url).status_code == 200


# --- /openapi.json ---------------------------------------------------------------

def test_openapi_document(client, app):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    doc = response.get_json()
    assert doc["openapi"].startswith("3.1")
    assert doc["info"]["version"] == __version__
    routes = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
              for rule in app.url_map.iter_rules() if rule.endpoint != "static"}
    assert set(doc["paths"]) == routes - {"/v2/healthcheck"}
    for name, schema in doc["components"]["schemas"].items():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert name[0].isupper()


def test_documented_responses_match_real_ones(client):
    doc = client.get("/openapi.json").get_json()
    registry_schema = {"components": doc["components"]}

    def validate(instance, ref):
        schema = {"$ref": f"#/components/schemas/{ref}", **registry_schema}
        jsonschema.Draft202012Validator(schema).validate(instance)

    text = "😀 I am writing to apply. I am a team player."
    validate(client.post("/v1/check", json={"text": text}).get_json(), "CheckResult")
    validate(client.post("/v1/check/batch", json={"items": [{"text": text}]}).get_json(),
             "BatchResult")
    validate(client.get("/v1/rules").get_json(), "Rules")
    validate(client.get("/v1/health").get_json(), "Health")
    validate(client.post("/v1/check", json={}).get_json(), "Error")
    validate(client.post("/v2/check", data={"text": text, "language": "en"}).get_json(),
             "LtCheckResult")


# --- blueprints -------------------------------------------------------------------

def test_every_documented_operation_is_served(client):
    """Each API module's blueprint is registered: no path of /openapi.json is 404 or 405."""
    documented = client.get("/openapi.json").get_json()["paths"]
    assert {"/v1/check", "/v2/check", "/v1/samples", "/rules/{rule_id}"} <= set(documented)
    for path, operations in documented.items():
        url = (path.replace("{rule_id}", "cliche.team-player").replace("{folder}", "lib")
               .replace("{name}", "utf16.js" if "{folder}" in path else "page.css"))
        for method in operations:
            response = client.open(url, method=method.upper(), json={})
            assert response.status_code not in (404, 405), (method, path)


def test_a_new_blueprint_module_is_one_line(linter, monkeypatch):
    import sys
    import types

    from flask import Blueprint

    module = types.ModuleType("standout.web.example_api")
    module.blueprint = Blueprint("example_api", "standout.web.example_api", url_prefix="/v1")
    module.blueprint.add_url_rule("/example", "example", lambda: {"ok": True})
    module.OPENAPI_PATHS = {"/v1/example": {"get": {"responses": {"200": {
        "description": "ok"}}}}}
    monkeypatch.setitem(sys.modules, "standout.web.example_api", module)
    monkeypatch.setattr(web_app, "BLUEPRINT_MODULES", (*web_app.BLUEPRINT_MODULES,
                                                       "example_api"))
    app = create_app({"TESTING": True, "LINTER": linter})
    client = app.test_client()
    assert client.get("/v1/example").get_json() == {"ok": True}
    assert "/v1/example" in client.get("/openapi.json").get_json()["paths"]
    # The security checks apply to it as to every endpoint.
    assert client.get("/v1/example", headers={"Host": "evil.example"}).status_code == 403


# --- logs ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("POST", "/v1/check", {"json": {"text": "{secret} I am a team player."}}),
        ("POST", "/v1/check", {"json": {"text": "{secret}\u0000"}}),
        ("POST", "/v1/check", {"json": {"text": "{secret}", "context": {"company": 3}}}),
        ("POST", "/v1/check/batch", {"json": {"items": [{"text": "{secret}"}, {"text": 1}]}}),
        ("POST", "/v2/check", {"data": {"text": "{secret}", "language": "en"}}),
        ("POST", "/v2/check", {"data": {"text": "{secret}", "language": "xx"}}),
        ("POST", "/v2/check", {"data": {"data": '{"annotation": [{"text": "{secret}"}, 1]}',
                                        "language": "en"}}),
    ],
)
def test_the_users_text_never_reaches_the_logs(linter, caplog, method, path, kwargs):
    secret = "Quokkaberry private phrase"
    app = create_app({"LINTER": linter})  # not TESTING: as in production

    def fill(value):
        if isinstance(value, str):
            return value.replace("{secret}", secret)
        if isinstance(value, dict):
            return {k: fill(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v) for v in value]
        return value

    with caplog.at_level(logging.DEBUG):
        response = app.test_client().open(path, method=method, **fill(kwargs))
    assert response.status_code in (200, 400)
    assert secret not in caplog.text
    assert secret not in response.get_data(as_text=True) or response.status_code == 200
    for record in caplog.records:
        assert secret not in str(record.args)
