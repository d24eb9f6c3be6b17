// Questions to ask: each question of the list with the engine's verdict on it
// (ask.generic-question), and the finding when the list says there are none.

import { h } from './dom.js';
import { findingGroups } from './report-view.js';

const LINE = /[^\r\n]+/g;
const MARKER = /^[ \t]*(?:[-*•‣◦–—+>]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)])[ \t]+/;

/** The list's lines as shown back to the user (headings ending in ':' left out). */
function lines(text) {
  const out = [];
  for (const m of text.matchAll(LINE)) {
    const marker = m[0].match(MARKER);
    const start = m.index + (marker ? marker[0].length : 0);
    const body = text.slice(start, m.index + m[0].length).trim();
    if (!body || (body.endsWith(':') && !body.includes('?'))) continue;
    out.push({ start, end: m.index + m[0].length, text: body });
  }
  return out;
}

export function asksReport(model, text, onShow) {
  const generic = model.findings.filter((f) => f.rule === 'ask.generic-question');
  const counts = model.asks ?? { questions: 0, generic: 0, none: false };
  const items = lines(text).map((line) => {
    const flagged = generic.filter((f) => f.start < line.end && f.end > line.start);
    return h('li', { class: flagged.length ? 'generic' : 'specific' },
      h('span', { class: 'tag' }, flagged.length ? 'generic' : 'specific'),
      flagged.length
        ? h('button', { type: 'button', class: 'link', onclick: () => onShow(flagged[0]) }, line.text)
        : h('span', {}, line.text));
  });
  const summary = counts.none
    ? 'No questions yet.'
    : `${counts.questions} question${counts.questions === 1 ? '' : 's'}, ${counts.generic} anyone could ask.`;
  return [
    h('p', { class: 'asks-summary' }, summary),
    counts.none ? null : h('ul', { class: 'ask-list' }, items),
    findingGroups(model, onShow),
  ].filter(Boolean);
}
