// "Copy report": the report as plain text or as Markdown, for a notes file or an email.

const SEVERITY = { error: 'error', warning: 'warning', info: 'note' };

function lines(model) {
  const out = [];
  out.push({ kind: 'score', text: `Stand-out score: ${model.score}/100 (specifics ${Math.round(model.parts.specificity)}/60, originality ${Math.round(model.parts.originality)}/40)` });
  if (model.speaking) {
    const s = model.speaking;
    const expected = s.expected ? `; interviewers expect ${span(s.expected)}` : '';
    out.push({ kind: 'line', text: `Speaking time: about ${seconds(s.seconds)} (${span(s.range)} at 130-150 words a minute)${expected}` });
  }
  if (model.answer) {
    const parts = ['situation', 'action', 'result'].map((p) => `${p} ${model.answer[p]?.length ? 'yes' : 'missing'}`);
    out.push({ kind: 'line', text: `Structure: ${parts.join(', ')}; "I" ${model.answer.i}, "we" ${model.answer.we}` });
  }
  return out;
}

function seconds(n) {
  if (n < 60) return `${n} s`;
  const m = Math.floor(n / 60);
  const s = n % 60;
  return s ? `${m} min ${s} s` : `${m} min`;
}

function span([a, b]) {
  return `${seconds(a)}-${seconds(b)}`;
}

const quote = (t) => t.replace(/\s+/g, ' ').trim();

export function reportText(model, title = 'Standout report') {
  const out = [title, '='.repeat(title.length), ''];
  for (const l of lines(model)) out.push(l.text);
  out.push('');
  if (model.posting) {
    out.push('The posting asks for:');
    for (const a of model.posting.asks) out.push(`  [${a.status}] ${a.text}`);
    out.push('');
  }
  const all = [...model.textLevel, ...model.groups.flatMap((g) => g.findings)];
  if (!all.length) out.push('No findings.');
  for (const group of groupsWith(model)) {
    out.push(`${group.title} (${group.findings.length})`);
    for (const f of group.findings) {
      out.push(`  - ${f.text ? `"${quote(f.text)}" ` : ''}[${SEVERITY[f.severity] ?? f.severity}] ${f.message}`);
      if (f.advice) out.push(`    Instead: ${f.advice}`);
    }
    out.push('');
  }
  const found = model.specifics.filter((s) => s.items.length);
  if (found.length) {
    out.push('Specifics found:');
    for (const s of found) out.push(`  ${s.label}: ${s.items.map((i) => i.text).join(', ')}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const md = (t) => t.replace(/([\\`*_[\]<>#|])/g, '\\$1');

export function reportMarkdown(model, title = 'Standout report') {
  const out = [`# ${md(title)}`, ''];
  for (const l of lines(model)) out.push(l.kind === 'score' ? `**${md(l.text)}**` : md(l.text), '');
  if (model.posting) {
    out.push('## The posting asks for', '');
    for (const a of model.posting.asks) out.push(`- ${a.status === 'shown' ? '[x]' : '[ ]'} ${md(a.text)} (${a.status})`);
    out.push('');
  }
  const all = [...model.textLevel, ...model.groups.flatMap((g) => g.findings)];
  if (!all.length) out.push('No findings.', '');
  for (const group of groupsWith(model)) {
    out.push(`## ${md(group.title)} (${group.findings.length})`, '');
    for (const f of group.findings) {
      const words = f.text ? `“${md(quote(f.text))}” ` : '';
      out.push(`- ${words}*${SEVERITY[f.severity] ?? f.severity}*: ${md(f.message)}`);
      if (f.advice) out.push(`  - **Instead:** ${md(f.advice)}`);
    }
    out.push('');
  }
  const found = model.specifics.filter((s) => s.items.length);
  if (found.length) {
    out.push('## Specifics found', '');
    for (const s of found) out.push(`- **${s.label}**: ${s.items.map((i) => md(i.text)).join(', ')}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function groupsWith(model) {
  const groups = model.groups.map((g) => ({ ...g }));
  for (const f of model.textLevel) {
    let g = groups.find((x) => x.category === f.category);
    if (!g) groups.push((g = { category: f.category, title: f.category, findings: [] }));
    g.findings = [f, ...g.findings];
  }
  return groups;
}
