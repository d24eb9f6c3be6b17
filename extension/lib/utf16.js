// UTF-16 offsets. The server reports `offset` and `length` in UTF-16 code units,
// which is how JavaScript strings are indexed, so they are used as they are; these
// helpers only keep a span from cutting an emoji (a surrogate pair) in half and
// check that a finding still describes the text it is applied to.

export function isHighSurrogate(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text, offset) {
  return offset > 0 && offset < text.length
    && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/**
 * Clamps `offset` into the text and moves it off the middle of a surrogate pair:
 * towards the start of the text when `towards` is 'start', else towards the end.
 */
export function snap(text, offset, towards = 'start') {
  let at = Math.max(0, Math.min(text.length, Math.trunc(offset)));
  if (splitsPair(text, at)) at += towards === 'start' ? -1 : 1;
  return at;
}

/** The number of code points (what a person counts as characters, roughly). */
export function codePointLength(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (!(isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)))) n++;
  }
  return n;
}

/** The UTF-16 offset of code point `index` (Python's string index). */
export function utf16OffsetOfCodePoint(text, index) {
  let units = 0;
  for (let cp = 0; cp < index && units < text.length; cp++) {
    const pair = isHighSurrogate(text.charCodeAt(units)) && isLowSurrogate(text.charCodeAt(units + 1));
    units += pair ? 2 : 1;
  }
  return units;
}

/**
 * A server span `{offset, length}` as `{start, end}` in `text`, or null when it does
 * not fit the text or does not cover `expected` (the finding's own `text`): a reply
 * for another version of the field must never be drawn in the wrong place.
 */
export function spanIn(text, offset, length, expected) {
  if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0) return null;
  const end = offset + length;
  if (end > text.length || splitsPair(text, offset) || splitsPair(text, end)) return null;
  if (typeof expected === 'string' && text.slice(offset, end) !== expected) return null;
  return { start: offset, end };
}
