import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffEdit, shiftSpans, carrySpans } from '../lib/text-edits.js';

const span = (text, phrase, extra = {}) => {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, `${phrase} not in ${text}`);
  return { start, end: start + phrase.length, ...extra };
};
const covered = (text, spans) => spans.map((s) => text.slice(s.start, s.end));

test('diffEdit finds one insertion, deletion or replacement', () => {
  assert.equal(diffEdit('abc', 'abc'), null);
  assert.deepEqual(diffEdit('I am a player', 'I am a team player'), { start: 7, removed: 0, inserted: 5 });
  assert.deepEqual(diffEdit('I am a team player', 'I am a player'), { start: 7, removed: 5, inserted: 0 });
  assert.deepEqual(diffEdit('a cat sat', 'a dog sat'), { start: 2, removed: 3, inserted: 3 });
});

test('diffEdit places an ambiguous edit at the caret', () => {
  // Typing "a" after the first "a" of "aa": without the caret the edit looks like it is at the end.
  assert.deepEqual(diffEdit('aa', 'aaa'), { start: 2, removed: 0, inserted: 1 });
  assert.deepEqual(diffEdit('aa', 'aaa', 1), { start: 0, removed: 0, inserted: 1 });
  // Backspace in the middle of "xxxx": caret ends at 1.
  assert.deepEqual(diffEdit('xxxx', 'xxx', 1), { start: 1, removed: 1, inserted: 0 });
});

test('diffEdit never cuts an emoji in half', () => {
  // 😀 is \uD83D\uDE00 and 😃 is \uD83D\uDE03: they share the high surrogate.
  const edit = diffEdit('a😀b', 'a😃b');
  assert.deepEqual(edit, { start: 1, removed: 2, inserted: 2 });
});

test('spans before an edit stay, spans after it move, spans it touches are dropped', () => {
  const before = 'I am a team player and a hard worker.';
  const spans = [span(before, 'team player', { rule: 'a' }), span(before, 'hard worker', { rule: 'b' })];
  const after = 'Truly, I am a team player and a hard worker.';
  assert.deepEqual(covered(after, carrySpans(spans, before, after)), ['team player', 'hard worker']);

  const edited = 'I am a team playa and a hard worker.';
  const kept = carrySpans(spans, before, edited);
  assert.deepEqual(kept.map((s) => s.rule), ['b']);
  assert.deepEqual(covered(edited, kept), ['hard worker']);
});

test('typing right after a span keeps it, typing right before it moves it', () => {
  const before = 'team player';
  const spans = [{ start: 0, end: 11 }];
  assert.deepEqual(shiftSpans(spans, { start: 11, removed: 0, inserted: 1 }), [{ start: 0, end: 11 }]);
  assert.deepEqual(shiftSpans(spans, { start: 0, removed: 0, inserted: 2 }), [{ start: 2, end: 13 }]);
  assert.deepEqual(carrySpans(spans, before, 'A team player', 2), [{ start: 2, end: 13 }]);
});

test('deleting across a span drops it; deleting just before it moves it', () => {
  const spans = [{ start: 5, end: 10 }];
  assert.deepEqual(shiftSpans(spans, { start: 3, removed: 3, inserted: 0 }), []);
  assert.deepEqual(shiftSpans(spans, { start: 2, removed: 3, inserted: 0 }), [{ start: 2, end: 7 }]);
  assert.deepEqual(shiftSpans(spans, { start: 10, removed: 4, inserted: 0 }), [{ start: 5, end: 10 }]);
});

test('spans after an emoji shift by UTF-16 units', () => {
  const before = 'Hi. I am a team player.';
  const after = 'Hi 👋. I am a team player.';
  const [moved] = carrySpans([span(before, 'team player')], before, after);
  assert.equal(after.slice(moved.start, moved.end), 'team player');
  assert.equal(moved.start - before.indexOf('team player'), 3); // one space + two units
});

test('shifting keeps every field of a span and does not change the input', () => {
  const spans = [{ start: 4, end: 8, rule: 'x', message: 'm' }];
  const out = shiftSpans(spans, { start: 0, removed: 0, inserted: 1 });
  assert.deepEqual(out, [{ start: 5, end: 9, rule: 'x', message: 'm' }]);
  assert.deepEqual(spans, [{ start: 4, end: 8, rule: 'x', message: 'm' }]);
});

test('random edits never leave a span on text other than its own', () => {
  let seed = 7;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const alphabet = ['a', 'b', ' ', '😀', 'é', '\n'];
  for (let round = 0; round < 500; round++) {
    let text = Array.from({ length: 20 + rand(20) }, () => alphabet[rand(alphabet.length)]).join('');
    let spans = [];
    for (let i = 0; i + 3 <= text.length; i += 5) {
      const s = { start: i, end: i + 3 };
      if (!/[\uD800-\uDBFF]$/.test(text.slice(0, s.start)) && !/[\uD800-\uDBFF]$/.test(text.slice(0, s.end))) {
        spans.push({ ...s, text: text.slice(s.start, s.end) });
      }
    }
    for (let step = 0; step < 5; step++) {
      const at = rand(text.length + 1);
      const cut = rand(4);
      const insert = alphabet[rand(alphabet.length)].repeat(rand(3));
      const next = text.slice(0, at) + insert + text.slice(at + cut);
      const caret = at + insert.length;
      spans = carrySpans(spans, text, next, caret <= next.length ? caret : undefined);
      text = next;
      for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
    }
  }
});
