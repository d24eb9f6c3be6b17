import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kind, ErrorCode, validate, message, ok, fail } from '../lib/protocol.js';

test('every kind is namespaced and distinct', () => {
  const kinds = Object.values(Kind);
  assert.equal(new Set(kinds).size, kinds.length);
  for (const kind of kinds) assert.match(kind, /^standout\/[a-z-]+$/);
});

test('message builds valid messages', () => {
  assert.deepEqual(message(Kind.CHECK, { text: 'Hi', question: null, url: 'https://x.test/', site: 'x.test' }),
    { kind: Kind.CHECK, text: 'Hi', question: null, url: 'https://x.test/', site: 'x.test' });
  assert.deepEqual(message(Kind.STATUS), { kind: Kind.STATUS });
  assert.deepEqual(message(Kind.SET_CONTEXT, { tabId: 3, company: 'Acme', role: null }),
    { kind: Kind.SET_CONTEXT, tabId: 3, company: 'Acme', role: null });
});

test('message throws on a malformed payload', () => {
  assert.throws(() => message(Kind.CHECK, {}), /text must be string/);
  assert.throws(() => message(Kind.CHECK, { text: 5 }), /text must be string/);
  assert.throws(() => message(Kind.TAB_STATE, { tabId: '3' }), /tabId must be number/);
  assert.throws(() => message(Kind.TAB_STATE, { tabId: Number.NaN }), /tabId must be number/);
  assert.throws(() => message('standout/nope'), /unknown message kind/);
});

test('validate rejects what the worker must never act on', () => {
  assert.equal(validate(null).ok, false);
  assert.equal(validate([]).ok, false);
  assert.equal(validate('check').ok, false);
  assert.match(validate({ kind: Kind.DISABLE_RULE, rule: 'x', extra: 1 }).error, /unknown field extra/);
  assert.match(validate({ kind: Kind.CHECK, text: 'x'.repeat(200_001) }).error, /longer than/);
  assert.equal(validate({ kind: Kind.CHECK, text: '' }).ok, true);
  assert.equal(validate({ kind: Kind.PAGE_INFO, site: 'a', url: 'b', top: 'yes' }).ok, false);
});

test('replies have one shape', () => {
  assert.deepEqual(ok({ n: 1 }), { ok: true, n: 1 });
  assert.deepEqual(fail(ErrorCode.SERVER_DOWN, 'down', { retryIn: 2000 }),
    { ok: false, error: { code: 'server-down', message: 'down', retryIn: 2000 } });
});

test('the sample kinds carry a text and title, or an id, and nothing else', () => {
  assert.deepEqual(message(Kind.SAMPLES), { kind: 'standout/samples' });
  assert.deepEqual(message(Kind.ADD_SAMPLE, { text: 'A sample.', title: null }),
    { kind: 'standout/add-sample', text: 'A sample.', title: null });
  assert.equal(validate({ kind: Kind.ADD_SAMPLE, text: 'A sample.' }).ok, true, 'the title is optional');
  assert.deepEqual(message(Kind.REMOVE_SAMPLE, { id: 'user-3' }), { kind: 'standout/remove-sample', id: 'user-3' });
  assert.throws(() => message(Kind.ADD_SAMPLE, {}), /text must be string/);
  assert.throws(() => message(Kind.ADD_SAMPLE, { text: 'x', title: 3 }), /title must be string or null/);
  assert.throws(() => message(Kind.REMOVE_SAMPLE, {}), /id must be string/);
  assert.throws(() => message(Kind.REMOVE_SAMPLE, { id: 3 }), /id must be string/);
  assert.match(validate({ kind: Kind.SAMPLES, tabId: 1 }).error, /unknown field tabId/);
  assert.match(validate({ kind: Kind.REMOVE_SAMPLE, id: 'user-1', text: 'x' }).error, /unknown field text/);
  assert.match(validate({ kind: Kind.ADD_SAMPLE, text: 'x'.repeat(200_001) }).error, /text is longer than/);
  assert.match(validate({ kind: Kind.ADD_SAMPLE, text: 'x', title: 't'.repeat(1001) }).error, /title is longer than/);
  assert.equal(validate({ kind: Kind.ADD_SAMPLE, text: 'x'.repeat(200_000), title: 't'.repeat(1000) }).ok, true);
});
