// How an element's layout maps onto the screen. CSS transforms on a field or an
// ancestor (an embedded form scaled to fit, `transform: scale(0.8)`) move and
// resize what is drawn without changing layout: computed lengths, client sizes
// and scroll offsets stay unscaled while boxes on screen do not. A scale (and a
// translation) can be measured and applied; a rotation, a skew, a flip or a 3D
// transform cannot be followed by axis-aligned boxes, so there underlines are
// not drawn at all rather than drawn in the wrong place.

const EPS = 1e-4;
const px = (value) => parseFloat(value) || 0;

function numbers(matrix) {
  return matrix.slice(matrix.indexOf('(') + 1, -1).split(',').map(Number);
}

/** True for `none` and for matrices that only scale (by positive factors) and translate. */
function scalesOnly(transform) {
  if (!transform || transform === 'none') return true;
  const m = numbers(transform);
  if (transform.startsWith('matrix3d(')) {
    // Column-major 4x4: a 2D scale and translation leaves only m0, m5, m10 = 1, m12, m13, m15 = 1.
    const zero = [1, 2, 3, 4, 6, 7, 8, 9, 11, 14];
    return m[0] > 0 && m[5] > 0 && zero.every((i) => Math.abs(m[i]) < EPS)
      && Math.abs(m[10] - 1) < EPS && Math.abs(m[15] - 1) < EPS;
  }
  const [a, b, c, d] = m;
  return a > 0 && d > 0 && Math.abs(b) < EPS && Math.abs(c) < EPS;
}

function rotates(rotate) {
  return Boolean(rotate) && rotate !== 'none' && px(rotate.split(' ').pop()) !== 0;
}

function flips(scale) {
  return Boolean(scale) && scale !== 'none' && scale.split(' ').some((s) => px(s) <= 0);
}

/**
 * True when `el` or an ancestor (across shadow roots) is rotated, skewed,
 * flipped or transformed in 3D: its text is not laid out along the screen's axes.
 */
export function distorted(el) {
  const view = el.ownerDocument.defaultView;
  for (let node = el; node?.nodeType === 1; node = node.parentElement ?? node.getRootNode().host) {
    const cs = view.getComputedStyle(node);
    if (!scalesOnly(cs.transform) || rotates(cs.rotate) || flips(cs.scale)) return true;
  }
  return false;
}

function layoutSize(el, cs) {
  const border = cs.boxSizing === 'border-box';
  const extraX = border ? 0 : px(cs.paddingLeft) + px(cs.paddingRight) + px(cs.borderLeftWidth) + px(cs.borderRightWidth);
  const extraY = border ? 0 : px(cs.paddingTop) + px(cs.paddingBottom) + px(cs.borderTopWidth) + px(cs.borderBottomWidth);
  const width = cs.width.endsWith('px') ? px(cs.width) + extraX : el.offsetWidth;
  const height = cs.height.endsWith('px') ? px(cs.height) + extraY : el.offsetHeight;
  return { width, height };
}

/**
 * `{rect, zoom, x, y}`: the element's box on screen, its CSS zoom, and how many
 * screen pixels one zoomed layout pixel takes across (`x`) and down (`y`): 1
 * without transforms, 0.8 inside `transform: scale(0.8)`.
 */
export function screenScale(el, cs = el.ownerDocument.defaultView.getComputedStyle(el)) {
  const rect = el.getBoundingClientRect();
  const zoom = el.currentCSSZoom ?? 1;
  const { width, height } = layoutSize(el, cs);
  return {
    rect,
    zoom,
    x: width > 0 && rect.width > 0 ? rect.width / (width * zoom) : 1,
    y: height > 0 && rect.height > 0 ? rect.height / (height * zoom) : 1,
  };
}

/**
 * Boxes for `[start, end)` of `text`, one per line, without the white space at
 * either end of a line: a phrase that wraps after "a " gets no stub under the
 * space, on the right in left-to-right text or at the far side in right-to-left
 * text. `rectsFor(a, b)` gives the boxes of a sub-range. The whole range is
 * measured first; only a range that covers more than one box is measured word
 * by word, and the words of each line joined.
 */
export function lineBoxes(text, start, end, rectsFor) {
  const whole = rectsFor(start, end);
  if (whole.length <= 1) return whole;
  const lines = [];
  for (const word of text.slice(start, end).matchAll(/\S+/g)) {
    const from = start + word.index;
    for (const r of rectsFor(from, from + word[0].length)) join(lines, r);
  }
  return lines;
}

function join(lines, r) {
  const middle = r.top + r.height / 2;
  const line = lines.find((l) => middle > l.top && middle < l.top + l.height);
  if (!line) {
    lines.push({ left: r.left, top: r.top, width: r.width, height: r.height });
    return;
  }
  const right = Math.max(line.left + line.width, r.left + r.width);
  line.left = Math.min(line.left, r.left);
  line.width = right - line.left;
}
