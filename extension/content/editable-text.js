// The text of a contenteditable editor as the server sees it, and the way back
// from an offset in that text to a place in the DOM (for Ranges). Block elements
// become line breaks, so paragraphs stay paragraphs; every text node keeps its
// own characters, so offsets map one to one. The editor's DOM is only read.

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul',
]);
// Blocks that separate paragraphs (a blank line), not just lines.
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'table']);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg']);

/**
 * `{text, runs}` where `runs[i] = {node, start}` places each text node in `text`.
 * In an editor where white space collapses, raw line breaks inside text nodes are
 * read as spaces (same length, so offsets still match the nodes).
 */
export function readEditable(root) {
  const view = root.ownerDocument.defaultView;
  const collapses = !/^(pre|pre-wrap|pre-line|break-spaces)$/.test(view.getComputedStyle(root).whiteSpace);
  let text = '';
  const runs = [];
  const lineBreaks = (count) => {
    if (!text) return;
    let have = 0;
    while (have < count && text[text.length - 1 - have] === '\n') have++;
    text += '\n'.repeat(count - have);
  };
  const walk = (parent) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        if (!node.data) continue;
        runs.push({ node, start: text.length });
        text += collapses ? node.data.replace(/[\n\r\t\f]/g, ' ') : node.data;
      } else if (node.nodeType === 1) {
        const tag = node.localName;
        if (SKIP.has(tag)) continue;
        if (tag === 'br') {
          text += '\n';
          continue;
        }
        const block = BLOCKS.has(tag);
        const breaks = PARAGRAPHS.has(tag) ? 2 : 1;
        if (block) lineBreaks(breaks);
        walk(node);
        if (block) lineBreaks(breaks);
      }
    }
  };
  walk(root);
  return { text, runs };
}

/** Index of the last run starting at or before `offset` (-1 if none). */
function runAt(runs, offset) {
  let lo = 0;
  let hi = runs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * The DOM point `{node, offset}` for a text offset. A start point that falls at
 * the end of a text node (or in a line break between blocks) moves to the next
 * text node; an end point stays in the node before.
 */
export function pointAt(model, offset, edge = 'start') {
  const { runs } = model;
  let i = runAt(runs, offset);
  if (edge === 'start') {
    if (i < 0 || offset >= runs[i].start + runs[i].node.data.length) i += 1;
    if (i >= runs.length) return null;
    return { node: runs[i].node, offset: Math.max(0, offset - runs[i].start) };
  }
  if (i >= 0 && offset === runs[i].start && i > 0) i -= 1;
  if (i < 0) return null;
  return { node: runs[i].node, offset: Math.min(runs[i].node.data.length, offset - runs[i].start) };
}

/** A Range over `[start, end)` of the editor's text, or null when it is not in the DOM. */
export function rangeFor(model, start, end) {
  const a = pointAt(model, start, 'start');
  const b = pointAt(model, end, 'end');
  if (!a || !b) return null;
  const range = a.node.ownerDocument.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return null; // the node changed under us; the next update redraws
  }
  return range.collapsed ? null : range;
}
