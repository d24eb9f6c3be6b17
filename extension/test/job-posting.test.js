// Reading the posting from the page: JSON-LD, HTML to text, the board table, job keys.
// Every posting here is invented.
import test from 'node:test';
import assert from 'node:assert/strict';

import {
  boardFor, cutAtEnd, decodeEntities, htmlToText, jobKey, postingFromJsonLd,
} from '../lib/job-posting.js';

const JOB = {
  '@context': 'https://schema.org/',
  '@type': 'JobPosting',
  title: 'Operations Analyst',
  description: '<p>About us: Fernbrook Bikes runs eight shops.</p><h3>Requirements</h3>'
    + '<ul><li>Strong SQL &amp; Tableau</li><li>3+ years&nbsp;in operations</li></ul>',
  hiringOrganization: { '@type': 'Organization', name: 'Fernbrook Bikes' },
  datePosted: '2026-11-01',
};

test('HTML keeps list items and headings as lines, entities decoded', () => {
  assert.equal(htmlToText(JOB.description),
    'About us: Fernbrook Bikes runs eight shops.\n\nRequirements\n\n- Strong SQL & Tableau\n- 3+ years in operations');
  assert.equal(decodeEntities('caf&eacute; &#233; &#x1F680; &amp;'), 'caf&eacute; é 🚀 &');
  assert.equal(htmlToText('<script>alert(1)</script><b>Hi</b><br>there'), 'Hi\nthere');
});

test('a JobPosting block gives the text, the role and the company', () => {
  const found = postingFromJsonLd([JSON.stringify(JOB)]);
  assert.equal(found.role, 'Operations Analyst');
  assert.equal(found.company, 'Fernbrook Bikes');
  assert.equal(found.source, 'schema.org JobPosting');
  assert.ok(found.text.startsWith('Operations Analyst\nFernbrook Bikes\n\nAbout us'));
  assert.ok(found.text.includes('\n- Strong SQL & Tableau'));
});

test('JobPosting is found in a graph, in a list, with @type as a list, after broken JSON', () => {
  const graph = JSON.stringify({ '@graph': [{ '@type': 'WebPage' }, JOB] });
  const list = JSON.stringify([{ '@type': 'Organization' }, { ...JOB, '@type': ['JobPosting', 'Thing'] }]);
  for (const blocks of [[graph], [list], ['{ not json', JSON.stringify(JOB)]]) {
    assert.equal(postingFromJsonLd(blocks)?.company, 'Fernbrook Bikes');
  }
  assert.equal(postingFromJsonLd(['{"@type": "Organization"}', '[]', 'null', '']), null);
  assert.equal(postingFromJsonLd([JSON.stringify({ ...JOB, description: '' })]), null);
});

test('separate qualifications and responsibilities are added under their own headings', () => {
  const found = postingFromJsonLd([JSON.stringify({
    ...JOB, description: '<p>A short intro.</p>', qualifications: '<ul><li>ACCA qualified</li></ul>',
    responsibilities: 'Reconcile the ledgers',
  })]);
  assert.ok(found.text.includes('Responsibilities\nReconcile the ledgers'));
  assert.ok(found.text.includes('Qualifications\n- ACCA qualified'));
});

test('the board table knows each board by host', () => {
  assert.equal(boardFor('boards.greenhouse.io').board, 'Greenhouse');
  assert.equal(boardFor('jobs.lever.co').board, 'Lever');
  assert.equal(boardFor('acme.wd5.myworkdayjobs.com').board, 'Workday');
  assert.equal(boardFor('www.linkedin.com').board, 'LinkedIn');
  assert.equal(boardFor('notlever.com'), null);
});

test('the text stops at benefits and equal-opportunity headings after the asks', () => {
  const text = 'About us\nWe fix bikes.\nRequirements\n- SQL\nBenefits\n- Pension\nEqual opportunities\nAll welcome.';
  assert.equal(cutAtEnd(text), 'About us\nWe fix bikes.\nRequirements\n- SQL');
});

test('a job and its application form share one key', () => {
  assert.equal(jobKey('https://jobs.lever.co/fernbrook/1234-abcd'),
    jobKey('https://jobs.lever.co/fernbrook/1234-abcd/apply'));
  assert.equal(jobKey('https://boards.greenhouse.io/fernbrook/jobs/55?gh_src=x'),
    'boards.greenhouse.io/fernbrook/jobs/55');
  assert.notEqual(jobKey('https://jobs.lever.co/fernbrook/1'), jobKey('https://jobs.lever.co/fernbrook/2'));
  assert.equal(jobKey('not a url'), null);
});
