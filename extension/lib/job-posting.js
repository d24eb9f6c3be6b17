// Reading the job posting from the page: the ad's text, the company and the role,
// and where they were read from. Three sources, in this order:
//   1. schema.org JobPosting JSON-LD (what search engines read: board-independent);
//   2. the board's own markup (BOARD_POSTINGS, one table: Greenhouse, Lever, Ashby,
//      Workday, SmartRecruiters, LinkedIn);
//   3. the largest block of text under headings such as "Responsibilities",
//      "Requirements", "About you" (stopping at benefits, equal-opportunity
//      statements and the form).
// The text keeps list items and headings as lines: the server's posting reader
// needs that structure. Nothing here leaves the browser but for the local server.

const MAX_CHARS = 50000; // the server's limit for context.posting

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** HTML entities decoded: named ones posting HTML uses, and numeric ones. */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z0-9]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A posting's HTML as plain text: list items as "- " lines, headings and paragraphs as lines. */
export function htmlToText(html) {
  if (typeof html !== 'string') return '';
  let text = html
    .replace(/\s+/g, ' ') // HTML's own line breaks are spaces
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/li\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(ul|ol|tr|dt|dd)\b[^>]*>/gi, '\n')
    .replace(/<\/?(p|div|h[1-6]|section|article|header|footer|table|dl)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '');
  text = decodeEntities(text);
  return tidy(text);
}

/** Lines trimmed, runs of spaces made one, no more than one blank line in a row. */
export function tidy(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim());
  const out = [];
  for (const line of lines) {
    if (!line && (!out.length || !out[out.length - 1])) continue;
    out.push(line);
  }
  while (out.length && !out[out.length - 1]) out.pop();
  return out.join('\n');
}

function isJobPosting(node) {
  const type = node && node['@type'];
  return type === 'JobPosting' || (Array.isArray(type) && type.includes('JobPosting'));
}

function* nodesOf(value) {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodesOf(item);
  } else if (value && typeof value === 'object') {
    yield value;
    if (value['@graph']) yield* nodesOf(value['@graph']);
  }
}

function plainField(value) {
  if (typeof value === 'string') return htmlToText(value);
  if (Array.isArray(value)) return value.map(plainField).filter(Boolean).join('\n');
  return '';
}

function nameOf(org) {
  if (typeof org === 'string') return org.trim() || null;
  if (org && typeof org === 'object' && typeof org.name === 'string') return org.name.trim() || null;
  return null;
}

/** The posting from the page's JSON-LD blocks (their texts), or null. Invalid JSON is skipped. */
export function postingFromJsonLd(scriptTexts) {
  for (const raw of scriptTexts) {
    let data;
    try {
      data = JSON.parse(raw);
    } catch {
      continue; // pages ship broken JSON-LD now and then
    }
    for (const node of nodesOf(data)) {
      if (!isJobPosting(node)) continue;
      const parts = [plainField(node.description)];
      // Optional fields hold the asks already separated: add them when the description lacks them.
      for (const [field, heading] of [['responsibilities', 'Responsibilities'],
        ['qualifications', 'Qualifications'], ['skills', 'Skills'],
        ['experienceRequirements', 'Experience'], ['educationRequirements', 'Education']]) {
        const value = plainField(node[field]);
        if (value && !parts[0].includes(value.slice(0, 60))) parts.push(`${heading}\n${value}`);
      }
      const role = typeof node.title === 'string' ? tidy(decodeEntities(node.title)) || null : null;
      const company = nameOf(node.hiringOrganization);
      const body = parts.filter(Boolean).join('\n\n');
      if (!body) continue;
      const header = [role, company].filter(Boolean).join('\n');
      return {
        text: clip(header ? `${header}\n\n${body}` : body),
        role, company, source: 'schema.org JobPosting',
      };
    }
  }
  return null;
}

// Each board's containers for the description, the title and the company. Boards change
// their markup; the selectors are tried in order, and the first that finds text wins.
// `signature` finds the board's markup on another host (a board embedded in a company's
// own careers page).
export const BOARD_POSTINGS = [
  { board: 'Greenhouse', signature: ['#app_body .app-title', '#header .company-name'], host: /(^|\.)greenhouse\.io$/,
    description: ['#content', '.job__description', '[data-qa="job-description"]', '.job-post'],
    title: ['.app-title', '.job__title h1', 'h1'], company: ['.company-name', '.job__company'] },
  { board: 'Lever', signature: ['.posting-headline', '.posting-page'], host: /(^|\.)lever\.co$/,
    description: ['[data-qa="job-description"]', '.posting-page .section-wrapper', '.content .section-wrapper', '.posting-description'],
    title: ['.posting-headline h2', '.posting-header h2', 'h2'], company: ['.main-header-logo img[alt]'] },
  { board: 'Ashby', signature: ['.ashby-job-posting-heading'], host: /(^|\.)ashbyhq\.com$/,
    description: ['[class*="_descriptionText"]', '.ashby-job-posting-description', '[data-testid="job-description"]'],
    title: ['.ashby-job-posting-heading', 'h1'], company: [] },
  { board: 'Workday', signature: ['[data-automation-id="jobPostingDescription"]'], host: /(^|\.)myworkdayjobs\.com$/,
    description: ['[data-automation-id="jobPostingDescription"]'],
    title: ['[data-automation-id="jobPostingHeader"]', 'h2'], company: [] },
  { board: 'SmartRecruiters', signature: ['.job-sections'], host: /(^|\.)smartrecruiters\.com$/,
    description: ['.job-sections', '[itemprop="description"]', '.job-description'],
    title: ['.job-title', 'h1'], company: ['[itemprop="hiringOrganization"] [itemprop="name"]'] },
  { board: 'LinkedIn', signature: ['.jobs-description__content'], host: /(^|\.)linkedin\.com$/,
    description: ['.jobs-description__content', '.show-more-less-html__markup', '.description__text'],
    title: ['.top-card-layout__title', '.job-details-jobs-unified-top-card__job-title', 'h1'],
    company: ['.topcard__org-name-link', '.job-details-jobs-unified-top-card__company-name'] },
];

export function boardFor(hostname, doc = null) {
  return BOARD_POSTINGS.find((b) => b.host.test(hostname))
    || (doc && BOARD_POSTINGS.find((b) => b.signature.some((s) => query(doc, s)))) || null;
}

// Headings that open the part of a posting with its asks, and those that end it.
export const ASK_HEADINGS = /^(?:key\s+)?(?:responsibilities|requirements|qualifications|what you(?:'|’)?ll do|what you will do|what you(?:'|’)?ll bring|what you bring|what we(?:'|’)?re looking for|what we are looking for|about you|who you are|the role|about the role|your role|skills(?: and experience)?|essential|desirable|nice to have|what you(?:'|’)?ll need|you(?:'|’)?ll have|the successful candidate)\b/i;
export const END_HEADINGS = /^(?:benefits|perks|what we offer|our offer|why join us|equal opportunit|diversity|how to apply|apply(?: now| for this job)?$|submit)/i;

/** Text of one element, list items and headings kept as lines (innerText keeps layout). */
export function elementText(el) {
  if (!el) return '';
  const html = el.innerHTML;
  return typeof html === 'string' ? htmlToText(html) : tidy(el.textContent || '');
}

/** ``doc.querySelector`` that answers null for a selector this browser does not know. */
function query(doc, selector) {
  try {
    return doc.querySelector(selector);
  } catch {
    return null;
  }
}

function firstText(doc, selectors, attribute) {
  for (const selector of selectors) {
    const el = query(doc, selector);
    const value = attribute && el ? el.getAttribute(attribute) : el && tidy(el.textContent || '');
    if (value) return value;
  }
  return null;
}

/** The posting from the board's markup, or null. */
export function postingFromBoard(doc, url) {
  const board = boardFor(url.hostname, doc);
  if (!board) return null;
  for (const selector of board.description) {
    const text = elementText(query(doc, selector));
    if (text.split(/\s+/).length < 40) continue; // a stub, not the ad
    const role = firstText(doc, board.title);
    // Greenhouse's classic header says "at Fernbrook Bikes".
    const company = (firstText(doc, board.company) || firstText(doc, board.company, 'alt'))
      ?.replace(/^at\s+/i, '') || null;
    const header = [role, company].filter(Boolean).join('\n');
    return { text: clip(header ? `${header}\n\n${text}` : text), role, company,
      source: `${board.board} page` };
  }
  return null;
}

const HEADING_SELECTOR = 'h1,h2,h3,h4,h5,h6,strong,b,dt,[role="heading"],p';

/** The largest block under ask headings ("Requirements", "About you"), or null. */
export function postingFromHeadings(doc) {
  const candidates = [];
  for (const el of doc.querySelectorAll(HEADING_SELECTOR)) {
    const label = tidy(el.textContent || '');
    if (!label || label.length > 60 || !ASK_HEADINGS.test(label)) continue;
    if (el.closest('form')) continue; // the form's own labels
    // The block: climb while the ancestor still holds no form and stays a plausible size.
    let block = el.parentElement;
    while (block && block.parentElement && !block.parentElement.querySelector('form, textarea')
      && (block.parentElement.textContent || '').length < 20000) {
      block = block.parentElement;
    }
    if (block) candidates.push(block);
  }
  let best = null;
  let bestLength = 0;
  for (const block of new Set(candidates)) {
    const text = cutAtEnd(elementText(block));
    if (text.length > bestLength) {
      best = text;
      bestLength = text.length;
    }
  }
  if (!best || best.split(/\s+/).length < 30) return null;
  return { text: clip(best), role: null, company: null, source: 'headings on the page' };
}

/** The text up to a benefits, equal-opportunity or how-to-apply heading. */
export function cutAtEnd(text) {
  const lines = text.split('\n');
  const askAt = lines.findIndex((l) => ASK_HEADINGS.test(l));
  const out = [];
  for (const [i, line] of lines.entries()) {
    if (i > askAt && askAt >= 0 && line.length < 60 && END_HEADINGS.test(line)) break;
    out.push(line);
  }
  return tidy(out.join('\n'));
}

function clip(text) {
  return text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
}

/** What the page says about the job: {text, role, company, source} or null. */
export function readPosting(doc, url) {
  const scripts = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent || '');
  return postingFromJsonLd(scripts) || postingFromBoard(doc, url) || postingFromHeadings(doc);
}

/** The job a URL is for, without what differs between its description and its form:
 * "/acme/jobs/123" and "/acme/jobs/123/apply" (Lever, Greenhouse) are one job. */
export function jobKey(href) {
  let url;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/(?:apply|application|applications\/new)$/i, '');
  const job = url.searchParams.get('gh_jid') || url.searchParams.get('jobId') || url.searchParams.get('token');
  return `${url.host}${path}${job ? `?${job}` : ''}`;
}
