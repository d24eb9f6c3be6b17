"""Safe on localhost: Host checks (DNS rebinding), Origin checks and CORS, headers."""

from __future__ import annotations

import pytest

from standout.web import create_app
from standout.web.security import host_name

EXTENSION_ORIGINS = [
    "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
    "moz-extension://2f1a1c3e-5b7d-4c1e-9a0b-3d2e1f0a9b8c",
    "safari-web-extension://0E1F2A3B-4C5D-6E7F-8091-A2B3C4D5E6F7",
]
FOREIGN_ORIGINS = [
    "https://evil.example",
    "http://127.0.0.1.evil.example",
    "http://localhost:9999",  # another local server is another origin
    "null",
    "file://",
    "chrome-extension://",
    "chrome-extension://abc/../x",
    "https://chrome-extension.evil.example",
]
ENDPOINTS = [
    ("POST", "/v1/check", {"json": {"text": "I am a team player."}}),
    ("POST", "/v1/check/batch", {"json": {"items": [{"text": "I am a team player."}]}}),
    ("GET", "/v1/rules", {}),
    ("GET", "/v1/health", {}),
    ("GET", "/v2/languages", {}),
    ("POST", "/v2/check", {"data": {"text": "I am a team player.", "language": "en-US"}}),
    ("GET", "/openapi.json", {}),
    ("GET", "/rules/cliche.team-player", {}),
]


def call(client, method, path, kwargs, headers):
    return client.open(path, method=method, headers=headers, **kwargs)


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "127.0.0.1:8765", "localhost", "localhost:1", "LOCALHOST:8765", "[::1]",
     "[::1]:8765"],
)
def test_loopback_hosts_are_served(client, host):
    response = client.get("/v1/health", headers={"Host": host})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:8765", "127.0.0.1.nip.io", "localhost.evil.example",
     "0.0.0.0:8765", "192.168.1.10", "[::2]:8765", "[::1", "localhost:port", "127.0.0.2",
     "", "attacker.com#@127.0.0.1"],
)
@pytest.mark.parametrize(("method", "path", "kwargs"), ENDPOINTS)
def test_foreign_host_is_403_everywhere(client, host, method, path, kwargs):
    response = call(client, method, path, kwargs, {"Host": host})
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "forbidden_host"
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "team player" not in response.get_data(as_text=True)


def test_foreign_host_is_403_even_for_unknown_paths(client):
    response = client.get("/nothing/here", headers={"Host": "evil.example"})
    assert response.status_code == 403


@pytest.mark.parametrize("origin", FOREIGN_ORIGINS)
@pytest.mark.parametrize(("method", "path", "kwargs"), ENDPOINTS)
def test_foreign_origin_is_403_everywhere(client, origin, method, path, kwargs):
    response = call(client, method, path, kwargs, {"Origin": origin})
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "forbidden_origin"
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "team player" not in response.get_data(as_text=True)


@pytest.mark.parametrize("origin", EXTENSION_ORIGINS)
@pytest.mark.parametrize(("method", "path", "kwargs"), ENDPOINTS)
def test_extension_origins_are_allowed_and_echoed(client, origin, method, path, kwargs):
    response = call(client, method, path, kwargs, {"Origin": origin})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert "Origin" in response.headers.get_all("Vary")[0]


@pytest.mark.parametrize(
    ("host", "origin"),
    [("127.0.0.1:8765", "http://127.0.0.1:8765"), ("localhost:8765", "http://localhost:8765"),
     ("[::1]:8765", "http://[::1]:8765")],
)
def test_the_servers_own_origin_is_allowed(client, host, origin):
    response = client.post("/v1/check", json={"text": "x"},
                           headers={"Host": host, "Origin": origin})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == origin


def test_own_origin_must_match_the_port(client):
    response = client.get("/v1/rules", headers={"Host": "127.0.0.1:8765",
                                                "Origin": "http://127.0.0.1:8766"})
    assert response.status_code == 403


def test_no_origin_is_allowed_for_non_browser_clients(client):
    response = client.get("/v1/health")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize(("method", "path", "kwargs"), ENDPOINTS)
@pytest.mark.parametrize("origin", [None, *EXTENSION_ORIGINS[:1], *FOREIGN_ORIGINS[:1]])
def test_never_a_wildcard(client, method, path, kwargs, origin):
    headers = {"Origin": origin} if origin else {}
    response = call(client, method, path, kwargs, headers)
    assert response.headers.get("Access-Control-Allow-Origin") != "*"
    assert "*" not in response.headers.get("Access-Control-Allow-Origin", "")


def test_preflight_for_an_extension(client):
    origin = EXTENSION_ORIGINS[0]
    response = client.options("/v1/check", headers={
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
        "Access-Control-Request-Private-Network": "true",
    })
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert response.headers["Access-Control-Allow-Headers"].lower() == (
        "content-type, authorization")
    assert response.headers["Access-Control-Allow-Private-Network"] == "true"
    assert int(response.headers["Access-Control-Max-Age"]) > 0
    assert "Origin" in response.headers["Vary"]


def test_preflight_from_a_web_page_is_refused(client):
    response = client.options("/v1/check", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
    })
    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "Access-Control-Allow-Methods" not in response.headers


def test_preflight_for_an_unknown_path_is_404(client):
    response = client.options("/v1/nothing", headers={
        "Origin": EXTENSION_ORIGINS[0], "Access-Control-Request-Method": "POST",
    })
    assert response.status_code == 404


def test_plain_options_lists_methods(client):
    response = client.options("/v1/check")
    assert response.status_code == 200
    assert "POST" in response.headers["Allow"]


def test_error_responses_carry_cors_headers_for_extensions(client):
    origin = EXTENSION_ORIGINS[1]
    response = client.post("/v1/check", json={"text": 3}, headers={"Origin": origin})
    assert response.status_code == 400
    assert response.headers["Access-Control-Allow-Origin"] == origin


def test_responses_are_not_cached_or_sniffed(client):
    response = client.post("/v1/check", json={"text": "I am a team player."})
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_allowed_hosts_can_be_extended_for_remote_use(linter):
    app = create_app({"TESTING": True, "LINTER": linter,
                      "ALLOWED_HOSTS": ("127.0.0.1", "localhost", "::1", "192.168.1.10")})
    client = app.test_client()
    assert client.get("/v1/health", headers={"Host": "192.168.1.10:8765"}).status_code == 200
    assert client.get("/v1/health", headers={"Host": "192.168.1.11:8765"}).status_code == 403


@pytest.mark.parametrize(
    ("host", "name"),
    [("localhost:80", "localhost"), ("[::1]:1", "::1"), ("127.0.0.1", "127.0.0.1"),
     ("LocalHost.", "localhost"), ("a:b:c", None), ("[::1", None), ("x:99999999", None)],
)
def test_host_name(host, name):
    assert host_name(host) == name
