"""The card: on hover and from the keyboard, its text, and the user's choices."""

from __future__ import annotations

from conftest import ARTIFACTS
from underlines import (
    boxes,
    card,
    center,
    click_in_card,
    wait_for_boxes,
    wait_for_card,
    wait_until_no_boxes,
)

LETTER = "I am passionate about data. I am a team player."


def open_form(page, pages_url, text=LETTER):
    page.goto(f"{pages_url}/form.html")
    page.click("#why")
    page.keyboard.type(text)
    wait_for_boxes(page, "cliche.team-player")
    wait_for_boxes(page, "passion.passionate-about")


def test_hovering_an_underline_shows_the_card(page, pages_url, ext):
    open_form(page, pages_url)
    box = boxes(page, "cliche.team-player")[0]
    page.mouse.move(*center(box))
    shown = wait_for_card(page)
    assert shown["title"] == "“team player”"  # the user's own words
    assert "Team player" in shown["message"]
    assert shown["advice"].startswith("Name one time you made a team better")
    assert shown["category"] == "Self-description clichés · warning"
    assert ext.server_url not in shown["text"]
    assert "Ignore here" in shown["text"] and "Turn off this rule" in shown["text"]
    assert "replace" not in shown["text"].lower(), "Standout never offers to rewrite the text"
    assert shown["top"] >= box["top"] + box["height"], "the card sits below the phrase"
    assert boxes(page, "cliche.team-player")[0]["active"]
    page.screenshot(path=str(ARTIFACTS / "extension-card.png"))

    # Leaving the underline closes the card.
    page.mouse.move(5, 5)
    page.wait_for_timeout(600)
    assert card(page) is None


def test_the_rule_link_opens_the_servers_explanation(page, pages_url, ext):
    open_form(page, pages_url)
    page.mouse.move(*center(boxes(page, "cliche.team-player")[0]))
    wait_for_card(page)
    with ext.context.expect_page() as opened:
        click_in_card(page, "button.why")
    rule_page = opened.value
    rule_page.wait_for_load_state()
    assert rule_page.url == f"{ext.server_url}/rules/cliche.team-player"
    assert "team player" in rule_page.content()
    rule_page.close()


def test_ignore_here_is_remembered_for_the_phrase_on_this_site(page, pages_url, ext):
    open_form(page, pages_url)
    page.mouse.move(*center(boxes(page, "cliche.team-player")[0]))
    wait_for_card(page)
    click_in_card(page, 'button[data-action="ignore"]')
    wait_until_no_boxes(page, "cliche.team-player")
    assert boxes(page, "passion.passionate-about"), "other findings stay"
    assert page.input_value("#why") == LETTER
    stored = ext.storage("ignored")["ignored"]
    assert stored == [{"site": "127.0.0.1", "phrase": "team player", "rule": "cliche.team-player"}]

    # A new page on the same site: the phrase stays ignored once the reply is in.
    page.reload()
    page.click("#why")
    page.keyboard.type(LETTER)
    wait_for_boxes(page, "passion.passionate-about")
    assert boxes(page, "cliche.team-player") == []


def test_turn_off_this_rule(page, pages_url, ext):
    open_form(page, pages_url)
    page.mouse.move(*center(boxes(page, "passion.passionate-about")[0]))
    wait_for_card(page)
    click_in_card(page, 'button[data-action="disable"]')
    wait_until_no_boxes(page, "passion.passionate-about")
    assert ext.storage("disabledRules")["disabledRules"] == ["passion.passionate-about"]
    page.keyboard.type(" I am passionate about maps.")
    page.wait_for_timeout(800)
    assert boxes(page, "passion.passionate-about") == []
    assert boxes(page, "cliche.team-player")


def test_keyboard_moves_from_finding_to_finding(page, pages_url):
    open_form(page, pages_url)
    page.keyboard.press("Control+Home")
    page.keyboard.press("Alt+Shift+N")
    first = wait_for_card(page)
    assert first["title"] == "“passionate about”"
    assert first["focused"], "the card takes the keyboard focus"
    assert first["focusedText"] == "Ignore here"
    page.keyboard.press("Tab")
    assert card(page)["focusedText"] == "Turn off this rule"
    page.keyboard.press("Alt+Shift+N")
    page.wait_for_timeout(100)
    assert card(page)["title"] == "“team player”"
    assert boxes(page, "cliche.team-player")[0]["active"]
    page.keyboard.press("Alt+Shift+N")
    page.wait_for_timeout(100)
    assert card(page)["title"] == "“passionate about”", "wraps round to the first finding"
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    assert card(page) is None
    assert page.evaluate("document.activeElement.id") == "why"
    page.keyboard.type("!")
    assert page.input_value("#why") == "!" + LETTER, "the caret came back where it was"


def test_the_card_quotes_the_users_own_words(page, pages_url):
    """Issue 10, item 9: the rule is "fast learner"; the user wrote "quick learner"."""
    page.goto(f"{pages_url}/form.html")
    page.click("#why")
    page.keyboard.type("I am a quick learner who ships.")
    page.mouse.move(*center(wait_for_boxes(page, "cliche.fast-learner")[0]))
    shown = wait_for_card(page)
    assert shown["title"] == "“quick learner”"
    assert "fast learner" not in shown["title"]
    assert shown["category"] == "Self-description clichés · warning"
    assert "cliche" not in shown["text"], "no ids on the card"
