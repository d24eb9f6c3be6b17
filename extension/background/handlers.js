// What the worker does for each message kind. Every handler returns a reply
// (`ok(...)` or `fail(...)`); none throws.

import { Kind, ErrorCode, ok, fail } from '../lib/protocol.js';
import { Backoff } from '../lib/timing.js';
import { readFindings, visibleFindings, countByCategory } from '../lib/findings.js';
import { isSiteOff, withIgnored } from '../lib/settings.js';
import { getSettings, updateSettings, getTab, setTab } from './store.js';
import { readSample, readSampleList, sampleBody } from '../lib/samples.js';
import { createClient, checkBody, ServerDown, ServerError } from './server-client.js';
import * as badge from './badge.js';

const START_HINT = 'Start it with: standout serve';

export function createHandlers({ client = createClient(), backoff = new Backoff() } = {}) {
  /** Runs a server call through the back-off; ServerDown while the server stays away. */
  async function call(fn, { force = false, tabId } = {}) {
    if (!force && !backoff.ready()) {
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

  function errorReply(error) {
    if (error instanceof ServerDown) {
      return fail(ErrorCode.SERVER_DOWN, `${error.message}. ${START_HINT}`, { retryIn: backoff.waitMs() });
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

  const handlers = {
    async [Kind.CHECK](msg, sender) {
      const tabId = sender.tab?.id;
      const settings = await getSettings();
      if (isSiteOff(settings, msg.site)) return fail(ErrorCode.SITE_OFF, 'Standout is off on this site');
      const context = { ...(await tabContext(tabId)), question: msg.question, url: msg.url };
      try {
        const reply = await call(
          () => client.check(settings.serverUrl, checkBody(msg.text, context, settings)),
          { tabId },
        );
        const findings = visibleFindings(readFindings(reply, msg.text), settings, msg.site);
        const summary = { score: reply.score ?? null, total: findings.length, counts: countByCategory(findings) };
        if (tabId !== undefined) {
          const state = (await getTab(tabId)) ?? {};
          await setTab(tabId, { ...state, last: { ...summary, site: msg.site, question: msg.question ?? null } });
          await badge.showCount(tabId, findings);
        }
        return ok({ findings, ...summary, version: reply.version ?? null });
      } catch (error) {
        return errorReply(error);
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

    async [Kind.STATUS]() {
      const { serverUrl } = await getSettings();
      try {
        const health = await call(() => client.health(serverUrl), { force: true });
        return ok({ reachable: true, serverUrl, health });
      } catch (error) {
        return ok({ reachable: false, serverUrl, message: errorReply(error).error.message, hint: START_HINT });
      }
    },

    async [Kind.TAB_STATE](msg) {
      const state = (await getTab(msg.tabId)) ?? {};
      const settings = await getSettings();
      return ok({
        site: state.site ?? null,
        url: state.url ?? null,
        siteOn: !isSiteOff(settings, state.site),
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
        return ok({
          rules: Array.isArray(reply.rules) ? reply.rules : [],
          categories: Array.isArray(reply.categories) ? reply.categories : [],
        });
      } catch (error) {
        return errorReply(error);
      }
    },

    // The user's samples: asked for by the options page, so never held back by the back-off.
    async [Kind.SAMPLES]() {
      const { serverUrl } = await getSettings();
      try {
        return ok(readSampleList(await call(() => client.samples(serverUrl), { force: true })));
      } catch (error) {
        return errorReply(error);
      }
    },

    async [Kind.ADD_SAMPLE](msg) {
      const { serverUrl } = await getSettings();
      try {
        const reply = await call(() => client.addSample(serverUrl, sampleBody(msg.text, msg.title)), { force: true });
        const sample = readSample(reply.sample);
        return sample ? ok({ sample }) : fail(ErrorCode.SERVER_ERROR, 'The server saved the sample but did not describe it');
      } catch (error) {
        return errorReply(error);
      }
    },

    async [Kind.REMOVE_SAMPLE](msg) {
      const { serverUrl } = await getSettings();
      try {
        const reply = await call(() => client.removeSample(serverUrl, msg.id), { force: true });
        return ok({ removed: readSample(reply.removed) });
      } catch (error) {
        return errorReply(error);
      }
    },
  };

  return handlers;
}
