// The isolated layer Standout draws in: one shadow-root host per document,
// attached to <html> (outside <body>, so no page selector or framework sees it),
// absolutely placed at the document's origin with no size: it never moves the
// page's layout. Each field gets a clipping box over it holding its underlines.
// The shadow root is closed: the page's scripts cannot reach the underlines,
// the finding's text or the card (`host.shadowRoot` is null to them).

import { HOST_STYLE, LAYER_CSS } from './styles.js';

const layers = new WeakMap();

export function layerFor(doc) {
  let layer = layers.get(doc);
  if (!layer) {
    layer = new Layer(doc);
    layers.set(doc, layer);
  }
  layer.attach();
  return layer;
}

class Layer {
  constructor(doc) {
    this.doc = doc;
    this.host = doc.createElement('standout-layer');
    this.host.setAttribute('style', HOST_STYLE);
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = LAYER_CSS;
    this.measure = this.div('measure');
    this.viewport = this.div('viewport');
    this.root.prepend(style);
  }

  div(className, parent = this.root) {
    const el = this.doc.createElement('div');
    el.className = className;
    parent.append(el);
    return el;
  }

  /** Puts the host back if the page removed it. */
  attach() {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
  }

  /** The host's top-left in viewport coordinates: layer coordinates = viewport - origin. */
  origin() {
    const r = this.host.getBoundingClientRect();
    return { x: r.left, y: r.top };
  }
}

/** One field's underlines. Boxes are reused between updates to keep DOM work small. */
export class FieldLayer {
  constructor(layer) {
    this.layer = layer;
    this.clip = layer.doc.createElement('div');
    this.clip.className = 'clip';
    layer.viewport.before(this.clip); // cards stay above every field's underlines
    this.boxes = [];
  }

  /**
   * Draws `items` ({rect, severity, rule, index, active, passage}, viewport coordinates) clipped to
   * `clip` (viewport coordinates), or nothing when `clip` is null.
   */
  draw(clip, items) {
    this.layer.attach();
    if (!clip || clip.width <= 0 || clip.height <= 0) {
      this.clip.style.display = 'none';
      return;
    }
    const o = this.layer.origin();
    const s = this.clip.style;
    s.display = 'block';
    s.left = `${clip.left - o.x}px`;
    s.top = `${clip.top - o.y}px`;
    s.width = `${clip.width}px`;
    s.height = `${clip.height}px`;
    while (this.boxes.length < items.length) this.boxes.push(this.layer.div('box', this.clip));
    this.boxes.forEach((box, i) => {
      const item = items[i];
      if (!item) {
        box.style.display = 'none';
        return;
      }
      box.className = `box ${item.severity}${item.active ? ' active' : ''}${item.passage ? ' passage' : ''}`;
      box.dataset.rule = item.rule;
      box.dataset.finding = String(item.index);
      const b = box.style;
      b.display = 'block';
      b.left = `${item.rect.left - clip.left}px`;
      b.top = `${item.rect.top - clip.top}px`;
      b.width = `${item.rect.width}px`;
      b.height = `${item.rect.height}px`;
    });
  }

  destroy() {
    this.clip.remove();
    this.boxes = [];
  }
}
