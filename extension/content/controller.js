// One watched field: keeps its findings in step with its text, asks for a check
// (debounced) while the user types, and draws the underlines. The field's value
// and DOM are only ever read.

import { carrySpans } from '../lib/text-edits.js';
import { debounce, CHECK_DELAY_MS } from '../lib/timing.js';
import { visibleFindings, nextFinding, isPassage } from '../lib/findings.js';
import { Kind, ErrorCode, MAX_TEXT, message } from '../lib/protocol.js';
import { readEditable, rangeFor } from './editable-text.js';
import { Mirror } from './mirror.js';
import { FieldLayer } from './layer.js';
import { questionFor } from './question.js';
import { clippingAncestors, paddingBox, visibleClip, intersect } from './clip.js';
import { distorted, lineBoxes } from './geometry.js';
import { now, measure } from './perf.js';

const MIN_RETRY_MS = 1000;

/** The element that has the keyboard focus, inside open shadow roots too. */
export function focusedElement(doc) {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export class FieldController {
  /** `env`: {layer, site, settings(), ask(msg), requestDraw(ctrl), isCurrent(ctrl), onDestroy(ctrl)} */
  constructor(field, kind, env) {
    this.field = field;
    this.kind = kind;
    this.env = env;
    this.layer = new FieldLayer(env.layer);
    this.mirror = kind === 'value' ? new Mirror(env.layer.measure) : null;
    this.ancestors = clippingAncestors(field);
    this.text = this.read();
    this.findings = []; // every finding of the last reply, carried to `this.text`
    this.checkedText = null;
    this.seq = 0;
    this.active = -1; // index (in visible()) of the finding whose card is open
    this.drawn = []; // [{finding, rects}] as last drawn, for hit testing
    this.inputAt = null;
    this.retryTimer = null;
    this.check = debounce(() => this.sendCheck(), CHECK_DELAY_MS);
  }

  read() {
    if (this.kind === 'value') return this.field.value;
    this.model = readEditable(this.field);
    return this.model.text;
  }

  caret() {
    const f = this.field;
    if (this.kind !== 'value' || f.ownerDocument.activeElement !== f) return undefined;
    return f.selectionEnd ?? undefined;
  }

  /** Brings `text` and the findings up to date with the field; true when it changed. */
  sync() {
    const text = this.read();
    if (text === this.text) return false;
    this.findings = carrySpans(this.findings, this.text, text, this.caret());
    this.text = text;
    return true;
  }

  onInput(event) {
    const start = now();
    // A controller made by this very event (the field's first keystroke, or the
    // first after the site was turned back on) already holds the new text.
    if (this.sync() || this.text !== this.checkedText) {
      this.inputAt = start;
      if (!event?.isComposing) this.check();
    }
    this.env.requestDraw(this);
    measure('input', start);
  }

  onFocus() {
    this.ancestors = clippingAncestors(this.field);
    this.sync();
    if (this.text.trim() && this.text !== this.checkedText) this.check();
    this.env.requestDraw(this);
  }

  /** Checks the field now, without the typing delay (the site was just turned back on). */
  recheck() {
    this.ancestors = clippingAncestors(this.field);
    this.check.cancel();
    this.sendCheck();
  }

  /** True while the user is in this field (the only one retried quickly while the server is down). */
  focused() {
    const doc = this.field.ownerDocument;
    return doc.hasFocus() && focusedElement(doc) === this.field;
  }

  async sendCheck() {
    clearTimeout(this.retryTimer);
    this.sync();
    const text = this.text;
    const seq = ++this.seq;
    const inputAt = this.inputAt;
    if (!text.trim() || text.length > MAX_TEXT) {
      this.findings = [];
      this.checkedText = text;
      this.env.requestDraw(this);
      return;
    }
    const reply = await this.env.ask(message(Kind.CHECK, {
      text,
      question: questionFor(this.field),
      url: this.field.ownerDocument.location.href,
      site: this.env.site,
      focused: this.focused(),
    }));
    if (seq !== this.seq || this.destroyed) return; // a newer check is on its way
    if (!reply?.ok) {
      this.onFailure(reply);
      return;
    }
    this.checkedText = text;
    this.sync();
    this.findings = carrySpans(reply.findings, text, this.text);
    this.replyInputAt = inputAt;
    this.env.requestDraw(this);
  }

  onFailure(reply) {
    const code = reply?.error?.code;
    if (code === ErrorCode.SITE_OFF) {
      this.findings = [];
      this.env.requestDraw(this);
    } else if (code === ErrorCode.SERVER_DOWN && this.env.isCurrent(this)) {
      // Try again when the worker's back-off allows (about once a second while
      // the field has the focus); the text may change meanwhile.
      const delay = Math.max(MIN_RETRY_MS, reply.error.retryIn ?? 0);
      this.retryTimer = setTimeout(() => this.sendCheck(), delay);
    }
  }

  visible() {
    return visibleFindings(this.findings, this.env.settings(), this.env.site);
  }

  rectsOf(finding, origin) {
    if (this.kind === 'value') {
      return this.mirror.rects(finding.start, finding.end).map((r) => ({
        left: r.left + origin.left, top: r.top + origin.top, width: r.width, height: r.height,
      }));
    }
    const rectsFor = (a, b) => {
      const range = rangeFor(this.model, a, b);
      if (!range) return [];
      return [...range.getClientRects()].filter((r) => r.width >= 0.5)
        .map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
    };
    return lineBoxes(this.text, finding.start, finding.end, rectsFor);
  }

  draw() {
    if (this.destroyed) return;
    const start = now();
    if (!this.field.isConnected) {
      this.destroy();
      return;
    }
    this.sync();
    const visible = this.visible();
    // Rotated or skewed (or hidden): boxes could not sit under the words, so none are drawn.
    if (!visible.length || !this.field.getClientRects().length || distorted(this.field)) {
      this.layer.draw(null, []);
      this.drawn = [];
      return;
    }
    let origin = null;
    let box;
    if (this.kind === 'value') {
      origin = this.mirror.sync(this.field, this.text);
      box = origin.clip;
    } else {
      box = paddingBox(this.field);
    }
    const clip = visibleClip(box, this.ancestors);
    const items = [];
    this.drawn = visible.map((finding, index) => {
      const rects = this.rectsOf(finding, origin).filter((r) => intersect(r, clip));
      const passage = isPassage(finding);
      // Hover is tested against what shows: a box half scrolled out of the field is only its visible half.
      const shown = rects.map((r) => intersect(r, clip));
      for (const rect of rects) {
        items.push({
          rect, severity: finding.severity, rule: finding.rule, index, active: index === this.active, passage,
        });
      }
      return { finding, rects: shown, passage };
    });
    // Passages first, so the phrase underlines inside them are drawn on top.
    items.sort((a, b) => b.passage - a.passage);
    this.layer.draw(clip, items);
    measure('draw', start);
    if (this.replyInputAt !== undefined && items.length) {
      // The page cannot see the underlines (closed shadow root); the measure says how many findings are drawn.
      measure('keystroke-to-underline', this.replyInputAt, { findings: this.drawn.filter((d) => d.rects.length).length });
      this.replyInputAt = undefined;
    }
  }

  /** Indices of the drawn findings under viewport point (x, y), the narrowest first. */
  hits(x, y) {
    const found = [];
    this.drawn.forEach(({ rects }, index) => {
      if (rects.some((r) => x >= r.left && x <= r.left + r.width && y >= r.top - 2 && y <= r.top + r.height + 2)) {
        found.push(index);
      }
    });
    const size = (i) => this.drawn[i].finding.end - this.drawn[i].finding.start;
    return found.sort((a, b) => size(a) - size(b));
  }

  /** The index of the drawn finding under viewport point (x, y), or -1: a phrase before the passage around it. */
  hit(x, y) {
    return this.hits(x, y)[0] ?? -1;
  }

  /** Indices of the other drawn findings that cover the start of finding `index`. */
  around(index) {
    const { start } = this.drawn[index].finding;
    const out = [];
    this.drawn.forEach(({ finding }, i) => {
      if (i !== index && finding.start <= start && start < finding.end) out.push(i);
    });
    return out;
  }

  /**
   * The index of the next finding (reading order, wrapping), or -1: after drawn
   * finding `current` when one is open, else after the caret `offset`. Findings
   * that start at the same place (a phrase at the start of a passage) each get a turn.
   */
  nextAfter(offset, current = -1) {
    const visible = this.drawn.map((d) => d.finding);
    const next = nextFinding(visible, offset, visible[current] ?? null);
    return next ? visible.indexOf(next) : -1;
  }

  /** Remembers the caret of a contenteditable editor before the card takes the focus. */
  saveFocus() {
    const selection = this.field.ownerDocument.getSelection();
    const inside = selection?.rangeCount && this.field.contains(selection.anchorNode);
    this.savedRange = this.kind === 'editable' && inside ? selection.getRangeAt(0).cloneRange() : null;
  }

  /** Gives the focus back to the field, caret where it was (a textarea keeps its own). */
  restoreFocus() {
    this.field.focus({ preventScroll: true });
    if (this.savedRange) {
      const selection = this.field.ownerDocument.getSelection();
      selection.removeAllRanges();
      selection.addRange(this.savedRange);
    }
  }

  destroy() {
    this.destroyed = true;
    this.check.cancel();
    clearTimeout(this.retryTimer);
    this.layer.destroy();
    this.mirror?.remove();
    this.drawn = [];
    this.env.onDestroy?.(this);
  }
}
