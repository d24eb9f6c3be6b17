import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectJob, nameFromSlug } from '../lib/job-boards.js';

const cases = [
  ['https://boards.greenhouse.io/acme/jobs/4012345', '', { board: 'Greenhouse', company: 'Acme', role: null }],
  ['https://job-boards.greenhouse.io/acme-labs/jobs/4012345', 'Job Application for Data Analyst at ACME Labs',
    { board: 'Greenhouse', company: 'ACME Labs', role: 'Data Analyst' }],
  ['https://boards.greenhouse.io/embed/job_app?for=globex&token=123', '', { board: 'Greenhouse', company: 'Globex', role: null }],
  ['https://jobs.lever.co/initech/0b7c5f2e-1111-2222-3333-444455556666/apply', 'Initech - Backend Engineer',
    { board: 'Lever', company: 'Initech', role: 'Backend Engineer' }],
  ['https://jobs.lever.co/initech/0b7c5f2e', '', { board: 'Lever', company: 'Initech', role: null }],
  ['https://umbrella.wd5.myworkdayjobs.com/en-US/External/job/Berlin/Product-Designer_R-10234', 'Careers',
    { board: 'Workday', company: 'Umbrella', role: 'Product Designer' }],
  ['https://jobs.ashbyhq.com/hooli/1b2c3d4e/application', 'Staff Engineer @ Hooli',
    { board: 'Ashby', company: 'Hooli', role: 'Staff Engineer' }],
  ['https://jobs.smartrecruiters.com/Stark-Industries/743999-field-engineer', 'Stark Industries Field Engineer | SmartRecruiters',
    { board: 'SmartRecruiters', company: 'Stark Industries', role: 'Field Engineer' }],
  ['https://www.linkedin.com/jobs/view/4012345678/', 'Vandelay hiring Import Manager in Berlin, Germany | LinkedIn',
    { board: 'LinkedIn', company: 'Vandelay', role: 'Import Manager' }],
  ['https://www.linkedin.com/jobs/view/import-manager-at-vandelay-industries-4012345678/', '',
    { board: 'LinkedIn', company: 'Vandelay Industries', role: 'Import Manager' }],
];

for (const [url, title, expected] of cases) {
  test(`detects ${expected.board}: ${url}`, () => {
    assert.deepEqual(detectJob(url, title), expected);
  });
}

test('a Greenhouse form embedded on a company site is recognised by its title', () => {
  assert.deepEqual(detectJob('https://careers.example.com/apply?gh_jid=1', 'Job Application for Analyst at Example Co'),
    { board: null, company: 'Example Co', role: 'Analyst' });
});

test('pages that are not job boards give nothing', () => {
  assert.equal(detectJob('https://www.linkedin.com/feed/', 'Feed | LinkedIn'), null);
  assert.equal(detectJob('https://example.com/jobs/1', 'Senior Engineer | Example'), null);
  assert.equal(detectJob('not a url', 'x'), null);
  assert.equal(detectJob('https://notgreenhouse.io.evil.com/acme/jobs/1', ''), null);
});

test('a Lever title with "hiring" in the role is not read as a LinkedIn title', () => {
  assert.deepEqual(detectJob('https://jobs.lever.co/acme/1', 'Acme - Hiring Manager Assistant'),
    { board: 'Lever', company: 'Acme', role: 'Hiring Manager Assistant' });
});

test('nameFromSlug capitalises lower-case words and keeps the rest', () => {
  assert.equal(nameFromSlug('acme-corp'), 'Acme Corp');
  assert.equal(nameFromSlug('IBM'), 'IBM');
  assert.equal(nameFromSlug('caf%C3%A9-noir'), 'Café Noir');
  assert.equal(nameFromSlug('%E0%A4%A'), '%E0%A4%A');
  assert.equal(nameFromSlug(''), null);
});
