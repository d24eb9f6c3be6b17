import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installFakeBrowser } from './fake-browser.js';

const browser = installFakeBrowser();
const sent = [];
browser.tabs.sendMessage = async (tabId, msg, options) => {
  sent.push({ tabId, msg, options });
};
const { createHandlers } = await import('../background/handlers.js');
const { forgetPostings, MAX_JOBS } = await import('../background/posting.js');
const { Kind, ErrorCode, message } = await import('../lib/protocol.js');

const POSTING = 'Planning Analyst\nKettleworks\n\nRequirements\n- Strong Excel and SQL\n- Demand forecasting';
const JOB = 'https://jobs.lever.co/kettleworks/7e1f';
const LETTER = 'I built the SQL forecast that cut stock-outs by 30% in 2023.';
const sender = { id: 'standout-test', tab: { id: 7 }, frameId: 0 };

function setup() {
  for (const a of [browser.storage.local, browser.storage.session]) for (const k of Object.keys(a.data)) delete a.data[k];
  sent.length = 0;
  const calls = [];
  const client = {
    async check(baseUrl, body) {
      calls.push(body);
      if (!body.context.posting) return { findings: [], score: 50, version: '0.1.0' };
      const offset = body.text.indexOf('I built');
      return {
        findings: [], score: 60, version: '0.1.0',
        posting: {
          match: 0.5, role: 'Planning Analyst', company: 'Kettleworks', notes: [],
          asks: [
            { text: 'Strong Excel and SQL', terms: ['SQL'], section: 'requirements', status: 'shown', offset, length: LETTER.length, proof: ['30%'] },
            { text: 'Demand forecasting', terms: ['demand forecasting'], section: 'requirements', status: 'absent', offset: null, length: null, proof: [] },
          ],
        },
      };
    },
    async rules() {
      return { rules: [], categories: [], version: '0.1.0' };
    },
  };
  const handlers = createHandlers({ client });
  const call = (kind, payload = {}, from = sender) => handlers[kind](message(kind, payload), from);
  return { calls, call };
}

const read = (url, top = true, text = POSTING) => ({
  url, top, text, source: 'Lever page', role: 'Planning Analyst', company: 'Kettleworks',
});
const check = (url) => ({ text: LETTER, url, site: 'jobs.lever.co' });

test('the posting read on a job page is sent with the checks on its /apply form', async () => {
  const { call, calls } = setup();
  await call(Kind.POSTING_READ, read(JOB));
  await call(Kind.POSTING_READ, { ...read(`${JOB}/apply`), text: null, source: null, role: null, company: null });
  await call(Kind.CHECK, check(`${JOB}/apply`));
  assert.equal(calls.at(-1).context.posting, POSTING);
  const state = await call(Kind.POSTING_STATE, { tabId: 7 });
  assert.equal(state.posting.source, 'Lever page');
  assert.equal(state.posting.chars, POSTING.length);
  assert.equal(state.checklist.asks.length, 2);
  assert.equal(state.checklist.asks[0].status, 'shown');
  // Not in storage.local (that is on disk): only the session area.
  assert.deepEqual(await browser.storage.local.get(), {});
  assert.ok(Object.keys(browser.storage.session.data).includes('posting:7'));
});

test('another job in the tab has no posting, and another tab knows nothing of this one', async () => {
  const { call, calls } = setup();
  await call(Kind.POSTING_READ, read(JOB));
  // The content script reports every page it loads on, with or without a posting.
  await call(Kind.POSTING_READ, { ...read('https://jobs.lever.co/kettleworks/other/apply'), text: null });
  await call(Kind.CHECK, check('https://jobs.lever.co/kettleworks/other/apply'));
  assert.equal(calls.at(-1).context.posting, undefined);
  await call(Kind.CHECK, check(`${JOB}/apply`), { ...sender, tab: { id: 8 } });
  assert.equal(calls.at(-1).context.posting, undefined);
  assert.equal((await call(Kind.POSTING_STATE, { tabId: 8 })).posting.source, null);
});

test('the popup is about the page the tab shows now, not the job checked on the page before', async () => {
  const { call } = setup();
  await call(Kind.POSTING_READ, read(JOB));
  await call(Kind.CHECK, check(`${JOB}/apply`));
  assert.equal((await call(Kind.POSTING_STATE, { tabId: 7 })).checklist.asks.length, 2);
  await call(Kind.POSTING_READ, { ...read('https://jobs.lever.co/kettleworks/other'), text: null });
  const state = await call(Kind.POSTING_STATE, { tabId: 7 });
  assert.equal(state.job, 'jobs.lever.co/kettleworks/other');
  assert.equal(state.posting.source, null);
  assert.equal(state.checklist, null);
  // A paste now is for the job shown, not the one checked before.
  await call(Kind.SET_POSTING, { tabId: 7, text: 'Requirements\n- Welding' });
  assert.equal(browser.storage.session.data['posting:7'].jobs[`${JOB.slice(8)}`].pasted, null);
});

test('a form in a frame uses the posting its top page showed', async () => {
  const { call, calls } = setup();
  await call(Kind.POSTING_READ, read('https://careers.example.com/jobs?gh_jid=12'));
  await call(Kind.CHECK, check('https://boards.greenhouse.io/embed/job_app?token=12'), { ...sender, frameId: 4 });
  assert.equal(calls.at(-1).context.posting, POSTING);
  await call(Kind.SHOW_EVIDENCE, { tabId: 7, ask: 0 });
  assert.deepEqual(sent.at(-1).options, { frameId: 4 });
});

test('a pasted posting is kept per job and wins over the page, until the user takes the page back', async () => {
  const { call, calls } = setup();
  await call(Kind.POSTING_READ, read(JOB));
  await call(Kind.CHECK, check(`${JOB}/apply`));
  const pasted = await call(Kind.SET_POSTING, { tabId: 7, text: '  Requirements\n- Welding  ' });
  assert.equal(pasted.posting.source, 'pasted');
  // The field last checked is asked to check again, with the new posting.
  assert.deepEqual(sent.at(-1), { tabId: 7, msg: { kind: 'standout/recheck-posting' }, options: { frameId: 0 } });
  await call(Kind.CHECK, check(`${JOB}/apply`));
  assert.equal(calls.at(-1).context.posting, 'Requirements\n- Welding');
  // The page reading the posting again does not undo the paste.
  await call(Kind.POSTING_READ, read(JOB));
  await call(Kind.CHECK, check(`${JOB}/apply`));
  assert.equal(calls.at(-1).context.posting, 'Requirements\n- Welding');
  await call(Kind.SET_POSTING, { tabId: 7, text: null });
  await call(Kind.CHECK, check(`${JOB}/apply`));
  assert.equal(calls.at(-1).context.posting, POSTING);
});

test('a posting pasted on a page that showed none is sent with that page’s checks', async () => {
  const { call, calls } = setup();
  await call(Kind.POSTING_READ, { ...read('https://example.com/apply'), text: null });
  assert.equal((await call(Kind.POSTING_STATE, { tabId: 7 })).job, 'example.com');
  await call(Kind.SET_POSTING, { tabId: 7, text: POSTING });
  await call(Kind.CHECK, check('https://example.com/apply'));
  assert.equal(calls.at(-1).context.posting, POSTING);
});

test('show-evidence scrolls the frame of the last check to the sentence; an absent ask has none', async () => {
  const { call } = setup();
  await call(Kind.POSTING_READ, read(JOB));
  await call(Kind.CHECK, check(`${JOB}/apply`), { ...sender, frameId: 2 });
  assert.equal((await call(Kind.SHOW_EVIDENCE, { tabId: 7, ask: 0 })).ok, true);
  assert.deepEqual(sent.at(-1), {
    tabId: 7, msg: { kind: 'standout/show-in-field', start: 0, end: LETTER.length }, options: { frameId: 2 },
  });
  const absent = await call(Kind.SHOW_EVIDENCE, { tabId: 7, ask: 1 });
  assert.equal(absent.ok, false);
  assert.equal(absent.error.code, ErrorCode.BAD_MESSAGE);
  assert.equal((await call(Kind.SHOW_EVIDENCE, { tabId: 7, ask: 9 })).ok, false);
});

test('a tab keeps a few jobs, and forgets them all when closed', async () => {
  const { call } = setup();
  for (let i = 0; i <= MAX_JOBS; i++) await call(Kind.POSTING_READ, read(`https://jobs.lever.co/k/${i}`));
  const state = browser.storage.session.data['posting:7'];
  assert.equal(Object.keys(state.jobs).length, MAX_JOBS);
  assert.ok(!('jobs.lever.co/k/0' in state.jobs));
  await forgetPostings(7);
  assert.equal(browser.storage.session.data['posting:7'], undefined);
});

test('posting messages are checked: a content script cannot ask for a tab’s posting, nor send one too long', async () => {
  const { createRouter } = await import('../lib/../background/router.js');
  const route = createRouter({ handlers: createHandlers(), runtimeId: 'standout-test', extensionBase: 'chrome-extension://x/' });
  const fromPage = { id: 'standout-test', tab: { id: 7 }, url: 'https://jobs.lever.co/k' };
  const denied = await route({ kind: Kind.POSTING_STATE, tabId: 7 }, fromPage);
  assert.equal(denied.error.code, ErrorCode.NOT_ALLOWED);
  const long = await route({ kind: Kind.POSTING_READ, url: JOB, top: true, text: 'x'.repeat(50_001) }, fromPage);
  assert.equal(long.error.code, ErrorCode.BAD_MESSAGE);
});
