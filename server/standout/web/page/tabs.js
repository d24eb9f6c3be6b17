// The three panels as tabs (WAI-ARIA tabs pattern: arrow keys move between tabs).

export function tabs(root, onChange) {
  const list = [...root.querySelectorAll('[role="tab"]')];
  const select = (tab, focus = true) => {
    for (const t of list) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
    onChange?.(tab.id);
  };
  for (const tab of list) {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      const i = list.indexOf(tab);
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: list.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(list[(next + list.length) % list.length]);
    });
  }
  return { select: (id) => select(document.getElementById(id), false) };
}
