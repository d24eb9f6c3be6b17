"""The popup (server status, score, site switch, company and role) and the options page."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import ARTIFACTS, PAGES
from underlines import boxes, wait_for_boxes, wait_until_no_boxes

LETTER = "I am passionate about data. I am a team player."
GLOBEX = "I am excited to apply for the analyst position at Globex. I like maps."


def open_popup(ext, tab_id: int):
    popup = ext.context.new_page()
    popup.goto(ext.url(f"popup/popup.html?tab={tab_id}"))
    popup.wait_for_selector("#server:not([data-state=checking])")
    return popup


def wait_for_storage(ext, key: str, expected, timeout: float = 5) -> None:
    """The popup writes settings asynchronously; closing it too early would lose the write."""
    deadline = time.monotonic() + timeout
    while ext.storage(key).get(key) != expected:
        assert time.monotonic() < deadline, f"{key} is {ext.storage(key)}, not {expected}"
        time.sleep(0.05)


def tab_of(ext, page) -> int:
    page.bring_to_front()
    return ext.active_tab_id()


def test_popup_shows_the_server_the_score_and_the_question(page, pages_url, ext):
    page.goto(f"{pages_url}/form.html")
    tab = tab_of(ext, page)
    page.click("#why")
    page.keyboard.type(LETTER)
    wait_for_boxes(page, "cliche.team-player")
    wait_for_boxes(page, "passion.passionate-about")
    assert ext.badge(tab) == "2"
    popup = open_popup(ext, tab)
    try:
        assert popup.text_content("#server-text").startswith(f"Server running at {ext.server_url}")
        assert popup.is_hidden("#server-hint")
        popup.wait_for_selector("#summary:not([hidden])")
        assert popup.text_content("#question") == "“Why do you want to work at Acme?”"
        assert popup.text_content("#total") == "2 findings"
        counts = popup.eval_on_selector_all(
            "#counts li", "items => items.map(li => li.innerText.replace(/\\s+/g, ' ').trim())")
        assert counts == ["Self-description clichés 1", "Passion claims 1"]  # plain names, not ids
        score = popup.text_content("#score")
        assert score.isdigit() and 0 <= int(score) <= 100
        assert popup.text_content("#site-name") == "127.0.0.1"
        assert popup.is_checked("#site-on")
        popup.set_viewport_size({"width": 330, "height": 480})
        popup.screenshot(path=str(ARTIFACTS / "extension-popup.png"))
    finally:
        popup.close()


def test_site_switch_turns_standout_off_and_on_for_the_site(page, pages_url, ext):
    page.goto(f"{pages_url}/form.html")
    tab = tab_of(ext, page)
    page.click("#why")
    page.keyboard.type(LETTER)
    wait_for_boxes(page, "cliche.team-player")
    popup = open_popup(ext, tab)
    popup.uncheck("#site-on")
    wait_for_storage(ext, "sitesOff", ["127.0.0.1"])
    popup.close()
    wait_until_no_boxes(page)
    page.bring_to_front()
    page.click("#why")
    page.keyboard.type(" I am a team player again.")
    page.wait_for_timeout(900)
    assert boxes(page) == []
    assert page.input_value("#why") == LETTER + " I am a team player again."

    popup = open_popup(ext, tab)
    assert not popup.is_checked("#site-on")
    popup.check("#site-on")
    wait_for_storage(ext, "sitesOff", [])
    popup.close()
    page.bring_to_front()
    page.click("#why")
    page.keyboard.type(" Done.")
    wait_for_boxes(page, "cliche.team-player")


def test_company_and_role_are_filled_in_from_a_job_board_page(page, pages_url, ext):
    page.goto(f"{pages_url}/boards/acme-robotics/jobs/4012.html")
    tab = tab_of(ext, page)
    page.click("#letter")
    page.keyboard.type(GLOBEX)
    # The company is sent as context: naming another employer is an error.
    found = wait_for_boxes(page, "employer.other")
    assert found[0]["severity"] == "error"
    popup = open_popup(ext, tab)
    try:
        assert popup.input_value("#company") == "Acme Robotics"
        assert popup.input_value("#role") == "Data Analyst"
        assert "Filled in" in popup.text_content("#detected")
        # The user corrects the company; the next check uses it.
        popup.fill("#company", "Globex")
        popup.dispatch_event("#company", "change")
        deadline = time.monotonic() + 5
        saved = "id => chrome.storage.session.get(`tab:${id}`).then(s => s[`tab:${id}`]?.override)"
        while (ext.worker.evaluate(saved, tab) or {}).get("company") != "Globex":
            assert time.monotonic() < deadline, "the popup did not save the company"
            time.sleep(0.05)
    finally:
        popup.close()
    page.bring_to_front()
    page.click("#letter")
    page.keyboard.press("End")
    page.keyboard.type(" And charts.")
    wait_until_no_boxes(page, "employer.other")
    popup = open_popup(ext, tab)
    assert popup.input_value("#company") == "Globex"
    popup.close()


def test_company_is_read_from_a_real_job_board_address(page, ext):
    """A Greenhouse URL (answered locally by the test, nothing leaves the machine)."""
    html = (Path(PAGES) / "form.html").read_text().replace("href=\"style.css\"", "href=\"data:,\"")
    page.route("https://boards.greenhouse.io/**",
               lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    page.goto("https://boards.greenhouse.io/initech/jobs/4001234")
    tab = tab_of(ext, page)
    page.click("#why")
    page.keyboard.type(GLOBEX)
    wait_for_boxes(page, "employer.other")
    popup = open_popup(ext, tab)
    try:
        assert popup.input_value("#company") == "Initech"
        assert popup.input_value("#role") == ""
        assert "Greenhouse" in popup.text_content("#detected")
    finally:
        popup.close()


def test_options_page_lists_categories_and_clears_the_lists(ext):
    ext.set_storage(
        ignored=[{"site": "example.com", "phrase": "team player", "rule": "cliche.team-player"}],
        sitesOff=["example.org"], disabledRules=["passion.passionate-about"],
    )
    options = ext.context.new_page()
    try:
        options.goto(ext.url("options/options.html"))
        options.wait_for_selector("#categories input[type=checkbox]")
        assert options.input_value("#server-url") == ext.server_url
        assert "Connected" in options.text_content("#server-status")
        labels = options.eval_on_selector_all(
            "#categories label", "ls => ls.map(l => l.textContent)")
        assert any(label.strip().startswith("Self-description clichés,") for label in labels)
        assert not any("(cliche)" in label for label in labels), "no ids on the page"
        assert "“team player”" in options.text_content("#ignored")
        assert "example.org" in options.text_content("#sites-off")
        rules_off = options.text_content("#rules-off")
        assert '"passionate about"' in rules_off and "Passion claims" in rules_off
        assert "passion.passionate-about" not in rules_off
        options.screenshot(path=str(ARTIFACTS / "extension-options.png"), full_page=True)

        options.uncheck("#categories li:first-child input")
        options.wait_for_timeout(200)
        assert len(ext.storage("disabledCategories")["disabledCategories"]) == 1
        options.click("#clear-ignored")
        options.click("#clear-sites")
        options.click("#rules-off button")
        options.wait_for_timeout(200)
        stored = ext.storage(["ignored", "sitesOff", "disabledRules"])
        assert stored == {"ignored": [], "sitesOff": [], "disabledRules": []}

        options.fill("#server-url", "http://example.com:8765")
        options.click("#server-form button[type=submit]")
        assert "only talks to a server on this machine" in options.text_content("#server-status")
        assert ext.storage("serverUrl")["serverUrl"] == ext.server_url
    finally:
        options.close()


def test_company_from_a_job_form_embedded_in_a_frame(page, pages_url, ext):
    """A career site embedding a Greenhouse form (answered locally by the test)."""
    form = (Path(PAGES) / "frame-inner.html").read_text()
    form = form.replace('href="style.css"', 'href="data:,"')
    page.route("https://boards.greenhouse.io/**",
               lambda route: route.fulfill(status=200, content_type="text/html", body=form))
    page.goto(f"{pages_url}/iframe.html")
    page.evaluate("""() => { document.getElementById('frame').src =
        'https://boards.greenhouse.io/embed/job_app?for=initech&token=4001234'; }""")
    for _ in range(100):
        inner = next((f for f in page.frames if "greenhouse" in f.url), None)
        if inner:
            break
        page.wait_for_timeout(50)
    assert inner, "the embedded form did not load"
    inner.click("#inner")
    page.keyboard.type(GLOBEX)
    wait_for_boxes(inner, "employer.other")  # Globex is not Initech
    tab = tab_of(ext, page)
    popup = open_popup(ext, tab)
    try:
        assert popup.input_value("#company") == "Initech"
        assert popup.text_content("#site-name") == "127.0.0.1"
    finally:
        popup.close()


def test_turning_the_site_back_on_checks_the_field_at_once(page, pages_url, ext):
    """Issue 10, item 6: with the field focused, underlines come back as soon as the
    site is on again, without waiting for a second keystroke."""
    page.goto(f"{pages_url}/form.html")
    page.click("#why")
    page.keyboard.type(LETTER)
    wait_for_boxes(page, "cliche.team-player")
    ext.set_storage(sitesOff=["127.0.0.1"])  # what the popup's switch writes
    wait_until_no_boxes(page)
    page.keyboard.type(" I am a hard worker.")
    ext.set_storage(sitesOff=[])
    wait_for_boxes(page, "cliche.hard-worker")  # no keystroke since
    assert boxes(page, "cliche.team-player")

    ext.set_storage(sitesOff=["127.0.0.1"])
    wait_until_no_boxes(page)
    ext.set_storage(sitesOff=[])
    page.keyboard.type("!")  # the first keystroke after the switch
    wait_for_boxes(page, "cliche.hard-worker")
    assert page.input_value("#why") == LETTER + " I am a hard worker.!"


TAB_LAST = "id => chrome.storage.session.get(`tab:${id}`).then(s => s[`tab:${id}`]?.last ?? null)"
FORGET_LAST = """id => chrome.storage.session.get(`tab:${id}`).then(
    s => chrome.storage.session.set({[`tab:${id}`]: {...s[`tab:${id}`], last: null}}))"""


def after_next_reply(ext, tab: int, act, timeout: float = 15) -> None:
    """Runs `act()` and waits until the worker has recorded the reply to the check it causes."""
    ext.worker.evaluate(FORGET_LAST, tab)
    act()
    deadline = time.monotonic() + timeout
    while not ext.worker.evaluate(TAB_LAST, tab):
        assert time.monotonic() < deadline, "no reply from the server through the worker"
        time.sleep(0.05)


def popup_score(ext, tab: int) -> int:
    """The score as the popup shows it."""
    popup = open_popup(ext, tab)
    try:
        popup.wait_for_selector("#summary:not([hidden])")
        return int(popup.text_content("#score"))
    finally:
        popup.close()


def test_the_score_moves_when_the_company_makes_an_error_and_the_user_fixes_it(
    page, pages_url, ext
):
    """Issue 10, item 10: naming another employer is an error fixed with one word; the
    score drops when the company is entered and comes back when the name is fixed."""
    page.goto(f"{pages_url}/form.html")
    tab = tab_of(ext, page)
    page.click("#why")
    after_next_reply(ext, tab, lambda: page.keyboard.type("I am excited to apply to Globex."))
    before = popup_score(ext, tab)

    popup = open_popup(ext, tab)
    popup.fill("#company", "Acme")
    popup.dispatch_event("#company", "change")
    saved = "id => chrome.storage.session.get(`tab:${id}`).then(s => s[`tab:${id}`]?.override)"
    deadline = time.monotonic() + 5
    while (ext.worker.evaluate(saved, tab) or {}).get("company") != "Acme":
        assert time.monotonic() < deadline, "the popup did not save the company"
        time.sleep(0.05)
    popup.close()
    page.bring_to_front()
    page.click("#why")
    page.keyboard.press("End")
    after_next_reply(ext, tab, lambda: page.keyboard.type(" "))
    assert boxes(page, "employer.other")
    wrong = popup_score(ext, tab)
    assert wrong < before

    page.bring_to_front()
    page.click("#why")
    page.keyboard.press("Control+A")
    after_next_reply(ext, tab, lambda: page.keyboard.type("I am excited to apply to Acme."))
    assert not boxes(page, "employer.other")
    fixed = popup_score(ext, tab)
    assert fixed > wrong
