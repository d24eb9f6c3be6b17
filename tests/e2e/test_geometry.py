"""Underlines under the right words where the geometry is unusual (issue 10): inside
a container scaled with a CSS transform (item 1), and at line wraps, left to right
and right to left (item 8). Positions are checked with the browser's own hit
testing (caretPositionFromPoint), independently of how the extension measures."""

from __future__ import annotations

import time

from conftest import ARTIFACTS
from underlines import (
    assert_boxes_cover_span,
    boxes,
    overlap,
    phrase_rects,
    server_findings,
    wait_for_boxes,
)

# Written for these tests: seven stock phrases over several lines.
LETTER = (
    "I am a team player and a fast learner. I thrive in a fast-paced environment and I am"
    " passionate about data. I am a detail-oriented self-starter who thinks outside the box.\n"
    "At Initech I cut the month-end close from nine days to four."
)


def wait_for_badge(ext, tab: int, text: str, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while ext.badge(tab) != text:
        assert time.monotonic() < deadline, f"the badge says {ext.badge(tab)!r}, not {text!r}"
        time.sleep(0.05)


def wait_for_findings(page, rules: set[str], timeout: float = 15) -> list[dict]:
    for rule in rules:
        wait_for_boxes(page, rule, timeout=timeout)
    return boxes(page)


def by_finding(found: list[dict]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for box in found:
        out.setdefault(box["finding"], []).append(box)
    return out


def inside(box: dict, rect: dict) -> bool:
    left, top = rect["x"] - 0.5, rect["y"] - 0.5
    right, bottom = rect["x"] + rect["width"] + 0.5, rect["y"] + rect["height"] + 0.5
    return (left <= box["left"] and box["left"] + box["width"] <= right
            and top <= box["top"] and box["top"] + box["height"] <= bottom)


def wait_for_boxes_in(page, selector: str, rule: str, timeout: float = 15) -> list[dict]:
    """The boxes of `rule` drawn inside the field `selector` (other fields may have some)."""
    deadline = time.monotonic() + timeout
    while True:
        rect = page.locator(selector).bounding_box()
        found = [b for b in boxes(page, rule) if inside(b, rect)]
        if found:
            return found
        assert time.monotonic() < deadline, f"no {rule} underline in {selector}: {boxes(page)}"
        time.sleep(0.05)


def test_underlines_in_a_scaled_container_sit_under_their_words(page, pages_url, ext):
    page.goto(f"{pages_url}/scaled.html")
    page.click("#answer")
    page.keyboard.type(LETTER)
    spans = server_findings(ext.server_url, LETTER)
    rules = {s["rule"] for s in spans}
    assert len(spans) >= 7, spans
    drawn = by_finding(wait_for_findings(page, rules))
    field = page.locator("#answer").bounding_box()
    assert sorted(drawn) == list(range(len(spans))), "every finding is drawn"
    for index, span in enumerate(spans):
        for box in drawn[index]:
            assert inside(box, field), f"{span['text']!r} drawn outside the field: {box}"
        assert_boxes_cover_span(page, "#answer", LETTER, span, drawn[index])
    page.screenshot(path=str(ARTIFACTS / "extension-scaled.png"))

    # The single-line input and the contenteditable editor in the same widget.
    page.click("#headline")
    headline = "Detail-oriented team player"
    page.keyboard.type(headline)
    in_input = wait_for_boxes_in(page, "#headline", "cliche.detail-oriented")
    (span,) = [f for f in server_findings(ext.server_url, headline)
               if f["rule"] == "cliche.detail-oriented"]
    assert_boxes_cover_span(page, "#headline", headline, span, in_input)

    page.click("#editor p")
    page.keyboard.press("End")
    page.keyboard.type(" I am a hard worker.")
    found = wait_for_boxes_in(page, "#editor", "cliche.hard-worker")
    expected = phrase_rects(page, "#editor", "hard worker")
    assert any(overlap(found[0], r) > 0.8 for r in expected), (found, expected)


def test_no_underlines_in_a_rotated_field(page, pages_url, ext):
    """A rotated field's words do not run along the screen's axes: nothing is drawn
    rather than boxes in the wrong place."""
    page.goto(f"{pages_url}/scaled.html")
    page.bring_to_front()
    tab = ext.active_tab_id()
    page.click("#tilted-answer")
    page.keyboard.type("I am a hard worker and a people person.")
    wait_for_badge(ext, tab, "2")  # the reply has arrived
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert boxes(page) == []
    # Straightened, the same field gets its underlines.
    page.evaluate("document.querySelector('#tilted').style.transform = 'none'")
    for box in wait_for_boxes(page, "cliche.hard-worker"):
        assert inside(box, page.locator("#tilted-answer").bounding_box())


# Sets the field's width so that a line wraps right before `word` (its first
# occurrence), measured on a copy of the field's text in a div with its style.
WRAP_BEFORE = """([selector, word]) => {
    const field = document.querySelector(selector);
    const cs = getComputedStyle(field);
    const div = document.createElement('div');
    for (const p of ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing',
                     'wordSpacing', 'direction', 'textAlign'])
        div.style[p] = cs[p];
    div.style.cssText += ';position:absolute;visibility:hidden;white-space:pre-wrap;' +
        'overflow-wrap:break-word;box-sizing:content-box;padding:0;border:0';
    const text = document.createTextNode(field.value ?? field.innerText);
    div.append(text);
    document.body.append(div);
    const at = text.data.indexOf(word);
    const top = i => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
                       return r.getBoundingClientRect().top; };
    const pad = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
    try {
        for (let w = 560; w > 150; w -= 1) {
            field.style.width = `${w}px`;
            div.style.width = `${field.clientWidth - pad}px`;
            if (top(at) > top(at - 2) && top(at - 2) === top(at - 3)) return w;
        }
        return null;
    } finally { div.remove(); }
}"""

WRAPS = "I like people. Mostly I thrive in a fast-paced environment where I can learn."


def wrapped_phrase(page, ext, selector: str, text: str) -> tuple[dict, list[dict]]:
    page.click(selector)
    page.keyboard.type(text)
    (span,) = [s for s in server_findings(ext.server_url, text) if s["rule"] == "cliche.fast-paced"]
    assert page.evaluate(WRAP_BEFORE, [selector, "fast-paced"]), "no width wraps the phrase there"
    found = wait_for_boxes(page, "cliche.fast-paced")
    # Wait for the redraw after the width change: two lines, so at least two boxes.
    for _ in range(100):
        if len({round(b["top"]) for b in found}) >= 2:
            break
        page.wait_for_timeout(50)
        found = boxes(page, "cliche.fast-paced")
    assert len({round(b["top"]) for b in found}) == 2, f"the phrase should wrap: {found}"
    return span, found


def test_a_wrapped_phrase_has_no_stub_under_the_space(page, pages_url, ext):
    page.goto(f"{pages_url}/wraps.html")
    span, found = wrapped_phrase(page, ext, "#answer", WRAPS)
    assert_boxes_cover_span(page, "#answer", WRAPS, span, found)
    assert len(found) == 2, found
    page.screenshot(path=str(ARTIFACTS / "extension-wraps.png"))


def test_a_wrapped_phrase_on_a_right_to_left_page(page, pages_url, ext):
    page.goto(f"{pages_url}/wraps-rtl.html")
    span, found = wrapped_phrase(page, ext, "#answer", WRAPS)
    assert page.evaluate("getComputedStyle(document.querySelector('#answer')).direction") == "rtl"
    assert_boxes_cover_span(page, "#answer", WRAPS, span, found)
    assert len(found) == 2, found
    page.screenshot(path=str(ARTIFACTS / "extension-wraps-rtl.png"))
