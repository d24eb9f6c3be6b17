"""The page's files and the extension modules it shares, as the installed package serves
them: types, the Content-Security-Policy, and nothing outside the two folders."""

from __future__ import annotations

import pytest

from standout.web.page import CSP, PAGE_DIR, extension_dir


def test_the_installed_package_carries_the_page_and_the_extension_modules():
    assert (PAGE_DIR / "index.html").is_file() and (PAGE_DIR / "app.js").is_file()
    folder = extension_dir()
    assert folder is not None
    assert (folder / "content" / "controller.js").is_file()
    assert (folder / "lib" / "findings.js").is_file()


def test_index_with_csp(client):
    response = client.get("/")
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert response.headers["Content-Security-Policy"] == CSP
    assert "script-src 'self'" in CSP and "connect-src 'self'" in CSP
    html = response.get_data(as_text=True)
    assert '<script type="module" src="/page/app.js"></script>' in html
    assert "http://" not in html.replace("http://127.0.0.1:8765", "")  # nothing external
    assert "https://" not in html


@pytest.mark.parametrize(("url", "mimetype"), [
    ("/page/app.js", "text/javascript"),
    ("/page/page.css", "text/css"),
    ("/page/icon.svg", "image/svg+xml"),
    ("/ext/content/controller.js", "text/javascript"),
    ("/ext/lib/findings.js", "text/javascript"),
])
def test_files(client, url, mimetype):
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == mimetype
    assert response.headers["Content-Security-Policy"] == CSP


@pytest.mark.parametrize("url", [
    "/page/index.html", "/page/missing.js", "/page/..%2Fpage.py", "/page/.hidden.js",
    "/ext/background/worker.js", "/ext/content/missing.js", "/ext/lib/..%2F..%2Fmanifest.json",
    "/ext/content/styles.css", "/ext/manifest.json", "/page/store.py",
])
def test_nothing_else(client, url):
    assert client.get(url).status_code == 404


def test_no_page_script_reaches_outside(client):
    """Every module the page loads is from this origin: no URL with a scheme in them."""
    for path in sorted(PAGE_DIR.glob("*.js")):
        source = path.read_text(encoding="utf-8").replace("http://www.w3.org/2000/svg", "")
        assert "http://" not in source and "https://" not in source, path.name
        assert "SpeechRecognition" not in source, path.name  # no cloud dictation


def test_question_bank_endpoint(client):
    body = client.get("/v1/interview/questions").get_json()
    assert len(body["questions"]) >= 40
    first = body["questions"][0]
    assert {"id", "text", "family", "listens_for", "seconds", "parts"} <= set(first)


def test_page_refuses_other_hosts(client):
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 403
