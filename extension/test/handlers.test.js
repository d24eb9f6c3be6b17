import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installFakeBrowser } from './fake-browser.js';

const browser = installFakeBrowser();
const { createHandlers } = await import('../background/handlers.js');
const { createClient, checkBody, ServerDown, ServerError } = await import('../background/server-client.js');
const { Kind, ErrorCode, message } = await import('../lib/protocol.js');
const { Backoff } = await import('../lib/timing.js');

const TEXT = 'I am a team player.';
const sender = { id: 'standout-test', tab: { id: 7 } };

function fakeServer() {
  const server = { up: true, calls: [], saved: [], corrupt: false, rulesAsked: 0 };
  server.client = {
    async check(baseUrl, body) {
      server.calls.push({ baseUrl, body });
      if (!server.up) throw new ServerDown();
      const offset = body.text.indexOf('team player');
      return {
        findings: offset < 0 ? [] : [{
          rule: 'cliche.team-player', category: 'cliche', severity: 'warning', offset, length: 11,
          text: 'team player', message: 'm', advice: 'a', title: 't',
        }],
        score: 55,
        version: '0.1.0',
      };
    },
    async health() {
      if (!server.up) throw new ServerDown();
      return { status: 'ok', version: '0.1.0' };
    },
    async rules() {
      server.rulesAsked += 1;
      if (!server.up) throw new ServerDown();
      return {
        rules: [{ id: 'cliche.team-player', category: 'cliche', title: '"team player"' }],
        categories: [{ id: 'cliche', title: 'Self-description clichés' }],
        version: '0.1.0',
      };
    },
    async samples(baseUrl) {
      server.calls.push({ baseUrl, path: '/v1/samples' });
      if (!server.up) throw new ServerDown();
      if (server.corrupt) throw new ServerError(409, '/data/samples.json: not valid JSON', 'sample_store_unreadable');
      return { samples: server.saved, bundled: 169, enabled: true, version: '0.1.0' };
    },
    async addSample(baseUrl, body) {
      server.calls.push({ baseUrl, path: '/v1/samples', body });
      if (!server.up) throw new ServerDown();
      if (body.text.split(/\s+/).length < 20) {
        throw new ServerError(400, 'the sample has 3 words; it needs at least 20 to be matched reliably.', 'invalid_sample');
      }
      const sample = { id: `user-${server.saved.length + 1}`, title: body.title ?? 'Untitled', words: 20, added: '2025-03-03T12:00:00+00:00', preview: 'p' };
      server.saved.push(sample);
      return { sample, version: '0.1.0' };
    },
    async removeSample(baseUrl, id) {
      server.calls.push({ baseUrl, path: '/v1/samples/remove', id });
      const sample = server.saved.find((s) => s.id === id);
      if (!sample) throw new ServerError(404, 'No saved sample has this id.', 'unknown_sample');
      server.saved = server.saved.filter((s) => s !== sample);
      return { removed: sample, version: '0.1.0' };
    },
  };
  return server;
}

function setup() {
  for (const a of [browser.storage.local, browser.storage.session]) for (const k of Object.keys(a.data)) delete a.data[k];
  browser.badges.clear();
  browser.tabs.created.length = 0;
  const clock = { now: 0 };
  const server = fakeServer();
  const handlers = createHandlers({ client: server.client, backoff: new Backoff({ now: () => clock.now }) });
  const call = (kind, payload = {}, from = sender) => handlers[kind](message(kind, payload), from);
  return { clock, server, call };
}

const check = { text: TEXT, question: 'Why us?', url: 'https://boards.greenhouse.io/acme/jobs/1', site: 'boards.greenhouse.io' };

test('a check returns findings as spans of the text, and records the field for the popup', async () => {
  const { call } = setup();
  const reply = await call(Kind.CHECK, check);
  assert.equal(reply.ok, true);
  assert.equal(reply.findings.length, 1);
  const [f] = reply.findings;
  assert.equal(TEXT.slice(f.start, f.end), 'team player');
  const state = await call(Kind.TAB_STATE, { tabId: 7 });
  assert.deepEqual(state.last.counts, { cliche: 1 });
  assert.equal(state.last.score, 55);
  assert.equal(browser.badges.get(7).text, '1');
});

test('the company and role come from the page, and the user can change them', async () => {
  const { call, server } = setup();
  await call(Kind.PAGE_INFO, { site: 'boards.greenhouse.io', url: check.url, top: true, board: 'Greenhouse', company: 'Acme', role: null });
  await call(Kind.CHECK, check);
  assert.deepEqual(server.calls.at(-1).body.context, { company: 'Acme', question: 'Why us?', url: check.url });
  await call(Kind.SET_CONTEXT, { tabId: 7, company: 'Acme Robotics', role: 'Analyst' });
  await call(Kind.CHECK, check);
  assert.deepEqual(server.calls.at(-1).body.context,
    { company: 'Acme Robotics', role: 'Analyst', question: 'Why us?', url: check.url });
  const state = await call(Kind.TAB_STATE, { tabId: 7 });
  assert.equal(state.edited, true);
  // Emptying the company in the popup means no company, not the page's.
  await call(Kind.SET_CONTEXT, { tabId: 7, company: null, role: 'Analyst' });
  await call(Kind.CHECK, check);
  assert.deepEqual(server.calls.at(-1).body.context, { role: 'Analyst', question: 'Why us?', url: check.url });
  assert.equal(state.detected.company, 'Acme');
  // Another site in the same tab forgets the user's choice.
  await call(Kind.PAGE_INFO, { site: 'example.com', url: 'https://example.com/', top: true, board: null, company: null, role: null });
  assert.deepEqual((await call(Kind.TAB_STATE, { tabId: 7 })).context, { company: null, role: null });
});

test('a job form embedded in a frame gives the company when the top page does not', async () => {
  const { call, server } = setup();
  await call(Kind.PAGE_INFO, { site: 'careers.example.com', url: 'https://careers.example.com/', top: true, board: null, company: null, role: null });
  await call(Kind.PAGE_INFO,
    { site: 'boards.greenhouse.io', url: 'https://boards.greenhouse.io/embed/job_app?for=globex', top: false, board: 'Greenhouse', company: 'Globex', role: null },
    { ...sender, frameId: 3 });
  await call(Kind.CHECK, check);
  assert.equal(server.calls.at(-1).body.context.company, 'Globex');
  assert.equal((await call(Kind.TAB_STATE, { tabId: 7 })).detected.board, 'Greenhouse');
  // The top page's own job wins over a frame's.
  await call(Kind.PAGE_INFO, { site: 'careers.example.com', url: 'https://careers.example.com/j', top: true, board: null, company: 'Example', role: 'Analyst' });
  assert.deepEqual((await call(Kind.TAB_STATE, { tabId: 7 })).context, { company: 'Example', role: 'Analyst' });
  // Another site in the tab: the old frames are forgotten.
  await call(Kind.PAGE_INFO, { site: 'example.org', url: 'https://example.org/', top: true, board: null, company: null, role: null });
  assert.equal((await call(Kind.TAB_STATE, { tabId: 7 })).detected, null);
});

test('with the server down: an error reply, the badge says off, and retries back off', async () => {
  const { call, server, clock } = setup();
  server.up = false;
  const first = await call(Kind.CHECK, check);
  assert.equal(first.ok, false);
  assert.equal(first.error.code, ErrorCode.SERVER_DOWN);
  assert.match(first.error.message, /standout serve/);
  assert.equal(first.error.retryIn, 1000);
  assert.equal(browser.badges.get('global').text, 'off');
  assert.equal(browser.badges.get(7).text, 'off');

  const calls = server.calls.length;
  const second = await call(Kind.CHECK, check);
  assert.equal(second.error.code, ErrorCode.SERVER_DOWN);
  assert.equal(server.calls.length, calls, 'no request inside the back-off window');

  clock.now += 1000;
  const third = await call(Kind.CHECK, check);
  assert.equal(third.error.retryIn, 2000, 'the wait doubles');
  assert.equal(server.calls.length, calls + 1);

  await call(Kind.CHECK, check, { ...sender, tab: { id: 8 } }); // another tab, inside the window
  assert.equal(browser.badges.get(8).text, 'off');

  server.up = true;
  clock.now += 2000;
  const back = await call(Kind.CHECK, check);
  assert.equal(back.ok, true);
  assert.equal(browser.badges.get('global').text, '');
  assert.equal(browser.badges.get(7).text, '1');
  assert.equal(browser.badges.get(8).text, '', 'every tab loses its "off" badge');
});

test('the popup status always asks the server afresh', async () => {
  const { call, server } = setup();
  server.up = false;
  await call(Kind.CHECK, check);
  server.up = true;
  const status = await call(Kind.STATUS);
  assert.equal(status.reachable, true);
  server.up = false;
  const down = await call(Kind.STATUS);
  assert.deepEqual([down.reachable, down.hint], [false, 'Start it with: standout serve']);
});

test('a site turned off is not checked', async () => {
  const { call, server } = setup();
  await browser.storage.local.set({ sitesOff: ['boards.greenhouse.io'] });
  const reply = await call(Kind.CHECK, check);
  assert.equal(reply.error.code, ErrorCode.SITE_OFF);
  assert.equal(server.calls.length, 0);
});

test('ignored phrases and turned-off rules are stored and applied', async () => {
  const { call, server } = setup();
  await call(Kind.IGNORE_HERE, { site: 'boards.greenhouse.io', phrase: 'team player', rule: 'cliche.team-player' });
  assert.equal((await call(Kind.CHECK, check)).findings.length, 0);
  assert.equal((await call(Kind.CHECK, { ...check, site: 'other.test' })).findings.length, 1);
  await call(Kind.DISABLE_RULE, { rule: 'cliche.team-player' });
  await call(Kind.DISABLE_RULE, { rule: 'cliche.team-player' });
  assert.deepEqual(browser.storage.local.data.disabledRules, ['cliche.team-player']);
  await call(Kind.CHECK, check);
  assert.deepEqual(server.calls.at(-1).body.options, { disabled_rules: ['cliche.team-player'] });
});

test('the client turns network failures and error answers into named errors', async () => {
  const down = createClient(async () => {
    throw new TypeError('Failed to fetch');
  });
  await assert.rejects(down.health('http://127.0.0.1:1'), ServerDown);
  const json = (status, body) => createClient(async () => new Response(JSON.stringify(body), { status }));
  await assert.rejects(json(400, { error: { message: 'text must be a string' } }).check('http://127.0.0.1:8765', {}),
    (e) => e instanceof ServerError && e.status === 400 && /text must be a string/.test(e.message));
  const notJson = createClient(async () => new Response('<html>', { status: 200 }));
  await assert.rejects(notJson.health('http://127.0.0.1:8765'), ServerError);
  let seen;
  const ok = createClient(async (url, init) => {
    seen = { url, init };
    return new Response('{"status":"ok"}', { status: 200 });
  });
  assert.deepEqual(await ok.health('http://127.0.0.1:8765'), { status: 'ok' });
  assert.equal(seen.url, 'http://127.0.0.1:8765/v1/health');
  assert.equal(seen.init.credentials, 'omit');
});

test('checkBody sends only what is known', () => {
  const settings = { disabledRules: [], disabledCategories: ['hedge'] };
  assert.deepEqual(checkBody('t', { company: ' Acme ', role: '', question: null }, settings),
    { text: 't', context: { company: 'Acme' }, options: { disabled_categories: ['hedge'] } });
});

const TWENTY_WORDS = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty';

test('samples are listed, saved and removed through the configured server', async () => {
  const { call, server } = setup();
  await browser.storage.local.set({ serverUrl: 'http://127.0.0.1:9999' });
  assert.deepEqual(await call(Kind.SAMPLES), { ok: true, samples: [], bundled: 169, enabled: true });
  const added = await call(Kind.ADD_SAMPLE, { text: TWENTY_WORDS, title: '  Careers blog ' });
  assert.equal(added.ok, true);
  assert.deepEqual(server.calls.at(-1), { baseUrl: 'http://127.0.0.1:9999', path: '/v1/samples', body: { text: TWENTY_WORDS, title: 'Careers blog' } });
  assert.equal(added.sample.title, 'Careers blog');
  await call(Kind.ADD_SAMPLE, { text: TWENTY_WORDS, title: null });
  assert.deepEqual(server.calls.at(-1).body, { text: TWENTY_WORDS }, 'no title: the server makes one');
  const listed = await call(Kind.SAMPLES);
  assert.deepEqual(listed.samples.map((s) => s.id), ['user-1', 'user-2']);
  const removed = await call(Kind.REMOVE_SAMPLE, { id: 'user-1' });
  assert.deepEqual([removed.ok, removed.removed.id], [true, 'user-1']);
  assert.deepEqual((await call(Kind.SAMPLES)).samples.map((s) => s.id), ['user-2']);
});

test('sample errors keep the server\'s code, and a down server gives the start hint', async () => {
  const { call, server } = setup();
  const short = await call(Kind.ADD_SAMPLE, { text: 'Too short here', title: null });
  assert.deepEqual(short.error, {
    code: ErrorCode.SERVER_ERROR, message: 'the sample has 3 words; it needs at least 20 to be matched reliably.',
    status: 400, serverCode: 'invalid_sample',
  });
  const gone = await call(Kind.REMOVE_SAMPLE, { id: 'user-9' });
  assert.deepEqual([gone.error.status, gone.error.serverCode], [404, 'unknown_sample']);
  server.corrupt = true;
  const corrupt = await call(Kind.SAMPLES);
  assert.deepEqual([corrupt.error.status, corrupt.error.serverCode], [409, 'sample_store_unreadable']);
  server.up = false;
  const down = await call(Kind.SAMPLES);
  assert.equal(down.error.code, ErrorCode.SERVER_DOWN);
  assert.match(down.error.message, /Start it with: standout serve/);
  // The options page asks afresh each time: no back-off between the user's clicks.
  const calls = server.calls.length;
  await call(Kind.ADD_SAMPLE, { text: TWENTY_WORDS, title: null });
  assert.equal(server.calls.length, calls + 1);
});

test('the client sends samples to their endpoints and reads the server\'s error code', async () => {
  const seen = [];
  const client = createClient(async (url, init) => {
    seen.push({ url, method: init.method, body: init.body && JSON.parse(init.body) });
    if (url.endsWith('/remove')) {
      return new Response('{"error": {"code": "unknown_sample", "message": "No saved sample has this id."}}', { status: 404 });
    }
    return new Response('{"samples": []}', { status: 200 });
  });
  await client.samples('http://127.0.0.1:8765');
  await client.addSample('http://127.0.0.1:8765', { text: 't' });
  await assert.rejects(client.removeSample('http://127.0.0.1:8765', 'user-1'),
    (e) => e instanceof ServerError && e.status === 404 && e.code === 'unknown_sample' && e.message === 'No saved sample has this id.');
  assert.deepEqual(seen, [
    { url: 'http://127.0.0.1:8765/v1/samples', method: 'GET', body: undefined },
    { url: 'http://127.0.0.1:8765/v1/samples', method: 'POST', body: { text: 't' } },
    { url: 'http://127.0.0.1:8765/v1/samples/remove', method: 'POST', body: { id: 'user-1' } },
  ]);
});

test('the client refuses any address that is not this machine, before any request', async () => {
  const asked = [];
  const client = createClient(async (url) => {
    asked.push(url);
    return new Response('{"status":"ok"}', { status: 200 });
  });
  for (const base of ['http://evil.example:8765', 'http://127.0.0.1.evil.example:8765', 'https://127.0.0.1:8765',
    'http://user:pw@127.0.0.1:8765', 'http://192.168.1.2:8765', 'file:///etc/passwd', '']) {
    await assert.rejects(client.health(base), (e) => e instanceof ServerError && e.code === 'not-local', base);
  }
  assert.deepEqual(asked, []);
  await client.health('http://localhost:9000/');
  assert.deepEqual(asked, ['http://localhost:9000/v1/health']);
});

test('a storage.local tampered to point elsewhere sends no text there', async () => {
  const seen = [];
  const handlers = createHandlers({
    client: createClient(async (url) => { seen.push(url); return new Response('{}', { status: 200 }); }),
    backoff: new Backoff(),
  });
  await browser.storage.local.set({ serverUrl: 'http://collector.example' });
  const reply = await handlers[Kind.CHECK](message(Kind.CHECK, check), sender);
  assert.equal(reply.ok, false);
  assert.match(reply.error.message, /only to a server on this machine/);
  assert.deepEqual(seen, []);
  await browser.storage.local.remove('serverUrl');
});

test('the card\'s "About this rule" opens the rule page from the worker, next to the page', async () => {
  const { call } = setup();
  await browser.storage.local.set({ serverUrl: 'http://127.0.0.1:9100' });
  const reply = await call(Kind.OPEN_RULE, { rule: 'cliche.team-player' }, { ...sender, tab: { id: 7, index: 3 } });
  assert.deepEqual(reply, { ok: true });
  assert.deepEqual(browser.tabs.created, [{ url: 'http://127.0.0.1:9100/rules/cliche.team-player', openerTabId: 7, index: 4 }]);
  await browser.storage.local.set({ serverUrl: 'http://collector.example' });
  assert.equal((await call(Kind.OPEN_RULE, { rule: 'x' })).ok, false);
  assert.equal(browser.tabs.created.length, 1);
});

test('findings and the popup carry plain category names', async () => {
  const { call, server } = setup();
  const reply = await call(Kind.CHECK, check);
  assert.equal(reply.findings[0].categoryTitle, 'Self-description clichés');
  const state = await call(Kind.TAB_STATE, { tabId: 7 });
  assert.deepEqual(state.last.categories, { cliche: 'Self-description clichés' });
  await call(Kind.CHECK, check);
  assert.equal(server.rulesAsked, 1, 'the names are asked for once');
});

test('a result made for a text that has changed since is marked out of date', async () => {
  const { call, server, clock } = setup();
  await call(Kind.CHECK, check);
  assert.equal((await call(Kind.TAB_STATE, { tabId: 7 })).last.stale, false);
  server.up = false;
  clock.now += 10;
  await call(Kind.CHECK, check); // the same text: still up to date
  assert.equal((await call(Kind.TAB_STATE, { tabId: 7 })).last.stale, false);
  clock.now += 5000;
  await call(Kind.CHECK, { ...check, text: `${TEXT} And more.` });
  const state = await call(Kind.TAB_STATE, { tabId: 7 });
  assert.deepEqual([state.last.stale, state.last.score], [true, 55]);
  server.up = true;
  clock.now += 60_000;
  await call(Kind.CHECK, { ...check, text: `${TEXT} And more.` });
  assert.equal((await call(Kind.TAB_STATE, { tabId: 7 })).last.stale, false);
});

test('the field the user is in is retried within a second however long the server was down', async () => {
  const { call, server, clock } = setup();
  server.up = false;
  for (let i = 0; i < 7; i++) {
    await call(Kind.STATUS); // each failed attempt lengthens the back-off, to a minute
    clock.now += 1;
  }
  const away = await call(Kind.CHECK, check);
  assert.ok(away.error.retryIn > 30_000, `${away.error.retryIn}`);
  const focused = await call(Kind.CHECK, { ...check, focused: true });
  assert.ok(focused.error.retryIn <= 1000, `${focused.error.retryIn}`);
  const calls = server.calls.length;
  clock.now += 1000;
  server.up = true;
  const back = await call(Kind.CHECK, { ...check, focused: true });
  assert.equal(back.ok, true);
  assert.equal(server.calls.length, calls + 1);
});

test('the start hint names the configured port', async () => {
  const { call, server } = setup();
  server.up = false;
  await browser.storage.local.set({ serverUrl: 'http://127.0.0.1:9100' });
  const status = await call(Kind.STATUS);
  assert.deepEqual([status.hint, status.command, status.service],
    ['Start it with: standout serve --port 9100', 'standout serve --port 9100', 'standout service install --port 9100']);
  assert.match((await call(Kind.CHECK, check)).error.message, /Start it with: standout serve --port 9100$/);
  await browser.storage.local.set({ serverUrl: 'http://localhost:8765' });
  assert.deepEqual([(await call(Kind.STATUS)).command, (await call(Kind.STATUS)).service],
    ['standout serve', 'standout service install']);
});
