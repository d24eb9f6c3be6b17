// The popup's job-posting section (issue 11): what posting this tab's checks send
// and where it was read from, a box to paste or correct it (kept per job, in
// memory only), and the checklist of the last check: each of the posting's top
// asks with its status; an ask the text names scrolls the field to its sentence.

import { Kind, MAX_POSTING, message } from '../lib/protocol.js';
import { api, ask } from '../lib/extension-api.js';

const $ = (id) => document.getElementById(id);

/** The words the popup (and Standout's own page) use for the server's statuses. */
export const STATUS = { shown: 'shown', claimed: 'claimed', absent: 'missing' };
const STATUS_HINT = {
  shown: 'named with proof: a number, a named thing, a result',
  claimed: 'named, but nothing proves it',
  absent: 'not in the text',
};
const SOURCES = { pasted: 'pasted by you' };

const plural = (n, word) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function describe(posting) {
  if (!posting?.source) return 'No job posting found on this page. Paste it to see which of its asks your text proves.';
  const from = SOURCES[posting.source] ?? `read from the ${posting.source}`;
  const what = [posting.role, posting.company].filter(Boolean).join(' at ');
  return `${what ? `${what}: ` : ''}${from}, ${plural(posting.words, 'word')} (${plural(posting.chars, 'character')}).`;
}

function note(checklist) {
  if (!checklist) return 'Type in an application field to see which asks the text proves.';
  if (checklist.notes?.includes('not-english')) return 'The posting is not in English: Standout reads English postings only.';
  if (!checklist.asks.length) return 'No asks found in the posting (only benefits or about the company?).';
  const shown = checklist.asks.filter((a) => a.status === 'shown').length;
  return `${shown} of ${plural(checklist.asks.length, 'ask')} shown with proof.`;
}

function askItem(a, index, tabId) {
  const li = document.createElement('li');
  li.className = `ask ${a.status}`;
  const status = document.createElement('span');
  status.className = `ask-status ${a.status}`;
  status.textContent = STATUS[a.status] ?? a.status;
  status.title = STATUS_HINT[a.status] ?? '';
  let label;
  if (Number.isInteger(a.offset) && a.status !== 'absent') {
    label = document.createElement('button');
    label.type = 'button';
    label.className = 'link';
    label.title = 'Show the sentence in the field';
    label.addEventListener('click', () => ask(message(Kind.SHOW_EVIDENCE, { tabId, ask: index })));
  } else {
    label = document.createElement('span');
  }
  label.classList.add('ask-text');
  label.textContent = a.text;
  li.append(status, label);
  return li;
}

function render(state, tabId) {
  $('posting').hidden = false;
  $('posting-source').textContent = describe(state.posting);
  $('posting-use-page').hidden = !state.posting?.pasted || !state.job;
  const box = $('posting-text');
  if (document.activeElement !== box) box.value = state.posting?.text ?? '';
  $('posting-edit').hidden = !state.job;
  $('posting-note').textContent = note(state.checklist);
  const asks = state.checklist?.asks ?? [];
  $('posting-asks').replaceChildren(...asks.map((a, i) => askItem(a, i, tabId)));
}

async function refresh(tabId) {
  const state = await ask(message(Kind.POSTING_STATE, { tabId }));
  if (state?.ok) render(state, tabId);
}

/** Fills the section for tab `tabId`, and keeps it up to date while the popup is open. */
export async function showPostingSection(tabId) {
  if (tabId === undefined) return;
  $('posting-text').maxLength = MAX_POSTING;
  const set = async (text) => {
    const reply = await ask(message(Kind.SET_POSTING, { tabId, text }));
    $('posting-saved').textContent = reply?.ok
      ? 'Kept for this job until the browser closes; sent with the next check.'
      : reply?.error?.message ?? 'Not saved.';
    await refresh(tabId);
  };
  $('posting-save').addEventListener('click', () => set($('posting-text').value.slice(0, MAX_POSTING)));
  $('posting-use-page').addEventListener('click', () => set(null));
  // A check finishing while the popup is open updates the checklist.
  api.storage?.onChanged?.addListener((changes, area) => {
    if (area === 'session' && changes[`posting:${tabId}`]) refresh(tabId);
  });
  await refresh(tabId);
}
