// The toolbar popup: is the server up, how the field last edited scores, the
// site switch, and the company and role sent with each check from this tab.

import { Kind, message } from '../lib/protocol.js';
import { api, ask } from '../lib/extension-api.js';
import { updateSettings } from '../lib/storage.js';
import { withSite } from '../lib/settings.js';
import { debounce } from '../lib/timing.js';

const $ = (id) => document.getElementById(id);

/** The tab the popup is about: `?tab=<id>` (tests, debugging) or the active tab. */
async function tabId() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function showServer() {
  const reply = await ask(message(Kind.STATUS));
  const up = Boolean(reply?.ok && reply.reachable);
  $('server').dataset.state = up ? 'up' : 'down';
  const version = reply?.health?.version ? ` (version ${reply.health.version})` : '';
  $('server-text').textContent = up
    ? `Server running at ${reply.serverUrl}${version}`
    : `Server not reachable at ${reply?.serverUrl ?? 'the configured address'}.`;
  // The command starts the server the extension is set to use (its port).
  if (reply?.command) $('server-command').textContent = reply.command;
  if (reply?.service) $('service-command').textContent = reply.service;
  $('server-hint').hidden = up;
}

function showField(last) {
  $('summary').hidden = !last;
  $('no-field').hidden = Boolean(last);
  if (!last) return;
  // Shown for a text that has changed since, while the server could not check it.
  $('stale').hidden = !last.stale;
  $('summary').classList.toggle('is-stale', Boolean(last.stale));
  $('question').textContent = last.question ? `“${last.question}”` : '';
  $('question').hidden = !last.question;
  $('score').textContent = last.score ?? '–';
  $('total').textContent = last.total === 1 ? '1 finding' : `${last.total} findings`;
  $('counts').replaceChildren(...Object.entries(last.counts ?? {}).map(([category, count]) => {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = last.categories?.[category] ?? category;
    const n = document.createElement('b');
    n.textContent = String(count);
    li.append(name, n);
    return li;
  }));
}

async function showTab(id) {
  const state = id === undefined ? undefined : await ask(message(Kind.TAB_STATE, { tabId: id }));
  if (!state?.ok || !state.site) {
    $('unsupported').hidden = false;
    $('page').hidden = true;
    return;
  }
  showField(state.last);
  $('site-name').textContent = state.site;
  $('site-on').checked = state.siteOn;
  $('site-on').onchange = async () => {
    const on = $('site-on').checked;
    await updateSettings((s) => ({ sitesOff: withSite(s.sitesOff, state.site, on) }));
  };
  $('company').value = state.context.company ?? '';
  $('role').value = state.context.role ?? '';
  const board = state.detected?.board ? ` from this ${state.detected.board} page` : ' from this page';
  $('detected').textContent = state.detected?.company && !state.edited
    ? `Filled in${board}; change it if it is wrong.`
    : 'Sent with each check, so Standout can tell when the employer is missing or wrong.';
  const save = debounce(() => ask(message(Kind.SET_CONTEXT, {
    tabId: id, company: $('company').value.trim() || null, role: $('role').value.trim() || null,
  })), 250);
  for (const input of [$('company'), $('role')]) {
    input.addEventListener('input', save);
    input.addEventListener('change', () => save.flush());
  }
  addEventListener('pagehide', () => save.flush());
}

showServer();
tabId().then(showTab);
