"""With the server down nothing breaks: no page errors, the badge says so, and
underlines arrive by themselves once the server is back."""

from __future__ import annotations

import socket

from underlines import boxes, wait_for_boxes

LETTER = "I am passionate about data. I am a team player."


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_down_then_back(page, pages_url, ext):
    port = closed_port()
    ext.set_storage(serverUrl=f"http://127.0.0.1:{port}")
    page.goto(f"{pages_url}/form.html")
    page.bring_to_front()
    tab = ext.active_tab_id()
    page.click("#why")
    page.keyboard.type(LETTER)
    page.wait_for_timeout(1500)
    assert boxes(page) == []
    assert page.input_value("#why") == LETTER
    assert ext.badge(tab) == "off"
    assert ext.badge() == "off"

    popup = ext.context.new_page()
    popup.goto(ext.url(f"popup/popup.html?tab={tab}"))
    popup.wait_for_selector("#server[data-state=down]")
    assert popup.is_visible("#server-hint")
    # The command starts a server where the extension looks for one (issue 10, item 4).
    assert popup.text_content("#server-hint") == f"Start it with: standout serve --port {port}"
    popup.close()

    # The server comes back: the pending retry finds it without any typing.
    ext.set_storage(serverUrl=ext.server_url)
    page.bring_to_front()
    wait_for_boxes(page, "cliche.team-player", timeout=20)
    assert ext.badge(tab) == "2"
    assert ext.badge() == ""
    assert page.input_value("#why") == LETTER
    # The `page` fixture fails the test if the page logged any error or warning.
