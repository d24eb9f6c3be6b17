// Standout's page: wires the three panels to the engine (through /v1 on this
// origin), the shared underline and card modules, and this browser's storage.

import * as api from './api.js';
import { CheckedFields, SITE } from './checked-fields.js';
import { Store } from './store.js';
import { reportModel } from './report-model.js';
import { draftReport } from './report-view.js';
import { reportText, reportMarkdown } from './report-export.js';
import { Practice, structure, voice, timing } from './practice.js';
import { asksReport } from './asks-view.js';
import { tabs } from './tabs.js';
import { h } from './dom.js';

const $ = (id) => document.getElementById(id);
const MAX_FILE_BYTES = 2 * 1024 * 1024;

const store = new Store();
let categoryTitles = {};
const timings = []; // re-check latencies (ms): a check sent after the typing pause -> underlines and report updated
window.standoutPage = { timings };

const statusLine = $('status');
let serverProblem = null;
function showStatus() {
  statusLine.textContent = serverProblem ?? store.problem ?? '';
}

const fields = new CheckedFields(document, {
  settings: () => ({
    disabledRules: store.data.disabledRules, disabledCategories: [],
    ignored: store.data.ignored.map((e) => ({ site: SITE, phrase: e.phrase, rule: e.rule })),
  }),
  categoryTitles: () => categoryTitles,
  status: (problem) => {
    serverProblem = problem;
    showStatus();
  },
  act: (action, finding) => {
    if (action === 'ignore') store.data.ignored.push({ rule: finding.rule, phrase: finding.text });
    else if (action === 'disable' && !store.data.disabledRules.includes(finding.rule)) store.data.disabledRules.push(finding.rule);
    store.save();
    showStatus();
    fields.redrawAll();
    for (const field of [draft.text, practiceEls.text, asks.text]) fields.recheck(field);
  },
});

let pending = null; // the check whose underlines and report are not drawn yet
fields.afterDraw = () => {
  if (!pending) return;
  timings.push(performance.now() - pending.started);
  pending = null;
  document.dispatchEvent(new CustomEvent('standout:updated'));
};

// --- draft check ---------------------------------------------------------------
const draft = {
  text: $('draft-text'), company: $('draft-company'), role: $('draft-role'),
  question: $('draft-question'), posting: $('draft-posting'),
  report: document.querySelector('[data-report="draft"]'),
};
let draftModel = null;

function draftContext() {
  const context = { company: draft.company.value, role: draft.role.value, question: draft.question.value };
  if (draft.posting.value.trim()) context.posting = draft.posting.value;
  return context;
}

fields.watch(draft.text, {
  context: draftContext,
  onReply(reply, text, findings, started) {
    draftModel = reportModel(reply, text, filterVisible(findings), categoryTitles);
    const answerParts = draftModel.answer ? [structure(draftModel), voice(draftModel), timing(draftModel, null)] : [];
    const [score, ...rest] = draftReport(draftModel, { onShow: (f) => fields.show(draft.text, f) });
    draft.report.replaceChildren(score, ...answerParts.filter(Boolean), ...rest);
    pending = { started };
  },
});

/** The findings the user has not turned off or ignored (the underlines hide the same ones). */
function filterVisible(findings) {
  const ignored = store.data.ignored;
  return findings.filter((f) => !store.data.disabledRules.includes(f.rule)
    && !ignored.some((e) => e.rule === f.rule && e.phrase.toLowerCase() === f.text.toLowerCase()));
}

for (const key of ['text', 'company', 'role', 'question', 'posting']) {
  draft[key].value = store.data.draft[key];
  draft[key].addEventListener('input', () => {
    store.data.draft[key] = draft[key].value;
    store.save();
    showStatus();
    if (key === 'text' && !draft.text.value.trim()) {
      draftModel = null;
      draft.report.replaceChildren(h('p', { class: 'empty' }, 'Write or paste a draft to see its report.'));
    }
  });
  if (key !== 'text') draft[key].addEventListener('change', () => fields.recheck(draft.text));
}
if (draft.posting.value) $('posting-box').open = true;

$('draft-file').addEventListener('change', async (event) => {
  const file = event.target.files?.[0];
  event.target.value = '';
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) {
    serverProblem = `${file.name} is too large to be a draft (over 2 MB).`;
    showStatus();
    return;
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    serverProblem = `${file.name} is not UTF-8 text; save it as plain text (.txt or .md) and open it again.`;
    showStatus();
    return;
  }
  draft.text.value = text.replace(/^\uFEFF/, '');
  store.data.draft.text = draft.text.value;
  store.save();
  serverProblem = null;
  showStatus();
  fields.recheck(draft.text);
  draft.text.focus();
});

async function copy(kind) {
  if (!draftModel) return;
  const title = ['Standout report', draft.company.value && `for ${draft.company.value}`].filter(Boolean).join(' ');
  const text = kind === 'md' ? reportMarkdown(draftModel, title) : reportText(draftModel, title);
  try {
    await navigator.clipboard.writeText(text);
    announce(kind === 'md' ? 'Report copied as Markdown.' : 'Report copied as text.');
  } catch {
    announce('The browser did not allow copying; select the report and copy it by hand.');
  }
}
$('copy-text').addEventListener('click', () => copy('text'));
$('copy-md').addEventListener('click', () => copy('md'));

function announce(message) {
  statusLine.textContent = '';
  const note = h('span', { class: 'note' }, message);
  statusLine.replaceChildren(note);
  setTimeout(() => note.isConnected && showStatus(), 4000);
}

// --- interview practice --------------------------------------------------------
const practiceEls = {
  family: $('practice-family'), question: $('practice-question'), company: $('practice-company'),
  about: $('practice-about'), text: $('practice-text'), keep: $('practice-keep'),
  history: $('practice-history'), report: document.querySelector('[data-report="practice"]'),
};
const practice = new Practice({ store, fields, els: practiceEls });
fields.watch(practiceEls.text, {
  context: () => practice.context(),
  onReply(reply, text, findings, started) {
    practice.onReply(reportModel(reply, text, filterVisible(findings), categoryTitles));
    pending = { started };
  },
});

// --- questions to ask ----------------------------------------------------------
const asks = { text: $('asks-text'), company: $('asks-company'), report: document.querySelector('[data-report="asks"]') };
asks.text.value = store.data.asks.text;
asks.company.value = store.data.asks.company;
asks.text.addEventListener('input', () => {
  store.data.asks.text = asks.text.value;
  store.save();
  if (!asks.text.value.trim()) {
    asks.report.replaceChildren(h('p', { class: 'empty' }, 'No questions yet. Closing an interview with none tells them you are not curious: list two or three.'));
  }
});
asks.company.addEventListener('input', () => {
  store.data.asks.company = asks.company.value;
  store.save();
});
asks.company.addEventListener('change', () => fields.recheck(asks.text));
fields.watch(asks.text, {
  context: () => ({ kind: 'questions', company: asks.company.value }),
  onReply(reply, text, findings, started) {
    const model = reportModel(reply, text, filterVisible(findings), categoryTitles);
    asks.report.replaceChildren(...asksReport(model, text, (f) => fields.show(asks.text, f)));
    pending = { started };
  },
});

// --- start ---------------------------------------------------------------------
tabs(document.querySelector('.tabs'), () => fields.redrawAll());
showStatus();

(async () => {
  const [rules, bank] = await Promise.all([api.rules(), api.questions()]);
  if (rules.ok) categoryTitles = Object.fromEntries(rules.body.categories.map((c) => [c.id, c.title]));
  if (bank.ok) practice.setQuestions(bank.body.questions);
  else {
    serverProblem = bank.error.message;
    showStatus();
  }
  for (const field of [draft.text, asks.text]) if (field.value.trim()) fields.recheck(field);
})();
