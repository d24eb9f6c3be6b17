// Where characters of a textarea or text input are on screen. A hidden mirror
// element copies the field's computed text style; a Range over the mirror's text
// gives each character's box, which is then placed over the field, minus the
// field's own scrolling. The field is only read, never changed.

const COPIED = [
  'direction', 'fontFamily', 'fontSize', 'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch',
  'fontKerning', 'fontFeatureSettings', 'fontVariationSettings', 'fontSizeAdjust', 'lineHeight',
  'letterSpacing', 'wordSpacing', 'textIndent', 'textTransform', 'textAlign', 'tabSize',
  'textRendering', 'wordBreak', 'overflowWrap', 'hyphens', 'fontOpticalSizing',
];

const px = (value) => parseFloat(value) || 0;

export class Mirror {
  constructor(container) {
    const doc = container.ownerDocument;
    this.el = doc.createElement('div');
    this.el.className = 'mirror';
    this.text = doc.createTextNode('');
    this.el.append(this.text);
    container.append(this.el);
    this.range = doc.createRange();
  }

  /** Copies the field's style and text; returns the field's content origin on screen. */
  sync(field, value) {
    const cs = field.ownerDocument.defaultView.getComputedStyle(field);
    const style = this.el.style;
    for (const prop of COPIED) style[prop] = cs[prop];
    const single = field.localName === 'input';
    style.whiteSpace = single ? 'pre' : (cs.whiteSpace === 'normal' ? 'pre-wrap' : cs.whiteSpace);
    const padX = px(cs.paddingLeft) + px(cs.paddingRight);
    style.width = single ? 'auto' : `${Math.max(0, field.clientWidth - padX)}px`;
    // CSS zoom on an ancestor: computed lengths, client sizes and scroll offsets are
    // unzoomed, boxes on screen are zoomed. The mirror gets the field's zoom.
    const zoom = field.currentCSSZoom ?? 1;
    const relative = zoom / (this.el.parentElement.currentCSSZoom ?? 1);
    style.zoom = relative === 1 ? '' : String(relative);
    if (this.text.data !== value) this.text.data = value;
    this.origin = this.el.getBoundingClientRect();

    const box = field.getBoundingClientRect();
    const left = box.left + (px(cs.borderLeftWidth) + px(cs.paddingLeft) - field.scrollLeft) * zoom;
    let top = box.top + (px(cs.borderTopWidth) + px(cs.paddingTop) - field.scrollTop) * zoom;
    if (single) {
      // An input centres its one line vertically in its content box.
      const content = (field.clientHeight - px(cs.paddingTop) - px(cs.paddingBottom)) * zoom;
      top += (content - this.origin.height) / 2;
    }
    return {
      left,
      top,
      clip: {
        left: box.left + px(cs.borderLeftWidth) * zoom,
        top: box.top + px(cs.borderTopWidth) * zoom,
        width: field.clientWidth * zoom,
        height: field.clientHeight * zoom,
      },
    };
  }

  /** Boxes of `[start, end)` relative to the mirror's content origin (call `sync` first). */
  rects(start, end) {
    const len = this.text.data.length;
    this.range.setStart(this.text, Math.min(start, len));
    this.range.setEnd(this.text, Math.min(end, len));
    const { origin } = this;
    const out = [];
    for (const r of this.range.getClientRects()) {
      if (r.width < 0.5) continue;
      out.push({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height });
    }
    return out;
  }

  remove() {
    this.el.remove();
  }
}
