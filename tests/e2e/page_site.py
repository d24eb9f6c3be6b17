"""Standout's own page in headless Chromium, without the extension: a plain browser
for the session and a fresh context (empty localStorage) per test, with every request
it makes recorded and every console error failing the test (fixtures in conftest.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from conftest import ARTIFACTS, CHROMIUM

LETTER = (
    "Dear Hiring Manager,\n\n"
    "I am writing to apply for the analyst role. I am a detail-oriented team player with a "
    "passion for data.\n\n"
    "Last spring I rebuilt our weekly sales report in SQL, which cut the time it took from two "
    "days to 40 minutes.\n\n"
    "Thank you for your time and consideration."
)


# The page has loaded the question bank: its scripts run and the server answered.
READY = "() => document.querySelectorAll('#practice-question option').length > 0"


def status_says(words: str) -> str:
    """A function for wait_for_function (the page's CSP forbids string evaluation)."""
    return f"() => document.getElementById('status').textContent.includes({words!r})"


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--font-render-hinting=none"],
    )


class Site:
    """One browser context on the live server's page; ``requests`` lists every URL asked for."""

    def __init__(self, browser, base: str) -> None:
        self.base = base.rstrip("/")
        self.context = browser.new_context(viewport={"width": 1300, "height": 900})
        self.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=self.base)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.tab = self.open()

    def open(self):
        tab = self.context.new_page()
        tab.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        tab.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}")
               if m.type in {"error", "warning"} else None)
        return tab

    def goto(self, tab=None):
        tab = tab or self.tab
        tab.goto(self.base + "/")
        tab.wait_for_function(READY)
        return tab

    def foreign_requests(self) -> list[str]:
        own = urlsplit(self.base).netloc
        return [u for u in self.requests
                if urlsplit(u).netloc != own and not u.startswith(("data:", "blob:"))]

    def updates(self, tab=None) -> int:
        return (tab or self.tab).evaluate("window.standoutPage.timings.length")

    def wait_for_update(self, before: int, tab=None, timeout: float = 15_000) -> None:
        (tab or self.tab).wait_for_function(
            "n => window.standoutPage.timings.length > n", arg=before, timeout=timeout)

    def screenshot(self, name: str, tab=None) -> Path:
        path = ARTIFACTS / name
        (tab or self.tab).screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        self.context.close()


def site_session(browser, base: str) -> Iterator[Site]:
    s = Site(browser, base)
    s.goto()
    yield s
    errors, foreign = s.errors, s.foreign_requests()
    s.close()
    assert not errors, json.dumps(errors, indent=1)
    assert not foreign, f"requests left the origin: {foreign}"
