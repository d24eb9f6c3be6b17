// The card shown for one finding: what blends in, why, what to write instead,
// and the user's choices. It offers no replacement: Standout never edits text.

export class Card {
  constructor(layer) {
    const doc = layer.doc;
    this.el = doc.createElement('div');
    this.el.className = 'card';
    this.el.hidden = true;
    this.el.tabIndex = -1;
    this.el.setAttribute('role', 'dialog');
    this.el.innerHTML = `
      <div class="head"><span class="dot"></span><span class="title"></span><span class="category"></span></div>
      <p class="message"></p>
      <p class="advice"><b>Instead: </b><span></span></p>
      <div class="actions">
        <button type="button" data-action="ignore">Ignore here</button>
        <button type="button" data-action="disable">Turn off this rule</button>
        <a class="why" target="_blank" rel="noopener noreferrer">About this rule</a>
      </div>
      <div class="hint">Alt+Shift+N: next finding · Esc: back to the text</div>`;
    layer.viewport.append(this.el);
    this.current = null;
    this.el.addEventListener('click', (event) => {
      const action = event.target.closest?.('button')?.dataset.action;
      if (action && this.current) this.onAction?.(action, this.current);
    });
    this.el.addEventListener('pointerenter', () => this.onPointer?.(true));
    this.el.addEventListener('pointerleave', () => this.onPointer?.(false));
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
   * viewport coordinates). `focus` moves the keyboard into the card.
   */
  show(owner, finding, anchor, { ruleUrl, focus = false }) {
    const el = this.el;
    this.current = { owner, finding };
    el.className = `card ${finding.severity}`;
    el.setAttribute('aria-label', `Standout: ${finding.title || finding.rule}`);
    el.querySelector('.title').textContent = finding.title || finding.rule;
    el.querySelector('.category').textContent = `${finding.category} · ${finding.severity}`;
    el.querySelector('.message').textContent = finding.message;
    el.querySelector('.advice span').textContent = finding.advice;
    el.querySelector('.advice').hidden = !finding.advice;
    el.querySelector('.why').href = ruleUrl;
    el.hidden = false;
    this.place(anchor);
    if (focus) el.querySelector('button').focus({ preventScroll: true });
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
