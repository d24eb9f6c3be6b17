// Which employer and role a job-application page is for, read from the URL and
// the page title of the job boards most applications go through. The result
// pre-fills the popup's company and role, which the user can change.

const TITLE_SUFFIX = /\s*[|\-–—·]\s*(?:LinkedIn|SmartRecruiters|Greenhouse|Lever|Ashby|Workday|Careers?|Jobs?)\s*$/i;

/** "acme-corp" -> "Acme Corp"; keeps words that are already mixed or upper case. */
export function nameFromSlug(slug) {
  if (!slug) return null;
  let decoded = slug;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    // keep the raw slug
  }
  const words = decoded.replace(/[-_+.]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  return words
    .map((w) => (w === w.toLowerCase() ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');
}

function clean(text) {
  if (typeof text !== 'string') return null;
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed || null;
}

// Page-title shapes; each returns {company, role} or null.
const greenhouseTitle = (t) => {
  // "Job Application for Senior Engineer at Acme"
  const m = t.match(/^Job Application for\s+(.+?)\s+at\s+(.+)$/i);
  return m ? { role: m[1], company: m[2] } : null;
};
const leverTitle = (t) => {
  // "Acme - Senior Engineer"
  const m = t.match(/^(.+?)\s+[-–—]\s+(.+)$/);
  return m ? { company: m[1], role: m[2] } : null;
};
const ashbyTitle = (t) => {
  // "Senior Engineer @ Acme"
  const m = t.match(/^(.+?)\s+@\s+(.+)$/);
  return m ? { role: m[1], company: m[2] } : null;
};
const linkedInTitle = (t) => {
  // "Acme hiring Senior Engineer in Berlin, Germany" or "Senior Engineer | Acme"
  const m = t.match(/^(.+?)\s+hiring\s+(.+?)(?:\s+in\s+[^|]+)?$/i);
  if (m) return { company: m[1], role: m[2] };
  const parts = t.split(/\s+\|\s+/);
  return parts.length >= 2 ? { role: parts[0], company: parts[1] } : null;
};
const smartRecruitersTitle = (t) => {
  // "Acme - Senior Engineer"; "Acme Senior Engineer" cannot be split (the URL has both).
  const m = t.match(/^(.+?)\s+[-–—|]\s+(.+)$/);
  return m ? { company: m[1], role: m[2] } : null;
};

function fromTitle(title, shapes) {
  const t = clean(title)?.replace(TITLE_SUFFIX, '');
  if (!t) return {};
  for (const shape of shapes) {
    const found = shape(t);
    if (found) return found;
  }
  return {};
}

// Job boards by host; `path` picks the company slug (and maybe a role slug) from the path.
const BOARDS = [
  {
    board: 'Greenhouse',
    host: /(^|\.)greenhouse\.io$/,
    path: (url) => {
      const forParam = url.searchParams.get('for');
      if (forParam) return { company: nameFromSlug(forParam) };
      const [first] = url.pathname.split('/').filter(Boolean);
      return first && first !== 'embed' ? { company: nameFromSlug(first) } : {};
    },
    titles: [greenhouseTitle],
  },
  {
    board: 'Lever',
    host: /(^|\.)lever\.co$/,
    path: (url) => ({ company: nameFromSlug(url.pathname.split('/').filter(Boolean)[0]) }),
    titles: [leverTitle],
  },
  {
    board: 'Workday',
    host: /^([a-z0-9-]+)\.wd\d+\.myworkday(?:jobs|site)\.com$/,
    path: (url, hostMatch) => {
      const m = url.pathname.match(/\/job\/[^/]+\/([^/]+?)_[A-Za-z0-9-]+\/?/);
      return { company: nameFromSlug(hostMatch[1]), role: m ? nameFromSlug(m[1]) : null };
    },
    titles: [],
  },
  {
    board: 'Ashby',
    host: /(^|\.)ashbyhq\.com$/,
    path: (url) => ({ company: nameFromSlug(url.pathname.split('/').filter(Boolean)[0]) }),
    titles: [ashbyTitle],
  },
  {
    board: 'SmartRecruiters',
    host: /(^|\.)smartrecruiters\.com$/,
    path: (url) => {
      const [company, job] = url.pathname.split('/').filter(Boolean);
      const role = job?.match(/^\d+-(.+)$/);
      return { company: nameFromSlug(company), role: role ? nameFromSlug(role[1]) : null };
    },
    titles: [smartRecruitersTitle],
  },
  {
    board: 'LinkedIn',
    host: /(^|\.)linkedin\.com$/,
    path: (url) => {
      if (!url.pathname.startsWith('/jobs/')) return null;
      // /jobs/view/senior-engineer-at-acme-4012345678/
      const m = url.pathname.match(/\/jobs\/view\/(.+)-at-(.+)-\d+\/?$/);
      return m ? { role: nameFromSlug(m[1]), company: nameFromSlug(m[2]) } : {};
    },
    titles: [linkedInTitle],
  },
];

/**
 * `{board, company, role}` for a job-board page, or null when the URL is not a job
 * board's. The page title wins over the URL (it has the real spelling: "ACME Labs",
 * not "acme-labs"); a Greenhouse-style title is recognised on any host, since
 * companies embed Greenhouse forms on their own career sites.
 */
export function detectJob(href, title = '') {
  let url;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  for (const spec of BOARDS) {
    const hostMatch = host.match(spec.host);
    if (!hostMatch) continue;
    const fromPath = spec.path(url, hostMatch);
    if (fromPath === null) return null;
    const fromPage = fromTitle(title, spec.titles);
    const company = clean(fromPage.company) ?? clean(fromPath.company);
    const role = clean(fromPage.role) ?? clean(fromPath.role);
    return { board: spec.board, company, role };
  }
  const embedded = fromTitle(title, [greenhouseTitle]);
  if (embedded.company) return { board: null, company: clean(embedded.company), role: clean(embedded.role) };
  return null;
}
