// Performance marks for measuring the content script's work (read by the
// end-to-end tests and bench). Off unless the `perfMarks` setting is on, so
// ordinary pages' performance timelines stay clean.

let enabled = false;

export function setPerfMarks(on) {
  enabled = Boolean(on);
}

export function now() {
  return performance.now();
}

/** Records a measure named `standout:<name>` from `start` (a `now()` value) to now, with `detail`. */
export function measure(name, start, detail = undefined) {
  if (!enabled || start === null || start === undefined) return;
  try {
    performance.measure(`standout:${name}`, { start, end: performance.now(), detail });
  } catch {
    // A page that replaced `performance` gets no marks.
  }
}
