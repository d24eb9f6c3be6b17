import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineBoxes } from '../content/geometry.js';

// A monospace layout: 10 px per character, 20 px lines, wrapping at `columns`
// like pre-wrap (a line's trailing space hangs past the text, a box of its own
// at the far side when `rtl`).
function layout(text, columns, { rtl = false } = {}) {
  const lines = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + columns);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space + 1; // the space stays on the line
    }
    lines.push([start, end]);
    start = end;
  }
  const width = columns * 10;
  return (a, b) => {
    const out = [];
    lines.forEach(([s, e], row) => {
      const from = Math.max(a, s);
      const to = Math.min(b, e);
      if (from >= to) return;
      const trailing = to === e && text[e - 1] === ' ' && e < text.length ? 1 : 0;
      const chars = to - from - trailing;
      if (chars > 0) {
        const left = rtl ? width - (e - s - (text[e - 1] === ' ' ? 1 : 0)) * 10 + (from - s) * 10 : (from - s) * 10;
        out.push({ left, top: row * 20, width: chars * 10, height: 20 });
      }
      if (trailing) out.push({ left: rtl ? 0 : (to - 1 - s) * 10, top: row * 20, width: 10, height: 20 });
    });
    return out;
  };
}

const TEXT = 'Mostly I thrive in a fast-paced environment.';
const start = TEXT.indexOf('thrive');
const end = TEXT.indexOf(' environment');

for (const rtl of [false, true]) {
  test(`a phrase that wraps gets one box per line and none under the space at the wrap${rtl ? ' (right to left)' : ''}`, () => {
    const rectsFor = layout(TEXT, 21, { rtl });
    const naive = rectsFor(start, end);
    assert.equal(naive.length, 3, 'the browser gives a box for the hanging space');
    const boxes = lineBoxes(TEXT, start, end, rectsFor);
    assert.equal(boxes.length, 2);
    assert.deepEqual(boxes.map((b) => b.width), ['thrive in a'.length * 10, 'fast-paced'.length * 10]);
    assert.deepEqual(boxes.map((b) => b.top), [0, 20]);
  });
}

test('a phrase on one line is measured once', () => {
  let calls = 0;
  const rectsFor = layout(TEXT, 80);
  const counting = (a, b) => {
    calls += 1;
    return rectsFor(a, b);
  };
  assert.deepEqual(lineBoxes(TEXT, start, end, counting), [{ left: start * 10, top: 0, width: (end - start) * 10, height: 20 }]);
  assert.equal(calls, 1);
});
