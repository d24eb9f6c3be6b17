// The page's view of a /v1/check reply: findings placed in the text (UTF-16, as
// JavaScript indexes strings), grouped by category, the score's two parts, the
// paragraphs with how much each blends in, and the specifics the text already has.

const WEIGHTS = { error: 4, warning: 2, info: 0.5 }; // as the score weighs them (docs/score.md)
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
const LABELS = { NUMBER: 'numbers', DATE: 'dates', NAME: 'names', ACTION: 'actions' };

const num = (v, d = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

/** `findings`: as readFindings made them ({start, end, rule, category, ...}). */
export function reportModel(reply, text, findings, categoryTitles = {}) {
  const stats = reply?.stats ?? {};
  const groups = new Map();
  for (const f of findings) {
    if (!groups.has(f.category)) {
      groups.set(f.category, { category: f.category, title: categoryTitles[f.category] || f.category, findings: [] });
    }
    groups.get(f.category).findings.push(f);
  }
  const ordered = [...groups.values()]
    .map((g) => ({ ...g, findings: g.findings.sort((a, b) => a.start - b.start) }))
    .sort((a, b) => worst(a) - worst(b) || b.findings.length - a.findings.length || a.title.localeCompare(b.title));
  const parts = stats.score_parts ?? {};
  return {
    score: num(reply?.score),
    parts: { specificity: num(parts.specificity), originality: num(parts.originality), trust: num(parts.trust, 1),
      coverage: num(parts.coverage, 1) },
    words: num(stats.words),
    kind: typeof stats.kind === 'string' ? stats.kind : null,
    findings,
    textLevel: textLevelFindings(reply, text),
    groups: ordered,
    paragraphs: paragraphStrip(reply?.paragraphs, text, findings),
    specifics: specificsFound(reply?.specifics, text),
    posting: reply?.posting && Array.isArray(reply.posting.asks) ? reply.posting : null,
    speaking: stats.speaking && typeof stats.speaking === 'object' ? stats.speaking : null,
    answer: stats.answer && typeof stats.answer === 'object' ? stats.answer : null,
    asks: stats.asks && typeof stats.asks === 'object' ? stats.asks : null,
  };
}

function worst(group) {
  return Math.min(...group.findings.map((f) => SEVERITY_ORDER[f.severity] ?? 3));
}

/** Findings with no span to underline (an empty list of questions): shown in the report only. */
function textLevelFindings(reply, text) {
  const list = Array.isArray(reply?.findings) ? reply.findings : [];
  return list
    .filter((f) => f && typeof f.rule === 'string' && f.length === 0 && f.offset >= 0 && f.offset <= text.length)
    .map((f) => ({
      rule: f.rule, category: f.category ?? f.rule.split('.')[0], severity: f.severity ?? 'info',
      start: f.offset, end: f.offset, text: '', title: f.title ?? '', message: f.message ?? '', advice: f.advice ?? '',
    }));
}

/** Each paragraph with its findings' weight per 100 words: the strip along the text. */
export function paragraphStrip(paragraphs, text, findings) {
  const list = Array.isArray(paragraphs) ? paragraphs : [];
  return list
    .filter((p) => Number.isInteger(p?.offset) && Number.isInteger(p?.length) && p.offset + p.length <= text.length)
    .map((p) => {
      const start = p.offset;
      const end = p.offset + p.length;
      const inside = findings.filter((f) => f.start < end && f.end > start);
      const weight = inside.reduce((sum, f) => sum + (WEIGHTS[f.severity] ?? 0), 0);
      const words = Math.max(1, num(p.words, 1));
      return {
        start, end, words: num(p.words), specifics: num(p.specifics), findings: inside.length,
        density: (weight * 100) / words,
        level: level(weight, words, num(p.specifics)),
        preview: text.slice(start, Math.min(end, start + 60)).replace(/\s+/g, ' '),
      };
    });
}

/** "blends" (mostly stock phrasing), "mixed", or "stands" (specific, little boilerplate). */
function level(weight, words, specifics) {
  const density = (weight * 100) / words;
  if (density >= 6) return 'blends';
  if (density >= 2 || specifics === 0) return 'mixed';
  return 'stands';
}

function specificsFound(specifics, text) {
  const list = Array.isArray(specifics) ? specifics : [];
  const groups = {};
  for (const s of list) {
    const label = LABELS[s?.label];
    if (!label || !Number.isInteger(s.offset) || !Number.isInteger(s.length)) continue;
    const words = text.slice(s.offset, s.offset + s.length);
    if (!words || words !== s.text) continue;
    (groups[label] ??= []).push({ start: s.offset, end: s.offset + s.length, text: words });
  }
  return Object.entries(LABELS).map(([, label]) => ({ label, items: groups[label] ?? [] }));
}
