"""A passage that follows a sample answer, with phrase findings inside it (issue 10,
item 2): both kinds are drawn differently, and every finding can be reached with
the pointer and with the keyboard."""

from __future__ import annotations

import time

from conftest import ARTIFACTS
from underlines import boxes, card, center, click_in_card, wait_for_boxes, wait_for_card

# A lightly edited copy of one of the sample answers bundled with Standout
# (models/samples/cover-opening.yaml, cover-opening-13): a passage finding
# (sample.follows-sample) starting where a phrase finding starts, phrases inside.
LETTER = (
    "I am writing to apply for the Data Analyst position at Initech. I have always been"
    " passionate about logistics, and I believe this role is the perfect opportunity to"
    " combine my skills with my interests. As a quick learner and a strong team player, I am"
    " confident that I can make a meaningful contribution to your organization."
)
SAMPLE = "sample.follows-sample"
SAMPLE_TITLE = "Follows a sample answer"


def wait_until_no_card(page, timeout: float = 5) -> None:
    deadline = time.monotonic() + timeout
    while card(page) is not None:
        assert time.monotonic() < deadline, "the card stayed open"
        time.sleep(0.05)


def open_letter(page, pages_url):
    page.goto(f"{pages_url}/overlap.html")
    page.fill("#letter", LETTER)
    page.focus("#letter")
    wait_for_boxes(page, SAMPLE)
    wait_for_boxes(page, "cliche.team-player")
    return boxes(page)


def a_point_only_in_the_passage(found: list[dict]) -> tuple[float, float]:
    phrases = [b for b in found if not b["passage"]]
    for box in (b for b in found if b["passage"]):
        y = box["top"] + box["height"] / 2
        x = box["left"] + 4
        while x < box["left"] + box["width"] - 4:
            if not any(p["left"] - 4 <= x <= p["left"] + p["width"] + 4
                       and p["top"] <= y <= p["top"] + p["height"] for p in phrases):
                return x, y
            x += 6
    raise AssertionError("the passage is covered by phrases everywhere")


def test_passages_and_phrases_are_drawn_differently(page, pages_url):
    found = open_letter(page, pages_url)
    passage = [b for b in found if b["rule"] == SAMPLE]
    phrase = [b for b in found if b["rule"] == "cliche.team-player"]
    assert passage and all(b["passage"] and b["line"] == "dashed" for b in passage)
    assert phrase and all(not b["passage"] and b["line"] == "solid" for b in phrase)


def test_every_finding_can_be_reached_with_the_pointer(page, pages_url):
    found = open_letter(page, pages_url)
    # A phrase inside the passage: its own card, which names the passage too.
    page.mouse.move(*center(boxes(page, "cliche.team-player")[0]))
    shown = wait_for_card(page)
    assert shown["title"] == "“team player”"
    assert shown["also"] == [SAMPLE_TITLE]
    page.screenshot(path=str(ARTIFACTS / "extension-overlap.png"))
    # ... from which the passage's card is one click away.
    click_in_card(page, ".also button")
    assert wait_for_card(page)["title"] == SAMPLE_TITLE
    assert page.evaluate("document.activeElement.id") == "letter", "the focus stayed in the field"
    # Pointing at the passage away from any phrase opens the passage's card.
    page.mouse.move(5, 5)
    wait_until_no_card(page)
    page.mouse.move(*a_point_only_in_the_passage(found))
    shown = wait_for_card(page)
    assert shown["title"] == SAMPLE_TITLE
    assert shown["also"] == []


def test_every_finding_can_be_reached_with_the_keyboard(page, pages_url, ext):
    found = open_letter(page, pages_url)
    drawn = {b["finding"] for b in found}
    page.keyboard.press("Control+Home")
    titles = []
    for _ in range(len(drawn) + 1):
        page.keyboard.press("Alt+Shift+N")
        page.wait_for_function("() => new Promise(r => requestAnimationFrame(() => r(true)))")
        titles.append(wait_for_card(page)["title"])
    assert len(set(titles)) == len(drawn), titles
    assert titles[-1] == titles[0], "wraps round"
    # The opener and the passage start at the same place: both get a turn, in order.
    opener = next(i for i, t in enumerate(titles) if t.startswith("“I am writing to apply"))
    assert titles[opener + 1] == SAMPLE_TITLE, titles
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "letter"
