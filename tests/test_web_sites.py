"""No web page can make the server work (issue 9, item 1).

An <img>, a <script>, a link or a GET form sends no Origin, and a no-cors POST
from a sandboxed frame sends ``Origin: null`` at best; every current browser
sends ``Sec-Fetch-Site``. Requests another site makes are refused on every
endpoint unless an extension makes them; what the server's own pages, the
address bar and programs send passes. tests/e2e/test_hostile_page.py holds the
same in a real browser.
"""

from __future__ import annotations

import json
import re

import pytest
from test_web_security import ENDPOINTS, EXTENSION_ORIGINS, call

from standout.samples.store import SampleStore

FOREIGN_SITES = ["cross-site", "same-site", "Cross-Site"]
PASSING_SITES = [None, "same-origin", "none"]


@pytest.mark.parametrize("site", FOREIGN_SITES)
@pytest.mark.parametrize(("method", "path", "kwargs"), ENDPOINTS)
def test_another_sites_request_is_refused_everywhere(client, linter, site, method, path,
                                                     kwargs):
    misses = linter.cache_misses
    response = call(client, method, path, kwargs, {"Sec-Fetch-Site": site})
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "forbidden_site"
    assert "Access-Control-Allow-Origin" not in response.headers
    assert linter.cache_misses == misses  # refused before any work


@pytest.mark.parametrize("site", [*FOREIGN_SITES, *PASSING_SITES])
@pytest.mark.parametrize("origin", EXTENSION_ORIGINS)
def test_the_extension_passes_whatever_its_site(client, site, origin):
    headers = {"Origin": origin, **({"Sec-Fetch-Site": site} if site else {})}
    response = client.post("/v1/check", json={"text": "I am a team player."}, headers=headers)
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == origin


@pytest.mark.parametrize("site", PASSING_SITES)
@pytest.mark.parametrize(("method", "path", "kwargs"), ENDPOINTS)
def test_own_pages_the_address_bar_and_programs_pass(client, site, method, path, kwargs):
    headers = {"Sec-Fetch-Site": site} if site else {}
    assert call(client, method, path, kwargs, headers).status_code == 200


def test_a_cross_site_post_without_origin_saves_no_sample(client):
    """What a no-cors POST from another page looked like: it stored a sample."""
    store = SampleStore()
    before = store.load()
    text = ("A cross-site page tried to save this sample through the browser of the person "
            "using Standout, without an Origin header, twenty words or more in all of it.")
    body = json.dumps({"text": text}).encode()  # fetch(url, {mode: "no-cors", body}) sends this
    response = client.post("/v1/samples", data=body, content_type="text/plain;charset=UTF-8",
                           headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"})
    assert response.status_code == 403
    assert store.load() == before
    removal = client.post("/v1/samples/remove", json={"id": "user-1"},
                          headers={"Sec-Fetch-Site": "cross-site"})
    assert removal.status_code == 403


def test_a_link_to_a_rule_page_opens_from_anywhere(client):
    """/v2 matches and the card link to rule pages: following a link is a navigation."""
    navigate = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate",
                "Sec-Fetch-Dest": "document"}
    assert client.get("/rules/cliche.team-player", headers=navigate).status_code == 200
    assert client.get("/rules/", headers=navigate).status_code == 200
    # ... but only a navigation, and only to a rule page
    image = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors",
             "Sec-Fetch-Dest": "image"}
    assert client.get("/rules/cliche.team-player", headers=image).status_code == 403
    assert client.get("/v1/health", headers=navigate).status_code == 403
    assert client.get("/page/app.js", headers=navigate).status_code == 403
    assert client.post("/v2/check", data={"text": "x", "language": "en"},
                       headers=navigate).status_code == 403


def test_a_link_to_standouts_page_opens_it(client):
    """The README links to http://127.0.0.1:8765/: following it from GitHub is cross-site."""
    navigate = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate",
                "Sec-Fetch-Dest": "document"}
    response = client.get("/", headers=navigate)
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    # its files and anything else a page could embed are still refused
    script = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors",
              "Sec-Fetch-Dest": "script"}
    assert client.get("/", headers=script).status_code == 403
    assert client.get("/page/app.js", headers=script).status_code == 403
    assert client.post("/", headers=navigate).status_code in (403, 405)


def _every_route(app):
    """(method, path) for each of the app's routes, path parameters filled with a real value."""
    values = {"rule_id": "cliche.team-player", "folder": "content", "name": "app.js",
              "filename": "x"}
    for rule in app.url_map.iter_rules():
        path = rule.rule
        for argument in rule.arguments:
            path = re.sub(rf"<(?:[^<>:]*:)?{argument}>", values.get(argument, "x"), path)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield method, path


def test_every_route_refuses_another_site(client, linter):
    """Whatever endpoints are added (the page, the interview bank, samples...), a request
    another site's page makes is refused before any work."""
    routes = list(_every_route(client.application))
    assert len(routes) >= 15, routes
    misses = linter.cache_misses
    for method, path in routes:
        response = client.open(path, method=method, data=b"{}", content_type="application/json",
                               headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors",
                                        "Sec-Fetch-Dest": "empty"})
        assert response.status_code == 403, (method, path, response.status_code)
        assert response.get_json()["error"]["code"] == "forbidden_site", (method, path)
    assert linter.cache_misses == misses
