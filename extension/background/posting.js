// The job posting sent with each check (issue 11): what the content scripts read
// on the page, remembered per tab and job (a Lever job page and its /apply form
// are one job, lib/job-posting.js `jobKey`), what the user pasted in the popup
// for that job, and the checklist of the tab's last check. All of it is kept in
// storage.session (memory, cleared when the browser closes): never on disk.

import { Kind, ErrorCode, ok, fail } from '../lib/protocol.js';
import { jobKey } from '../lib/job-posting.js';
import { api } from './store.js';

/** Jobs remembered per tab (the oldest is forgotten first). */
export const MAX_JOBS = 6;

const memory = new Map();
const session = api.storage.session ?? {
  get: async (key) => (memory.has(key) ? { [key]: memory.get(key) } : {}),
  set: async (items) => Object.entries(items).forEach(([k, v]) => memory.set(k, v)),
  remove: async (key) => memory.delete(key),
};

const postingKey = (tabId) => `posting:${tabId}`;

async function load(tabId) {
  const key = postingKey(tabId);
  const state = (await session.get(key))[key];
  return state && typeof state === 'object' ? state : { jobs: {}, order: [], top: null, last: null };
}

async function save(tabId, state) {
  await session.set({ [postingKey(tabId)]: state });
}

// Reads and writes of the posting state run one after another: a posting read on
// focus and a check's checklist must not overwrite each other.
let queue = Promise.resolve();
function update(tabId, change) {
  const run = queue.then(async () => {
    const state = await load(tabId);
    const result = await change(state);
    await save(tabId, state);
    return result;
  });
  queue = run.catch(() => {});
  return run;
}

/** Forgets a closed tab's postings. */
export async function forgetPostings(tabId) {
  await session.remove(postingKey(tabId));
}

function touch(state, job) {
  state.order = [...state.order.filter((k) => k !== job), job];
  while (state.order.length > MAX_JOBS) delete state.jobs[state.order.shift()];
  state.jobs[job] ??= { read: null, pasted: null };
  return state.jobs[job];
}

/** The job a check from `url` in tab `tabUrl` is for: its own when a posting is known for it, else the page's. */
function jobOf(state, url, tabUrl) {
  const own = jobKey(url);
  if (own && state.jobs[own]) return own;
  // The top frame's job (a board's form embedded in the company's page); the browser
  // gives the tab's URL only to some senders, so the one the top frame reported is kept.
  for (const page of [tabUrl ? jobKey(tabUrl) : null, state.top]) {
    if (page && state.jobs[page]) return page;
  }
  return own;
}

/** The posting a job's checks send: the user's paste, else what was read. */
function postingOf(entry) {
  if (!entry) return null;
  if (entry.pasted) return { text: entry.pasted, source: 'pasted' };
  return entry.read?.text ? entry.read : null;
}

/** The posting text to send with a check from `url` (tab at `tabUrl`), or null. */
export async function postingFor(tabId, url, tabUrl) {
  if (tabId === undefined) return null;
  const state = await load(tabId);
  return postingOf(state.jobs[jobOf(state, url, tabUrl)])?.text ?? null;
}

/** Keeps the checklist of a check's reply (`reply.posting`), for the popup. */
export async function rememberChecklist(tabId, frameId, url, tabUrl, reply) {
  if (tabId === undefined) return;
  const checklist = reply?.posting && Array.isArray(reply.posting.asks) ? reply.posting : null;
  await update(tabId, (state) => {
    state.last = { job: jobOf(state, url, tabUrl), top: state.top, frameId: frameId ?? 0, checklist };
  });
}

/** What the popup shows of one job's posting. */
function describe(entry) {
  const used = postingOf(entry);
  return {
    source: used?.source ?? null,
    chars: used?.text.length ?? 0,
    words: used ? used.text.split(/\s+/).filter(Boolean).length : 0,
    text: used?.text ?? '',
    role: entry?.read?.role ?? null,
    company: entry?.read?.company ?? null,
    pasted: Boolean(entry?.pasted),
    read: Boolean(entry?.read?.text),
  };
}

/** The job the popup is about: the last check's while the tab still shows its page, else the page's. */
function popupJob(state) {
  return state.last && state.last.top === state.top ? state.last.job : state.top;
}

export function createPostingHandlers() {
  return {
    async [Kind.POSTING_READ](msg, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return ok();
      const job = jobKey(msg.url);
      if (!job) return ok();
      await update(tabId, (state) => {
        if (msg.top) state.top = job;
        if (msg.text) {
          touch(state, job).read = {
            text: msg.text, source: msg.source ?? 'this page', role: msg.role ?? null, company: msg.company ?? null,
          };
        }
      });
      return ok();
    },

    async [Kind.POSTING_STATE](msg) {
      const state = await load(msg.tabId);
      const job = popupJob(state);
      const last = state.last && state.last.job === job ? state.last.checklist : null;
      return ok({ job, posting: describe(state.jobs[job]), checklist: last });
    },

    async [Kind.SET_POSTING](msg) {
      const text = typeof msg.text === 'string' && msg.text.trim() ? msg.text.trim() : null;
      let frameId = null;
      const reply = await update(msg.tabId, (state) => {
        const job = popupJob(state);
        if (!job) return fail(ErrorCode.BAD_MESSAGE, 'This tab shows no job to keep a posting for');
        touch(state, job).pasted = text;
        frameId = state.last?.job === job ? state.last.frameId : null;
        return ok({ job, posting: describe(state.jobs[job]) });
      });
      // The field last checked for this job is checked again with the new posting.
      if (frameId !== null) api.tabs.sendMessage(msg.tabId, { kind: RECHECK }, { frameId }).catch(() => {});
      return reply;
    },

    async [Kind.SHOW_EVIDENCE](msg) {
      const state = await load(msg.tabId);
      const ask = state.last?.checklist?.asks?.[msg.ask];
      if (!ask || !Number.isInteger(ask.offset) || !Number.isInteger(ask.length)) {
        return fail(ErrorCode.BAD_MESSAGE, 'That ask has no sentence in the text');
      }
      try {
        await api.tabs.sendMessage(msg.tabId, {
          kind: SHOW_IN_FIELD, start: ask.offset, end: ask.offset + ask.length,
        }, { frameId: state.last.frameId });
      } catch {
        return fail(ErrorCode.SERVER_ERROR, 'The page is gone or was reloaded');
      }
      return ok();
    },
  };
}

/** worker -> content: check the field last checked again (its posting changed). */
export const RECHECK = 'standout/recheck-posting';

/** worker -> content: scroll the field last checked to `[start, end)` of its checked text. */
export const SHOW_IN_FIELD = 'standout/show-in-field';
