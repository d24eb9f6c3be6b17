// The page's pure modules under Node's test runner: drafts storage that never loses
// what is on screen, the report model built from a /v1 reply, and the copied report.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { Store, STORAGE_KEY, MAX_VERSIONS } from '../../server/standout/web/page/store.js';
import { reportModel, paragraphStrip } from '../../server/standout/web/page/report-model.js';
import { reportText, reportMarkdown } from '../../server/standout/web/page/report-export.js';
import { coverageNote, trustNote } from '../../server/standout/web/page/report-view.js';

class MemoryStorage {
  constructor(items = {}, { full = false } = {}) {
    this.items = { ...items };
    this.full = full;
  }
  getItem(k) { return k in this.items ? this.items[k] : null; }
  setItem(k, v) {
    if (this.full) throw new Error('QuotaExceededError');
    this.items[k] = String(v);
  }
}

test('drafts are saved and read back, unknown or wrong fields dropped', () => {
  const storage = new MemoryStorage();
  const store = new Store(storage);
  store.data.draft.text = 'Dear Ms Patel 🙂';
  store.answer('conflict').text = 'Last year I...';
  assert.ok(store.save());
  const again = new Store(storage);
  assert.equal(again.data.draft.text, 'Dear Ms Patel 🙂');
  assert.equal(again.data.practice.answers.conflict.text, 'Last year I...');
  const odd = new Store(new MemoryStorage({ [STORAGE_KEY]: JSON.stringify({ draft: { text: 3, company: 'Acme' }, ignored: [{ rule: 1 }], extra: true }) }));
  assert.equal(odd.data.draft.text, '');
  assert.equal(odd.data.draft.company, 'Acme');
  assert.deepEqual(odd.data.ignored, []);
});

test('an unreadable store or a full one is reported, and the page keeps working', () => {
  const broken = new Store(new MemoryStorage({ [STORAGE_KEY]: '{not json' }));
  assert.match(broken.problem, /could not be read/);
  assert.equal(broken.data.draft.text, '');
  const full = new Store(new MemoryStorage({}, { full: true }));
  full.data.draft.text = 'kept on screen';
  assert.equal(full.save(), false);
  assert.match(full.problem, /would not save/);
  assert.equal(full.data.draft.text, 'kept on screen');
});

test('earlier versions: kept when changed, never empty or twice, at most MAX_VERSIONS', () => {
  const store = new Store(new MemoryStorage());
  const answer = store.answer('failure');
  assert.equal(store.keepVersion('failure'), false); // empty
  answer.text = 'v1';
  assert.ok(store.keepVersion('failure', { words: 1 }, 1000));
  assert.equal(store.keepVersion('failure'), false); // unchanged
  for (let i = 2; i <= MAX_VERSIONS + 5; i++) {
    answer.text = `v${i}`;
    store.keepVersion('failure', {}, 1000 + i);
  }
  assert.equal(answer.versions.length, MAX_VERSIONS);
  assert.equal(answer.versions.at(-1).text, `v${MAX_VERSIONS + 5}`);
});

const TEXT = 'I am a team player.\n\nIn 2023 I cut costs by 40%.';
const REPLY = {
  score: 55,
  stats: { words: 12, kind: 'letter', score_parts: { specificity: 40.2, originality: 14.8 } },
  paragraphs: [{ offset: 0, length: 19, words: 5, specifics: 0 }, { offset: 21, length: 27, words: 7, specifics: 3 }],
  specifics: [
    { label: 'DATE', offset: 24, length: 4, text: '2023' },
    { label: 'NUMBER', offset: 44, length: 2, text: '40' },
    { label: 'NUMBER', offset: 0, length: 2, text: 'xx' }, // does not match the text: dropped
  ],
  findings: [
    { rule: 'ask.no-questions', category: 'ask', severity: 'warning', offset: 0, length: 0, text: '', message: 'No questions.', advice: 'Ask two.' },
  ],
};
const FINDINGS = [{
  rule: 'cliche.team-player', category: 'cliche', severity: 'warning', start: 7, end: 18,
  text: 'team player', title: '"team player"', message: 'Everyone says it.', advice: 'Show *one* time.',
}];

test('the report model: parts, paragraphs, specifics, groups, text-level findings', () => {
  const model = reportModel(REPLY, TEXT, FINDINGS, { cliche: 'Self-description clichés' });
  assert.equal(model.score, 55);
  // no trust or coverage sent: counted in full
  assert.deepEqual(model.parts, { specificity: 40.2, originality: 14.8, trust: 1, coverage: 1 });
  assert.deepEqual(model.paragraphs.map((p) => p.level), ['blends', 'stands']);
  assert.deepEqual(model.specifics.find((s) => s.label === 'numbers').items.map((i) => i.text), ['40']);
  assert.equal(model.groups[0].title, 'Self-description clichés');
  assert.equal(model.textLevel[0].rule, 'ask.no-questions');
  assert.deepEqual(paragraphStrip([{ offset: 40, length: 100, words: 3, specifics: 0 }], TEXT, []), []); // past the end
  assert.equal(reportModel(null, '', []).score, 0);
});

test('copy as text and as Markdown', () => {
  const model = reportModel(REPLY, TEXT, FINDINGS, { cliche: 'Self-description clichés' });
  const text = reportText(model, 'Standout report for Acme');
  assert.match(text, /^Standout report for Acme\n=+\n/);
  assert.match(text, /Stand-out score: 55\/100 \(specifics 40\/60, originality 15\/40\)/);
  assert.match(text, /"team player" \[warning\] Everyone says it\.\n {4}Instead: Show \*one\* time\./);
  assert.match(text, /dates: 2023/);
  const md = reportMarkdown(model);
  assert.match(md, /^# Standout report\n/);
  assert.match(md, /## Self-description clichés \(1\)/);
  assert.match(md, /- “team player” \*warning\*: Everyone says it\./);
  assert.match(md, /\*\*Instead:\*\* Show \\\*one\\\* time\./); // the user's and the rule's text escaped
});

test('the specifics part says when stock phrases lower what specifics count for', () => {
  const reply = { ...REPLY, stats: { ...REPLY.stats, score_parts: { specificity: 30, originality: 20, trust: 0.75 } } };
  assert.equal(reportModel(reply, TEXT, []).parts.trust, 0.75);
  assert.match(trustNote(0.75), /^counted at 75%: stock phrases/);
  assert.equal(trustNote(1), null);
  assert.equal(trustNote(undefined), null);
});

test('the originality part says when sentences with nothing checkable lower it', () => {
  const reply = { ...REPLY, stats: { ...REPLY.stats, score_parts: { specificity: 30, originality: 20, coverage: 0.75 } } };
  assert.equal(reportModel(reply, TEXT, []).parts.coverage, 0.75);
  assert.match(coverageNote(0.75), /^counted at 75%: most sentences hold nothing/);
  assert.equal(coverageNote(1), null);
  assert.equal(coverageNote(undefined), null);
});
