import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitsPair, spanIn } from '../lib/utf16.js';

const text = 'I ❤️ my 🐕 and 𝒜cme'; // ❤️ is two BMP units; 🐕 and 𝒜 are surrogate pairs

test('JavaScript string offsets are UTF-16 units, as the server sends them', () => {
  const dog = text.indexOf('🐕');
  assert.equal(text.slice(dog, dog + 2), '🐕');
});

test('splitsPair finds offsets in the middle of a surrogate pair', () => {
  const dog = text.indexOf('🐕');
  assert.equal(splitsPair(text, dog), false);
  assert.equal(splitsPair(text, dog + 1), true);
});

test('spanIn accepts a span that covers the expected text', () => {
  const at = text.indexOf('𝒜cme');
  assert.equal('𝒜cme'.length, 5);
  assert.deepEqual(spanIn(text, at, 5, '𝒜cme'), { start: at, end: at + 5 });
});

test('spanIn rejects spans that do not fit the text', () => {
  const at = text.indexOf('𝒜cme');
  assert.equal(spanIn(text, at + 1, 4), null, 'starts inside a surrogate pair');
  assert.equal(spanIn(text, at, 1), null, 'ends inside a surrogate pair');
  assert.equal(spanIn(text, at, 99), null, 'past the end');
  assert.equal(spanIn(text, -1, 2), null);
  assert.equal(spanIn(text, 1.5, 2), null);
  assert.equal(spanIn(text, at, 5, 'Acme'), null, 'covers other text (a stale reply)');
});
