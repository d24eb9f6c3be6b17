// What the worker does for each message kind. Every handler returns a reply
// (`ok(...)` or `fail(...)`); none throws.

import { Kind, ErrorCode, ok, fail } from '../lib/protocol.js';
import { Backoff } from '../lib/timing.js';
import { readFindings, visibleFindings, countByCategory, ruleUrl } from '../lib/findings.js';
import { isSiteOff, withIgnored, parseServerUrl, startCommand, serviceCommand } from '../lib/settings.js';
import { api, getSettings, updateSettings, getTab, setTab } from './store.js';
import { readSample, readSampleList, sampleBody } from '../lib/samples.js';
import { createClient, checkBody, ServerDown, ServerError } from './server-client.js';
import { createNames } from './names.js';
import * as badge from './badge.js';

/** While the user is in a field, a down server is tried again at least this often. */
export const FOCUSED_RETRY_MS = 1000;

const startHint = (serverUrl) => `Start it with: ${startCommand(serverUrl)}`;

/** A short fingerprint of a text (FNV-1a over UTF-16 units): is the last result for this text? */
function textKey(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(h >>> 0).toString(36)}`;
}

export function createHandlers({ client = createClient(), backoff = new Backoff() } = {}) {
  const names = createNames(client);

  /** Runs a server call through the back-off; ServerDown while the server stays away. */
  async function call(fn, { force = false, tabId, cap } = {}) {
    if (!force && !backoff.ready(cap)) {
      await badge.showDown(tabId);
      throw new ServerDown();
    }
    const wasDown = backoff.down;
    try {
      const result = await fn();
      backoff.succeed();
      if (wasDown) await badge.showUp();
      return result;
    } catch (error) {
      if (error instanceof ServerDown) {
        backoff.fail();
        await badge.showDown(tabId);
      }
      throw error;
    }
  }

  function errorReply(error, serverUrl, cap) {
    if (error instanceof ServerDown) {
      return fail(ErrorCode.SERVER_DOWN, `${error.message}. ${startHint(serverUrl)}`, {
        retryIn: backoff.waitMs(cap), command: startCommand(serverUrl),
      });
    }
    if (error instanceof ServerError) {
      // The server's own code (`invalid_sample`, `sample_store_unreadable`, ...) lets the page say what went wrong.
      return fail(ErrorCode.SERVER_ERROR, error.message, { status: error.status, serverCode: error.code });
    }
    return fail(ErrorCode.SERVER_ERROR, error?.message ?? String(error));
  }

  /** What the page shows: the top frame's job, else any frame's. */
  function detectedOf(state) {
    const frames = state?.frames ?? {};
    return frames['0'] ?? Object.values(frames)[0] ?? null;
  }

  async function tabContext(tabId) {
    const state = tabId === undefined ? null : await getTab(tabId);
    // What the user typed in the popup (both fields, possibly emptied) wins over the page.
    const source = state?.override ?? detectedOf(state) ?? {};
    return { company: source.company ?? null, role: source.role ?? null };
  }

  async function markStale(tabId, text) {
    const state = await getTab(tabId);
    if (state?.last && !state.last.stale && state.last.text !== textKey(text)) {
      await setTab(tabId, { ...state, last: { ...state.last, stale: true } });
    }
  }

  const handlers = {
    async [Kind.CHECK](msg, sender) {
      const tabId = sender.tab?.id;
      const settings = await getSettings();
      const { serverUrl } = settings;
      if (isSiteOff(settings, msg.site)) return fail(ErrorCode.SITE_OFF, 'Standout is off on this site');
      const context = { ...(await tabContext(tabId)), question: msg.question, url: msg.url };
      // The field the user is in is retried about once a second while the server is down.
      const cap = msg.focused ? FOCUSED_RETRY_MS : undefined;
      try {
        // The plain names are asked for alongside the first check (not while the server is away).
        const early = backoff.down ? null : names.of(serverUrl);
        const reply = await call(() => client.check(serverUrl, checkBody(msg.text, context, settings)), { tabId, cap });
        const known = await (early ?? names.of(serverUrl));
        const { categories } = reply.version && known.version && known.version !== reply.version
          ? await names.of(serverUrl, reply.version)
          : known;
        const findings = visibleFindings(readFindings(reply, msg.text, categories), settings, msg.site);
        const counts = countByCategory(findings);
        const summary = { score: reply.score ?? null, total: findings.length, counts };
        if (tabId !== undefined) {
          const state = (await getTab(tabId)) ?? {};
          const titles = Object.fromEntries(Object.keys(counts).map((c) => [c, categories[c] ?? c]));
          await setTab(tabId, {
            ...state,
            last: {
              ...summary, categories: titles, site: msg.site, question: msg.question ?? null,
              text: textKey(msg.text), stale: false,
            },
          });
          await badge.showCount(tabId, findings);
        }
        return ok({ findings, ...summary, version: reply.version ?? null });
      } catch (error) {
        // The last result shown for this tab is for a text that has changed since.
        if (tabId !== undefined) await markStale(tabId, msg.text);
        return errorReply(error, serverUrl, cap);
      }
    },

    async [Kind.PAGE_INFO](msg, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return ok();
      const state = (await getTab(tabId)) ?? {};
      const next = { ...state, frames: { ...state.frames } };
      if (msg.top) {
        // A new site in this tab forgets the old one's frames and what the user typed.
        if (state.site !== msg.site) {
          next.override = null;
          next.frames = {};
        }
        next.site = msg.site;
        next.url = msg.url;
      }
      // Each frame reports what it shows (an embedded Greenhouse form is a frame).
      const frame = String(sender.frameId ?? 0);
      if (msg.company || msg.role) next.frames[frame] = { board: msg.board, company: msg.company, role: msg.role };
      else delete next.frames[frame];
      await setTab(tabId, next);
      return ok();
    },

    async [Kind.IGNORE_HERE](msg) {
      await updateSettings((s) => ({ ignored: withIgnored(s.ignored, msg) }));
      return ok();
    },

    async [Kind.DISABLE_RULE](msg) {
      await updateSettings((s) => ({
        disabledRules: s.disabledRules.includes(msg.rule) ? s.disabledRules : [...s.disabledRules, msg.rule],
      }));
      return ok();
    },

    // The card's "About this rule": a new tab next to the page's, opened here so that
    // the page (and the card inside it) never holds the server's address.
    async [Kind.OPEN_RULE](msg, sender) {
      const checked = parseServerUrl((await getSettings()).serverUrl);
      if (!checked.ok) return fail(ErrorCode.SERVER_ERROR, checked.error);
      const tab = sender.tab;
      const where = tab && Number.isInteger(tab.index) ? { openerTabId: tab.id, index: tab.index + 1 } : {};
      await api.tabs.create({ url: ruleUrl(checked.url, msg.rule), ...where });
      return ok();
    },

    async [Kind.STATUS]() {
      const { serverUrl } = await getSettings();
      const commands = { command: startCommand(serverUrl), service: serviceCommand(serverUrl) };
      try {
        const health = await call(() => client.health(serverUrl), { force: true });
        return ok({ reachable: true, serverUrl, health, ...commands });
      } catch (error) {
        return ok({
          reachable: false, serverUrl, ...commands, message: errorReply(error, serverUrl).error.message,
          hint: startHint(serverUrl),
        });
      }
    },

    async [Kind.TAB_STATE](msg) {
      const state = (await getTab(msg.tabId)) ?? {};
      const settings = await getSettings();
      return ok({
        site: state.site ?? null,
        url: state.url ?? null,
        siteOn: !isSiteOff(settings, state.site),
        command: startCommand(settings.serverUrl),
        detected: detectedOf(state),
        context: await tabContext(msg.tabId),
        edited: Boolean(state.override),
        last: state.last ?? null,
      });
    },

    async [Kind.SET_CONTEXT](msg) {
      const state = (await getTab(msg.tabId)) ?? {};
      await setTab(msg.tabId, { ...state, override: { company: msg.company || null, role: msg.role || null } });
      return ok({ context: await tabContext(msg.tabId) });
    },

    async [Kind.RULES]() {
      const { serverUrl } = await getSettings();
      try {
        const reply = await call(() => client.rules(serverUrl), { force: true });
        names.remember(serverUrl, reply);
        return ok({
          rules: Array.isArray(reply.rules) ? reply.rules : [],
          categories: Array.isArray(reply.categories) ? reply.categories : [],
        });
      } catch (error) {
        return errorReply(error, serverUrl);
      }
    },

    // The user's samples: asked for by the options page, so never held back by the back-off.
    async [Kind.SAMPLES]() {
      const { serverUrl } = await getSettings();
      try {
        return ok(readSampleList(await call(() => client.samples(serverUrl), { force: true })));
      } catch (error) {
        return errorReply(error, serverUrl);
      }
    },

    async [Kind.ADD_SAMPLE](msg) {
      const { serverUrl } = await getSettings();
      try {
        const reply = await call(() => client.addSample(serverUrl, sampleBody(msg.text, msg.title)), { force: true });
        const sample = readSample(reply.sample);
        return sample ? ok({ sample }) : fail(ErrorCode.SERVER_ERROR, 'The server saved the sample but did not describe it');
      } catch (error) {
        return errorReply(error, serverUrl);
      }
    },

    async [Kind.REMOVE_SAMPLE](msg) {
      const { serverUrl } = await getSettings();
      try {
        const reply = await call(() => client.removeSample(serverUrl, msg.id), { force: true });
        return ok({ removed: readSample(reply.removed) });
      } catch (error) {
        return errorReply(error, serverUrl);
      }
    },
  };

  return handlers;
}
