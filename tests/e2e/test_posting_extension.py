"""The job posting in the browser (issue 11): the content script reads it from the page
(a Greenhouse-like page with the description above the form; a Lever-like job page
before its /apply form, remembered per tab and job), the checks send it, the page
underlines the sentences copied from it, and the popup shows what was read and the
checklist of its asks; an ask scrolls the field to its sentence."""

from __future__ import annotations

import json
import time

from conftest import ARTIFACTS
from underlines import boxes, center, overlap, phrase_rects, wait_for_boxes, wait_for_card

# Invented letters for the invented postings in pages/postings/.
FERNBROOK_LETTER = (
    "Dear Fernbrook Bikes team,\n\n"
    "At Harbour Cycles I rebuilt our SQL reporting with window functions in 2023, which cut the "
    "weekly stock count from six hours to forty minutes. I am also experienced with Tableau. "
    "I would build the booking dashboards our workshop managers use every morning.\n\n"
    "I have followed Spoke Club since it launched, and I would like to help its 4,000 commuters "
    "get their bikes back sooner."
)
KETTLEWORKS_LETTER = (
    "Dear Kettleworks team,\n\n"
    "At Dalesway Foods I owned the weekly production forecast for two bakeries and cut waste by "
    "18% in 2024. I know Excel and SQL well.\n\n"
    "The Tallow stoves are in half the kitchens of my village, and I would like to plan the "
    "foundry that makes them."
)
ECHO = "posting.echo"


def tab_of(ext, page) -> int:
    page.bring_to_front()
    return ext.active_tab_id()


def open_popup(ext, tab_id: int):
    popup = ext.context.new_page()
    popup.set_viewport_size({"width": 330, "height": 760})
    popup.goto(ext.url(f"popup/popup.html?tab={tab_id}"))
    popup.wait_for_selector("#posting:not([hidden])")
    return popup


def checklist(popup, count: int | None = None, timeout: float = 10) -> dict[str, str]:
    """{ask text: status shown} once the popup lists the asks (`count` of them, when given)."""
    deadline = time.monotonic() + timeout
    while True:
        items = popup.eval_on_selector_all(
            "#posting-asks li",
            "lis => lis.map(li => [li.querySelector('.ask-text').textContent,"
            " li.querySelector('.ask-status').textContent])")
        if items and (count is None or len(items) == count):
            return dict(items)
        assert time.monotonic() < deadline, f"no asks listed: {popup.inner_text('#posting')}"
        time.sleep(0.1)


def status_of(asks: dict[str, str], words: str) -> str:
    [status] = [s for text, s in asks.items() if words in text]
    return status


def test_greenhouse_like_page_description_above_the_form(page, pages_url, ext):
    page.goto(f"{pages_url}/postings/fernbrook/jobs/88.html")
    tab = tab_of(ext, page)
    page.click("#cover_letter")
    page.keyboard.type(FERNBROOK_LETTER)
    # The sentence handed back from the ad is underlined, with its card like any other.
    echo = wait_for_boxes(page, ECHO)
    page.mouse.move(*center(echo[0]))
    shown = wait_for_card(page)
    assert "wrote that sentence" in shown["message"], shown
    page.screenshot(path=str(ARTIFACTS / "extension-posting-echo-card.png"))

    popup = open_popup(ext, tab)
    try:
        source = popup.inner_text("#posting-source")
        assert source.startswith(
            "Operations Analyst at Fernbrook Bikes: read from the Greenhouse page"), source
        assert "words" in source and "characters" in source
        asks = checklist(popup)
        assert status_of(asks, "SQL") == "shown"
        assert status_of(asks, "Tableau") == "claimed"
        assert status_of(asks, "stakeholder management") == "missing"
        # Benefits are not asks.
        assert not any("holiday" in a or "Spoke Club plan" in a for a in asks)
        assert popup.inner_text("#posting-note").startswith("1 of 6 asks shown")
        # A missing ask has no sentence to go to; the others are buttons.
        assert popup.locator("#posting-asks li.absent button").count() == 0
        popup.screenshot(path=str(ARTIFACTS / "extension-popup-posting.png"))

        # Clicking an ask scrolls the field to its sentence and marks it there.
        page.mouse.move(5, 5)
        page.keyboard.press("Escape")
        page.eval_on_selector(
            "#cover_letter", "el => { el.style.height = '70px'; el.scrollTop = el.scrollHeight; }")
        before = page.eval_on_selector("#cover_letter", "el => el.scrollTop")
        assert before > 0
        popup.locator("#posting-asks li", has_text="SQL").locator("button").click()
        mark = wait_for_boxes(page, "posting.evidence")
        after = page.eval_on_selector("#cover_letter", "el => el.scrollTop")
        assert after < before
        field = page.eval_on_selector("#cover_letter", "el => el.getBoundingClientRect().toJSON()")
        assert field["top"] <= mark[0]["top"] < field["top"] + field["height"]
        assert page.input_value("#cover_letter") == FERNBROOK_LETTER  # only scrolled
        # The posting is kept in memory (storage.session), never in storage.local (on disk).
        assert "Spoke Club" not in json.dumps(ext.storage())
        page.screenshot(path=str(ARTIFACTS / "extension-posting-evidence.png"))
    finally:
        popup.close()


def test_lever_like_flow_description_before_apply(page, pages_url, ext):
    page.goto(f"{pages_url}/postings/lever/kettleworks/7e1f-analyst/")
    tab = tab_of(ext, page)
    page.click("a.postings-btn")
    page.wait_for_url("**/7e1f-analyst/apply/")
    page.click("#comments")
    page.keyboard.type(KETTLEWORKS_LETTER)
    wait_for_boxes(page, ECHO)  # the posting of the page before was sent with the check

    popup = open_popup(ext, tab)
    try:
        assert "read from the Lever page" in popup.inner_text("#posting-source")
        asks = checklist(popup)
        assert status_of(asks, "production forecast") == "shown"
        assert status_of(asks, "Excel and SQL") == "claimed"
        assert status_of(asks, "driving licence") == "missing"
        popup.screenshot(path=str(ARTIFACTS / "extension-popup-posting-lever.png"))

        # The user corrects the posting: it is sent with the next check, for this job.
        popup.click("#posting-edit summary")
        popup.fill("#posting-text", "Planning Analyst\n\nRequirements\n"
                   "- A full UK driving licence\n- Experience running a bakery production line\n")
        popup.click("#posting-save")
        popup.wait_for_function(
            "() => document.querySelector('#posting-source').textContent.includes('pasted by you')")
        assert not popup.is_hidden("#posting-use-page")
        # The field is checked again at once: the checklist is the pasted posting's.
        asks = checklist(popup, count=2)
        assert status_of(asks, "bakery production line") == "missing"
        assert status_of(asks, "driving licence") == "missing"
        page.bring_to_front()
        page.click("#comments")
        page.keyboard.press("End")
        page.keyboard.type(" I ran the bakery production line for two years.")
        popup.bring_to_front()
        deadline = time.monotonic() + 10
        while status_of(checklist(popup, count=2), "bakery production line") != "shown":
            assert time.monotonic() < deadline, checklist(popup)
            time.sleep(0.1)
        popup.screenshot(path=str(ARTIFACTS / "extension-popup-posting-pasted.png"))
    finally:
        popup.close()


def test_the_apply_form_alone_has_no_posting(page, pages_url, ext):
    """Without the job page before it, the form has no posting: nothing is sent, and the
    popup says so and offers to paste it."""
    page.goto(f"{pages_url}/postings/lever/kettleworks/7e1f-analyst/apply/")
    tab = tab_of(ext, page)
    page.click("#comments")
    page.keyboard.type(KETTLEWORKS_LETTER)
    # The worker has the checklist of this text's check (none: no posting).
    deadline = time.monotonic() + 15
    while not ext.worker.evaluate(f"chrome.storage.session.get('posting:{tab}')"
                                  f".then(s => Boolean(s['posting:{tab}']?.last))"):
        assert time.monotonic() < deadline, "the text was not checked"
        time.sleep(0.1)
    popup = open_popup(ext, tab)
    try:
        source = popup.inner_text("#posting-source")
        assert source.startswith("No job posting found on this page"), source
        assert popup.locator("#posting-asks li").count() == 0
    finally:
        popup.close()
    assert boxes(page, ECHO) == []


def test_a_careers_page_without_board_markup_is_read_by_its_headings(page, pages_url, ext):
    page.goto(f"{pages_url}/postings/plain/careers.html")
    tab = tab_of(ext, page)
    page.click("#letter")
    page.keyboard.type("At Wren Books I planned the staff rota for twelve booksellers from 2021 "
                       "to 2024 and ran forty author events.")
    popup = open_popup(ext, tab)
    try:
        source = popup.inner_text("#posting-source")
        assert "read from the headings on the page" in source, source
        asks = checklist(popup)
        assert status_of(asks, "staff rota") == "shown"
        assert status_of(asks, "EPOS") == "missing"
        assert not any("discount" in a for a in asks)
    finally:
        popup.close()


def test_a_posting_pasted_where_none_was_found_and_an_ask_in_a_rich_text_editor(
    page, pages_url, ext
):
    page.goto(f"{pages_url}/editable.html")
    tab = tab_of(ext, page)
    page.click("#editor p:last-child")
    page.keyboard.press("End")
    page.keyboard.type(" I am a team player.")
    wait_for_boxes(page, "cliche.team-player")
    before = page.inner_html("#editor")
    popup = open_popup(ext, tab)
    try:
        popup.wait_for_function(
            "() => document.querySelector('#posting-source').textContent.startsWith('No job')")
        popup.click("#posting-edit summary")
        popup.fill("#posting-text", "Finance Assistant\n\nRequirements\n"
                   "- Experience maintaining an invoice export\n- Experience with Xero\n")
        popup.click("#posting-save")
        asks = checklist(popup, count=2)  # the editor was checked again with the posting
        assert status_of(asks, "invoice export") == "shown"
        assert status_of(asks, "Xero") == "missing"
        page.evaluate("() => window.scrollTo(0, 0)")
        popup.locator("#posting-asks li", has_text="invoice export").locator("button").click()
        mark = wait_for_boxes(page, "posting.evidence")
        words = phrase_rects(page, "#editor", "invoice export")
        assert any(overlap(w, m) > 0.5 for w in words for m in mark), (words, mark)
        assert page.inner_html("#editor") == before  # the editor is only read
    finally:
        popup.close()
