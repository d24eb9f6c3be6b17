// The part of a field that is actually visible: its box, cut by every scrolling
// or clipping ancestor (a modal with overflow: auto, a collapsed panel), so
// underlines never show over unrelated parts of the page.

import { screenScale } from './geometry.js';

export function intersect(a, b) {
  if (!a || !b) return null;
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.left + a.width, b.left + b.width);
  const bottom = Math.min(a.top + a.height, b.top + b.height);
  if (right <= left || bottom <= top) return null;
  return { left, top, width: right - left, height: bottom - top };
}

/** Ancestors (across shadow roots) whose overflow clips their content. */
export function clippingAncestors(el) {
  const out = [];
  const view = el.ownerDocument.defaultView;
  let node = el.parentElement ?? el.getRootNode().host;
  while (node && node !== el.ownerDocument.documentElement) {
    if (node !== el.ownerDocument.body) {
      const cs = view.getComputedStyle(node);
      if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') out.push(node);
    }
    node = node.parentElement ?? node.getRootNode().host;
  }
  return out;
}

/** The padding box of `el` in viewport coordinates (where its content can show). */
export function paddingBox(el) {
  if (!el.clientWidth && !el.clientHeight) {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  }
  // Client sizes are unzoomed and untransformed; the rect is neither.
  const { rect: r, zoom, x, y } = screenScale(el);
  return {
    left: r.left + el.clientLeft * zoom * x,
    top: r.top + el.clientTop * zoom * y,
    width: el.clientWidth * zoom * x,
    height: el.clientHeight * zoom * y,
  };
}

export function visibleClip(box, ancestors) {
  let clip = box;
  for (const a of ancestors) clip = intersect(clip, paddingBox(a));
  return clip;
}
