"""Underlines in each kind of field, on the right words, without touching the text."""

from __future__ import annotations

from underlines import (
    assert_box_covers,
    boxes,
    in_layer,
    overlap,
    phrase_rects,
    wait_for_boxes,
    wait_until_no_boxes,
)

LETTER = "In my last job I rebuilt the billing export. I am a team player and a quick learner."


LAYOUT_JS = """() => ({
    size: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
    rects: [...document.querySelectorAll('body *')].map(e => {
        const r = e.getBoundingClientRect();
        return [e.id || e.localName, r.x, r.y, r.width, r.height];
    }),
})"""


def test_textarea_underlines_the_phrase_and_keeps_the_value(page, pages_url):
    page.goto(f"{pages_url}/form.html")
    layout = page.evaluate(LAYOUT_JS)
    assert page.evaluate("document.querySelector('standout-layer')") is None, \
        "nothing is added to a page before a field is used"
    page.click("#why")
    page.keyboard.type(LETTER)
    found = wait_for_boxes(page, "cliche.team-player")
    assert page.input_value("#why") == LETTER
    assert page.evaluate(LAYOUT_JS) == layout, "drawing underlines moved something on the page"
    for box in found:
        assert_box_covers(page, "#why", box, LETTER, "team player")
    assert found[0]["severity"] == "warning"
    assert found[0]["color"] == "rgb(227, 116, 0)"


def test_text_input(page, pages_url):
    text = "Detail-oriented team player who ships"
    page.goto(f"{pages_url}/form.html")
    page.click("#headline")
    page.keyboard.type(text)
    found = wait_for_boxes(page, "cliche.team-player")
    assert_box_covers(page, "#headline", found[0], text, "team player")
    assert page.input_value("#headline") == text


def test_contenteditable_editor(page, pages_url):
    page.goto(f"{pages_url}/editable.html")
    before = page.inner_html("#editor")
    page.click("#editor p:last-child")
    page.keyboard.press("End")
    typed = " I am a team player."
    page.keyboard.type(typed)
    found = wait_for_boxes(page, "cliche.team-player")
    expected = phrase_rects(page, "#editor", "team player")
    assert expected
    assert any(overlap(found[0], r) > 0.8 for r in expected), (found, expected)
    # Only the user's own typing changed the editor: Standout added nothing inside it.
    html = page.inner_html("#editor")
    assert "standout" not in html.lower()
    assert html.replace(typed, "") == before


def test_controlled_textarea_that_rerenders_on_every_keystroke(page, pages_url):
    page.goto(f"{pages_url}/controlled.html")
    page.click("#answer")
    page.keyboard.type(LETTER)
    found = wait_for_boxes(page, "cliche.team-player")
    assert_box_covers(page, "#answer", found[0], LETTER, "team player")
    assert page.input_value("#answer") == LETTER
    assert page.evaluate("state.answer") == LETTER
    assert page.evaluate("state.renders") >= len(LETTER)


def test_underlines_follow_scrolling_inside_the_field_and_the_page(page, pages_url):
    page.goto(f"{pages_url}/long.html")
    filler = "\n".join(
        f"Line {n}: I shipped release {n} of the reporting tool." for n in range(1, 30)
    )
    text = filler + "\nAbove all I am a team player."
    page.fill("#long", text)
    page.focus("#long")
    page.keyboard.press("End")
    page.keyboard.type(" Thanks.")
    value = text + " Thanks."
    page.evaluate("document.querySelector('#long').scrollTop = 1e6")
    found = wait_for_boxes(page, "cliche.team-player")
    assert_box_covers(page, "#long", found[0], value, "team player")

    page.mouse.wheel(0, 200)  # the page scrolls
    page.wait_for_timeout(150)
    moved = wait_for_boxes(page, "cliche.team-player")
    assert_box_covers(page, "#long", moved[0], value, "team player")

    # Scrolled out of the field's view: the underline is clipped away.
    page.evaluate("document.querySelector('#long').scrollTop = 0")
    wait_until_no_boxes(page, "cliche.team-player")
    page.evaluate("document.querySelector('#long').scrollTop = 1e6")
    back = wait_for_boxes(page, "cliche.team-player")
    assert_box_covers(page, "#long", back[0], value, "team player")
    assert page.input_value("#long") == value


def test_underlines_follow_resizing_and_font_changes(page, pages_url):
    page.goto(f"{pages_url}/form.html")
    page.click("#why")
    page.keyboard.type(LETTER)
    wait_for_boxes(page, "cliche.team-player")
    page.evaluate("document.querySelector('#why').style.width = '260px'")
    page.wait_for_timeout(100)
    for box in wait_for_boxes(page, "cliche.team-player"):
        assert_box_covers(page, "#why", box, LETTER, "team player")
    page.evaluate("document.querySelector('#why').style.fontSize = '21px'")
    page.wait_for_timeout(100)
    for box in wait_for_boxes(page, "cliche.team-player"):
        assert_box_covers(page, "#why", box, LETTER, "team player")
    page.set_viewport_size({"width": 700, "height": 600})
    page.wait_for_timeout(100)
    for box in wait_for_boxes(page, "cliche.team-player"):
        assert_box_covers(page, "#why", box, LETTER, "team player")


def test_field_inside_a_same_origin_iframe(page, pages_url):
    page.goto(f"{pages_url}/iframe.html")
    frame = page.frame_locator("#frame")
    frame.locator("#inner").click()
    page.keyboard.type(LETTER)
    inner = next(f for f in page.frames if f.url.endswith("frame-inner.html"))
    found = wait_for_boxes(inner, "cliche.team-player")
    assert_box_covers(inner, "#inner", found[0], LETTER, "team player")
    assert inner.input_value("#inner") == LETTER
    assert boxes(page) == []  # drawn in the frame's own document


def test_underlines_shift_while_typing_before_the_next_reply(page, pages_url):
    page.goto(f"{pages_url}/form.html")
    page.click("#why")
    page.keyboard.type(LETTER)
    wait_for_boxes(page, "cliche.team-player")
    page.keyboard.press("Control+Home")
    # Typing at the start moves the phrase right; the underline must move with it
    # at once (checked in the same frame, long before the 300 ms check delay).
    page.keyboard.type("Hello. ")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    value = "Hello. " + LETTER
    assert page.input_value("#why") == value
    shifted = boxes(page, "cliche.team-player")
    assert shifted, "the underline was dropped instead of shifted"
    assert_box_covers(page, "#why", shifted[0], value, "team player")
    # Editing inside the phrase drops its underline until the next reply.
    start = value.index("team player") + 2
    page.evaluate(f"document.querySelector('#why').setSelectionRange({start}, {start})")
    page.keyboard.type("x")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert boxes(page, "cliche.team-player") == []


def test_fields_standout_must_leave_alone(page, pages_url):
    page.goto(f"{pages_url}/form.html")
    skipped = ["#password", "#email", "#tel", "#search", "#card", "#otp", "#nospell", "#optout"]
    for selector in skipped:
        page.click(selector)
        page.keyboard.type("I am a team player")
    page.evaluate("""() => {
        for (const id of ['readonly', 'disabled']) {
            document.getElementById(id).value = 'I am a team player';
        }
    }""")
    # A watched field afterwards: once its underline is drawn, the skipped ones had their chance.
    page.click("#why")
    page.keyboard.type(LETTER)
    found = wait_for_boxes(page, "cliche.team-player")
    page.wait_for_timeout(500)
    found = boxes(page, "cliche.team-player")
    assert len({(round(b["top"]), round(b["left"])) for b in found}) == len(found)
    for box in found:
        assert_box_covers(page, "#why", box, LETTER, "team player")
    assert in_layer(page, "root => root.querySelectorAll('.clip').length") == 1


def test_field_inside_an_open_shadow_root(page, pages_url):
    page.goto(f"{pages_url}/shadow.html")
    field = page.locator("answer-box textarea")
    field.click()
    page.keyboard.type(LETTER)
    found = wait_for_boxes(page, "cliche.team-player")
    assert field.input_value() == LETTER
    # caretPositionFromPoint does not see into shadow roots, so measure with a
    # canvas instead: the box is on the first line (the text fits on it), and
    # its left edge and width are those of the text in the field's font (2 px border,
    # 10 px padding).
    prefix, width = page.evaluate("""(text) => {
        const c = document.createElement('canvas').getContext('2d');
        c.font = '16px "DejaVu Sans", sans-serif';
        return [c.measureText(text.slice(0, text.indexOf('team player'))).width,
                c.measureText('team player').width];
    }""", LETTER)
    box = found[0]
    rect = field.bounding_box()
    assert rect["y"] < box["top"] < rect["y"] + 40, "on the first line"
    assert abs(box["left"] - (rect["x"] + 12 + prefix)) < 2, (box["left"], rect["x"] + 12 + prefix)
    assert abs(box["width"] - width) < 2, (box["width"], width)


def test_offsets_after_emoji_and_other_astral_characters(page, pages_url):
    """The server counts UTF-16 units, as the page does: no drift after emoji."""
    text = "I 💙 maps 🗺️ and 𝒜lgebra. 🙂 I am a team player."
    page.goto(f"{pages_url}/form.html")
    page.click("#why")
    page.keyboard.type(text)
    found = wait_for_boxes(page, "cliche.team-player")
    assert page.input_value("#why") == text
    assert_box_covers(page, "#why", found[0], text, "team player")


def test_contenteditable_with_lines_breaks_and_emoji(page, pages_url):
    page.goto(f"{pages_url}/editable.html")
    page.evaluate("""() => {
        document.getElementById('editor').innerHTML =
            '<div>Dear team 👋,</div><div><br></div>' +
            '<div>I led the 🚲 <i>bike-share</i> pilot.<br>' +
            'I am a team player.</div>';
    }""")
    page.click("#editor")
    page.keyboard.press("Control+End")
    page.keyboard.type(" 🎉 I am passionate about maps.")
    for rule, phrase in [("cliche.team-player", "team player"),
                         ("passion.passionate-about", "passionate about")]:
        found = wait_for_boxes(page, rule)
        expected = phrase_rects(page, "#editor", phrase)
        assert any(overlap(found[0], r) > 0.8 for r in expected), (rule, found, expected)


def test_underlines_follow_browser_zoom(page, pages_url, ext):
    """Browser zoom changes the device pixel ratio and the CSS viewport (as Ctrl and + do)."""
    page.goto(f"{pages_url}/form.html")
    page.click("#why")
    page.keyboard.type(LETTER)
    wait_for_boxes(page, "cliche.team-player")
    cdp = ext.context.new_cdp_session(page)
    try:
        for zoom in (1.5, 2.0):
            cdp.send("Emulation.setDeviceMetricsOverride", {
                "width": round(1000 / zoom), "height": round(760 / zoom),
                "deviceScaleFactor": zoom, "mobile": False,
            })
            page.wait_for_timeout(150)
            for box in wait_for_boxes(page, "cliche.team-player"):
                assert_box_covers(page, "#why", box, LETTER, "team player")
    finally:
        cdp.send("Emulation.clearDeviceMetricsOverride")


def test_underlines_follow_css_zoom(page, pages_url):
    page.goto(f"{pages_url}/form.html")
    page.evaluate("document.querySelector('form').style.zoom = '1.4'")
    # Enough lines to scroll the textarea: scroll offsets are unzoomed, boxes are not.
    text = "\n".join(f"Line {n} of my answer." for n in range(12)) + "\n" + LETTER
    page.fill("#why", text)
    page.focus("#why")
    page.keyboard.press("Control+End")
    page.keyboard.type(" Thanks.")
    text += " Thanks."
    page.evaluate("document.querySelector('#why').scrollTop = 1e6")
    for box in wait_for_boxes(page, "cliche.team-player"):
        assert_box_covers(page, "#why", box, text, "team player")
    page.click("#headline")
    page.keyboard.type("Detail-oriented team player")
    wait_for_boxes(page, "cliche.detail-oriented")
    below = page.locator("#headline").bounding_box()["y"]
    in_input = [b for b in wait_for_boxes(page, "cliche.team-player") if b["top"] > below]
    assert in_input, "no underline in the input"
    assert_box_covers(page, "#headline", in_input[0], "Detail-oriented team player", "team player")
