"""The generic-sentence check in the browser: its underline and its card."""

from __future__ import annotations

from conftest import ARTIFACTS
from underlines import boxes, center, wait_for_boxes, wait_for_card

RULE = "generic.anyones-sentence"
LETTER = ("I am a team player. I am happy to take on whatever tasks are needed and I always get "
          "things done.")


def test_a_generic_sentence_is_underlined_and_explained(page, pages_url, ext):
    page.goto(f"{pages_url}/form.html")
    page.click("#why")
    page.keyboard.type(LETTER)
    wait_for_boxes(page, RULE)
    wait_for_boxes(page, "cliche.team-player")
    page.mouse.move(*center(boxes(page, RULE)[0]))
    shown = wait_for_card(page)
    assert shown["title"] == "Could be in anyone's letter"
    assert shown["message"].startswith("This sentence could be in anyone's letter")
    assert "detail only you can give" in shown["advice"]
    assert shown["category"] == "Could be in anyone's letter · warning"  # the pack's title, as for every category
    page.screenshot(path=str(ARTIFACTS / "extension-generic-card.png"))


