import { test } from 'node:test';
import assert from 'node:assert/strict';
import { debounce, Backoff, CHECK_DELAY_MS } from '../lib/timing.js';

/** Fake timers: time only moves when the test says so. */
function fakeTimers() {
  let now = 0;
  let id = 0;
  const queue = new Map();
  return {
    setTimeout: (fn, ms) => {
      queue.set(++id, { fn, at: now + ms });
      return id;
    },
    clearTimeout: (handle) => queue.delete(handle),
    advance(ms) {
      now += ms;
      for (const [handle, t] of [...queue].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now) {
          queue.delete(handle);
          t.fn();
        }
      }
    },
    now: () => now,
  };
}

test('the check delay is about 300 ms', () => {
  assert.ok(CHECK_DELAY_MS >= 250 && CHECK_DELAY_MS <= 400);
});

test('debounce runs once, after the last call, with its arguments', () => {
  const timers = fakeTimers();
  const calls = [];
  const d = debounce((x) => calls.push(x), 300, timers);
  d('a');
  timers.advance(200);
  d('b');
  timers.advance(200);
  assert.deepEqual(calls, []);
  timers.advance(100);
  assert.deepEqual(calls, ['b']);
});

test('debounce cancel and flush', () => {
  const timers = fakeTimers();
  const calls = [];
  const d = debounce((x) => calls.push(x), 300, timers);
  d('a');
  d.cancel();
  timers.advance(1000);
  assert.deepEqual(calls, []);
  d('b');
  d.flush();
  assert.deepEqual(calls, ['b']);
  d.flush();
  assert.deepEqual(calls, ['b'], 'flush with nothing pending does nothing');
});

test('back-off doubles up to the cap and resets on success', () => {
  let now = 0;
  const b = new Backoff({ base: 1000, max: 8000, now: () => now });
  assert.equal(b.ready(), true);
  assert.equal(b.down, false);
  assert.deepEqual([b.fail(), b.fail(), b.fail(), b.fail(), b.fail()], [1000, 2000, 4000, 8000, 8000]);
  assert.equal(b.down, true);
  assert.equal(b.ready(), false);
  now += 7999;
  assert.equal(b.waitMs(), 1);
  now += 1;
  assert.equal(b.ready(), true);
  b.succeed();
  assert.equal(b.down, false);
  assert.equal(b.fail(), 1000);
});

test('an urgent caller waits at most its cap after the last failure', () => {
  let now = 0;
  const b = new Backoff({ base: 1000, max: 60_000, now: () => now });
  for (let i = 0; i < 7; i++) b.fail(); // 64 s, capped at 60 s
  assert.equal(b.waitMs(), 60_000);
  assert.equal(b.waitMs(1000), 1000);
  now += 999;
  assert.deepEqual([b.ready(), b.ready(1000)], [false, false]);
  now += 1;
  assert.deepEqual([b.ready(), b.ready(1000)], [false, true]);
  assert.equal(b.fail(), 60_000, 'a failed urgent attempt still counts');
  assert.equal(b.waitMs(1000), 1000);
  b.succeed();
  assert.deepEqual([b.ready(), b.waitMs(1000)], [true, 0]);
});
