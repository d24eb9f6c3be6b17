// The user's own sample answers (GET/POST /v1/samples): reading what the server
// sends, the body of a save, one line per sample for the options page, and what
// to tell the user when listing, saving or removing fails. No DOM, no network.

import { ErrorCode, MAX_TEXT } from './protocol.js';

/** A saved sample as the server describes it, or null when `raw` is not one. */
export function readSample(raw) {
  if (raw === null || typeof raw !== 'object' || typeof raw.id !== 'string' || !raw.id) return null;
  const words = Number.isInteger(raw.words) && raw.words >= 0 ? raw.words : null;
  return {
    id: raw.id,
    title: typeof raw.title === 'string' && raw.title.trim() ? raw.title : raw.id,
    words,
    added: typeof raw.added === 'string' ? raw.added : null,
    preview: typeof raw.preview === 'string' ? raw.preview : '',
  };
}

/** `GET /v1/samples` -> `{samples, bundled, enabled}`; entries that are not samples are dropped. */
export function readSampleList(reply) {
  const list = Array.isArray(reply?.samples) ? reply.samples : [];
  return {
    samples: list.map(readSample).filter(Boolean),
    bundled: Number.isInteger(reply?.bundled) ? reply.bundled : null,
    enabled: typeof reply?.enabled === 'boolean' ? reply.enabled : null,
  };
}

/** The body of `POST /v1/samples`: a blank title is left out (the server makes one from the text). */
export function sampleBody(text, title) {
  const body = { text };
  if (typeof title === 'string' && title.trim()) body.title = title.trim();
  return body;
}

/** Why `text` cannot be sent at all, or null. The server judges the rest (length in words, duplicates). */
export function sampleProblem(text) {
  if (typeof text !== 'string' || !text.trim()) return 'Paste a sample answer first.';
  if (text.length > MAX_TEXT) {
    return `This is too long to be a sample answer (${text.length.toLocaleString('en')} characters).`;
  }
  return null;
}

/** "3 Mar 2025" from an ISO date-time, in the user's locale by default; '' when it is not a date. */
export function formatAdded(iso, locale = undefined) {
  if (typeof iso !== 'string' || !iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** The line under a sample's title: "39 words · added 3 Mar 2025". */
export function sampleMeta(sample, locale = undefined) {
  const parts = [];
  if (sample.words !== null) parts.push(sample.words === 1 ? '1 word' : `${sample.words} words`);
  const added = formatAdded(sample.added, locale);
  if (added) parts.push(`added ${added}`);
  return parts.join(' · ');
}

function sentence(text) {
  const trimmed = String(text ?? '').trim();
  if (!trimmed) return '';
  const capital = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * What to tell the user when a samples request failed: `{text, hint}`, where
 * `hint` says to show how to start the server. `reply` is the worker's reply
 * (undefined when the worker could not be reached).
 */
export function sampleErrorText(reply) {
  const error = reply?.error;
  if (!error) {
    return { text: 'The extension’s background worker did not answer. Reload this page.', hint: false };
  }
  if (error.code === ErrorCode.SERVER_DOWN) {
    return { text: 'The Standout server is not reachable, so your samples cannot be shown or changed.', hint: true };
  }
  if (error.code !== ErrorCode.SERVER_ERROR) {
    return { text: `The extension could not send this request: ${error.message}`, hint: false };
  }
  switch (error.serverCode) {
    case 'invalid_sample':
    case 'invalid_title':
    case 'invalid_text':
    case 'missing_text':
      return { text: sentence(error.message), hint: false };
    case 'sample_store_unreadable':
      return { text: `Your saved samples cannot be read. ${sentence(error.message)}`, hint: false };
    case 'unknown_sample':
      return { text: 'That sample was already removed.', hint: false };
    case 'payload_too_large':
      return { text: 'This is too long to be a sample answer: the server takes at most 1 MiB.', hint: false };
    default:
      if (error.status === 404 || error.status === 405) {
        return {
          text: 'This Standout server does not keep samples yet. Update Standout and restart it (standout serve).',
          hint: false,
        };
      }
      return { text: `The server could not do this: ${sentence(error.message) || 'an unknown error.'}`, hint: false };
  }
}
