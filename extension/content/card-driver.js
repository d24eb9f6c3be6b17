// When the card opens and closes: on a deliberate hover over an underline
// (hit-tested against the drawn boxes, which let the pointer through), and from
// the keyboard (Alt+Shift+N: next finding; Escape: back to the text). Only the
// user's own input counts: main.js passes trusted events only.

import { Card } from './card.js';

const SHOW_DELAY_MS = 120;
const HIDE_DELAY_MS = 300;

export const isNextKey = (e) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN';

export class CardDriver {
  /** `hooks`: {controllers(), requestDraw(ctrl), act(action, ctrl, finding)} */
  constructor(layer, hooks) {
    this.card = new Card(layer);
    this.hooks = hooks;
    this.showTimer = 0;
    this.hideTimer = 0;
    this.overCard = false;
    this.pending = null;
    this.pointerAt = null;
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
    // "Also here": the card of another finding at the same place.
    this.card.onShow = (index) => {
      const owner = this.owner;
      if (!owner?.drawn[index]) return;
      this.open(owner, index, { focus: this.card.hasFocus(), others: owner.around(index) });
    };
  }

  get owner() {
    return this.card.current?.owner ?? null;
  }

  /** Opens the card of drawn finding `index` of `ctrl`; `others` are indices of findings at the same place. */
  open(ctrl, index, { focus = false, others = [] } = {}) {
    const previous = this.owner;
    const drawn = ctrl.drawn[index];
    if (!drawn) return;
    if (previous && previous !== ctrl) {
      previous.active = -1;
      this.hooks.requestDraw(previous);
    }
    ctrl.active = index;
    const anchor = drawn.rects[0] ?? ctrl.field.getBoundingClientRect();
    const listed = others.filter((i) => i !== index && ctrl.drawn[i])
      .map((i) => ({ index: i, finding: ctrl.drawn[i].finding }));
    this.card.show(ctrl, drawn.finding, anchor, { others: listed, focus });
    this.hooks.requestDraw(ctrl);
  }

  hide() {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    this.pending = null;
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

  cancelPending() {
    clearTimeout(this.showTimer);
    this.pending = null;
  }

  /**
   * A (trusted) mousemove. Browsers also send one when the page scrolls or its
   * layout changes under a still pointer; only a pointer that really moved, with
   * no button held (selecting text), may open a card.
   */
  pointer(event) {
    const { clientX: x, clientY: y } = event;
    const last = this.pointerAt;
    this.pointerAt = { x, y };
    if (last && last.x === x && last.y === y) return;
    if (event.buttons) {
      this.cancelPending();
      return;
    }
    this.hover(x, y);
  }

  /** The pointer moved to viewport point (x, y); a card opens once it rests on an underline. */
  hover(x, y) {
    if (this.card.hasFocus() || this.overCard) return;
    for (const ctrl of this.hooks.controllers()) {
      const found = ctrl.hits(x, y);
      if (!found.length) continue;
      const [index] = found;
      clearTimeout(this.hideTimer);
      if (this.owner === ctrl && ctrl.active === index) return;
      if (this.pending?.ctrl === ctrl && this.pending.index === index) return;
      clearTimeout(this.showTimer);
      this.pending = { ctrl, index };
      this.showTimer = setTimeout(() => {
        this.pending = null;
        // The finding may have moved away from the still pointer meanwhile (typing, a reply).
        const now = ctrl.hits(x, y);
        if (now[0] === index) this.open(ctrl, index, { others: now.slice(1) });
      }, SHOW_DELAY_MS);
      return;
    }
    this.cancelPending();
    if (this.card.open) this.hideSoon();
  }

  /** The user typed in a field: a card opened by hovering gets out of the way. */
  typing() {
    this.cancelPending();
    if (this.card.open && !this.card.hasFocus()) this.hide();
  }

  /** The page or a field scrolled: underlines moved under the pointer, which did not ask for them. */
  scrolled() {
    this.cancelPending();
  }

  /** Keyboard: the shortcut opens the next finding's card; Escape goes back to the text. */
  key(event, current) {
    if (isNextKey(event)) {
      const ctrl = this.owner ?? current;
      if (!ctrl || !ctrl.drawn.length) return;
      const open = this.owner === ctrl && ctrl.active >= 0 ? ctrl.active : -1;
      const index = ctrl.nextAfter(ctrl.caret() ?? -1, open);
      if (index < 0) return;
      event.preventDefault();
      event.stopPropagation();
      if (!this.card.hasFocus()) ctrl.saveFocus?.();
      this.open(ctrl, index, { focus: true, others: ctrl.around(index) });
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
