"""The history in the extension (issue 12): pairing from the popup, approved with
'standout history pair CODE', then "Mark as sent" on one page makes the next
page's letter, for another employer, show history.previous-employer.

Its own server and browser (fresh data and config folders): the session's are
shared with tests that expect no history and no token.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from conftest import ARTIFACTS, Extension, chromium_with_extension, watched_tab
from underlines import boxes, wait_for_boxes

GLOBEX_LETTER = (
    "I led the move of our billing reports to a nightly job, which cut the month-end"
    " close from five days to two. I would love to bring that to Globex."
)
ACME_LETTER = (
    "At my last job I rebuilt the stock forecasts that the buyers use every Monday."
    " I would love to join Globex and do the same for your stores."
)


@pytest.fixture(scope="module")
def history_env(tmp_path_factory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("history-e2e")
    return {"STANDOUT_DATA_DIR": str(root / "data"), "STANDOUT_CONFIG_DIR": str(root / "config")}


@pytest.fixture(scope="module")
def history_ext(playwright, history_env, tmp_path_factory) -> Iterator[Extension]:
    from server_process import LiveServer

    server = LiveServer("--port", "0", env=history_env)
    assert server.url, f"server did not start: {server.log}"
    try:
        with chromium_with_extension(playwright, tmp_path_factory.mktemp("chromium-history"),
                                     server.url) as ext:
            yield ext
    finally:
        server.stop()


def open_popup(ext: Extension, tab_id: int):
    popup = ext.context.new_page()
    popup.goto(ext.url(f"popup/popup.html?tab={tab_id}"))
    popup.wait_for_selector("#history:not([hidden])")
    return popup


def tab_of(ext: Extension, page) -> int:
    """The page's tab id, once its content script has told the worker about it (else the
    popup would open on a page Standout does not know yet)."""
    page.bring_to_front()
    tab = ext.active_tab_id()
    deadline = time.monotonic() + 10
    while not ext.worker.evaluate(
            "k => chrome.storage.session.get(k).then(s => Boolean(s[k]?.site))", f"tab:{tab}"):
        assert time.monotonic() < deadline, "the page's content script did not report"
        time.sleep(0.05)
    return tab


def wait_until_kept(ext: Extension, tab: int, text: str) -> None:
    """The worker keeps each field's last checked text for "Mark as sent", and the check
    comes back."""
    deadline = time.monotonic() + 15
    while text not in ext.worker.evaluate(
            "k => chrome.storage.session.get(k)"
            ".then(s => Object.values(s[k]?.fields ?? {}).map(f => f.text))",
            f"history:fields:{tab}"):
        assert time.monotonic() < deadline, "the letter was not checked"
        time.sleep(0.1)
    while not ext.worker.evaluate(
            "k => chrome.storage.session.get(k).then(s => Boolean(s[k]?.last))", f"tab:{tab}"):
        assert time.monotonic() < deadline, "the check did not come back"
        time.sleep(0.1)


def set_company(ext: Extension, tab: int, company: str) -> None:
    popup = open_popup(ext, tab)
    popup.fill("#company", company)
    popup.press("#company", "Tab")  # 'change' saves at once
    deadline = time.monotonic() + 5
    while ext.worker.evaluate(
            "k => chrome.storage.session.get(k).then(s => s[k]?.override?.company ?? null)",
            f"tab:{tab}") != company:
        assert time.monotonic() < deadline, "the popup did not save the company"
        time.sleep(0.05)
    popup.close()


def pair(ext: Extension, tab: int, env: dict[str, str]) -> None:
    popup = open_popup(ext, tab)
    try:
        popup.wait_for_selector("#history-pair:not([hidden])")
        popup.click("#history-pair")
        popup.wait_for_selector("#history-code:not([hidden])")
        code = popup.text_content("#history-code-value")
        assert popup.text_content("#history-command-value") == f"standout history pair {code}"
        popup.set_viewport_size({"width": 330, "height": 560})
        popup.screenshot(path=str(ARTIFACTS / "extension-history-pairing.png"))
        approved = subprocess.run(
            [sys.executable, "-m", "standout", "history", "pair", code, "--yes"],
            env={**os.environ, **env}, capture_output=True, text=True, timeout=60,
        )
        assert approved.returncode == 0, approved.stderr
        # The popup, asking every 1.5 s, receives the token through the worker.
        popup.wait_for_selector("#history-sent:not([hidden])", timeout=10_000)
        assert popup.text_content("#history-text").startswith("0 applications remembered")
    finally:
        popup.close()


def test_mark_as_sent_then_the_next_letter_names_the_last_employer(
        history_ext, history_env, pages_url):
    ext = history_ext
    first = next(tab_gen := watched_tab(ext, f"{pages_url}/letter.html"))
    tab = tab_of(ext, first)
    pair(ext, tab, history_env)
    # The token is the worker's alone: not in storage.local, which content scripts can read.
    assert "history" not in repr(ext.storage()).lower()

    set_company(ext, tab, "Globex")
    first.bring_to_front()
    first.click("#letter")
    first.keyboard.type(GLOBEX_LETTER)
    wait_until_kept(ext, tab, GLOBEX_LETTER)
    assert boxes(first, "history.previous-employer") == []
    popup = open_popup(ext, tab)
    popup.wait_for_selector("#history-sent:not([hidden])")
    popup.click("#history-sent")
    popup.wait_for_function(
        "() => document.getElementById('history-text').textContent.startsWith('Saved: Globex')")
    popup.screenshot(path=str(ARTIFACTS / "extension-history-sent.png"))
    popup.close()

    second = next(second_gen := watched_tab(ext, f"{pages_url}/letter.html"))
    tab2 = tab_of(ext, second)
    set_company(ext, tab2, "Acme")
    second.bring_to_front()
    second.click("#letter")
    second.keyboard.type(ACME_LETTER)
    found = wait_for_boxes(second, "history.previous-employer")
    assert found, boxes(second)
    second.screenshot(path=str(ARTIFACTS / "extension-history-previous-employer.png"))

    stored = subprocess.run(
        [sys.executable, "-m", "standout", "history", "list"],
        env={**os.environ, **history_env}, capture_output=True, text=True, timeout=60,
    )
    assert stored.returncode == 0, stored.stderr
    assert "Globex" in stored.stdout and "Acme" not in stored.stdout
    for gen in (tab_gen, second_gen):
        next(gen, None)


FERNBROOK_LETTER = (
    "Dear Fernbrook Bikes team,\n\nAt Northway Cycles I rebuilt the repair booking sheet in "
    "SQL, which cut the weekly no-shows from 30 to 12.")


def test_mark_as_sent_keeps_the_posting_the_page_showed(history_ext, history_env, pages_url):
    """The posting read from a Greenhouse-like page (background/posting.js) is stored with
    the application, as the issue asks ("the company, role and posting it knows")."""
    ext = history_ext
    page = next(gen := watched_tab(ext, f"{pages_url}/postings/fernbrook/jobs/88.html"))
    tab = tab_of(ext, page)
    popup = open_popup(ext, tab)
    paired = popup.is_visible("#history-sent") or not popup.is_visible("#history-pair")
    popup.close()
    if not paired:
        pair(ext, tab, history_env)
    page.bring_to_front()
    page.click("#cover_letter")
    page.keyboard.type(FERNBROOK_LETTER)
    wait_until_kept(ext, tab, FERNBROOK_LETTER)
    popup = open_popup(ext, tab)
    popup.wait_for_selector("#history-sent:not([hidden])")
    popup.click("#history-sent")
    popup.wait_for_function(
        "() => document.getElementById('history-text').textContent.startsWith('Saved: Fernbrook')")
    popup.close()

    exported = subprocess.run(
        [sys.executable, "-m", "standout", "history", "export", "--format", "json"],
        env={**os.environ, **history_env}, capture_output=True, text=True, timeout=60,
    )
    assert exported.returncode == 0, exported.stderr
    stored = [a for a in json.loads(exported.stdout)["applications"]
              if a["company"].startswith("Fernbrook")]
    assert len(stored) == 1, exported.stdout
    assert "stakeholder management" in (stored[0].get("posting") or ""), stored[0]
    assert stored[0]["texts"][0]["text"] == FERNBROOK_LETTER
    next(gen, None)
