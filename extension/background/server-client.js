// The only code that talks to the Standout server. Requests go to the configured
// local server and nowhere else: the address is checked to be loopback before
// every request, not only when the user types it. Failures become ServerDown (no
// answer) or ServerError (an answer that is not a success, or an address that is
// not this machine's), never an unhandled rejection.

import { parseServerUrl } from '../lib/settings.js';

const TIMEOUT_MS = 8000;

export class ServerDown extends Error {
  constructor(message = 'The Standout server is not reachable') {
    super(message);
    this.name = 'ServerDown';
  }
}

export class ServerError extends Error {
  /** `code` is the server's stable error code (`{"error": {"code"}}`), when it sent one. */
  constructor(status, message, code = null) {
    super(message || `The Standout server answered ${status}`);
    this.name = 'ServerError';
    this.status = status;
    this.code = code;
  }
}

/**
 * `request(baseUrl, path, body?)` -> parsed JSON. `fetchImpl` is injectable for tests.
 */
export function createClient(fetchImpl = globalThis.fetch.bind(globalThis)) {
  async function request(baseUrl, path, body) {
    const checked = parseServerUrl(baseUrl);
    if (!checked.ok || checked.url !== String(baseUrl).replace(/\/+$/, '')) {
      throw new ServerError(0, `Standout sends text only to a server on this machine, not to ${baseUrl}`, 'not-local');
    }
    const init = {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    };
    let response;
    try {
      response = await fetchImpl(`${checked.url}${path}`, init);
    } catch (error) {
      throw new ServerDown(error?.name === 'TimeoutError' ? 'The Standout server did not answer in time' : undefined);
    }
    let data;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    if (!response.ok) {
      const code = typeof data?.error?.code === 'string' ? data.error.code : null;
      throw new ServerError(response.status, data?.error?.message ?? data?.message ?? data?.error, code);
    }
    if (data === null || typeof data !== 'object') {
      throw new ServerError(response.status, 'The server answered something that is not JSON');
    }
    return data;
  }

  return {
    check: (baseUrl, body) => request(baseUrl, '/v1/check', body),
    health: (baseUrl) => request(baseUrl, '/v1/health'),
    rules: (baseUrl) => request(baseUrl, '/v1/rules'),
    samples: (baseUrl) => request(baseUrl, '/v1/samples'),
    addSample: (baseUrl, body) => request(baseUrl, '/v1/samples', body),
    removeSample: (baseUrl, id) => request(baseUrl, '/v1/samples/remove', { id }),
  };
}

/** The body of `POST /v1/check`: empty context fields and options are left out. */
export function checkBody(text, context, settings) {
  const ctx = {};
  for (const key of ['company', 'role', 'question', 'url']) {
    if (typeof context[key] === 'string' && context[key].trim()) ctx[key] = context[key].trim();
  }
  const options = {};
  if (settings.disabledRules.length) options.disabled_rules = settings.disabledRules;
  if (settings.disabledCategories.length) options.disabled_categories = settings.disabledCategories;
  return { text, context: ctx, options };
}
