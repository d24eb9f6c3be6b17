// The user's settings: their defaults, and the pure rules for reading them.
// Everything is kept in storage.local, never storage.sync: the ignore list holds
// phrases from the user's own writing, which must not leave the machine.

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8765';

export const DEFAULTS = Object.freeze({
  serverUrl: DEFAULT_SERVER_URL,
  disabledCategories: [],
  disabledRules: [],
  /** [{site, phrase, rule}] phrases the user chose to ignore on one site */
  ignored: [],
  /** hostnames where Standout is turned off */
  sitesOff: [],
  /** record performance marks in pages (for measuring; off by default) */
  perfMarks: false,
});

export const SETTING_KEYS = Object.keys(DEFAULTS);

// Loopback names the manifest's host_permissions cover (the server also answers
// to [::1], which the extension has no permission for).
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const DEFAULT_PORT = '8765';

/**
 * A server URL the extension may use: http on 127.0.0.1 or localhost, any
 * port. The options page checks what the user types, and the worker checks again
 * before every request (storage.local is writable from content scripts too).
 * @returns {{ok: true, url: string} | {ok: false, error: string}}
 */
export function parseServerUrl(input) {
  const raw = typeof input === 'string' ? input.trim() : '';
  if (!raw) return { ok: false, error: 'Enter the server address, for example ' + DEFAULT_SERVER_URL };
  let url;
  try {
    url = new URL(raw.includes('://') ? raw : `http://${raw}`);
  } catch {
    return { ok: false, error: `Not an address: ${raw}` };
  }
  if (url.protocol !== 'http:') return { ok: false, error: 'The local server speaks http, not ' + url.protocol };
  if (!LOCAL_HOSTS.has(url.hostname)) {
    return { ok: false, error: 'Standout only talks to a server on this machine (127.0.0.1 or localhost).' };
  }
  if (url.username || url.password) return { ok: false, error: 'The address must not contain a user name.' };
  return { ok: true, url: `http://${url.host}` };
}

function portArgs(serverUrl) {
  const parsed = parseServerUrl(serverUrl);
  const port = parsed.ok ? new URL(parsed.url).port || '80' : DEFAULT_PORT;
  return port === DEFAULT_PORT ? '' : ` --port ${port}`;
}

/**
 * The command that starts a server at `serverUrl` ("standout serve --port 9000"),
 * so the hint shown while the server is down starts the one the extension uses.
 */
export function startCommand(serverUrl) {
  return `standout serve${portArgs(serverUrl)}`;
}

/** The command that makes that server start at every login (docs/service.md). */
export function serviceCommand(serverUrl) {
  return `standout service install${portArgs(serverUrl)}`;
}

/** The site a page belongs to, as stored in the site and ignore lists. */
export function siteOf(href) {
  try {
    const url = new URL(href);
    if (url.protocol === 'file:') return 'file';
    return url.hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** How a phrase is compared in the ignore list: case and spacing do not matter. */
export function phraseKey(phrase) {
  return String(phrase).replace(/\s+/g, ' ').trim().toLowerCase();
}

export function isIgnored(ignored, site, phrase) {
  const key = phraseKey(phrase);
  return ignored.some((entry) => entry.site === site && phraseKey(entry.phrase) === key);
}

/** The ignore list with one more entry (no duplicates). */
export function withIgnored(ignored, entry) {
  if (isIgnored(ignored, entry.site, entry.phrase)) return ignored.slice();
  return [...ignored, { site: entry.site, phrase: entry.phrase.trim(), rule: entry.rule ?? null }];
}

export function isSiteOff(settings, site) {
  return Boolean(site) && (settings.sitesOff ?? []).includes(site);
}

export function withSite(sitesOff, site, on) {
  const rest = sitesOff.filter((s) => s !== site);
  return on ? rest : [...rest, site];
}

/** Fills in defaults for missing or malformed settings (storage may hold anything). */
export function normalize(stored = {}) {
  const out = {};
  for (const [key, fallback] of Object.entries(DEFAULTS)) {
    const value = stored[key];
    if (Array.isArray(fallback)) out[key] = Array.isArray(value) ? value : [];
    else if (typeof fallback === 'boolean') out[key] = typeof value === 'boolean' ? value : fallback;
    else out[key] = typeof value === typeof fallback && value ? value : fallback;
  }
  out.ignored = out.ignored.filter(
    (e) => e && typeof e.site === 'string' && typeof e.phrase === 'string',
  );
  return out;
}
