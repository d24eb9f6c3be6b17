// When the card opens and closes: on hover over an underline (hit-tested against
// the drawn boxes, which let the pointer through), and from the keyboard
// (Alt+Shift+N: next finding; Escape: back to the text).

import { Card } from './card.js';
import { ruleUrl } from '../lib/findings.js';

const SHOW_DELAY_MS = 120;
const HIDE_DELAY_MS = 300;

export const isNextKey = (e) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN';

export class CardDriver {
  /** `hooks`: {controllers(), serverUrl(), requestDraw(ctrl), act(action, ctrl, finding)} */
  constructor(layer, hooks) {
    this.card = new Card(layer);
    this.hooks = hooks;
    this.showTimer = 0;
    this.hideTimer = 0;
    this.overCard = false;
    this.pending = null;
    this.card.onPointer = (inside) => {
      this.overCard = inside;
      if (inside) clearTimeout(this.hideTimer);
      else this.hideSoon();
    };
    this.card.onAction = (action, { owner, finding }) => {
      const hadFocus = this.card.hasFocus();
      this.hide();
      hooks.act(action, owner, finding);
      if (hadFocus) owner.restoreFocus?.();
    };
  }

  get owner() {
    return this.card.current?.owner ?? null;
  }

  open(ctrl, index, { focus = false } = {}) {
    const previous = this.owner;
    const drawn = ctrl.drawn[index];
    if (!drawn) return;
    if (previous && previous !== ctrl) {
      previous.active = -1;
      this.hooks.requestDraw(previous);
    }
    ctrl.active = index;
    const anchor = drawn.rects[0] ?? ctrl.field.getBoundingClientRect();
    this.card.show(ctrl, drawn.finding, anchor, { ruleUrl: ruleUrl(this.hooks.serverUrl(), drawn.finding.rule), focus });
    this.hooks.requestDraw(ctrl);
  }

  hide() {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    const owner = this.owner;
    this.card.hide();
    this.overCard = false;
    if (owner) {
      owner.active = -1;
      this.hooks.requestDraw(owner);
    }
  }

  hideSoon() {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (!this.overCard && !this.card.hasFocus()) this.hide();
    }, HIDE_DELAY_MS);
  }

  /** The pointer moved to viewport point (x, y). */
  hover(x, y) {
    if (this.card.hasFocus() || this.overCard) return;
    for (const ctrl of this.hooks.controllers()) {
      const index = ctrl.hit(x, y);
      if (index < 0) continue;
      clearTimeout(this.hideTimer);
      if (this.owner === ctrl && ctrl.active === index) return;
      const key = `${index}`;
      if (this.pending?.ctrl === ctrl && this.pending.key === key) return;
      clearTimeout(this.showTimer);
      this.pending = { ctrl, key };
      this.showTimer = setTimeout(() => {
        this.pending = null;
        this.open(ctrl, index);
      }, SHOW_DELAY_MS);
      return;
    }
    clearTimeout(this.showTimer);
    this.pending = null;
    if (this.card.open) this.hideSoon();
  }

  /** Keyboard: the shortcut opens the next finding's card; Escape goes back to the text. */
  key(event, current) {
    if (isNextKey(event)) {
      const ctrl = this.owner ?? current;
      if (!ctrl || !ctrl.drawn.length) return;
      const from = this.owner === ctrl && ctrl.active >= 0
        ? ctrl.drawn[ctrl.active].finding.start
        : (ctrl.caret() ?? -1);
      const index = ctrl.nextAfter(from);
      if (index < 0) return;
      event.preventDefault();
      event.stopPropagation();
      if (!this.card.hasFocus()) ctrl.saveFocus?.();
      this.open(ctrl, index, { focus: true });
    } else if (event.key === 'Escape' && this.card.open) {
      const owner = this.owner;
      const hadFocus = this.card.hasFocus();
      this.hide();
      if (hadFocus) {
        event.preventDefault();
        event.stopPropagation();
        owner.restoreFocus?.();
      }
    }
  }

  /** Keeps the open card next to its finding after a redraw (the finding may have moved). */
  reposition() {
    const owner = this.owner;
    if (!owner) return;
    const shown = this.card.current.finding;
    const same = (d) => d?.finding.rule === shown.rule && d.finding.text === shown.text;
    if (!same(owner.drawn[owner.active])) owner.active = owner.drawn.findIndex(same);
    const drawn = owner.drawn[owner.active];
    if (!drawn) {
      if (!this.card.hasFocus()) this.hide();
      return;
    }
    this.card.place(drawn.rects[0] ?? owner.field.getBoundingClientRect());
  }

  forget(ctrl) {
    if (this.owner === ctrl) this.hide();
  }
}
