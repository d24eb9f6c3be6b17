// The popup's "Your applications" section (docs/history.md): pairing with the
// local server once (the user approves the code shown here in a terminal), then
// "Mark as sent", which stores this tab's application: its fields as last
// checked, the company, role and posting. The worker (background/history.js)
// holds the token; this page never sees it.

import { Kind, message } from '../lib/protocol.js';
import { api, ask } from '../lib/extension-api.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 1500;

/** The tab the popup is about: `?tab=<id>` (tests, debugging) or the active tab. */
async function tabId() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

let poll = null;

function show({ text, code = null, pair = false, sent = false }) {
  $('history').hidden = false;
  $('history-text').textContent = text;
  $('history-code').hidden = !code;
  $('history-command').hidden = !code;
  if (code) {
    $('history-code-value').textContent = code;
    $('history-command-value').textContent = `standout history pair ${code}`;
  }
  $('history-pair').hidden = !pair;
  $('history-sent').hidden = !sent;
}

const count = (n) => (n === 1 ? '1 application' : `${n} applications`);

async function refresh() {
  const reply = await ask(message(Kind.HISTORY_STATE));
  clearTimeout(poll);
  if (!reply?.ok) {
    // No server (the section above says how to start it) or a worker starting: asked again.
    $('history').hidden = true;
    poll = setTimeout(refresh, POLL_MS);
    return;
  }
  if (reply.paired) {
    show({
      text: `${count(reply.applications)} remembered on this computer. When you send this one, mark it: later letters are checked against it.`,
      sent: true,
    });
  } else if (reply.pending) {
    show({ text: 'Waiting for your approval. This code is valid for 10 minutes:', code: reply.pending.code });
    poll = setTimeout(refresh, POLL_MS);
  } else {
    show({
      text: 'Standout can remember the applications you send (on this computer only) to catch a name left over from the last letter and the paragraph you send everywhere.',
      pair: true,
    });
  }
}

$('history-pair').addEventListener('click', async () => {
  $('history-pair').disabled = true;
  const reply = await ask(message(Kind.HISTORY_PAIR));
  $('history-pair').disabled = false;
  if (!reply?.ok) {
    show({ text: reply?.error?.message ?? 'The server could not start a pairing.', pair: true });
    return;
  }
  refresh();
});

$('history-sent').addEventListener('click', async () => {
  const id = await tabId();
  if (id === undefined) return;
  $('history-sent').disabled = true;
  const reply = await ask(message(Kind.HISTORY_MARK_SENT, { tabId: id }));
  $('history-sent').disabled = false;
  if (!reply?.ok) {
    show({ text: reply?.error?.message ?? 'Not saved: the worker did not answer.', sent: true });
    return;
  }
  const { company, role, texts } = reply.application;
  const what = texts === 1 ? '1 text' : `${texts} texts`;
  show({ text: `Saved: ${company}${role ? `, ${role}` : ''} (${what}). Later letters are checked against it.`, sent: true });
});

addEventListener('pagehide', () => clearTimeout(poll));
refresh();
