import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  readSample, readSampleList, sampleBody, sampleProblem, formatAdded, sampleMeta, sampleErrorText,
} from '../lib/samples.js';
import { ErrorCode, fail } from '../lib/protocol.js';

const SAVED = {
  id: 'user-3', title: 'Careers blog', words: 39, added: '2025-03-03T12:00:00+00:00', preview: 'Working at a company…',
};

test('a saved sample is read as the server sends it, and anything else is dropped', () => {
  assert.deepEqual(readSample(SAVED), SAVED);
  assert.equal(readSample(null), null);
  assert.equal(readSample({ title: 'no id' }), null);
  assert.equal(readSample({ id: '' }), null);
  assert.deepEqual(readSample({ id: 'user-4', title: ' ', words: -1, added: 5 }),
    { id: 'user-4', title: 'user-4', words: null, added: null, preview: '' });
  const list = readSampleList({ samples: [SAVED, 'junk', { id: 7 }], bundled: 169, enabled: true, version: '0.1.0' });
  assert.deepEqual(list, { samples: [SAVED], bundled: 169, enabled: true });
  assert.deepEqual(readSampleList({}), { samples: [], bundled: null, enabled: null });
});

test('the body of a save leaves a blank title out', () => {
  assert.deepEqual(sampleBody('Text', null), { text: 'Text' });
  assert.deepEqual(sampleBody('Text', '   '), { text: 'Text' });
  assert.deepEqual(sampleBody('Text', ' Blog '), { text: 'Text', title: 'Blog' });
});

test('an empty or enormous paste is stopped before it is sent', () => {
  assert.equal(sampleProblem(''), 'Paste a sample answer first.');
  assert.equal(sampleProblem(' \n\t'), 'Paste a sample answer first.');
  assert.match(sampleProblem('x'.repeat(200_001)), /too long to be a sample answer \(200,001 characters\)/);
  assert.equal(sampleProblem('Short, but the server decides how short is too short.'), null);
});

test('the date and word count of a sample', () => {
  assert.equal(formatAdded('2025-03-03T12:00:00+00:00', 'en-GB'), '3 Mar 2025');
  assert.equal(formatAdded('2025-03-03T12:00:00+00:00', 'en-US'), 'Mar 3, 2025');
  assert.equal(formatAdded('not a date', 'en-GB'), '');
  assert.equal(formatAdded(null), '');
  assert.equal(sampleMeta(SAVED, 'en-GB'), '39 words · added 3 Mar 2025');
  assert.equal(sampleMeta({ ...SAVED, words: 1, added: null }, 'en-GB'), '1 word');
  assert.equal(sampleMeta({ ...SAVED, words: null, added: null }), '');
});

const serverError = (serverCode, message, status = 400) =>
  fail(ErrorCode.SERVER_ERROR, message, { status, serverCode });

test('what the options page says for each error', () => {
  const down = sampleErrorText(fail(ErrorCode.SERVER_DOWN, 'The Standout server is not reachable. Start it with: standout serve'));
  assert.equal(down.hint, true);
  assert.match(down.text, /not reachable/);

  assert.deepEqual(sampleErrorText(serverError('invalid_sample', 'the sample has 5 words; it needs at least 20 to be matched reliably.')),
    { text: 'The sample has 5 words; it needs at least 20 to be matched reliably.', hint: false });
  assert.equal(sampleErrorText(serverError('invalid_sample', "this text is already saved as 'Blog'")).text,
    "This text is already saved as 'Blog'.");
  const corrupt = sampleErrorText(serverError('sample_store_unreadable',
    '/home/me/.local/share/standout/samples.json: not valid JSON (line 1, column 1). Fix the file or move it away; '
    + 'Standout will not change it until it can read it.', 409));
  assert.match(corrupt.text, /^Your saved samples cannot be read\. \/home\/me\/.*samples\.json: not valid JSON/);
  assert.equal(corrupt.hint, false);
  assert.equal(sampleErrorText(serverError('unknown_sample', 'No saved sample has this id.', 404)).text,
    'That sample was already removed.');
  assert.match(sampleErrorText(serverError('payload_too_large', 'The body is too large.', 413)).text, /too long/);
  assert.match(sampleErrorText(serverError('not_found', 'No such endpoint.', 404)).text, /does not keep samples yet/);
  assert.match(sampleErrorText(serverError(null, 'boom', 500)).text, /^The server could not do this: Boom\.$/);
  assert.match(sampleErrorText(fail(ErrorCode.BAD_MESSAGE, 'standout/add-sample: text must be string')).text,
    /could not send this request: standout\/add-sample/);
  assert.match(sampleErrorText(undefined).text, /did not answer\. Reload this page\./);
});
