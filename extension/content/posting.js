// The content script's part of the job posting (issue 11): reads the posting
// this frame shows (lib/job-posting.js) and tells the worker, which keeps it per
// tab and job and sends it with each check; and scrolls the field to the
// sentence the popup's checklist points at. The page's DOM is only read.

import { Kind, message } from '../lib/protocol.js';
import { readPosting } from '../lib/job-posting.js';
import { carrySpans } from '../lib/text-edits.js';
import { now, measure } from './perf.js';

/** worker -> content (background/posting.js SHOW_IN_FIELD, RECHECK). */
const SHOW_IN_FIELD = 'standout/show-in-field';
const RECHECK = 'standout/recheck-posting';

/** How long the evidence stays marked after the popup asked for it. */
export const MARK_MS = 2500;

export class PostingHook {
  /** `ask(msg)`: the worker; `api`: the extension API (its runtime.onMessage). */
  constructor(doc, { ask, api }) {
    this.doc = doc;
    this.ask = ask;
    this.sent = null; // url + text last reported, so a focus does not report it again
    this.checked = null; // the controller of the last reply
    api.runtime.onMessage.addListener((msg, sender) => {
      if (sender?.id !== api.runtime.id) return false;
      if (msg?.kind === SHOW_IN_FIELD && Number.isInteger(msg.start) && Number.isInteger(msg.end)) {
        this.show(msg.start, msg.end);
      } else if (msg?.kind === RECHECK && this.checked && !this.checked.destroyed) {
        this.checked.recheck();
      }
      return false;
    });
  }

  /**
   * Reads the posting on the page and reports it: when the page loads (JSON-LD and
   * the boards' markup only: cheap on any page), and again when a field is focused,
   * with the headings fallback (boards load their description late, too).
   */
  report({ headings }) {
    const url = this.doc.location.href;
    const start = now();
    let found;
    try {
      found = readPosting(this.doc, new URL(url), { headings });
    } catch {
      found = null; // a page whose markup trips the reader still gets its checks
    }
    measure(headings ? 'posting-read-headings' : 'posting-read', start, { chars: found?.text.length ?? 0 });
    const key = `${url}\n${found?.text ?? ''}`;
    if (key === this.sent) return;
    this.sent = key;
    let msg;
    try {
      msg = message(Kind.POSTING_READ, {
        url, top: window === window.top, text: found?.text ?? null,
        source: found?.source ?? null, role: found?.role ?? null, company: found?.company ?? null,
      });
    } catch {
      return; // a URL or a title past the message limits: no posting, the checks go on
    }
    this.ask(msg);
  }

  /** A check's reply reached `ctrl`: the checklist's offsets are in its checked text. */
  checkedBy(ctrl) {
    this.checked = ctrl;
  }

  /** Scrolls the last checked field to `[start, end)` of its checked text (carried past edits since). */
  show(start, end) {
    const ctrl = this.checked;
    if (!ctrl || ctrl.destroyed || ctrl.checkedText === null) return;
    ctrl.sync();
    const [span] = carrySpans([{ start, end }], ctrl.checkedText, ctrl.text);
    if (span) ctrl.reveal(span.start, span.end, MARK_MS);
  }
}
