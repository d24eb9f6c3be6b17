// Which fields Standout watches: textareas, text inputs and contenteditable
// editors, minus everything that is not prose the user writes for a reader.

const SKIP_AUTOCOMPLETE = /\b(cc-[a-z-]+|one-time-code|current-password|new-password|username)\b/i;

/** The element an event really happened on, inside open shadow roots too. */
export function eventTarget(event) {
  const path = event.composedPath?.();
  return (path && path[0]) || event.target;
}

/** The root of the contenteditable editor containing `node`, or null. */
export function editableRoot(node) {
  let el = node?.nodeType === 1 ? node : node?.parentElement;
  if (!el?.isContentEditable) return null;
  while (el.parentElement?.isContentEditable) el = el.parentElement;
  return el;
}

function optedOut(el) {
  if (el.closest('[data-standout="off"]')) return true;
  const spell = el.closest('[spellcheck]');
  if (spell && spell.getAttribute('spellcheck') === 'false') return true;
  const autocomplete = el.getAttribute('autocomplete') ?? '';
  return SKIP_AUTOCOMPLETE.test(autocomplete);
}

/** 'value' (textarea / text input), 'editable' (contenteditable) or null (not watched). */
export function fieldKind(el) {
  if (!el || el.nodeType !== 1) return null;
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'input') {
    if (tag === 'input' && el.type !== 'text') return null; // password, email, tel, number, search, ...
    if (el.readOnly || el.disabled || el.matches(':disabled')) return null;
    return optedOut(el) ? null : 'value';
  }
  if (el.isContentEditable) {
    if (editableRoot(el) !== el) return null;
    return optedOut(el) ? null : 'editable';
  }
  return null;
}

/** The watched field an event target belongs to, or null. */
export function fieldOf(target) {
  if (!target || target.nodeType === undefined) return null;
  if (fieldKind(target) === 'value') return target;
  const root = editableRoot(target);
  return root && fieldKind(root) === 'editable' ? root : null;
}
