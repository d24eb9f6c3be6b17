"""The first-run page (issue 13): opened on install, the one command to start the
server when it is not there, turning green by itself when it comes up, and a
practice field with the extension's own underlines and card."""

from __future__ import annotations

import socket
import time

from conftest import ARTIFACTS, watched_tab
from server_process import LiveServer
from underlines import boxes, card, center, click_in_card, wait_for_boxes, wait_for_card

WELCOME = "welcome/welcome.html"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def welcome_tab(ext):
    yield from watched_tab(ext, ext.url(WELCOME))


def test_the_page_opens_when_the_extension_is_installed(extension):
    # The session's browser installed the extension into a fresh profile; conftest
    # noted the tabs it opened then (and closed them, so that no test runs behind one).
    assert extension.opened_on_install == [extension.url(WELCOME)]


def test_without_the_server_it_shows_the_command_then_updates_itself(ext):
    port = closed_port()
    ext.set_storage(serverUrl=f"http://127.0.0.1:{port}")
    for page in welcome_tab(ext):
        page.wait_for_selector("#server[data-state=down]")
        assert page.is_visible("#server-setup")
        # The commands are for the port the extension is set to use.
        assert page.text_content("#service-command") == f"standout service install --port {port}"
        assert page.text_content("#serve-command") == f"standout serve --port {port}"
        assert f"127.0.0.1:{port}" in page.text_content("#server-text")
        assert "standout doctor" in page.text_content("#server-setup")
        assert page.get_attribute("#practice", "data-state") == "waiting"
        page.wait_for_timeout(1500)
        assert boxes(page) == []
        page.screenshot(path=str(ARTIFACTS / "welcome-no-server.png"), full_page=True)

        # The user runs the command: the page notices without a reload.
        server = LiveServer("--port", str(port))
        try:
            assert server.url, server.log
            page.wait_for_selector("#server[data-state=up]", timeout=20_000)
            assert not page.is_visible("#server-setup")
            assert "is running" in page.text_content("#server-text")
            # The practice letter is checked as soon as the server answers.
            wait_for_boxes(page, "opener.writing-to-apply", timeout=20)
            assert page.get_attribute("#practice", "data-state") == "ready"
            assert "findings" in page.text_content("#practice-note")
        finally:
            server.stop()


def test_the_practice_field_shows_underlines_and_the_card(ext):
    for page in welcome_tab(ext):
        page.wait_for_selector("#server[data-state=up]")
        assert not page.is_visible("#server-setup")
        wait_for_boxes(page, "opener.writing-to-apply")
        wait_for_boxes(page, "cliche.communication-skills")
        page.screenshot(path=str(ARTIFACTS / "welcome-server-up.png"), full_page=True)

        box = boxes(page, "cliche.communication-skills")[0]
        page.mouse.move(*center(box))
        shown = wait_for_card(page)
        assert "communication skills" in shown["title"]  # the user's own words
        assert "Ignore here" in shown["text"]
        page.screenshot(path=str(ARTIFACTS / "welcome-card.png"), full_page=True)

        # Practice changes no settings: "Ignore here" hides it in this field only.
        click_in_card(page, "button[data-action=ignore]")
        deadline = time.monotonic() + 5
        while boxes(page, "cliche.communication-skills") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert boxes(page, "cliche.communication-skills") == []
        assert card(page) is None
        assert ext.storage("ignored")["ignored"] == []

        # Typing is checked like any field: a new cliché gets its underline.
        page.click("#practice-field")
        page.keyboard.press("Control+End")
        page.keyboard.type(" I am a hard worker.")
        wait_for_boxes(page, "cliche.hard-worker")
        # Checked for no tab: the badge of the page's tab is untouched.
        assert ext.badge(ext.active_tab_id()) == ""


def test_the_popup_says_what_doctor_checks_when_the_server_is_down(ext):
    port = closed_port()
    ext.set_storage(serverUrl=f"http://127.0.0.1:{port}")
    for popup in watched_tab(ext, ext.url("popup/popup.html")):
        popup.wait_for_selector("#server[data-state=down]")
        popup.wait_for_selector("#doctor-hint", state="visible")
        assert popup.is_visible("#server-hint")  # the start commands stay beside it
        # The popup cannot run it: the command, for the address the extension uses.
        assert popup.text_content("#doctor-command") == f"standout doctor --url http://127.0.0.1:{port}"
        causes = popup.locator("#doctor-hint li").all_text_contents()
        assert len(causes) >= 3 and any("port" in c for c in causes), causes
        assert popup.get_attribute("#welcome-link", "href") == "../welcome/welcome.html"
        popup.screenshot(path=str(ARTIFACTS / "popup-doctor-hint.png"), full_page=True)

    ext.reset()
    for popup in watched_tab(ext, ext.url("popup/popup.html")):
        popup.wait_for_selector("#server[data-state=up]")
        assert not popup.is_visible("#doctor-hint")
