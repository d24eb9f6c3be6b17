// The first-run page (opened by background/welcome.js on install): is the server
// there, and if not, the one command that installs and starts it for the port the
// extension is set to use. While the page is open it asks again on a short
// back-off, so it turns green by itself once the server is up; then the practice
// field below is checked.

import { Kind, message } from '../lib/protocol.js';
import { ask } from '../lib/extension-api.js';
import { startPractice } from './practice.js';

const $ = (id) => document.getElementById(id);

/** Seconds between asks while the server is away (the last repeats), and once it is up. */
export const DOWN_DELAYS_MS = [1000, 1000, 2000, 3000, 5000];
export const UP_DELAY_MS = 15000;

let serverUrl = 'http://127.0.0.1:8765';
let up = null;
let misses = 0;
let timer = 0;
let practice = null;

function showServer(reply) {
  const reachable = Boolean(reply?.ok && reply.reachable);
  if (reply?.serverUrl) serverUrl = reply.serverUrl;
  $('server').dataset.state = reachable ? 'up' : 'down';
  const version = reply?.health?.version ? ` (version ${reply.health.version})` : '';
  $('server-text').textContent = reachable
    ? `The server is running at ${serverUrl}${version}. You are set.`
    : `No Standout server at ${serverUrl} yet.`;
  if (reply?.service) $('service-command').textContent = reply.service;
  if (reply?.command) $('serve-command').textContent = reply.command;
  $('server-setup').hidden = reachable;
  return reachable;
}

function showPractice(reachable) {
  $('practice').dataset.state = reachable ? 'ready' : 'waiting';
  if (!reachable) {
    $('practice-note').textContent = 'The underlines appear once the server is running.';
  }
}

function onChecked(reply) {
  if (!reply?.ok) return;
  const n = reply.total ?? reply.findings?.length ?? 0;
  $('practice-note').textContent = n
    ? `${n === 1 ? '1 finding' : `${n} findings`}, stand-out score ${reply.score ?? '–'}/100. Make a sentence your own and watch its underline go.`
    : `No findings: stand-out score ${reply.score ?? '–'}/100.`;
}

async function poll() {
  clearTimeout(timer);
  const reachable = showServer(await ask(message(Kind.STATUS)));
  const cameUp = reachable && up !== true;
  up = reachable;
  misses = reachable ? 0 : misses + 1;
  showPractice(reachable);
  if (cameUp) practice?.recheck();
  const delay = reachable ? UP_DELAY_MS : DOWN_DELAYS_MS[Math.min(misses, DOWN_DELAYS_MS.length) - 1];
  timer = setTimeout(poll, delay);
}

for (const button of document.querySelectorAll('button.copy')) {
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($(button.dataset.copy).textContent);
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Select and copy';
    }
    setTimeout(() => { button.textContent = 'Copy'; }, 2000);
  });
}

// Back on the page (after starting the server in a terminal, say): ask at once.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') poll();
});

startPractice($('practice-field'), { serverUrl: () => serverUrl, onChecked })
  .then((started) => {
    practice = started;
    if (up) practice.recheck();
  });
poll();
