// Findings as the extension uses them: read from the server's reply, checked
// against the text they were made for, and filtered by the user's settings.

import { spanIn } from './utf16.js';
import { isIgnored } from './settings.js';

export const SEVERITIES = ['error', 'warning', 'info'];

const str = (value) => (typeof value === 'string' ? value : '');

/**
 * The findings of a `/v1/check` reply for `text`, as `{start, end, rule, ...}`.
 * A finding whose span does not fit the text, or does not cover its own `text`,
 * is left out: it would be drawn under the wrong words.
 */
export function readFindings(reply, text) {
  const list = Array.isArray(reply?.findings) ? reply.findings : [];
  const out = [];
  for (const f of list) {
    if (!f || typeof f.rule !== 'string') continue;
    const span = spanIn(text, f.offset, f.length, typeof f.text === 'string' ? f.text : undefined);
    if (!span || span.end === span.start) continue;
    out.push({
      ...span,
      rule: f.rule,
      category: str(f.category) || f.rule.split('.')[0],
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

/** The next finding after `offset` (wrapping round), or null. */
export function nextFinding(findings, offset) {
  const ordered = inReadingOrder(findings);
  return ordered.find((f) => f.start > offset) ?? ordered[0] ?? null;
}

/** The rule's explanation page on the server. */
export function ruleUrl(serverUrl, rule) {
  return `${serverUrl.replace(/\/+$/, '')}/rules/${encodeURIComponent(rule)}`;
}
