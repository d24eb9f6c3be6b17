// Where characters of a textarea or text input are on screen. A hidden mirror
// element copies the field's computed text style; a Range over the mirror's text
// gives each character's box, which is then placed over the field, minus the
// field's own scrolling, and scaled by the transforms above the field (see
// geometry.js). The field is only read, never changed.

import { lineBoxes, screenScale } from './geometry.js';

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

    // Screen pixels per zoomed layout pixel: the mirror is laid out like the field,
    // the field is drawn scaled by any transform above it.
    const { rect: box, x: sx, y: sy } = screenScale(field, cs);
    this.scale = { x: sx, y: sy };
    const left = box.left + (px(cs.borderLeftWidth) + px(cs.paddingLeft) - field.scrollLeft) * zoom * sx;
    let top = box.top + (px(cs.borderTopWidth) + px(cs.paddingTop) - field.scrollTop) * zoom * sy;
    if (single) {
      // An input centres its one line vertically in its content box.
      const content = (field.clientHeight - px(cs.paddingTop) - px(cs.paddingBottom)) * zoom * sy;
      top += (content - this.origin.height * sy) / 2;
    }
    return {
      left,
      top,
      clip: {
        left: box.left + px(cs.borderLeftWidth) * zoom * sx,
        top: box.top + px(cs.borderTopWidth) * zoom * sy,
        width: field.clientWidth * zoom * sx,
        height: field.clientHeight * zoom * sy,
      },
    };
  }

  /**
   * Boxes of `[start, end)`, one per line, relative to the field's content origin
   * on screen (call `sync` first).
   */
  rects(start, end) {
    const len = this.text.data.length;
    const { origin, scale } = this;
    const rectsFor = (a, b) => {
      this.range.setStart(this.text, Math.min(a, len));
      this.range.setEnd(this.text, Math.min(b, len));
      const out = [];
      for (const r of this.range.getClientRects()) {
        if (r.width < 0.5) continue;
        out.push({
          left: (r.left - origin.left) * scale.x, top: (r.top - origin.top) * scale.y,
          width: r.width * scale.x, height: r.height * scale.y,
        });
      }
      return out;
    };
    return lineBoxes(this.text.data, start, end, rectsFor);
  }

  remove() {
    this.el.remove();
  }
}
