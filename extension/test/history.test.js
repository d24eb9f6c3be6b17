import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installFakeBrowser } from './fake-browser.js';

const browser = installFakeBrowser();
const { createHandlers } = await import('../background/handlers.js');
const { withHistory, createHistory } = await import('../background/history.js');
const { createRouter } = await import('../background/router.js');
const { ServerError } = await import('../background/server-client.js');
const { Kind, ErrorCode, Sender, SENDERS } = await import('../lib/protocol.js');
const { HistoryKind } = await import('../lib/history-protocol.js');

const TOKEN = 'a'.repeat(43);
const contentScript = { id: 'standout-test', url: 'https://jobs.example.com/apply', tab: { id: 7 }, frameId: 0 };

function memoryTokens() {
  let token = null;
  return { get: async () => token, set: async (t) => { token = t; }, clear: async () => { token = null; } };
}

/** A server that pairs once approved and stores applications; it records every request. */
function fakeServer() {
  const server = { approved: false, token: TOKEN, requests: [], checks: [], stored: [] };
  const refuse = () => { throw new ServerError(401, 'History needs the token', 'history_token_required'); };
  server.client = {
    async check(baseUrl, body, headers = {}) {
      server.checks.push({ body, headers });
      return { findings: [], score: 90, version: '0.1.0' };
    },
    async rules() {
      return { rules: [], categories: [], version: '0.1.0' };
    },
    async request(baseUrl, path, body, headers = {}) {
      server.requests.push({ path, body, headers });
      if (path === '/v1/history/pairing') return { pairing: 'secret-id', code: 'K7QF-3MZD', expires_in: 600 };
      if (path === '/v1/history/pairing/token') {
        return server.approved ? { status: 'paired', token: server.token } : { status: 'waiting' };
      }
      if (headers.Authorization !== `Bearer ${server.token}`) refuse();
      if (path === '/v1/history') return { enabled: true, applications: server.stored };
      if (path === '/v1/history/applications') {
        server.stored.push(body);
        return { application: { id: server.stored.length, ...body } };
      }
      throw new Error(`unexpected ${path}`);
    },
  };
  return server;
}

function setup() {
  const server = fakeServer();
  const tokens = memoryTokens();
  const handlers = withHistory(createHandlers, {
    client: server.client, history: createHistory({ client: server.client, tokens }),
  });
  return { server, tokens, handlers };
}

async function paired() {
  const ctx = setup();
  await ctx.handlers[HistoryKind.HISTORY_PAIR]({});
  ctx.server.approved = true;
  const state = await ctx.handlers[HistoryKind.HISTORY_STATE]({});
  assert.deepEqual(state, { ok: true, paired: true, applications: 0 });
  return ctx;
}

test('the history kinds are for the extension’s own pages only', async () => {
  for (const kind of Object.values(HistoryKind)) assert.equal(SENDERS[kind], Sender.PAGE, kind);
  const { handlers } = setup();
  const route = createRouter({ handlers, runtimeId: 'standout-test', extensionBase: 'chrome-extension://x/' });
  for (const msg of [
    { kind: HistoryKind.HISTORY_STATE }, { kind: HistoryKind.HISTORY_PAIR },
    { kind: HistoryKind.HISTORY_MARK_SENT, tabId: 7 },
  ]) {
    const reply = await route(msg, contentScript);
    assert.equal(reply.error.code, ErrorCode.NOT_ALLOWED, msg.kind);
  }
});

test('pairing shows the code until the user approves it, then keeps the token out of storage.local', async () => {
  const { server, tokens, handlers } = setup();
  assert.deepEqual(await handlers[HistoryKind.HISTORY_STATE]({}), { ok: true, paired: false, pending: null });
  const started = await handlers[HistoryKind.HISTORY_PAIR]({});
  assert.equal(started.code, 'K7QF-3MZD');
  const waiting = await handlers[HistoryKind.HISTORY_STATE]({});
  assert.equal(waiting.paired, false);
  assert.equal(waiting.pending.code, 'K7QF-3MZD');
  server.approved = true;
  assert.equal((await handlers[HistoryKind.HISTORY_STATE]({})).paired, true);
  assert.equal(await tokens.get(), TOKEN);
  assert.doesNotMatch(JSON.stringify(browser.storage.local.data), new RegExp(TOKEN));
  assert.doesNotMatch(JSON.stringify(browser.storage.session.data), new RegExp(TOKEN));
  assert.equal(browser.storage.session.data['history:pairing'], undefined, 'the pairing is used once');
});

test('checks carry the token once paired, and not before', async () => {
  const { server, handlers } = setup();
  await handlers[Kind.CHECK]({ kind: Kind.CHECK, text: 'Hello.' }, contentScript);
  assert.deepEqual(server.checks.at(-1).headers, {});
  await handlers[HistoryKind.HISTORY_PAIR]({});
  server.approved = true;
  await handlers[HistoryKind.HISTORY_STATE]({});
  await handlers[Kind.CHECK]({ kind: Kind.CHECK, text: 'Hello again.' }, contentScript);
  assert.deepEqual(server.checks.at(-1).headers, { Authorization: `Bearer ${TOKEN}` });
});

test('a token store that cannot be opened leaves checks without the history, not failing', async () => {
  const server = fakeServer();
  const broken = { get: async () => { throw new Error('IndexedDB unavailable'); }, set: async () => {}, clear: async () => {} };
  const handlers = withHistory(createHandlers, { client: server.client, history: createHistory({ client: server.client, tokens: broken }) });
  const reply = await handlers[Kind.CHECK]({ kind: Kind.CHECK, text: 'Hello.' }, contentScript);
  assert.equal(reply.ok, true, JSON.stringify(reply));
  assert.deepEqual(server.checks.at(-1).headers, {});
});

test('Mark as sent stores the fields as last checked, with the company, role, URL and posting', async () => {
  const { server, handlers } = await paired();
  const tab = 21;
  const from = (frameId) => ({ ...contentScript, tab: { id: tab }, frameId });
  await browser.storage.session.set({
    [`tab:${tab}`]: {
      site: 'jobs.example.com', url: 'https://jobs.example.com/apply',
      frames: { 0: { company: 'Globex', role: 'Analyst', posting: { text: 'We make maps.' } } },
      override: { company: 'Globex Corp', role: 'Data Analyst' },
    },
  });
  await handlers[Kind.CHECK]({ kind: Kind.CHECK, text: 'First draft.', question: 'Cover letter' }, from(0));
  await handlers[Kind.CHECK]({ kind: Kind.CHECK, text: 'The letter 🎉, final.', question: 'Cover letter' }, from(0));
  await handlers[Kind.CHECK]({ kind: Kind.CHECK, text: 'Because maps.', question: 'Why us?' }, from(3));
  const reply = await handlers[HistoryKind.HISTORY_MARK_SENT]({ tabId: tab });
  assert.equal(reply.ok, true, JSON.stringify(reply));
  assert.deepEqual(reply.application, { id: 1, company: 'Globex Corp', role: 'Data Analyst', texts: 2 });
  assert.deepEqual(server.stored, [{
    company: 'Globex Corp', role: 'Data Analyst', url: 'https://jobs.example.com/apply',
    posting: 'We make maps.',
    texts: [{ label: 'Cover letter', text: 'The letter 🎉, final.' }, { label: 'Why us?', text: 'Because maps.' }],
  }]);
  const again = await handlers[HistoryKind.HISTORY_MARK_SENT]({ tabId: tab });
  assert.match(again.error.message, /Already marked as sent/);
  assert.equal(server.stored.length, 1, 'a second click stores nothing');
  await handlers[Kind.CHECK]({ kind: Kind.CHECK, text: 'Because maps, and trains.', question: 'Why us?' }, from(3));
  assert.equal((await handlers[HistoryKind.HISTORY_MARK_SENT]({ tabId: tab })).ok, true, 'a changed one is stored');
  assert.equal(server.stored.length, 2);
});

test('a new page in the tab starts a new application: nothing written before is sent', async () => {
  const { server, handlers } = await paired();
  const tab = 40;
  const at = { ...contentScript, tab: { id: tab }, frameId: 0 };
  const info = (url) => ({ kind: Kind.PAGE_INFO, site: 'jobs.example.com', url, top: true, company: 'Acme' });
  await handlers[Kind.PAGE_INFO](info('https://jobs.example.com/globex'), at);
  await handlers[Kind.CHECK]({ kind: Kind.CHECK, text: 'For Globex.', question: 'Letter' }, at);
  await handlers[Kind.PAGE_INFO](info('https://jobs.example.com/globex'), at); // the same page again
  await handlers[Kind.PAGE_INFO](info('https://jobs.example.com/acme'), at);
  const empty = await handlers[HistoryKind.HISTORY_MARK_SENT]({ tabId: tab });
  assert.match(empty.error.message, /Nothing written/);
  await handlers[Kind.CHECK]({ kind: Kind.CHECK, text: 'For Acme.', question: 'Letter' }, at);
  assert.equal((await handlers[HistoryKind.HISTORY_MARK_SENT]({ tabId: tab })).ok, true);
  assert.deepEqual(server.stored.at(-1).texts, [{ label: 'Letter', text: 'For Acme.' }]);
});

test('nothing is kept from a site Standout is turned off for', async () => {
  const { handlers } = await paired();
  await browser.storage.local.set({ sitesOff: ['off.example'] });
  try {
    const at = { ...contentScript, tab: { id: 50 }, frameId: 0 };
    const reply = await handlers[Kind.CHECK]({ kind: Kind.CHECK, text: 'Private.', site: 'off.example' }, at);
    assert.equal(reply.error.code, ErrorCode.SITE_OFF);
    assert.equal(browser.storage.session.data['history:fields:50'], undefined);
  } finally {
    await browser.storage.local.set({ sitesOff: [] });
  }
});

test('Mark as sent says what is missing instead of storing nothing', async () => {
  const { server, handlers } = await paired();
  await browser.storage.session.set({ 'tab:30': { site: 'x.example', frames: {} } });
  const noCompany = await handlers[HistoryKind.HISTORY_MARK_SENT]({ tabId: 30 });
  assert.match(noCompany.error.message, /company/);
  await browser.storage.session.set({ 'tab:31': { site: 'x.example', frames: {}, override: { company: 'Acme', role: null } } });
  const noText = await handlers[HistoryKind.HISTORY_MARK_SENT]({ tabId: 31 });
  assert.match(noText.error.message, /Nothing written/);
  assert.deepEqual(server.stored, []);
});

test('a token the server no longer accepts is forgotten: the popup offers to pair again', async () => {
  const { server, tokens, handlers } = await paired();
  server.token = 'b'.repeat(43); // 'standout history unpair', then another pairing elsewhere
  assert.deepEqual(await handlers[HistoryKind.HISTORY_STATE]({}), { ok: true, paired: false, pending: null });
  assert.equal(await tokens.get(), null);
});
