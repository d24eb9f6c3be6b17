// UTF-16 offsets. The server reports `offset` and `length` in UTF-16 code units,
// which is how JavaScript strings are indexed, so they are used as they are; these
// helpers only keep a span from cutting an emoji (a surrogate pair) in half and
// check that a finding still describes the text it is applied to.

function isHighSurrogate(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text, offset) {
  return offset > 0 && offset < text.length
    && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
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
