import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRouter } from '../background/router.js';
import { Kind, ErrorCode, Sender, SENDERS, senderOf } from '../lib/protocol.js';

const BASE = 'chrome-extension://kmcljkoalpdbnljbejhbljfgnopcbhkg/';
const ID = 'kmcljkoalpdbnljbejhbljfgnopcbhkg';

// What the browser puts in `sender` for each place a message can come from.
const contentScript = { id: ID, url: 'https://jobs.example.com/apply', origin: 'https://jobs.example.com', tab: { id: 4, index: 1 }, frameId: 0 };
const popup = { id: ID, url: `${BASE}popup/popup.html`, origin: BASE.slice(0, -1) };
const optionsTab = { id: ID, url: `${BASE}options/options.html`, origin: BASE.slice(0, -1), tab: { id: 9, index: 2 }, frameId: 0 };
const firefoxPopup = { id: 'standout@standout.local', url: 'moz-extension://2f0e8c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6/popup/popup.html' };

function setup() {
  const calls = [];
  const handlers = Object.fromEntries(Object.values(Kind).map((kind) => [kind, async (msg, sender) => {
    calls.push({ kind, sender });
    return { ok: true, kind };
  }]));
  return { calls, route: createRouter({ handlers, runtimeId: ID, extensionBase: BASE }) };
}

const samples = { kind: Kind.SAMPLES };

test('every kind has one kind of sender', () => {
  for (const kind of Object.values(Kind)) assert.ok([Sender.CONTENT, Sender.PAGE].includes(SENDERS[kind]), kind);
  assert.deepEqual(Object.keys(SENDERS).sort(), Object.values(Kind).sort());
});

test('the browser-filled sender tells content scripts from extension pages', () => {
  assert.equal(senderOf(contentScript, BASE), Sender.CONTENT);
  assert.equal(senderOf(popup, BASE), Sender.PAGE);
  assert.equal(senderOf(optionsTab, BASE), Sender.PAGE, 'the options page opens in a tab');
  assert.equal(senderOf(firefoxPopup, 'moz-extension://2f0e8c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6/'), Sender.PAGE);
  // A page at an address that merely starts like the extension's, or another extension's page.
  assert.equal(senderOf({ ...popup, url: `chrome-extension://${ID}x/popup.html` }, BASE), null);
  assert.equal(senderOf({ ...popup, origin: 'https://evil.example' }, BASE), null);
  assert.equal(senderOf({ id: ID, url: 'https://x.example/' }, BASE), null, 'no tab and not an extension page');
  assert.equal(senderOf(undefined, BASE), null);
});

test('a content script cannot read or change the samples, another tab, the context or the status', async () => {
  const { calls, route } = setup();
  for (const msg of [
    samples,
    { kind: Kind.ADD_SAMPLE, text: 'A sample.', title: null },
    { kind: Kind.REMOVE_SAMPLE, id: 'user-1' },
    { kind: Kind.TAB_STATE, tabId: 7 },
    { kind: Kind.SET_CONTEXT, tabId: 7, company: 'Evil', role: null },
    { kind: Kind.STATUS },
    { kind: Kind.RULES },
  ]) {
    const reply = await route(msg, contentScript);
    assert.equal(reply.ok, false, msg.kind);
    assert.equal(reply.error.code, ErrorCode.NOT_ALLOWED, msg.kind);
    assert.match(reply.error.message, /extension’s own pages/);
  }
  assert.deepEqual(calls, [], 'no handler ran');
});

test('a content script keeps what a field needs', async () => {
  const { calls, route } = setup();
  const messages = [
    { kind: Kind.CHECK, text: 'I am a team player.', site: 'jobs.example.com' },
    { kind: Kind.PAGE_INFO, site: 'jobs.example.com', url: contentScript.url, top: true },
    { kind: Kind.IGNORE_HERE, site: 'jobs.example.com', phrase: 'team player' },
    { kind: Kind.DISABLE_RULE, rule: 'cliche.team-player' },
    { kind: Kind.OPEN_RULE, rule: 'cliche.team-player' },
  ];
  for (const msg of messages) assert.equal((await route(msg, contentScript)).ok, true, msg.kind);
  assert.deepEqual(calls.map((c) => c.kind), messages.map((m) => m.kind));
});

test('extension pages ask for samples and tab state, but do not check text', async () => {
  const { calls, route } = setup();
  assert.equal((await route(samples, popup)).ok, true);
  assert.equal((await route({ kind: Kind.TAB_STATE, tabId: 4 }, optionsTab)).ok, true);
  assert.equal((await route(samples, firefoxPopup)), null, 'another extension id: not answered at all');
  const check = await route({ kind: Kind.CHECK, text: 'x' }, popup);
  assert.equal(check.error.code, ErrorCode.NOT_ALLOWED);
  assert.match(check.error.message, /content scripts/);
  assert.deepEqual(calls.map((c) => c.kind), [Kind.SAMPLES, Kind.TAB_STATE]);
});

test('malformed messages are refused before anything else, and a failing handler still replies', async () => {
  const { route } = setup();
  assert.equal((await route({ kind: 'standout/nope' }, popup)).error.code, ErrorCode.BAD_MESSAGE);
  assert.equal((await route(null, popup)).error.code, ErrorCode.BAD_MESSAGE);
  const throwing = createRouter({
    handlers: { [Kind.SAMPLES]: async () => { throw new Error('boom'); } }, runtimeId: ID, extensionBase: BASE,
  });
  assert.deepEqual(await throwing(samples, popup), { ok: false, error: { code: ErrorCode.SERVER_ERROR, message: 'boom' } });
});
