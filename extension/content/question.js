// The question a field answers ("Why do you want to work at Acme?"), sent as
// context with each check: its label, aria-label(ledby), placeholder, title, or
// the nearest heading before it.

const MAX = 300;
const HEADING = 'h1, h2, h3, h4, h5, h6, legend, [role="heading"], label';

function clean(text) {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > MAX ? t.slice(0, MAX) : t;
}

function labelledBy(el) {
  const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
}

function fieldLabel(el) {
  const labels = el.labels ? [...el.labels] : [];
  return labels.map((l) => l.textContent).join(' ');
}

/** The nearest heading-like element before `el` in document order (a bounded search). */
function nearestHeading(el) {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = el;
  for (let steps = 0; steps < 200; steps++) {
    const node = walker.previousNode();
    if (!node) return '';
    if (node.contains(el)) continue; // an ancestor, not something before the field
    if (node.matches(HEADING)) {
      const text = clean(node.textContent);
      if (text) return text;
    }
  }
  return '';
}

export function questionFor(el) {
  const candidates = [
    () => fieldLabel(el),
    () => labelledBy(el),
    () => el.getAttribute('aria-label'),
    () => el.getAttribute('placeholder') ?? el.getAttribute('data-placeholder'),
    () => el.getAttribute('title'),
    () => nearestHeading(el),
  ];
  for (const candidate of candidates) {
    const text = clean(candidate());
    if (text) return text;
  }
  return null;
}
