// Waiting: a debounce for checks while the user types, and an exponential
// back-off for retries while the server is down. Timers and the clock are
// injectable so the tests run without waiting.

export const CHECK_DELAY_MS = 300;

/**
 * `fn` called once, `wait` ms after the last call, with the last call's arguments.
 * The returned function has `cancel()` and `flush()` (run now if pending).
 */
export function debounce(fn, wait, timers = globalThis) {
  let handle = null;
  let lastArgs = null;
  const run = () => {
    handle = null;
    const args = lastArgs;
    lastArgs = null;
    fn(...args);
  };
  const debounced = (...args) => {
    lastArgs = args;
    if (handle !== null) timers.clearTimeout(handle);
    handle = timers.setTimeout(run, wait);
  };
  debounced.cancel = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
    lastArgs = null;
  };
  debounced.flush = () => {
    if (handle === null) return;
    timers.clearTimeout(handle);
    run();
  };
  return debounced;
}

/**
 * Exponential back-off: after each failure the next attempt waits twice as long,
 * from `base` up to `max` ms; a success resets it. No jitter: there is one client
 * (this browser) and one server (on the same machine). `ready(cap)` and
 * `waitMs(cap)` let an urgent caller (the field the user is typing in) wait at
 * most `cap` ms after the last failure, so recovery is noticed within about that.
 */
export class Backoff {
  constructor({ base = 1000, max = 60_000, factor = 2, now = () => Date.now() } = {}) {
    this.base = base;
    this.max = max;
    this.factor = factor;
    this.now = now;
    this.failures = 0;
    this.nextAt = 0;
    this.failedAt = 0;
  }

  /** The delay that follows `failures` failures in a row. */
  delayAfter(failures) {
    if (failures <= 0) return 0;
    return Math.min(this.max, this.base * this.factor ** (failures - 1));
  }

  /** Records a failure; returns the ms to wait before the next attempt. */
  fail() {
    this.failures += 1;
    const delay = this.delayAfter(this.failures);
    this.failedAt = this.now();
    this.nextAt = this.failedAt + delay;
    return delay;
  }

  succeed() {
    this.failures = 0;
    this.nextAt = 0;
  }

  get down() {
    return this.failures > 0;
  }

  /** When the next attempt may be made, waiting at most `cap` ms after the last failure. */
  readyAt(cap = Infinity) {
    return this.failures ? Math.min(this.nextAt, this.failedAt + cap) : 0;
  }

  /** True when an attempt may be made now. */
  ready(cap = Infinity) {
    return this.now() >= this.readyAt(cap);
  }

  /** Ms until the next attempt may be made (0 when ready). */
  waitMs(cap = Infinity) {
    return Math.max(0, this.readyAt(cap) - this.now());
  }
}
