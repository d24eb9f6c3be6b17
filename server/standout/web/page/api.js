// The page's only network access: this server's /v1, same origin.

const TIMEOUT_MS = 10000;

async function call(path, init = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(path, {
      ...init, signal: controller.signal, credentials: 'same-origin', cache: 'no-store',
      headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) },
    });
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (!response.ok) {
      return { ok: false, error: { code: body?.error?.code ?? `http-${response.status}`, message: body?.error?.message ?? `The server answered ${response.status}.` } };
    }
    return { ok: true, body };
  } catch {
    return { ok: false, error: { code: 'server-down', message: 'The Standout server is not answering. Is "standout serve" running?' } };
  } finally {
    clearTimeout(timer);
  }
}

/** POST /v1/check; `context` fields that are empty are left out (the server infers the kind). */
export function check(text, context = {}) {
  const clean = {};
  for (const [k, v] of Object.entries(context)) if (typeof v === 'string' && v.trim()) clean[k] = v;
  return call('/v1/check', { method: 'POST', body: JSON.stringify({ text, context: clean }) });
}

export const rules = () => call('/v1/rules');
export const questions = () => call('/v1/interview/questions');
