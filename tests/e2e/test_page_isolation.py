"""A hostile page cannot read Standout's layer, drive its card, or use its content
script to reach the user's samples (issue 9, items 6 and 7; docs/security.md)."""

from __future__ import annotations

import json

from underlines import boxes, card, center, in_layer, wait_for_boxes, wait_for_card

LETTER = "I am passionate about data. I am a team player."

# What a page script can try, with its own (untrusted) events.
PAGE_ATTACK = """([x, y]) => {
    const field = document.querySelector('#why');
    const host = document.querySelector('standout-layer');
    field.focus();
    const how = {bubbles: true, composed: true};
    const key = {key: 'N', code: 'KeyN', altKey: true, shiftKey: true, ...how};
    field.dispatchEvent(new KeyboardEvent('keydown', key));
    document.dispatchEvent(new MouseEvent('mousemove', {clientX: x, clientY: y, ...how}));
    field.dispatchEvent(new MouseEvent('mousemove', {clientX: x, clientY: y, ...how}));
    return {shadowRoot: host.shadowRoot === null ? null : 'open',
            html: document.documentElement.outerHTML};
}"""

PAGE_CLICKS = """([x, y]) => {
    const host = document.querySelector('standout-layer');
    const hit = document.elementFromPoint(x, y);
    const how = {bubbles: true, composed: true};
    for (const target of [hit, host]) {
        target.dispatchEvent(new MouseEvent('click', {clientX: x, clientY: y, ...how}));
        target.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', ...how}));
    }
    host.click();
    return {hit: hit.localName, shadowRoot: host.shadowRoot};
}"""

DISABLE_POINT = """(root) => {
    const b = root.querySelector('.card button[data-action="disable"]');
    const r = b.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
}"""


def open_form(page, pages_url):
    page.goto(f"{pages_url}/form.html")
    page.click("#why")
    page.keyboard.type(LETTER)
    return wait_for_boxes(page, "passion.passionate-about")


def test_a_page_cannot_read_the_layer_or_open_the_card(page, pages_url, ext):
    target = open_form(page, pages_url)[0]
    seen = page.evaluate(PAGE_ATTACK, list(center(target)))
    assert seen["shadowRoot"] is None, "the layer's shadow root is closed to the page"
    assert "passionate" not in seen["html"].replace(LETTER, ""), "no finding text in the page's DOM"
    assert ext.server_url.split("//")[1] not in seen["html"]
    # The synthetic shortcut and pointer moves were ignored: give them time to act, then look.
    page.wait_for_timeout(600)
    assert card(page) is None
    assert not any(b["active"] for b in boxes(page))


def test_a_page_cannot_press_the_cards_buttons(page, pages_url, ext):
    target = open_form(page, pages_url)[0]
    page.mouse.move(*center(target))  # the user's own hover opens the card
    shown = wait_for_card(page)
    assert shown["title"] == "“passionate about”"
    assert ext.server_url not in json.dumps(shown), "the card names no server address"
    point = in_layer(page, DISABLE_POINT)
    result = page.evaluate(PAGE_CLICKS, point)
    assert result == {"hit": "standout-layer", "shadowRoot": None}
    page.wait_for_timeout(400)
    assert ext.storage("disabledRules")["disabledRules"] == []
    assert boxes(page, "passion.passionate-about"), "the rule is still on"
    assert card(page) is not None, "the card is still open: nothing acted on it"


def content_script_world(ext, page):
    """A DevTools session and the id of the content script's isolated world in `page`,
    to send messages exactly as a content script would (a compromised one, say)."""
    cdp = ext.context.new_cdp_session(page)
    contexts: list[dict] = []
    cdp.on("Runtime.executionContextCreated", lambda event: contexts.append(event["context"]))
    cdp.send("Runtime.enable")
    origin = f"chrome-extension://{ext.id}"
    found = [c for c in contexts if c.get("origin") == origin
             and c.get("auxData", {}).get("type") == "isolated"]
    assert found, f"no content script world among {[c.get('origin') for c in contexts]}"
    return cdp, found[0]["id"]


def send_as_content_script(cdp, context_id: int, msg: dict) -> dict:
    result = cdp.send("Runtime.evaluate", {
        "expression": f"chrome.runtime.sendMessage({json.dumps(msg)})",
        "contextId": context_id, "awaitPromise": True, "returnByValue": True,
    })
    assert "exceptionDetails" not in result, result
    return result["result"]["value"]


def test_a_content_script_cannot_reach_samples_other_tabs_or_settings(page, pages_url, ext):
    open_form(page, pages_url)
    other = ext.context.new_page()
    try:
        other.goto(f"{pages_url}/form.html")
        other.bring_to_front()
        other_tab = ext.active_tab_id()
        cdp, world = content_script_world(ext, page)
        # What the field needs still works from there...
        checked = send_as_content_script(cdp, world, {
            "kind": "standout/check", "text": "I am a team player.", "site": "127.0.0.1"})
        assert checked["ok"] and checked["findings"][0]["rule"] == "cliche.team-player"
        # ... and nothing else does.
        for msg in [
            {"kind": "standout/samples"},
            {"kind": "standout/add-sample", "text": "A sample " * 30},
            {"kind": "standout/remove-sample", "id": "user-1"},
            {"kind": "standout/tab-state", "tabId": other_tab},
            {"kind": "standout/set-context", "tabId": other_tab, "company": "Evil", "role": None},
            {"kind": "standout/status"},
        ]:
            reply = send_as_content_script(cdp, world, msg)
            assert reply["ok"] is False and reply["error"]["code"] == "not-allowed", (msg, reply)
        cdp.detach()
    finally:
        other.close()
