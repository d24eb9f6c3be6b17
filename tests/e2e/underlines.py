"""Reading Standout's underlines and card from a page, and checking where they are.

The layer lives in a closed shadow root, out of reach of page scripts (and of
Playwright's selectors). The tests reach it through the DevTools protocol:
``DOM.getDocument`` with ``pierce`` lists closed shadow roots too, and
``DOM.resolveNode`` hands one to a function run in the page (``in_layer``).

Geometry is checked independently of the extension's own measuring: in a
textarea or input, the browser's ``caretPositionFromPoint`` says which character
lies under a point of an underline; in a contenteditable editor, a Range over the
phrase's own text node gives its boxes.
"""

from __future__ import annotations

import time

from playwright.sync_api import Error as PlaywrightError

_GROUP = "standout-e2e"


def _session(frame):
    """A DevTools session that sees `frame`'s document: the page's, or the frame's own
    when it runs in another process (a cross-origin frame)."""
    session = getattr(frame, "_standout_cdp", None)
    if session is None:
        context = frame.page.context
        if frame.parent_frame is None:
            session = context.new_cdp_session(frame.page)
        else:
            try:
                session = context.new_cdp_session(frame)
            except PlaywrightError:  # in the page's process: the page's session sees it
                session = _session(frame.page.main_frame)
        frame._standout_cdp = session
    return session


def _layer_roots(node, url, document_url=None, found=None):
    """backendNodeIds of the shadow roots of `standout-layer` hosts in the document at `url`."""
    found = [] if found is None else found
    if node.get("nodeName") == "#document":
        document_url = node.get("documentURL")
    if node.get("localName") == "standout-layer" and document_url == url:
        found += [r["backendNodeId"] for r in node.get("shadowRoots", [])]
    for child in node.get("children", []):
        _layer_roots(child, url, document_url, found)
    if "contentDocument" in node:
        _layer_roots(node["contentDocument"], url, document_url, found)
    return found


def in_layer(frame, function: str, arg=None):
    """Runs ``function(root, arg)`` in `frame` (a Page means its main frame) with the
    layer's closed shadow root (``null`` before Standout drew anything there) and
    returns its JSON result."""
    frame = getattr(frame, "main_frame", frame)
    session = _session(frame)
    document = session.send("DOM.getDocument", {"depth": -1, "pierce": True})
    roots = _layer_roots(document["root"], frame.url)
    if not roots:
        return frame.evaluate(f"arg => ({function})(null, arg)", arg)
    try:
        root = session.send("DOM.resolveNode", {"backendNodeId": roots[0], "objectGroup": _GROUP})
        result = session.send("Runtime.callFunctionOn", {
            "objectId": root["object"]["objectId"],
            "functionDeclaration": f"function (arg) {{ return ({function})(this, arg); }}",
            "arguments": [{"value": arg}],
            "returnByValue": True,
            "awaitPromise": True,
        })
    finally:
        session.send("Runtime.releaseObjectGroup", {"objectGroup": _GROUP})
    if "exceptionDetails" in result:
        raise AssertionError(f"in_layer failed: {result['exceptionDetails']}")
    return result["result"].get("value")


BOXES_JS = """
(root) => {
  if (!root) return [];
  const out = [];
  for (const clip of root.querySelectorAll('.clip')) {
    if (clip.style.display === 'none') continue;
    const c = clip.getBoundingClientRect();
    for (const box of clip.querySelectorAll('.box')) {
      if (box.style.display === 'none') continue;
      const r = box.getBoundingClientRect();
      const left = Math.max(r.left, c.left), right = Math.min(r.right, c.right);
      const top = Math.max(r.top, c.top), bottom = Math.min(r.bottom, c.bottom);
      if (right <= left || bottom <= top) continue;  // clipped away
      out.push({
        rule: box.dataset.rule, finding: Number(box.dataset.finding),
        severity: [...box.classList].find(k => ['error', 'warning', 'info'].includes(k)),
        active: box.classList.contains('active'), passage: box.classList.contains('passage'),
        left: r.left, top: r.top, width: r.width, height: r.height,
        color: getComputedStyle(box).borderBottomColor,
        line: getComputedStyle(box).borderBottomStyle,
      });
    }
  }
  return out;
}
"""

CARD_JS = """
(root) => {
  const card = root && root.querySelector('.card');
  if (!card || card.hidden) return null;
  const q = s => card.querySelector(s);
  const r = card.getBoundingClientRect();
  const active = root.activeElement;
  return {
    // (.category: the card before issue 10, for running these tests against it)
    title: q('.title').textContent, category: q('.kind, .category').textContent,
    message: q('.message').textContent, advice: q('.advice span').textContent,
    also: [...card.querySelectorAll('.also button')].map(b => b.textContent),
    text: card.innerText, focused: Boolean(active && card.contains(active)),
    focusedText: active ? active.textContent : null,
    left: r.left, top: r.top, width: r.width, height: r.height,
  };
}
"""

# The centre of the first element in the card matching a selector (viewport coordinates).
CARD_POINT_JS = """
(root, selector) => {
  const card = root && root.querySelector('.card');
  const el = card && !card.hidden && card.querySelector(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
}
"""

OFFSETS_JS = """
([selector, box, span]) => {
  const field = document.querySelector(selector);
  const y = box.top + box.height / 2;
  const at = x => {
    const c = document.caretPositionFromPoint(x, y);
    return c && c.offsetNode === field ? c.offset : null;
  };
  // Where a left-to-right run ends at the start edge of a right-to-left line, the
  // boundary has two offsets (the run's end and the line's start): when `span` is
  // given and the offset right at an edge is far outside it, look a little further in.
  const near = offset => !span
    || (offset !== null && offset >= span[0] - 1 && offset <= span[1] + 1);
  const edge = (x, inward) => {
    let found = at(x + 1.5 * inward);
    for (const inset of [3, 5]) {
      if (near(found) || inset * 2 > box.width) break;
      found = at(x + inset * inward);
    }
    return found;
  };
  return [edge(box.left, 1), edge(box.left + box.width, -1)];
}
"""

PHRASE_RECTS_JS = """
([selector, phrase]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(phrase);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + phrase.length);
    return [...range.getClientRects()]
      .map(r => ({left: r.left, top: r.top, width: r.width, height: r.height}));
  }
  return [];
}
"""


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def boxes(frame, rule: str | None = None) -> list[dict]:
    found = in_layer(frame, BOXES_JS)
    return [b for b in found if rule is None or b["rule"] == rule]


def wait_for_boxes(frame, rule: str | None = None, timeout: float = 15) -> list[dict]:
    """Polls until an underline (of `rule`) is drawn; returns the boxes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = boxes(frame, rule)
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(
        f"no underline for {rule or 'any rule'} within {timeout} s; drawn: {boxes(frame)}")


def wait_until_no_boxes(frame, rule: str | None = None, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not boxes(frame, rule):
            return
        time.sleep(0.05)
    raise AssertionError(f"underlines for {rule or 'any rule'} still drawn: {boxes(frame, rule)}")


def card(frame) -> dict | None:
    return in_layer(frame, CARD_JS)


def click_in_card(page, selector: str) -> None:
    """Clicks (a real, trusted click) the card's element matching `selector`."""
    point = in_layer(page, CARD_POINT_JS, selector)
    assert point, f"no {selector} in an open card"
    page.mouse.click(*point)


def wait_for_card(frame, timeout: float = 5) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = card(frame)
        if shown:
            return shown
        time.sleep(0.05)
    raise AssertionError("the card did not open")


def offsets_under(frame, selector: str, box: dict,
                  span: tuple[int, int] | None = None) -> tuple[int | None, int | None]:
    """The character offsets of a text field under the left and right ends of `box`
    (`span`: the offsets expected, which settles a bidi boundary's two offsets)."""
    first, last = frame.evaluate(OFFSETS_JS, [selector, box, span])
    return first, last


def assert_box_covers(frame, selector: str, box: dict, value: str, phrase: str) -> None:
    """`box` lies over `phrase` (its first occurrence) inside the field's `value`."""
    start = utf16_len(value[: value.index(phrase)])  # DOM offsets count UTF-16 units
    end = start + utf16_len(phrase)
    first, last = offsets_under(frame, selector, box)
    assert first is not None and last is not None, f"the box is not over the field: {box}"
    # The caret offset under a point is the nearest character boundary.
    assert start <= first <= start + 1, (first, start, phrase)
    assert end - 1 <= last <= end, (last, end, phrase)


def phrase_rects(frame, selector: str, phrase: str) -> list[dict]:
    return frame.evaluate(PHRASE_RECTS_JS, [selector, phrase])


def overlap(a: dict, b: dict) -> float:
    """The share of `a`'s area that `b` covers."""
    w = min(a["left"] + a["width"], b["left"] + b["width"]) - max(a["left"], b["left"])
    h = min(a["top"] + a["height"], b["top"] + b["height"]) - max(a["top"], b["top"])
    if w <= 0 or h <= 0:
        return 0.0
    return (w * h) / (a["width"] * a["height"])


def center(box: dict) -> tuple[float, float]:
    return box["left"] + box["width"] / 2, box["top"] + box["height"] / 2


def server_findings(server_url: str, text: str, context: dict | None = None) -> list[dict]:
    """The findings the server reports for `text` (`start`/`end` in UTF-16 units), in the
    order the extension numbers them (`finding` on each box)."""
    import json
    import urllib.request

    body = json.dumps({"text": text, "context": context or {}}).encode()
    request = urllib.request.Request(f"{server_url.rstrip('/')}/v1/check", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        found = json.loads(response.read())["findings"]
    return [{**f, "start": f["offset"], "end": f["offset"] + f["length"]} for f in found]


def assert_boxes_cover_span(
    frame, selector: str, value: str, span: dict, found: list[dict]
) -> None:
    """The boxes `found` of one finding lie over its words and nothing else: the
    characters under both ends of every box are inside the span, none of its boxes
    starts or ends on white space (no stub under the space at a line wrap), and
    together they reach both ends of the span. Direction-agnostic (right-to-left too)."""
    assert found, f"no box for {span['rule']} {span['text']!r}"
    start, end = span["start"], span["end"]
    reached = []
    for box in found:
        first, last = offsets_under(frame, selector, box, (start, end))
        assert first is not None and last is not None, f"a box is not over the field: {box}"
        lo, hi = min(first, last), max(first, last)
        assert start <= lo and hi <= end + 1, (span["text"], value[lo:hi], box)
        covered = value[lo:min(hi, end)]
        assert covered.strip(), f"a box under white space only ({covered!r}) for {span['text']!r}"
        assert not value[lo].isspace() and not value[max(lo, min(hi, end) - 1)].isspace(), \
            f"a box over {value[lo:hi]!r} starts or ends on a space ({span['text']!r})"
        reached += [lo, hi]
    assert min(reached) <= start + 1 and max(reached) >= end - 1, (span["text"], reached)
