"""Reading Standout's underlines and card from a page, and checking where they are.

Geometry is checked independently of the extension's own measuring: in a
textarea or input, the browser's ``caretPositionFromPoint`` says which character
lies under a point of an underline; in a contenteditable editor, a Range over the
phrase's own text node gives its boxes.
"""

from __future__ import annotations

import time

BOXES_JS = """
() => {
  const host = document.querySelector('standout-layer');
  if (!host || !host.shadowRoot) return [];
  const out = [];
  for (const clip of host.shadowRoot.querySelectorAll('.clip')) {
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
        active: box.classList.contains('active'),
        left: r.left, top: r.top, width: r.width, height: r.height,
        color: getComputedStyle(box).borderBottomColor,
      });
    }
  }
  return out;
}
"""

CARD_JS = """
() => {
  const host = document.querySelector('standout-layer');
  const card = host && host.shadowRoot.querySelector('.card');
  if (!card || card.hidden) return null;
  const q = s => card.querySelector(s);
  const r = card.getBoundingClientRect();
  const active = host.shadowRoot.activeElement;
  return {
    title: q('.title').textContent, category: q('.category').textContent,
    message: q('.message').textContent, advice: q('.advice span').textContent,
    href: q('.why').href, text: card.innerText, focused: Boolean(active && card.contains(active)),
    focusedText: active ? active.textContent : null,
    left: r.left, top: r.top, width: r.width, height: r.height,
  };
}
"""

OFFSETS_JS = """
([selector, box]) => {
  const field = document.querySelector(selector);
  const y = box.top + box.height / 2;
  const at = x => {
    const c = document.caretPositionFromPoint(x, y);
    return c && c.offsetNode === field ? c.offset : null;
  };
  return [at(box.left + 1.5), at(box.left + box.width - 1.5)];
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
    found = frame.evaluate(BOXES_JS)
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
    return frame.evaluate(CARD_JS)


def wait_for_card(frame, timeout: float = 5) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = card(frame)
        if shown:
            return shown
        time.sleep(0.05)
    raise AssertionError("the card did not open")


def offsets_under(frame, selector: str, box: dict) -> tuple[int | None, int | None]:
    """The character offsets of a text field under the left and right ends of `box`."""
    first, last = frame.evaluate(OFFSETS_JS, [selector, box])
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
