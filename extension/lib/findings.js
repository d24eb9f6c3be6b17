// Findings as the extension uses them: read from the server's reply, checked
// against the text they were made for, and filtered by the user's settings.

import { spanIn } from './utf16.js';
import { isIgnored } from './settings.js';

export const SEVERITIES = ['error', 'warning', 'info'];

const str = (value) => (typeof value === 'string' ? value : '');

/**
 * The findings of a `/v1/check` reply for `text`, as `{start, end, rule, ...}`.
 * A finding whose span does not fit the text, or does not cover its own `text`,
 * is left out: it would be drawn under the wrong words. `categoryTitles`
 * (`{id: title}`, from `/v1/rules`) gives each finding its category's plain name.
 */
export function readFindings(reply, text, categoryTitles = {}) {
  const list = Array.isArray(reply?.findings) ? reply.findings : [];
  const out = [];
  for (const f of list) {
    if (!f || typeof f.rule !== 'string') continue;
    const span = spanIn(text, f.offset, f.length, typeof f.text === 'string' ? f.text : undefined);
    if (!span || span.end === span.start) continue;
    const category = str(f.category) || f.rule.split('.')[0];
    out.push({
      ...span,
      rule: f.rule,
      category,
      categoryTitle: str(categoryTitles[category]),
      severity: SEVERITIES.includes(f.severity) ? f.severity : 'info',
      text: text.slice(span.start, span.end),
      title: str(f.title),
      message: str(f.message),
      advice: str(f.advice),
    });
  }
  return out;
}

/** Findings the user has not ignored on `site` nor turned off. */
export function visibleFindings(findings, settings, site) {
  const rules = new Set(settings.disabledRules ?? []);
  const categories = new Set(settings.disabledCategories ?? []);
  return findings.filter(
    (f) => !rules.has(f.rule) && !categories.has(f.category)
      && !isIgnored(settings.ignored ?? [], site, f.text),
  );
}

/** `{category: count}`, sorted by category. */
export function countByCategory(findings) {
  const counts = {};
  for (const f of findings) counts[f.category] = (counts[f.category] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** The findings in reading order, for "next finding". */
export function inReadingOrder(findings) {
  return findings.slice().sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The next finding (wrapping round), or null: the one after `current` in reading
 * order when given (so findings starting at the same offset each get a turn),
 * else the first that starts after `offset`.
 */
export function nextFinding(findings, offset, current = null) {
  const ordered = inReadingOrder(findings);
  const at = current ? ordered.indexOf(current) : -1;
  if (at >= 0) return ordered[(at + 1) % ordered.length];
  return ordered.find((f) => f.start > offset) ?? ordered[0] ?? null;
}

/**
 * True for a finding about a whole passage (more than one sentence: a followed
 * sample), drawn as a tinted band under the phrase underlines inside it.
 */
export function isPassage(finding) {
  return /[.!?]["'”’)\]]*\s+\S/.test(finding.text);
}

const QUOTED = /^["“]/;
const MAX_QUOTE = 60;

/**
 * What the card calls a finding. A rule named after a phrase ('"fast learner"')
 * is shown by the user's own words ("“quick learner”"); a rule named for what it
 * finds ("Names a different employer") keeps its name.
 */
export function findingTitle(finding) {
  const words = finding.text.replace(/\s+/g, ' ').trim();
  const quote = words.length > MAX_QUOTE ? `${words.slice(0, MAX_QUOTE - 1).trimEnd()}…` : words;
  if (finding.title && !QUOTED.test(finding.title)) return finding.title;
  return quote ? `“${quote}”` : finding.title || finding.rule;
}

const SEVERITY_WORDS = { error: 'error', warning: 'warning', info: 'note' };

/** The card's second line: "Self-description clichés · warning". */
export function findingKind(finding) {
  const category = finding.categoryTitle || finding.category;
  return `${category} · ${SEVERITY_WORDS[finding.severity] ?? finding.severity}`;
}

/** The rule's explanation page on the server. */
export function ruleUrl(serverUrl, rule) {
  return `${serverUrl.replace(/\/+$/, '')}/rules/${encodeURIComponent(rule)}`;
}
