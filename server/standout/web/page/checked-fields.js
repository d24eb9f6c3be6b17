// The page's text areas, underlined and carded by the extension's own modules
// (served under /ext/ by the server): the same FieldController, layer and card
// as in application forms. Only the transport differs: where the extension asks
// its service worker, the page calls /v1/check on its own origin, with the
// context of the page's fields, and hands each reply to its report.

import { FieldController } from '/ext/content/controller.js';
import { CardDriver } from '/ext/content/card-driver.js';
import { layerFor } from '/ext/content/layer.js';
import { readFindings } from '/ext/lib/findings.js';
import * as api from './api.js';

export const SITE = 'standout-page';
const RETRY_MS = 2000;

export class CheckedFields {
  /** `hooks`: {settings(), act(action, finding), status(problem|null), categoryTitles()} */
  constructor(doc, hooks) {
    this.doc = doc;
    this.hooks = hooks;
    this.fields = new Map(); // textarea -> {ctrl, options}
    this.dirty = new Set();
    this.frame = 0;
    this.layer = layerFor(doc);
    this.current = null;
    const env = {
      layer: this.layer,
      site: SITE,
      settings: () => hooks.settings(),
      requestDraw: (ctrl) => this.requestDraw(ctrl),
      isCurrent: (ctrl) => ctrl === this.current,
      onDestroy: () => {},
    };
    this.env = env;
    this.cards = new CardDriver(this.layer, {
      controllers: () => [...this.fields.values()].map((f) => f.ctrl),
      serverUrl: () => location.origin, // the rule pages are on this same server
      requestDraw: (ctrl) => this.requestDraw(ctrl),
      act: (action, _ctrl, finding) => {
        if (action === 'about') window.open(`/rules/${encodeURIComponent(finding.rule)}`, '_blank', 'noopener');
        else hooks.act(action, finding);
      },
    });
    this.listen();
  }

  /** Watches `field`; `options.context()` gives its context, `options.onReply(reply, text, findings)` gets each report. */
  watch(field, options) {
    const fields = this;
    const env = {
      ...this.env,
      // The extension's controller sends {kind, text, question, url, site}; the page knows the context itself.
      async send(msg) {
        const started = performance.now();
        const result = await api.check(msg.text, options.context());
        if (!result.ok) {
          fields.hooks.status(result.error.message);
          return { ok: false, error: { code: result.error.code === 'server-down' ? 'server-down' : 'server-error', retryIn: RETRY_MS } };
        }
        fields.hooks.status(null);
        const findings = readFindings(result.body, msg.text, fields.hooks.categoryTitles());
        options.onReply(result.body, msg.text, findings, started);
        return { ok: true, findings };
      },
    };
    env.ask = env.send;
    const ctrl = new FieldController(field, 'value', env);
    this.fields.set(field, { ctrl, options });
    new ResizeObserver(() => this.requestDraw(ctrl)).observe(field);
    return ctrl;
  }

  controller(field) {
    return this.fields.get(field)?.ctrl ?? null;
  }

  /** Checks `field` again now (its context changed, or a draft was loaded into it). */
  recheck(field) {
    const ctrl = this.controller(field);
    if (!ctrl) return;
    ctrl.check.cancel();
    ctrl.sync();
    ctrl.sendCheck();
  }

  requestDraw(ctrl) {
    this.dirty.add(ctrl);
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        const batch = [...this.dirty];
        this.dirty.clear();
        for (const c of batch) c.draw();
        this.cards.reposition();
        this.afterDraw?.();
      });
    }
  }

  redrawAll() {
    for (const { ctrl } of this.fields.values()) this.requestDraw(ctrl);
  }

  /** Opens the card of `finding` in `field` (from the report), the caret at its start. */
  show(field, finding, { focusCard = false } = {}) {
    const ctrl = this.controller(field);
    if (!ctrl) return;
    field.focus({ preventScroll: true });
    field.setSelectionRange(finding.start, finding.start);
    scrollToOffset(field, finding.start);
    this.current = ctrl;
    ctrl.draw();
    const index = ctrl.drawn.findIndex((d) => d.finding.start === finding.start && d.finding.rule === finding.rule);
    if (index >= 0) this.cards.open(ctrl, index, { focus: focusCard });
  }

  listen() {
    const doc = this.doc;
    const mine = (event) => this.fields.get(event.target)?.ctrl ?? null;
    doc.addEventListener('focusin', (event) => {
      const ctrl = mine(event);
      if (!ctrl) return;
      this.current = ctrl;
      ctrl.onFocus();
    }, true);
    doc.addEventListener('input', (event) => {
      const ctrl = mine(event);
      if (!ctrl) return;
      this.current = ctrl;
      if (event.isTrusted) this.cards.typing?.();
      ctrl.onInput(event);
    }, true);
    doc.addEventListener('scroll', () => {
      this.cards.scrolled?.();
      this.redrawAll();
    }, { capture: true, passive: true });
    window.addEventListener('resize', () => this.redrawAll(), { passive: true });
    doc.addEventListener('mousemove', (event) => {
      if (!event.isTrusted) return;
      if (this.cards.pointer) this.cards.pointer(event);
      else this.cards.hover(event.clientX, event.clientY);
    }, { capture: true, passive: true });
    doc.addEventListener('keydown', (event) => {
      if (event.isTrusted) this.cards.key(event, this.current);
    }, true);
  }
}

/** Scrolls a textarea so that character `offset` is in view (its line, roughly). */
function scrollToOffset(field, offset) {
  const before = field.value.slice(0, offset);
  const lines = before.split('\n').length - 1;
  const lineHeight = parseFloat(getComputedStyle(field).lineHeight) || 24;
  const target = lines * lineHeight;
  if (target < field.scrollTop || target > field.scrollTop + field.clientHeight - lineHeight) {
    field.scrollTop = Math.max(0, target - field.clientHeight / 3);
  }
}
