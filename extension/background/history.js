// The worker's part of the history (docs/history.md): pairing, the token, "Mark
// as sent", and the token on every check so the history checks apply.
//
// - The token lives in this extension's own IndexedDB (token-store.js), which a
//   content script cannot open: content scripts run with the web page's origin,
//   and storage.local, which they can read, never holds it.
// - A pairing waiting for the user's approval (its secret id and its code) is
//   kept in storage.session, which content scripts cannot read either (Chrome's
//   default access level; Firefox gives content scripts no storage.session).
// - "Mark as sent" sends what this tab's fields held when they were last
//   checked: the worker keeps, per tab and field, the last text checked (in
//   storage.session, gone when the browser closes, forgotten with the tab and
//   when the tab goes to another page).
//
// One hook: worker.js builds its handlers with `withHistory(createHandlers)`.

import { Kind, ErrorCode, ok, fail } from '../lib/protocol.js';
import { HistoryKind } from '../lib/history-protocol.js';
import { api } from '../lib/extension-api.js';
import { getSettings, getTab, setTab } from './store.js';
import { createClient, ServerDown, ServerError } from './server-client.js';
import { createTokenStore } from './token-store.js';
import { postingFor } from './posting.js';

const PAIRING_KEY = 'history:pairing';
const fieldsKey = (tabId) => `history:fields:${tabId}`;
const session = api.storage.session;

/** The company, role and posting the tab's state knows: what the user typed wins over the page. */
function applicationOf(state) {
  const frames = state?.frames ?? {};
  const detected = frames['0'] ?? Object.values(frames)[0] ?? {};
  const source = state?.override ?? detected;
  // The posting, once the content script reports one (lib/job-posting.js): a text or {text}.
  const found = [state?.posting, detected.posting, ...Object.values(frames).map((f) => f?.posting)]
    .find((p) => p && (typeof p === 'string' || typeof p.text === 'string'));
  const posting = typeof found === 'string' ? found : found?.text;
  return {
    company: source.company ?? null, role: source.role ?? null,
    url: state?.url ?? null, posting: posting?.trim() ? posting : null,
  };
}

/** A field's key within its tab: its frame and its label (the question), so each answer is one text. */
const fieldOf = (msg, sender) => `${sender.frameId ?? 0}|${msg.question ?? ''}`;

export function createHistory({ client = createClient(), tokens = createTokenStore() } = {}) {
  /** The token's header; none when not paired, or when the token store cannot be opened
   * (a check then goes on without the history rather than failing). */
  async function headers() {
    const token = await tokens.get().catch(() => null);
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  /** A call to /v1/history...; a refused token is forgotten (the user ran 'standout history unpair'). */
  async function call(path, body) {
    const { serverUrl } = await getSettings();
    try {
      return await client.request(serverUrl, path, body, await headers());
    } catch (error) {
      if (error instanceof ServerError && error.code === 'history_token_required') await tokens.clear();
      throw error;
    }
  }

  /** A new page in the tab (its top frame reports another address) starts a new application:
   * "Mark as sent" never sends what was written on the page before. */
  async function newPage(msg, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !session || !msg.top) return;
    const key = fieldsKey(tabId);
    const kept = (await session.get(key))[key];
    if (kept?.url !== msg.url) await session.set({ [key]: { url: msg.url, fields: {} } });
  }

  async function remember(msg, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !session) return;
    const key = fieldsKey(tabId);
    const kept = (await session.get(key))[key] ?? { url: null, fields: {} };
    const field = fieldOf(msg, sender);
    if (msg.text.trim()) kept.fields[field] = { label: msg.question ?? '', text: msg.text };
    else delete kept.fields[field];
    await session.set({ [key]: kept });
  }

  /** An approved pairing becomes the token; one that expired is dropped. */
  async function redeem() {
    const pending = (await session.get(PAIRING_KEY))[PAIRING_KEY];
    if (!pending) return null;
    try {
      const reply = await call('/v1/history/pairing/token', { pairing: pending.pairing });
      if (typeof reply.token !== 'string') return pending;
      await tokens.set(reply.token);
    } catch (error) {
      if (!(error instanceof ServerError && error.code === 'pairing_expired')) return pending;
    }
    await session.remove(PAIRING_KEY);
    return null;
  }

  function errorReply(error) {
    const down = error instanceof ServerDown;
    return fail(down ? ErrorCode.SERVER_DOWN : ErrorCode.SERVER_ERROR,
      down ? 'The Standout server is not reachable' : error?.message ?? String(error),
      error instanceof ServerError ? { status: error.status, serverCode: error.code } : {});
  }

  const handlers = {
    async [HistoryKind.HISTORY_STATE]() {
      try {
        const pending = await redeem();
        if (!(await tokens.get())) {
          return ok({ paired: false, pending: pending ? { code: pending.code, expires: pending.expires } : null });
        }
        const reply = await call('/v1/history');
        const count = Array.isArray(reply.applications) ? reply.applications.length : 0;
        return ok({ paired: true, applications: count });
      } catch (error) {
        if (error instanceof ServerError && error.code === 'history_token_required') {
          return ok({ paired: false, pending: null });
        }
        return errorReply(error);
      }
    },

    async [HistoryKind.HISTORY_PAIR]() {
      try {
        const reply = await call('/v1/history/pairing', {});
        if (typeof reply.pairing !== 'string' || typeof reply.code !== 'string') {
          return fail(ErrorCode.SERVER_ERROR, 'The server did not start a pairing');
        }
        const expires = Date.now() + 1000 * (Number(reply.expires_in) || 600);
        await session.set({ [PAIRING_KEY]: { pairing: reply.pairing, code: reply.code, expires } });
        return ok({ code: reply.code, expires });
      } catch (error) {
        return errorReply(error);
      }
    },

    async [HistoryKind.HISTORY_MARK_SENT](msg) {
      const state = await getTab(msg.tabId);
      const application = applicationOf(state);
      // The posting the tab's checks send (background/posting.js: the user's paste, else the page's).
      application.posting ??= await postingFor(msg.tabId, state?.url, state?.url).catch(() => null);
      if (!application.company) return fail(ErrorCode.BAD_MESSAGE, 'Type the company this application is for first');
      const key = fieldsKey(msg.tabId);
      const kept = session ? (await session.get(key))[key] : null;
      const texts = Object.values(kept?.fields ?? {}).filter((f) => f.text.trim());
      if (!texts.length) return fail(ErrorCode.BAD_MESSAGE, 'Nothing written on this page yet: type in its fields first');
      const body = { company: application.company, texts };
      for (const field of ['role', 'url', 'posting']) if (application[field]) body[field] = application[field];
      // A second click on the same application stores it once (the button stays for a changed one).
      const same = JSON.stringify(body);
      if (state?.sent?.body === same) {
        return fail(ErrorCode.BAD_MESSAGE, `Already marked as sent: ${body.company} (nothing has changed since)`);
      }
      try {
        const reply = await call('/v1/history/applications', body);
        if (state) await setTab(msg.tabId, { ...(await getTab(msg.tabId)), sent: { id: reply.application?.id ?? null, body: same } });
        return ok({ application: { id: reply.application?.id ?? null, company: body.company, role: body.role ?? null, texts: texts.length } });
      } catch (error) {
        return errorReply(error);
      }
    },
  };

  return { handlers, headers, remember, newPage, forgetTab: (tabId) => session?.remove(fieldsKey(tabId)) };
}

/**
 * The worker's handlers with the history's: its kinds answered, each check sent
 * with the token (when paired) and its text kept for "Mark as sent", which a
 * new page in the tab starts afresh.
 */
export function withHistory(createHandlers, { client = createClient(), history = createHistory({ client }) } = {}) {
  const withToken = { ...client, check: async (url, body) => client.check(url, body, await history.headers()) };
  const handlers = createHandlers({ client: withToken });
  const check = handlers[Kind.CHECK];
  const pageInfo = handlers[Kind.PAGE_INFO];
  api.tabs?.onRemoved?.addListener((tabId) => { history.forgetTab(tabId)?.catch(() => {}); });
  return {
    ...handlers,
    ...history.handlers,
    async [Kind.CHECK](msg, sender) {
      const reply = await check(msg, sender);
      // Not on a site the user turned Standout off for.
      if (reply.ok || reply.error?.code !== ErrorCode.SITE_OFF) await history.remember(msg, sender).catch(() => {});
      return reply;
    },
    async [Kind.PAGE_INFO](msg, sender) {
      await history.newPage(msg, sender).catch(() => {});
      return pageInfo(msg, sender);
    },
  };
}
