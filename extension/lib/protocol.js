// The messages exchanged between the content scripts, the popup, the options
// page and the service worker. Only the service worker talks to the server; the
// others ask it with one of these named kinds and get `{ok: true, ...}` or
// `{ok: false, error: {code, message}}` back. Each kind has one kind of sender
// (SENDERS): a content script runs inside web pages, so it may only ask for what
// the field being edited needs; everything that reads or changes the saved
// samples, another tab's state or the settings is for the extension's own pages.

export const Kind = Object.freeze({
  /** content -> worker: check the text of the field being edited (`focused`: the user is in it). */
  CHECK: 'standout/check',
  /** content -> worker: what the page is (site, URL, job board, company, role). */
  PAGE_INFO: 'standout/page-info',
  /** content -> worker: the user asked to ignore this phrase on this site. */
  IGNORE_HERE: 'standout/ignore-here',
  /** content -> worker: the user turned a rule off. */
  DISABLE_RULE: 'standout/disable-rule',
  /** content -> worker: open the rule's page on the server (the page never sees the server's address). */
  OPEN_RULE: 'standout/open-rule',
  /** popup/options -> worker: is the server reachable? (always asks it afresh) */
  STATUS: 'standout/status',
  /** popup -> worker: what Standout knows about one tab. */
  TAB_STATE: 'standout/tab-state',
  /** popup -> worker: the company and role the user typed for one tab. */
  SET_CONTEXT: 'standout/set-context',
  /** options -> worker: the server's rules, for the category switches. */
  RULES: 'standout/rules',
  /** options -> worker: the user's saved sample answers. */
  SAMPLES: 'standout/samples',
  /** options -> worker: save a pasted sample answer (and its optional title) as the user's own. */
  ADD_SAMPLE: 'standout/add-sample',
  /** options -> worker: remove one of the user's saved samples by its id. */
  REMOVE_SAMPLE: 'standout/remove-sample',
});

// Error codes in `{ok: false, error: {code}}`.
export const ErrorCode = Object.freeze({
  SERVER_DOWN: 'server-down',
  SERVER_ERROR: 'server-error',
  BAD_MESSAGE: 'bad-message',
  SITE_OFF: 'site-off',
  NOT_ALLOWED: 'not-allowed',
});

/** Who may send a kind: a content script (in a web page's tab) or an extension page (popup, options). */
export const Sender = Object.freeze({ CONTENT: 'content', PAGE: 'extension-page' });

export const SENDERS = Object.freeze({
  [Kind.CHECK]: Sender.CONTENT,
  [Kind.PAGE_INFO]: Sender.CONTENT,
  [Kind.IGNORE_HERE]: Sender.CONTENT,
  [Kind.DISABLE_RULE]: Sender.CONTENT,
  [Kind.OPEN_RULE]: Sender.CONTENT,
  [Kind.STATUS]: Sender.PAGE,
  [Kind.TAB_STATE]: Sender.PAGE,
  [Kind.SET_CONTEXT]: Sender.PAGE,
  [Kind.RULES]: Sender.PAGE,
  [Kind.SAMPLES]: Sender.PAGE,
  [Kind.ADD_SAMPLE]: Sender.PAGE,
  [Kind.REMOVE_SAMPLE]: Sender.PAGE,
});

/**
 * What sent a message: `Sender.PAGE` for a page of this extension (its URL is
 * under `extensionBase`, `runtime.getURL('')`, and so is its origin when the
 * browser gives one), `Sender.CONTENT` for a content script (a tab, a URL that
 * is not the extension's), or null for anything else. The browser fills
 * `sender`; a page cannot forge it.
 */
export function senderOf(sender, extensionBase) {
  if (!sender || typeof extensionBase !== 'string' || !extensionBase) return null;
  const url = typeof sender.url === 'string' ? sender.url : '';
  const ownOrigin = extensionBase.replace(/\/+$/, '');
  if (url.startsWith(extensionBase)) {
    if (sender.origin !== undefined && sender.origin !== ownOrigin) return null;
    return Sender.PAGE;
  }
  if (sender.tab && url && (sender.origin === undefined || sender.origin !== ownOrigin)) return Sender.CONTENT;
  return null;
}

/** The longest text a check or a sample may carry (UTF-16 units); far beyond any application answer. */
export const MAX_TEXT = 200_000;

/** The longest sample title a message may carry (the server keeps at most 120 characters). */
export const MAX_TITLE = 1_000;

// Kind -> field -> the longest string it may hold.
const MAX_LENGTHS = {
  [Kind.CHECK]: { text: MAX_TEXT },
  [Kind.ADD_SAMPLE]: { text: MAX_TEXT, title: MAX_TITLE },
};

// Field name -> type; a trailing '?' makes the field optional (null allowed).
const SCHEMAS = {
  [Kind.CHECK]: {
    text: 'string', question: 'string?', url: 'string?', site: 'string?', focused: 'boolean?',
  },
  [Kind.PAGE_INFO]: {
    site: 'string', url: 'string', top: 'boolean', board: 'string?', company: 'string?', role: 'string?',
  },
  [Kind.IGNORE_HERE]: { site: 'string', phrase: 'string', rule: 'string?' },
  [Kind.DISABLE_RULE]: { rule: 'string' },
  [Kind.OPEN_RULE]: { rule: 'string' },
  [Kind.STATUS]: {},
  [Kind.TAB_STATE]: { tabId: 'number' },
  [Kind.SET_CONTEXT]: { tabId: 'number', company: 'string?', role: 'string?' },
  [Kind.RULES]: {},
  [Kind.SAMPLES]: {},
  [Kind.ADD_SAMPLE]: { text: 'string', title: 'string?' },
  [Kind.REMOVE_SAMPLE]: { id: 'string' },
};

function typeOk(value, type) {
  const optional = type.endsWith('?');
  const base = optional ? type.slice(0, -1) : type;
  if (value === undefined || value === null) return optional;
  if (base === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === base;
}

/**
 * Checks a message against its kind's schema.
 * @returns {{ok: true} | {ok: false, error: string}}
 */
export function validate(message) {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    return { ok: false, error: 'a message must be an object' };
  }
  const schema = SCHEMAS[message.kind];
  if (!schema) return { ok: false, error: `unknown message kind: ${String(message.kind)}` };
  for (const [field, type] of Object.entries(schema)) {
    if (!typeOk(message[field], type)) {
      return { ok: false, error: `${message.kind}: ${field} must be ${type.replace('?', ' or null')}` };
    }
  }
  for (const field of Object.keys(message)) {
    if (field !== 'kind' && !(field in schema)) {
      return { ok: false, error: `${message.kind}: unknown field ${field}` };
    }
  }
  for (const [field, max] of Object.entries(MAX_LENGTHS[message.kind] ?? {})) {
    if (typeof message[field] === 'string' && message[field].length > max) {
      return { ok: false, error: `${message.kind}: ${field} is longer than ${max} characters` };
    }
  }
  return { ok: true };
}

/** Builds a message of `kind`; throws when it would not validate (a bug in the caller). */
export function message(kind, payload = {}) {
  const built = { kind, ...payload };
  const result = validate(built);
  if (!result.ok) throw new TypeError(result.error);
  return built;
}

export function ok(data = {}) {
  return { ok: true, ...data };
}

export function fail(code, text, extra = {}) {
  return { ok: false, error: { code, message: text, ...extra } };
}
