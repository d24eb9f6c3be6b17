import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  readFindings, visibleFindings, countByCategory, nextFinding, ruleUrl, isPassage, findingTitle, findingKind,
} from '../lib/findings.js';

const text = 'I am a team player 🙂 and detail-oriented.';
const utf16 = (phrase) => ({ offset: text.indexOf(phrase), length: phrase.length, text: phrase });
const reply = {
  findings: [
    { rule: 'cliche.team-player', category: 'cliche', severity: 'warning', ...utf16('team player'), message: 'm', advice: 'a', title: 't' },
    { rule: 'cliche.detail-oriented', category: 'cliche', severity: 'info', ...utf16('detail-oriented'), message: 'm2', advice: 'a2' },
    { rule: 'opener.x', category: 'opener', severity: 'error', offset: 2, length: 4, text: 'nope' },
    { rule: 'bad.offset', severity: 'error', offset: 999, length: 1, text: 'x' },
    { nonsense: true },
  ],
  score: 60,
};

test('readFindings keeps findings whose UTF-16 span covers their text', () => {
  const found = readFindings(reply, text);
  assert.deepEqual(found.map((f) => f.rule), ['cliche.team-player', 'cliche.detail-oriented']);
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.text);
  assert.equal(found[1].start, text.indexOf('detail-oriented'));
  assert.equal(found[0].title, 't');
});

test('readFindings survives a reply that is not what it should be', () => {
  assert.deepEqual(readFindings(null, text), []);
  assert.deepEqual(readFindings({ findings: 'x' }, text), []);
});

test('visibleFindings applies turned-off rules and categories and the ignore list', () => {
  const found = readFindings(reply, text);
  const settings = { disabledRules: [], disabledCategories: [], ignored: [{ site: 'a.test', phrase: 'Team Player' }] };
  assert.deepEqual(visibleFindings(found, settings, 'a.test').map((f) => f.rule), ['cliche.detail-oriented']);
  assert.equal(visibleFindings(found, settings, 'b.test').length, 2);
  assert.equal(visibleFindings(found, { ...settings, disabledCategories: ['cliche'] }, 'b.test').length, 0);
  assert.equal(visibleFindings(found, { ...settings, disabledRules: ['cliche.detail-oriented'] }, 'b.test').length, 1);
});

test('counts by category and the next finding', () => {
  const found = readFindings(reply, text);
  assert.deepEqual(countByCategory([...found, { category: 'opener' }]), { cliche: 2, opener: 1 });
  assert.equal(nextFinding(found, -1).rule, 'cliche.team-player');
  assert.equal(nextFinding(found, found[0].start).rule, 'cliche.detail-oriented');
  assert.equal(nextFinding(found, found[1].start).rule, 'cliche.team-player', 'wraps round');
  assert.equal(nextFinding([], 0), null);
});

test('ruleUrl points at the server', () => {
  assert.equal(ruleUrl('http://127.0.0.1:8765/', 'cliche.team-player'), 'http://127.0.0.1:8765/rules/cliche.team-player');
});

test('nextFinding gives each of two findings that start together a turn', () => {
  const opener = { start: 0, end: 21, rule: 'opener.x' };
  const passage = { start: 0, end: 300, rule: 'sample.follows-sample' };
  const phrase = { start: 40, end: 51, rule: 'cliche.team-player' };
  const all = [phrase, passage, opener];
  const seen = [];
  let current = null;
  for (let i = 0; i < 4; i++) {
    current = nextFinding(all, -1, current);
    seen.push(current.rule);
  }
  assert.deepEqual(seen, ['opener.x', 'sample.follows-sample', 'cliche.team-player', 'opener.x']);
});

test('a passage is more than one sentence', () => {
  assert.equal(isPassage({ text: 'I am a team player. I like maps.' }), true);
  assert.equal(isPassage({ text: 'I am writing to apply' }), false);
  assert.equal(isPassage({ text: 'a fast-paced environment.' }), false, 'a sentence end with nothing after');
  assert.equal(isPassage({ text: 'Really?” she asked. Yes.' }), true);
});

test('the card names a finding by the user\'s own words, and its category in plain words', () => {
  const quick = { text: 'quick\n learner', title: '"fast learner"', rule: 'cliche.fast-learner', category: 'cliche', categoryTitle: 'Self-description clichés', severity: 'warning' };
  assert.equal(findingTitle(quick), '“quick learner”');
  assert.equal(findingKind(quick), 'Self-description clichés · warning');
  assert.equal(findingTitle({ ...quick, text: 'Globex', title: 'Names a different employer' }), 'Names a different employer');
  assert.equal(findingTitle({ ...quick, title: '' }), '“quick learner”');
  assert.match(findingTitle({ ...quick, text: 'word '.repeat(40) }), /^“(word ){10,}.*…”$/);
  assert.equal(findingKind({ ...quick, categoryTitle: '', severity: 'info' }), 'cliche · note');
});

test('readFindings gives each finding its category\'s plain name when known', () => {
  const found = readFindings(reply, text, { cliche: 'Self-description clichés' });
  assert.deepEqual(found.map((f) => f.categoryTitle), ['Self-description clichés', 'Self-description clichés']);
  assert.deepEqual(readFindings(reply, text).map((f) => f.categoryTitle), ['', '']);
});
