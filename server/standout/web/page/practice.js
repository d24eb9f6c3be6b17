// Interview practice: pick a question from the bank, write the answer you plan to
// say, and read the engine's feedback: findings, structure (situation, action,
// result), "I" and "we", and speaking time against what interviewers expect.
// Answers are kept per question in this browser, with earlier versions.

import { h, clock } from './dom.js';
import { gauge, findingGroups } from './report-view.js';

const FAMILY_NAMES = {
  general: 'Any job', 'customer-facing': 'Customer-facing', technical: 'Technical', care: 'Care',
  retail: 'Retail', teaching: 'Teaching',
};
const PARTS = [['situation', 'Situation'], ['action', 'Your action'], ['result', 'Result']];
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export class Practice {
  constructor({ store, fields, els }) {
    this.store = store;
    this.fields = fields;
    this.els = els;
    this.questions = [];
    this.lastSummary = null;
  }

  setQuestions(questions) {
    this.questions = questions;
    const families = [...new Set(questions.map((q) => q.family))];
    const { family, question } = this.els;
    family.replaceChildren(h('option', { value: '' }, 'All kinds'),
      ...families.map((f) => h('option', { value: f }, FAMILY_NAMES[f] ?? f)));
    const saved = this.store.data.practice.question;
    const start = questions.find((q) => q.id === saved) ?? questions[0];
    this.fillQuestions('');
    if (start) question.value = start.id;
    family.addEventListener('change', () => {
      this.fillQuestions(family.value);
      this.select(question.value);
    });
    question.addEventListener('change', () => this.select(question.value));
    this.els.text.addEventListener('input', () => {
      const id = this.current?.id;
      if (!id) return;
      this.store.answer(id).text = this.els.text.value;
      this.store.save();
    });
    this.els.company.value = this.store.data.asks.company || this.store.data.draft.company;
    this.els.company.addEventListener('change', () => this.fields.recheck(this.els.text));
    this.els.keep.addEventListener('click', () => {
      if (this.current && this.store.keepVersion(this.current.id, this.lastSummary ?? {})) this.renderHistory();
    });
    if (start) this.select(start.id, { initial: true });
  }

  fillQuestions(family) {
    const list = this.questions.filter((q) => !family || q.family === family);
    const groups = new Map();
    for (const q of list) {
      if (!groups.has(q.family)) groups.set(q.family, []);
      groups.get(q.family).push(q);
    }
    this.els.question.replaceChildren(...[...groups].map(([f, qs]) => h('optgroup', { label: FAMILY_NAMES[f] ?? f },
      qs.map((q) => h('option', { value: q.id }, q.text)))));
  }

  get current() {
    return this.questions.find((q) => q.id === this.els.question.value) ?? null;
  }

  context() {
    const q = this.current;
    return { question: q?.text ?? '', company: this.els.company.value };
  }

  select(id, { initial = false } = {}) {
    const previous = this.store.data.practice.question;
    if (!initial && previous && previous !== id) this.store.keepVersion(previous, this.lastSummary ?? {});
    this.store.data.practice.question = id;
    this.store.save();
    const q = this.current;
    this.els.about.replaceChildren(...(q ? [
      h('p', {}, h('strong', {}, q.text)),
      h('p', {}, h('span', { class: 'label' }, 'What they listen for: '), q.listens_for),
      h('p', {}, `Interviewers expect about ${clock(q.seconds[0])} to ${clock(q.seconds[1])}.`),
    ] : []));
    this.els.text.value = q ? this.store.answer(q.id).text : '';
    this.lastSummary = null;
    this.renderHistory();
    this.els.report.replaceChildren(h('p', { class: 'empty' }, 'Write your answer: feedback appears as you type.'));
    if (this.els.text.value.trim()) this.fields.recheck(this.els.text);
  }

  onReply(model) {
    const q = this.current;
    this.lastSummary = {
      words: model.words, seconds: model.speaking?.seconds ?? null, score: model.score,
      parts: Object.fromEntries(PARTS.map(([p]) => [p, Boolean(model.answer?.[p]?.length)])),
    };
    this.els.report.replaceChildren(
      gauge(model),
      structure(model),
      voice(model),
      timing(model, q),
      findingGroups(model, (f) => this.fields.show(this.els.text, f)),
    );
  }

  renderHistory() {
    const q = this.current;
    const versions = q ? this.store.answer(q.id).versions : [];
    const list = this.els.history;
    if (!versions.length) {
      list.replaceChildren(h('li', { class: 'empty' }, 'None yet. Keep a version to compare your next draft with it.'));
      return;
    }
    list.replaceChildren(...versions.slice().reverse().map((v) => h('li', {},
      h('details', {},
        h('summary', {}, `${DATE.format(new Date(v.at))}: ${summaryLine(v.summary)}`),
        h('pre', {}, v.text),
        h('button', { type: 'button', onclick: () => this.restore(v) }, 'Use this version again')))));
  }

  restore(version) {
    const q = this.current;
    if (!q) return;
    this.store.keepVersion(q.id, this.lastSummary ?? {});
    this.els.text.value = version.text;
    this.store.answer(q.id).text = version.text;
    this.store.save();
    this.renderHistory();
    this.fields.recheck(this.els.text);
    this.els.text.focus();
  }
}

function summaryLine(s = {}) {
  const parts = PARTS.map(([p, name]) => `${name.toLowerCase()} ${s.parts?.[p] ? '✓' : '✗'}`).join(', ');
  const time = typeof s.seconds === 'number' ? `, about ${clock(s.seconds)}` : '';
  const score = typeof s.score === 'number' ? `, score ${s.score}` : '';
  return `${s.words ?? '?'} words${time}${score}; ${parts}`;
}

export function structure(model) {
  const a = model.answer;
  if (!a) {
    return h('section', {}, h('h3', {}, 'Structure'),
      h('p', { class: 'empty' }, model.kind === 'questions'
        ? 'This question asks for your questions: see the findings below.'
        : 'Structure appears once the answer has a few sentences.'));
  }
  const expected = new Set(a.expected ?? []);
  return h('section', { 'aria-labelledby': 'structure-title', class: 'structure' },
    h('h3', { id: 'structure-title' }, 'Structure'),
    h('ul', { class: 'parts' }, PARTS.map(([p, name]) => {
      const has = Boolean(a[p]?.length);
      const cls = has ? 'yes' : expected.has(p) ? 'no' : 'na';
      const word = has ? 'found' : expected.has(p) ? 'missing' : 'not needed here';
      return h('li', { class: cls, dataset: { part: p } }, `${name}: ${word}`);
    })));
}

export function voice(model) {
  const a = model.answer;
  if (!a) return null;
  const line = `“I” ${a.i} time${a.i === 1 ? '' : 's'}, “we” ${a.we} time${a.we === 1 ? '' : 's'}.`;
  const note = a.we > a.i * 2 && a.we >= 2
    ? ' Most of the story is “we”: say which part was yours.'
    : a.i_actions ? ' You say what you did yourself.' : '';
  return h('section', { class: 'voice' }, h('h3', {}, 'I and we'), h('p', { class: 'voice-line' }, line + note));
}

export function timing(model, q) {
  const s = model.speaking;
  if (!s) return null;
  const expected = s.expected ?? q?.seconds ?? null;
  const max = Math.max(expected ? expected[1] * 1.5 : 120, s.range[1], 30);
  const pct = (x) => `${(100 * Math.min(x, max)) / max}%`;
  const bar = h('div', { class: 'timeline', 'aria-hidden': 'true' });
  if (expected) {
    const band = h('span', { class: 'expected' });
    band.style.left = pct(expected[0]);
    band.style.width = `calc(${pct(expected[1])} - ${pct(expected[0])})`;
    bar.append(band);
  }
  const yours = h('span', { class: 'yours' });
  yours.style.left = pct(s.range[0]);
  yours.style.width = `calc(${pct(s.range[1])} - ${pct(s.range[0])})`;
  bar.append(yours);
  const verdicts = { short: 'shorter than interviewers expect', long: 'longer than interviewers expect', within: 'within what interviewers expect' };
  return h('section', { class: 'timing' },
    h('h3', {}, 'Speaking time'),
    h('p', { class: 'timing-line' }, `About ${clock(s.seconds)} to say (${clock(s.range[0])} to ${clock(s.range[1])} at 130-150 words a minute)`,
      expected ? `; interviewers expect ${clock(expected[0])} to ${clock(expected[1])}.` : '.'),
    bar,
    s.verdict ? h('p', { class: `verdict ${s.verdict}` }, `This is ${verdicts[s.verdict]}.`) : null);
}
