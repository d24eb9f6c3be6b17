// Keeping underlines on the right words while the user types. Between two
// replies from the server the text changes; each change is reduced to one edit
// (what was replaced, where) and every span is shifted past it, or dropped when
// the edit touches the span's own words.

import { splitsPair } from './utf16.js';

/**
 * The single edit that turns `before` into `after`: `{start, removed, inserted}` in
 * UTF-16 units of `before`, or null when the texts are equal. Several edits collapse
 * into one covering all of them. `caret` (the caret in `after`, when known) places
 * the edit where the user typed when the text is ambiguous ("aa" -> "aaa").
 */
export function diffEdit(before, after, caret) {
  if (before === after) return null;
  const grow = after.length - before.length;
  let maxPrefix = Math.min(before.length, after.length);
  if (Number.isInteger(caret) && caret >= 0 && caret <= after.length) {
    maxPrefix = Math.min(maxPrefix, Math.max(0, caret - Math.max(0, grow)));
  }
  let start = 0;
  while (start < maxPrefix && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  const minEndAfter = Number.isInteger(caret) && caret >= start && caret <= after.length ? caret : start;
  while (
    endBefore > start && endAfter > minEndAfter
    && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair: widen the edit to whole code points.
  if (splitsPair(before, start) || splitsPair(after, start)) start--;
  if (splitsPair(before, endBefore) || splitsPair(after, endAfter)) {
    endBefore++;
    endAfter++;
  }
  return { start, removed: endBefore - start, inserted: endAfter - start };
}

/**
 * Spans (`{start, end, ...}`) moved past `edit`. A span before the edit stays, one
 * after it moves by the change in length, and one the edit touches is dropped.
 * Typing right after a span keeps it; typing right before it moves it.
 */
export function shiftSpans(spans, edit) {
  if (!edit) return spans.slice();
  const { start, removed, inserted } = edit;
  const end = start + removed;
  const delta = inserted - removed;
  const out = [];
  for (const span of spans) {
    if (end <= span.start) {
      out.push({ ...span, start: span.start + delta, end: span.end + delta });
    } else if (start >= span.end) {
      out.push(span);
    }
    // Otherwise the edit touches the span's words: drop it until the next reply.
  }
  return out;
}

/** Shifts spans across the difference between two versions of a text. */
export function carrySpans(spans, before, after, caret) {
  return shiftSpans(spans, diffEdit(before, after, caret));
}
