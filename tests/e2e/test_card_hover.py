"""Cards open on a deliberate hover only (issue 10, item 7): not when text or a
scroll moves an underline under a pointer that stays still, and a card opened
by hovering closes when the user types again."""

from __future__ import annotations

import time

from underlines import boxes, card, center, wait_for_boxes, wait_for_card

LETTER = "I am passionate about data. I am a team player."


def the_page_moved(page, x: float, y: float) -> None:
    """The trusted mousemove at an unchanged position that browsers send when the page
    scrolls or reflows under a still pointer (Firefox does; Chromium has, to update
    hover): it must not count as the user pointing at something."""
    page.mouse.move(x, y)


def settle(page, ms: int = 600) -> None:
    """Long enough for a card to open had anything asked for one (the delay is 120 ms)."""
    page.wait_for_timeout(ms)


def wait_until_no_card(page, timeout: float = 5) -> None:
    deadline = time.monotonic() + timeout
    while card(page) is not None:
        assert time.monotonic() < deadline, "the card stayed open"
        time.sleep(0.05)


def test_typing_closes_a_card_opened_by_hovering(page, pages_url):
    page.goto(f"{pages_url}/form.html")
    page.click("#why")
    page.keyboard.type(LETTER)
    page.mouse.move(*center(wait_for_boxes(page, "cliche.team-player")[0]))
    wait_for_card(page)
    page.keyboard.type(" I")
    wait_until_no_card(page)
    # The pointer still rests on the underline: typing on does not bring the card back.
    page.keyboard.type(" like maps.")
    wait_for_boxes(page, "cliche.team-player")
    settle(page)
    assert card(page) is None
    assert page.input_value("#why") == LETTER + " I like maps."


def test_text_moving_under_a_still_pointer_opens_no_card(page, pages_url):
    page.goto(f"{pages_url}/form.html")
    page.click("#why")
    page.keyboard.type(LETTER)
    box = wait_for_boxes(page, "cliche.team-player")[0]
    # Rest the pointer just right of the underline, then type at the start of the
    # text so the phrase slides right, under the pointer.
    x, y = box["left"] + box["width"] + 5, box["top"] + box["height"] / 2
    page.mouse.move(x, y)
    settle(page, 300)
    assert card(page) is None
    page.keyboard.press("Control+Home")
    page.keyboard.type("So. ")
    page.wait_for_function("() => new Promise(r => requestAnimationFrame(() => r(true)))")
    moved = boxes(page, "cliche.team-player")[0]
    assert moved["left"] <= x <= moved["left"] + moved["width"], "the underline is under it"
    the_page_moved(page, x, y)
    settle(page)
    assert card(page) is None


def test_scrolling_a_field_under_a_still_pointer_opens_no_card(page, pages_url):
    page.goto(f"{pages_url}/long.html")
    lines = [f"Line {n}: I am a team player." for n in range(1, 40)]
    page.fill("#long", "\n".join(lines))
    page.focus("#long")
    page.locator("#long").scroll_into_view_if_needed()
    page.evaluate("document.querySelector('#long').scrollTop = 0")
    wait_for_boxes(page, "cliche.team-player")
    page.wait_for_function("() => new Promise(r => requestAnimationFrame(() => r(true)))")
    field = page.locator("#long").bounding_box()
    found = boxes(page, "cliche.team-player")
    # The pointer in the field's top padding, above the first line, in the underlines' column.
    x, y = found[0]["left"] + found[0]["width"] / 2, field["y"] + 3
    page.mouse.move(x, y)
    settle(page, 300)
    assert card(page) is None
    for _ in range(8):
        page.mouse.wheel(0, 9)  # a few pixels at a time: lines pass under the pointer
        page.wait_for_timeout(60)
        the_page_moved(page, x, y)
    assert page.evaluate("document.querySelector('#long').scrollTop") > 30
    settle(page)
    assert card(page) is None
    # A real move onto an underline still opens its card.
    target = boxes(page, "cliche.team-player")[1]
    page.mouse.move(*center(target))
    wait_for_card(page)
