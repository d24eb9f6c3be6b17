// The options page's "Your samples" section: paste a sample answer found online
// to save it as your own, see the saved ones, remove one. Everything goes through
// the worker (standout/samples, add-sample, remove-sample), which asks the server.

import { Kind, message } from '../lib/protocol.js';
import { ask } from '../lib/extension-api.js';
import { sampleErrorText, sampleMeta, sampleProblem } from '../lib/samples.js';

const $ = (id) => document.getElementById(id);

function say(text, tone = '', hint = false) {
  $('sample-status').textContent = text;
  $('sample-status').className = `status ${tone}`.trim();
  $('sample-hint').hidden = !hint;
}

function sayError(reply) {
  const { text, hint } = sampleErrorText(reply);
  if (reply?.error?.command) $('sample-command').textContent = reply.error.command;
  say(text, 'bad', hint);
}

/** Turns the section's buttons off while a request is out, so a double click saves once. */
function busy(on) {
  for (const button of document.querySelectorAll('#your-samples button')) button.disabled = on;
}

function sampleItem(sample) {
  const li = document.createElement('li');
  li.dataset.id = sample.id;
  const body = document.createElement('div');
  body.className = 'grow';
  const title = document.createElement('div');
  title.className = 'title';
  title.textContent = sample.title;
  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.textContent = sampleMeta(sample);
  body.append(title, meta);
  if (sample.preview) {
    const preview = document.createElement('p');
    preview.className = 'preview';
    preview.textContent = sample.preview;
    body.append(preview);
  }
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = 'Remove';
  remove.setAttribute('aria-label', `Remove “${sample.title}”`);
  remove.addEventListener('click', () => removeSample(sample));
  li.append(body, remove);
  return li;
}

function showList(samples, empty) {
  const items = samples.map(sampleItem);
  if (!items.length) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.textContent = empty;
    items.push(li);
  }
  $('samples').replaceChildren(...items);
}

function showBundled(list) {
  let note = '';
  if (list.enabled === false) {
    note = 'Sample matching (sample.follows-sample) is turned off in the server’s config, so samples are kept but not compared.';
  } else if (list.bundled) {
    note = `Standout also compares every text with the ${list.bundled} sample answers it comes with.`;
  }
  $('samples-bundled').textContent = note;
}

/** Lists the saved samples; a failure replaces the list with the reason. */
export async function loadSamples({ keepStatus = false } = {}) {
  const reply = await ask(message(Kind.SAMPLES));
  if (!reply?.ok) {
    sayError(reply);
    showList([], 'Your saved samples cannot be shown right now.');
    $('samples-bundled').textContent = '';
    return;
  }
  if (!keepStatus) say('');
  showList(reply.samples, 'No samples saved yet.');
  showBundled(reply);
}

async function addSample(event) {
  event.preventDefault();
  const text = $('sample-text').value;
  const problem = sampleProblem(text);
  if (problem) {
    say(problem, 'bad');
    $('sample-text').focus();
    return;
  }
  busy(true);
  say('Saving…');
  const title = $('sample-title').value.trim() || null;
  const reply = await ask(message(Kind.ADD_SAMPLE, { text, title }));
  if (!reply?.ok) {
    busy(false);
    sayError(reply);
    return;
  }
  // The list is shown first and the status last, so both change together.
  $('sample-text').value = '';
  $('sample-title').value = '';
  await loadSamples({ keepStatus: true });
  busy(false);
  const meta = sampleMeta(reply.sample);
  say(`Saved “${reply.sample.title}”${meta ? ` (${meta})` : ''}. Checks now show how much of it is in your text.`, 'good');
}

async function removeSample(sample) {
  busy(true);
  const reply = await ask(message(Kind.REMOVE_SAMPLE, { id: sample.id }));
  // Also after a failure: the sample may have been removed elsewhere (`standout samples remove`).
  await loadSamples({ keepStatus: true });
  busy(false);
  if (reply?.ok) say(`Removed “${sample.title}”.`, 'good');
  else sayError(reply);
}

export function initSamples() {
  $('sample-form').addEventListener('submit', addSample);
}
