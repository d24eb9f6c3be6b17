// The report beside a text: the score as a gauge with its two parts, the posting's
// checklist, the paragraph strip, findings grouped by category with their advice,
// and the specifics already in the text.

import { h, svg } from './dom.js';

const SEVERITY = { error: 'error', warning: 'warning', info: 'note' };
const LEVEL = { blends: 'blends in', mixed: 'mixed', stands: 'stands out' };
const STATUS = { shown: 'shown', claimed: 'claimed', absent: 'missing' };

export function gauge(model) {
  const r = 42;
  const c = 2 * Math.PI * r;
  const spec = (Math.max(0, Math.min(60, model.parts.specificity)) / 100) * c;
  const orig = (Math.max(0, Math.min(40, model.parts.originality)) / 100) * c;
  const arc = (cls, length, offset) => svg('circle', {
    class: cls, cx: 50, cy: 50, r, fill: 'none', 'stroke-width': 12,
    'stroke-dasharray': `${length} ${c - length}`, 'stroke-dashoffset': -offset, transform: 'rotate(-90 50 50)',
  });
  const dial = svg('svg', { class: 'gauge-dial', viewBox: '0 0 100 100', 'aria-hidden': 'true' },
    svg('circle', { class: 'track', cx: 50, cy: 50, r, fill: 'none', 'stroke-width': 12 }),
    arc('spec', spec, 0), arc('orig', orig, spec),
    svg('text', { x: 50, y: 58, 'text-anchor': 'middle' }, String(model.score)));
  const part = (cls, name, value, max, hint, note) => h('li', {},
    h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }),
    h('span', {}, `${name}: ${Math.round(value)}/${max}`),
    h('span', { class: 'bar', 'aria-hidden': 'true' }, barFill(cls, value / max)),
    h('span', { class: 'visually-hidden' }, hint),
    note ? h('span', { class: 'part-note' }, note) : null);
  return h('div', { class: 'gauge', role: 'group', 'aria-label': `Stand-out score ${model.score} out of 100` },
    dial,
    h('div', {},
      h('p', { class: 'score-line', 'data-score': model.score }, h('strong', {}, `Stand-out score ${model.score}/100`)),
      h('ul', { class: 'gauge-parts' },
        part('spec', 'Specifics', model.parts.specificity, 60, 'numbers, dates, names and actions per 100 words',
          trustNote(model.parts.trust)),
        part('orig', 'Originality', model.parts.originality, 40, 'fewer stock phrases scores higher',
          coverageNote(model.parts.coverage)))));
}

// Specifics count for less among stock phrases (docs/score.md): say so, or the bar
// looks wrong to a writer who can count their own numbers and names.
export function trustNote(trust) {
  if (!(trust < 0.995)) return null;
  return `counted at ${Math.round(100 * trust)}%: stock phrases around them make details harder to believe`;
}

// Originality counts for less when most sentences hold nothing checkable (docs/score.md,
// coverage): a text with no finding can still be one the rules have not learned.
export function coverageNote(coverage) {
  if (!(coverage < 0.995)) return null;
  return `counted at ${Math.round(100 * coverage)}%: most sentences hold nothing a reader could check`;
}

function barFill(cls, share) {
  const el = h('span', { class: `swatch ${cls}` });
  el.style.width = `${Math.round(100 * Math.max(0, Math.min(1, share)))}%`;
  return el;
}

export function checklist(posting, onShow) {
  if (!posting) return null;
  const items = posting.asks.map((a) => h('li', {},
    h('span', { class: `ask-status ${a.status}` }, STATUS[a.status] ?? a.status),
    Number.isInteger(a.offset) && a.status !== 'absent'
      ? h('button', { type: 'button', class: 'link', onclick: () => onShow({ start: a.offset, end: a.offset + a.length }) }, a.text)
      : h('span', {}, a.text)));
  return h('section', { class: 'posting-checklist', 'aria-label': 'What the posting asks for' },
    h('h3', {}, 'What the posting asks for'),
    items.length ? h('ul', { class: 'checklist' }, items) : h('p', { class: 'empty' }, 'No asks found in the posting.'));
}

export function strip(paragraphs, onShow) {
  if (paragraphs.length < 1) return null;
  return h('section', { 'aria-label': 'Paragraph by paragraph' },
    h('h3', {}, 'Paragraph by paragraph'),
    h('div', { class: 'strip' }, paragraphs.map((p, i) => h('button', {
      type: 'button', class: p.level, title: `Paragraph ${i + 1}: ${LEVEL[p.level]}`,
      'aria-label': `Paragraph ${i + 1}, ${LEVEL[p.level]}: ${p.findings} finding${p.findings === 1 ? '' : 's'}, ${p.specifics} specific${p.specifics === 1 ? '' : 's'}. “${p.preview}”`,
      onclick: () => onShow(p),
    }, String(i + 1)))),
    h('p', { class: 'legend' }, 'Red: blends in · amber: mixed · green: stands out'));
}

export function findingGroups(model, onShow) {
  const groups = model.groups.map((g) => ({ ...g, findings: [...g.findings] }));
  for (const f of model.textLevel) {
    let g = groups.find((x) => x.category === f.category);
    if (!g) groups.unshift((g = { category: f.category, title: f.category, findings: [] }));
    g.findings.unshift({ ...f, textLevel: true });
  }
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  if (!total) {
    return h('section', {}, h('h3', {}, 'Findings'),
      h('p', { class: 'empty' }, 'No findings: nothing here reads like boilerplate.'));
  }
  return h('section', { 'aria-label': 'Findings' },
    h('h3', {}, `Findings (${total})`),
    h('ul', { class: 'groups' }, groups.map((g) => h('li', { class: 'group' },
      h('h4', {}, `${g.title} (${g.findings.length})`),
      h('ul', { class: 'findings' }, g.findings.map((f) => h('li', {}, findingButton(f, onShow))))))));
}

function findingButton(f, onShow) {
  const quote = f.text ? `“${f.text.replace(/\s+/g, ' ').trim().slice(0, 70)}${f.text.length > 70 ? '…' : ''}” ` : '';
  const title = f.title && !f.title.startsWith('"') ? f.title : '';
  return h('button', {
    type: 'button', class: `finding ${f.severity}`, dataset: { rule: f.rule },
    onclick: () => (f.textLevel ? null : onShow(f)),
  },
  h('span', { class: 'quote' }, quote || title),
  h('span', { class: `sev ${f.severity}` }, SEVERITY[f.severity] ?? f.severity),
  quote && title ? h('span', { class: 'rule-title' }, ` ${title}`) : null,
  h('p', { class: 'message' }, f.message),
  f.advice ? h('p', { class: 'advice' }, `Instead: ${f.advice}`) : null);
}

export function specifics(model) {
  const found = model.specifics.filter((s) => s.items.length);
  const body = found.length
    ? found.map((s) => [h('p', { class: 'spec-label' }, s.label),
      h('ul', { class: 'chips' }, dedupe(s.items).map((i) => h('li', {}, i.text)))])
    : h('p', { class: 'empty' }, 'No numbers, dates, names or actions yet: these are what readers remember.');
  return h('section', { 'aria-labelledby': 'specifics-title' }, h('h3', { id: 'specifics-title' }, 'What already works: specifics'), body);
}

function dedupe(items) {
  const seen = new Set();
  return items.filter((i) => (seen.has(i.text) ? false : seen.add(i.text)));
}

/** The whole draft report. */
export function draftReport(model, { onShow }) {
  return [
    gauge(model),
    checklist(model.posting, onShow),
    strip(model.paragraphs, onShow),
    findingGroups(model, onShow),
    specifics(model),
  ].filter(Boolean);
}
