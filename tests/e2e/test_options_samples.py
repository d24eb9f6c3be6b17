"""The options page's "Your samples": paste a sample answer, see it listed, see a lightly
edited copy underlined in a page, remove it; and what the page says when saving fails.

These tests run their own Standout server with a fresh STANDOUT_DATA_DIR, so the samples
saved here are never seen by the session's server or by other tests.
"""

from __future__ import annotations

import json
import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ARTIFACTS, watched_tab
from server_process import LiveServer
from underlines import (
    boxes,
    center,
    offsets_under,
    wait_for_boxes,
    wait_for_card,
    wait_until_no_boxes,
)

# Written for this test (not from any real letter): a sample answer someone found online...
SAMPLE = (
    "My greatest achievement so far was reorganising the spare parts store at the bicycle"
    " workshop where I volunteered. Mechanics used to lose twenty minutes on every repair"
    " searching for cables and brake pads. I labelled every drawer, built a simple spreadsheet"
    " of stock levels and trained the other volunteers to use it. Within two months repairs"
    " were finished faster and we stopped ordering parts we already had."
)
# ... and their answer: the same with a few words swapped and the numbers changed.
EDITED = (
    "My biggest achievement so far was reorganising the spare parts room at the bike workshop"
    " where I volunteered. Mechanics used to waste thirty minutes on each repair looking for"
    " cables and brake pads. I labelled every drawer, made a simple spreadsheet of stock levels"
    " and taught the other volunteers to use it. Within three months repairs were done faster"
    " and we stopped buying parts we already had."
)
TITLE = "Careers blog: greatest achievement"
RULE = "sample.follows-sample"


@pytest.fixture(scope="module")
def samples_server(tmp_path_factory) -> Iterator[tuple[LiveServer, Path]]:
    """A server of its own, keeping samples in a fresh folder."""
    data = tmp_path_factory.mktemp("standout-data")
    server = LiveServer("--port", "0", env={"STANDOUT_DATA_DIR": str(data)})
    assert server.url, f"server did not start: {server.log}"
    yield server, data
    server.stop()


@pytest.fixture
def own(ext, samples_server) -> Iterator[tuple[str, Path]]:
    """The extension pointed at the module's server, with no saved samples before or after."""
    server, data = samples_server
    (data / "samples.json").unlink(missing_ok=True)
    url = server.url.rstrip("/")
    ext.set_storage(serverUrl=url)
    yield url, data
    (data / "samples.json").unlink(missing_ok=True)


@pytest.fixture
def options(ext):
    """The options page in a tab of its own; fails the test if it logs an error or warning."""
    yield from watched_tab(ext, ext.url("options/options.html"))


def saved_on_server(url: str) -> list[dict]:
    with urllib.request.urlopen(f"{url}/v1/samples", timeout=30) as response:
        return json.loads(response.read())["samples"]


def listed(options) -> list[dict]:
    return options.eval_on_selector_all("#samples li[data-id]", """items => items.map(li => ({
        id: li.dataset.id, title: li.querySelector('.title').textContent,
        meta: li.querySelector('.meta').textContent,
        preview: li.querySelector('.preview')?.textContent ?? null}))""")


def status(options) -> tuple[str, str]:
    element = options.locator("#sample-status")
    return element.text_content(), element.get_attribute("class")


def click_and_wait(options, selector: str) -> None:
    """Clicks a button of the section and waits for the status line it ends with."""
    # Blank the status first, so that an answer repeating the last one is still seen.
    options.eval_on_selector("#sample-status", "s => { s.textContent = ''; }")
    options.click(selector)
    options.wait_for_function("""() => {
        const s = document.querySelector('#sample-status').textContent;
        return s !== '' && s !== 'Saving…'; }""")


def add(options, text: str, title: str = "") -> None:
    options.fill("#sample-text", text)
    options.fill("#sample-title", title)
    click_and_wait(options, "#sample-add")


def test_paste_a_sample_see_it_underlined_then_remove_it(page, pages_url, ext, own, options):
    url, data = own
    options.wait_for_selector("#samples li.empty")
    assert options.text_content("#samples") == "No samples saved yet."
    assert "sample answers it comes with" in options.text_content("#samples-bundled")

    add(options, SAMPLE, TITLE)
    text, tone = status(options)
    assert text.startswith(f"Saved “{TITLE}” (67 words · added ") and tone == "status good"
    (shown,) = listed(options)
    assert shown["title"] == TITLE
    assert shown["meta"].startswith("67 words · added ")
    assert shown["preview"].startswith("My greatest achievement so far")
    assert options.input_value("#sample-text") == "" and options.input_value("#sample-title") == ""
    # The server saved it in its own data folder.
    assert [s["id"] for s in saved_on_server(url)] == [shown["id"]]
    assert TITLE in (data / "samples.json").read_text(encoding="utf-8")
    options.locator("#your-samples").scroll_into_view_if_needed()
    options.screenshot(path=str(ARTIFACTS / "extension-options-samples.png"), full_page=True)

    # A lightly edited copy typed into an application form is underlined, naming the sample.
    page.goto(f"{pages_url}/form.html")
    page.bring_to_front()
    tab = ext.active_tab_id()
    page.click("#why")
    page.keyboard.type(EDITED)
    found = wait_for_boxes(page, RULE)
    assert {b["severity"] for b in found} == {"error"}
    first = min(found, key=lambda b: (b["top"], b["left"]))
    assert offsets_under(page, "#why", first)[0] in (0, 1)  # from the first word
    page.mouse.move(*center(first))
    card = wait_for_card(page)
    assert f"your saved sample '{TITLE}'" in card["message"]
    page.mouse.move(5, 5)
    # One more sentence, and the worker's next reply still has the sample finding.
    assert type_and_wait_for_reply(ext, page, tab, " It still runs.")["counts"] == {"sample": 1}
    assert boxes(page, RULE)

    # Removed on the options page: gone from the list, the server, and the underlines.
    options.bring_to_front()
    click_and_wait(options, f"#samples li[data-id='{shown['id']}'] button")
    assert options.text_content("#samples") == "No samples saved yet."
    assert status(options) == (f"Removed “{TITLE}”.", "status good")
    assert listed(options) == []
    assert saved_on_server(url) == []
    page.bring_to_front()
    assert "sample" not in type_and_wait_for_reply(ext, page, tab, " Really.")["counts"]
    wait_until_no_boxes(page, RULE)
    assert page.input_value("#why") == EDITED + " It still runs. Really."


TAB_STATE = "id => chrome.storage.session.get(`tab:${id}`).then(s => s[`tab:${id}`] ?? null)"
FORGET_LAST = """id => chrome.storage.session.get(`tab:${id}`).then(
    s => chrome.storage.session.set({[`tab:${id}`]: {...s[`tab:${id}`], last: null}}))"""


def type_and_wait_for_reply(ext, page, tab: int, text: str, timeout: float = 15) -> dict:
    """Types `text` at the end of the field; returns the worker's summary of the next reply."""
    ext.worker.evaluate(FORGET_LAST, tab)
    page.click("#why")
    page.keyboard.press("Control+End")
    page.keyboard.type(text)
    deadline = time.monotonic() + timeout
    while not (ext.worker.evaluate(TAB_STATE, tab) or {}).get("last"):
        assert time.monotonic() < deadline, "no reply from the server through the worker"
        time.sleep(0.05)
    return ext.worker.evaluate(TAB_STATE, tab)["last"]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_what_the_options_page_says_when_a_sample_cannot_be_saved(ext, own, options):
    url, data = own
    options.wait_for_selector("#samples li.empty")

    options.click("#sample-add")
    assert status(options) == ("Paste a sample answer first.", "status bad")

    add(options, "Too short to be a sample answer.")
    assert status(options) == (
        "The sample has 7 words; it needs at least 20 to be matched reliably.", "status bad")
    assert options.input_value("#sample-text") == "Too short to be a sample answer."

    add(options, SAMPLE)
    (shown,) = listed(options)
    assert shown["title"] == "My greatest achievement so far was reorganising the…"
    add(options, SAMPLE.replace(". ", ".\n\n"), "Again")
    assert status(options) == (
        f"This text is already saved as '{shown['title']}'.", "status bad")
    assert len(listed(options)) == 1

    # A store that cannot be read: said, with the file's path, and never overwritten.
    store = data / "samples.json"
    store.write_text("{oops", encoding="utf-8")
    options.reload()
    options.wait_for_selector("#sample-status.bad")
    text, _ = status(options)
    assert text.startswith(f"Your saved samples cannot be read. {store}: not valid JSON")
    assert "Fix the file or move it away" in text
    assert options.text_content("#samples") == "Your saved samples cannot be shown right now."
    assert options.is_hidden("#sample-hint")
    add(options, EDITED)
    assert status(options)[0].startswith("Your saved samples cannot be read.")
    assert store.read_text(encoding="utf-8") == "{oops"
    store.unlink()

    # The server is down: the same one-line hint as the popup.
    port = closed_port()
    ext.set_storage(serverUrl=f"http://127.0.0.1:{port}")
    options.reload()
    options.wait_for_selector("#sample-hint:not([hidden])")
    assert status(options) == (
        "The Standout server is not reachable, so your samples cannot be shown or changed.",
        "status bad")
    assert options.text_content("#sample-hint") == f"Start it with: standout serve --port {port}"
    add(options, SAMPLE, TITLE)
    assert options.is_visible("#sample-hint")
    assert options.input_value("#sample-text") == SAMPLE, "nothing is lost when the save fails"

    # Back up: the page lists again (the store was removed above, so nothing is saved).
    ext.set_storage(serverUrl=url)
    options.reload()
    options.wait_for_selector("#samples li.empty")
    assert options.is_hidden("#sample-hint")
    assert saved_on_server(url) == []
