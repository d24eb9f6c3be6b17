// The card shown for one finding: what blends in, why, what to write instead,
// the other findings at the same place, and the user's choices. It offers no
// replacement: Standout never edits text. It lives in the layer's closed shadow
// root and acts only on the user's own (trusted) clicks: a page script can
// neither read it nor press its buttons.

import { findingKind, findingTitle } from '../lib/findings.js';

const MAX_OTHERS = 4;

export class Card {
  constructor(layer) {
    const doc = layer.doc;
    this.el = doc.createElement('div');
    this.el.className = 'card';
    this.el.hidden = true;
    this.el.tabIndex = -1;
    this.el.setAttribute('role', 'dialog');
    this.el.innerHTML = `
      <div class="head"><span class="dot"></span><span class="title"></span></div>
      <div class="kind"></div>
      <p class="message"></p>
      <p class="advice"><b>Instead: </b><span></span></p>
      <div class="also" hidden><span class="also-label">Also here:</span></div>
      <div class="actions">
        <button type="button" data-action="ignore">Ignore here</button>
        <button type="button" data-action="disable">Turn off this rule</button>
        <button type="button" class="why" data-action="about">About this rule</button>
      </div>
      <div class="hint">Alt+Shift+N: next finding · Esc: back to the text</div>`;
    layer.viewport.append(this.el);
    this.current = null;
    this.el.addEventListener('click', (event) => {
      if (!event.isTrusted || !this.current) return;
      const button = event.target.closest?.('button');
      const action = button?.dataset.action;
      if (action === 'show') this.onShow?.(Number(button.dataset.index));
      else if (action) this.onAction?.(action, this.current);
    });
    // A click on a button leaves the keyboard focus (and the caret) in the field.
    this.el.addEventListener('mousedown', (event) => {
      if (event.target.closest?.('button')) event.preventDefault();
    });
    this.el.addEventListener('pointerenter', (event) => event.isTrusted && this.onPointer?.(true));
    this.el.addEventListener('pointerleave', (event) => event.isTrusted && this.onPointer?.(false));
  }

  get open() {
    return !this.el.hidden;
  }

  hasFocus() {
    const active = this.el.getRootNode().activeElement;
    return Boolean(active && this.el.contains(active));
  }

  /**
   * Shows `finding` of `owner` (a field controller) next to `anchor` (its first box,
   * viewport coordinates). `others` ([{index, finding}]) are the other findings at
   * that place, each a button that shows its own card. `focus` moves the keyboard
   * into the card.
   */
  show(owner, finding, anchor, { others = [], focus = false } = {}) {
    const el = this.el;
    this.current = { owner, finding };
    el.className = `card ${finding.severity}`;
    const title = findingTitle(finding);
    el.setAttribute('aria-label', `Standout: ${title}`);
    el.querySelector('.title').textContent = title;
    el.querySelector('.kind').textContent = findingKind(finding);
    el.querySelector('.message').textContent = finding.message;
    el.querySelector('.advice span').textContent = finding.advice;
    el.querySelector('.advice').hidden = !finding.advice;
    const also = el.querySelector('.also');
    also.replaceChildren(also.firstElementChild, ...others.slice(0, MAX_OTHERS).map(({ index, finding: other }) => {
      const button = el.ownerDocument.createElement('button');
      button.type = 'button';
      button.dataset.action = 'show';
      button.dataset.index = String(index);
      button.className = `other ${other.severity}`;
      button.textContent = findingTitle(other);
      return button;
    }));
    also.hidden = !others.length;
    el.hidden = false;
    this.place(anchor);
    if (focus) el.querySelector('.actions button').focus({ preventScroll: true });
  }

  /** Places the card below the anchor, or above it when there is no room below. */
  place(anchor) {
    if (!anchor || this.el.hidden) return;
    const view = this.el.ownerDocument.defaultView;
    const { width, height } = this.el.getBoundingClientRect();
    const left = Math.max(8, Math.min(anchor.left, view.innerWidth - width - 8));
    const below = anchor.top + anchor.height + 6;
    const top = below + height > view.innerHeight - 8 && anchor.top - height - 6 >= 8
      ? anchor.top - height - 6
      : below;
    this.el.style.left = `${left}px`;
    this.el.style.top = `${top}px`;
  }

  hide() {
    this.el.hidden = true;
    this.current = null;
  }
}
