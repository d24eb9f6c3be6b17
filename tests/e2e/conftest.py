"""End-to-end fixtures: the extension loaded unpacked in Debian's Chromium (one
browser for the session), the local test pages served on 127.0.0.1, and the real
Standout server (``live_server`` from tests/conftest.py).

Without Chromium or the ``playwright`` package these tests are skipped on a
developer's machine, and fail under ``CI=true``, where scripts/test installs both.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# STANDOUT_EXTENSION runs the browser tests against another copy (an older version, say).
EXTENSION = Path(os.environ.get("STANDOUT_EXTENSION", ROOT / "extension")).resolve()
PAGES = Path(__file__).resolve().parent / "pages"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("STANDOUT_CHROMIUM", "/usr/bin/chromium")
EXTENSION_ID = "kmcljkoalpdbnljbejhbljfgnopcbhkg"  # fixed by the manifest's "key"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require(condition: bool, reason: str) -> None:
    """Skip locally, fail in CI: a missing browser must not pass silently there."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the browser is required)")
    pytest.skip(reason)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@pytest.fixture(scope="session")
def pages_url() -> Iterator[str]:
    """The test pages, served over http on 127.0.0.1 (a free port)."""
    handler = functools.partial(_QuietHandler, directory=str(PAGES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class Extension:
    """The browser context with Standout loaded, and ways to reach the extension."""

    def __init__(self, context, worker, server_url: str) -> None:
        self.context = context
        self.worker = worker
        self.server_url = server_url
        self.id = worker.url.split("/")[2]

    def url(self, path: str) -> str:
        return f"chrome-extension://{self.id}/{path}"

    def storage(self, keys=None) -> dict:
        return self.worker.evaluate("keys => chrome.storage.local.get(keys)", keys)

    def set_storage(self, **items) -> None:
        self.worker.evaluate("items => chrome.storage.local.set(items)", items)

    def reset(self) -> None:
        self.set_storage(
            serverUrl=self.server_url, perfMarks=True, ignored=[], sitesOff=[],
            disabledRules=[], disabledCategories=[],
        )

    def active_tab_id(self) -> int:
        return self.worker.evaluate(
            "chrome.tabs.query({active: true, lastFocusedWindow: true}).then(t => t[0].id)"
        )

    def badge(self, tab_id: int | None = None) -> str:
        details = {} if tab_id is None else {"tabId": tab_id}
        return self.worker.evaluate("d => chrome.action.getBadgeText(d)", details)


@pytest.fixture(scope="session")
def playwright() -> Iterator:
    """One Playwright driver for the session: the extension's browser and the page's share it
    (two sync drivers cannot run at once)."""
    require(Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None,
            f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the environment
        require(False, "the playwright package is not installed")
        raise
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        yield p


@contextlib.contextmanager
def chromium_with_extension(playwright, profile: Path, server_url: str) -> Iterator[Extension]:
    """Headless Chromium with the unpacked extension, pointed at ``server_url``; the
    first-run tab it opens on install is noted and closed."""
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True,
        viewport={"width": 1000, "height": 760},
        args=[
            f"--disable-extensions-except={EXTENSION}", f"--load-extension={EXTENSION}",
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--font-render-hinting=none",
        ],
    )
    try:
        worker = (context.service_workers[0] if context.service_workers
                  else context.wait_for_event("serviceworker", timeout=15_000))
        ext = Extension(context, worker, server_url.rstrip("/"))
        ext.reset()
        ext.opened_on_install = _close_first_run_tabs(ext)
        yield ext
    finally:
        context.close()


@pytest.fixture(scope="session")
def extension(playwright, live_server, tmp_path_factory) -> Iterator[Extension]:
    with chromium_with_extension(playwright, tmp_path_factory.mktemp("chromium-profile"),
                                 live_server.url) as ext:
        yield ext


def _close_first_run_tabs(ext: Extension, timeout: float = 10) -> list[str]:
    """The URLs of the tabs the extension opened on install (its first-run page, which
    tests/e2e/test_welcome.py checks), closed so that no test page runs behind it. The
    worker's tab list is read: Playwright may not attach to a tab opened this early."""
    query = "chrome.tabs.query({}).then(tabs => tabs.filter(t => (t.url ?? '').startsWith(base)))"
    deadline = time.monotonic() + timeout
    while True:
        tabs = ext.worker.evaluate(f"base => {query}", ext.url(""))
        if tabs or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    ext.worker.evaluate("ids => chrome.tabs.remove(ids)", [t["id"] for t in tabs])
    return [t["url"] for t in tabs]


@pytest.fixture
def ext(extension) -> Extension:
    """The session's extension with its settings reset for this test."""
    extension.reset()
    return extension


def watched_tab(ext, url: str | None = None):
    """A fresh tab (at ``url``) that fails the test if it logs an error or a warning."""
    tab = ext.context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    tab.on("console", lambda m: errors.append(f"console.{m.type}: {m.text}")
           if m.type in {"error", "warning"} else None)
    tab.errors = errors
    if url is not None:
        tab.goto(url)
    yield tab
    tab.close()
    assert not errors, json.dumps(errors, indent=1)


@pytest.fixture
def page(ext):
    """A fresh tab; fails the test if the page or the extension logs an error."""
    yield from watched_tab(ext)


# --- Standout's own page (tests/e2e/test_page*.py), in a browser without the extension ---

@pytest.fixture(scope="session")
def page_browser(playwright) -> Iterator:
    from page_site import launch

    browser = launch(playwright)
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture
def site(page_browser, live_server):
    """The page on the live server in a fresh context; fails on console errors and on any
    request that leaves the page's origin."""
    from page_site import site_session

    yield from site_session(page_browser, live_server.url)
