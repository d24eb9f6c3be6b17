// A Firefox end-to-end check: Debian's firefox-esr driven by puppeteer-core
// (WebDriver BiDi), the extension installed as a temporary add-on. Types into the
// test pages and reports what it sees as one JSON line; tests/e2e/test_firefox.py
// runs it and asserts: underlines and the card on a form, underlines in a scaled
// container, overlapping findings reached by pointer and keyboard, and cards that
// open only on a deliberate hover (issue 10, items 1, 2 and 7).
//
// WebDriver BiDi may not open moz-extension:// pages, so the options page cannot
// set the server address; the add-on installed is a copy of extension/ whose
// default address (lib/settings.js) is the test server's. Nothing else differs.
// Usage:
//   PAGES_URL=http://127.0.0.1:PORT SERVER_URL=http://127.0.0.1:PORT node test-firefox/run.js
import { fileURLToPath } from 'node:url';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const EXTENSION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { PAGES_URL, SERVER_URL } = process.env;
// The texts typed on the scaled and overlap pages (tests/e2e/test_geometry.py, test_overlaps.py).
const TEXTS = JSON.parse(process.env.STANDOUT_TEXTS ?? '{}');
const ARTIFACTS = path.join(EXTENSION, '..', 'tests', 'artifacts');
const FIREFOX = process.env.STANDOUT_FIREFOX ?? '/usr/bin/firefox-esr';
const LETTER = 'I am passionate about data. I am a team player.';

// The layer is a closed shadow root: page scripts (and puppeteer's selectors) cannot
// reach it. WebDriver BiDi can: serialising the host with includeShadowTree 'all'
// gives a reference to its shadow root, which a function run in the page then gets
// as `this`. `inLayer(page, fn, arg)` runs `fn(root, arg)` that way (root is null
// before anything was drawn) and returns its JSON result.
async function inLayer(page, fn, arg = null) {
  const connection = page.browser().connection;
  const target = { context: page.mainFrame()._id };
  const host = await connection.send('script.evaluate', {
    expression: "document.querySelector('standout-layer')",
    target, awaitPromise: false, resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const shadow = host.result.result?.value?.shadowRoot;
  const call = await connection.send('script.callFunction', {
    functionDeclaration: `function (arg) { 'use strict'; return JSON.stringify((${fn})(this ?? null, JSON.parse(arg))); }`,
    this: shadow?.sharedId ? { sharedId: shadow.sharedId } : { type: 'null' },
    arguments: [{ type: 'string', value: JSON.stringify(arg) }],
    target, awaitPromise: true, resultOwnership: 'none',
  });
  if (call.result.type === 'exception') throw new Error(`inLayer: ${JSON.stringify(call.result.exceptionDetails)}`);
  return JSON.parse(call.result.result.value);
}

const BOXES = `(root) => !root ? [] : [...root.querySelectorAll('.clip .box')]
  .filter((b) => b.style.display !== 'none' && b.parentElement.style.display !== 'none')
  .map((b) => { const r = b.getBoundingClientRect();
    return { rule: b.dataset.rule, finding: Number(b.dataset.finding), passage: b.classList.contains('passage'),
      left: r.left, top: r.top, width: r.width, height: r.height }; })`;

const CARD = `(root) => { const c = root?.querySelector('.card');
  return c && !c.hidden ? { title: c.querySelector('.title').textContent,
    also: [...c.querySelectorAll('.also button')].map((b) => b.textContent) } : null; }`;

/** Polls `probe()` until it returns something truthy; `more()` adds to the error when it does not. */
async function waitFor(probe, what, timeout = 15000, more = () => '') {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} ${await more()}`.trim());
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Offsets under the left and right ends of each box in the field `selector` (caretPositionFromPoint). */
async function offsetsUnder(page, selector, boxes) {
  return page.evaluate((sel, list) => list.map((b) => {
    const field = document.querySelector(sel);
    const y = b.top + b.height / 2;
    const at = (x) => {
      const c = document.caretPositionFromPoint(x, y);
      return c && c.offsetNode === field ? c.offset : null;
    };
    return { ...b, first: at(b.left + 1.5), last: at(b.left + b.width - 1.5) };
  }), selector, boxes);
}

async function fieldRect(page, selector) {
  return page.$eval(selector, (el) => { const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height }; });
}

const center = (b) => [b.left + b.width / 2, b.top + b.height / 2];

/** Item 1: underlines in a container scaled by a CSS transform. */
async function scaled(page) {
  await page.goto(`${PAGES_URL}/scaled.html`);
  await page.click('#answer');
  await page.keyboard.type(TEXTS.scaled);
  let seen = [];
  const boxes = await waitFor(async () => {
    seen = await inLayer(page, BOXES);
    return new Set(seen.map((x) => x.finding)).size >= 7 ? seen : null;
  }, 'seven findings in the scaled field', 15000, () => JSON.stringify({ seen, value: TEXTS.scaled?.length }));
  await page.screenshot({ path: path.join(ARTIFACTS, 'extension-firefox-scaled.png') });
  return {
    value: await page.$eval('#answer', (el) => el.value),
    field: await fieldRect(page, '#answer'),
    boxes: await offsetsUnder(page, '#answer', boxes),
  };
}

async function nextFindingKey(page) {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyN');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

/** Item 2: a passage that follows a sample, phrases inside it: pointer and keyboard. */
async function overlapping(page) {
  await page.goto(`${PAGES_URL}/overlap.html`);
  await page.click('#letter');
  await page.keyboard.type(TEXTS.overlap);
  const boxes = await waitFor(async () => {
    const b = await inLayer(page, BOXES);
    return b.some((x) => x.rule === 'sample.follows-sample') && b.some((x) => x.rule === 'cliche.team-player') ? b : null;
  }, 'the sample passage and the phrases in it');
  const team = boxes.find((b) => b.rule === 'cliche.team-player');
  await page.mouse.move(...center(team));
  const hovered = await waitFor(() => inLayer(page, CARD), 'the phrase card');
  await page.screenshot({ path: path.join(ARTIFACTS, 'extension-firefox-overlap.png') });
  await page.mouse.move(5, 5);
  await waitFor(async () => (await inLayer(page, CARD)) === null, 'the card to close');
  await page.keyboard.down('Control');
  await page.keyboard.press('Home');
  await page.keyboard.up('Control');
  const titles = [];
  const findings = new Set(boxes.map((b) => b.finding)).size;
  for (let i = 0; i <= findings; i++) {
    const previous = titles.at(-1);
    await nextFindingKey(page);
    titles.push((await waitFor(async () => {
      const c = await inLayer(page, CARD);
      return c && (c.title !== previous || findings === 1) ? c : null;
    }, 'the next card')).title);
  }
  await page.keyboard.press('Escape');
  return {
    passages: boxes.filter((b) => b.rule === 'sample.follows-sample').every((b) => b.passage),
    phrases: boxes.filter((b) => b.rule !== 'sample.follows-sample').every((b) => !b.passage),
    findings,
    hovered,
    titles,
  };
}

/** Item 7: typing closes a hover card; a wheel scroll under a still pointer opens none. */
async function hovering(page) {
  const out = {};
  await page.goto(`${PAGES_URL}/form.html`);
  await page.click('#why');
  await page.keyboard.type(LETTER);
  const team = (await waitFor(async () => (await inLayer(page, BOXES)).filter((b) => b.rule === 'cliche.team-player')[0], 'an underline'));
  await page.mouse.move(...center(team));
  out.opened = Boolean(await waitFor(() => inLayer(page, CARD), 'the hover card'));
  await page.keyboard.type(' I');
  await waitFor(async () => (await inLayer(page, CARD)) === null, 'typing to close the card');
  await page.keyboard.type(' like maps.');
  await sleep(600);
  out.afterTyping = await inLayer(page, CARD);

  await page.goto(`${PAGES_URL}/long.html`);
  const lines = Array.from({ length: 39 }, (_, n) => `Line ${n + 1}: I am a team player.`).join('\n');
  await page.$eval('#long', (el, v) => { el.value = v; el.scrollIntoView(); el.scrollTop = 0; }, lines);
  await page.click('#long');
  await page.$eval('#long', (el) => { el.scrollTop = 0; });
  const first = await waitFor(async () => (await inLayer(page, BOXES))[0], 'underlines in the long field');
  const field = await fieldRect(page, '#long');
  const at = [first.left + first.width / 2, field.y + 3];
  await page.mouse.move(...at);
  await sleep(300);
  out.beforeScroll = await inLayer(page, CARD);
  for (let i = 0; i < 8; i++) {
    await page.mouse.wheel({ deltaY: 9 });
    await sleep(60);
    await page.mouse.move(...at); // the move a browser sends when the page moves under a still pointer
  }
  out.scrolled = await page.$eval('#long', (el) => el.scrollTop);
  await sleep(600);
  out.afterScroll = await inLayer(page, CARD);
  return out;
}

/** A copy of the extension (or of STANDOUT_EXTENSION, an older version say) that talks to SERVER_URL by default. */
async function addonCopy() {
  const from = path.resolve(process.env.STANDOUT_EXTENSION ?? EXTENSION);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'standout-firefox-'));
  await cp(from, dir, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|test|test-firefox|tools)([/\\]|$)/.test(src.slice(from.length)),
  });
  const settings = path.join(dir, 'lib', 'settings.js');
  const source = await readFile(settings, 'utf8');
  const patched = source.replace(/DEFAULT_SERVER_URL = '[^']*'/, `DEFAULT_SERVER_URL = '${SERVER_URL}'`);
  if (patched === source) throw new Error('DEFAULT_SERVER_URL not found in lib/settings.js');
  await writeFile(settings, patched);
  return dir;
}

async function main() {
  if (!PAGES_URL || !SERVER_URL) throw new Error('set PAGES_URL and SERVER_URL');
  const started = Date.now();
  const addon = await addonCopy();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Firefox can take over 30 s (puppeteer's default) to open on a loaded 2-core machine.
    timeout: 120000,
    extraPrefsFirefox: { 'datareporting.policy.dataSubmissionEnabled': false },
  });
  const result = { browser: await browser.version() };
  try {
    const before = (await browser.pages()).length;
    result.addon = await browser.installExtension(addon);
    // The first-run page opens on install (background/welcome.js) in a tab of its own
    // (WebDriver BiDi shows it as about:blank); closed here so that it does not take
    // the foreground from the test's own tab.
    const opened = await waitFor(async () => {
      const pages = await browser.pages();
      return pages.length > before ? pages.slice(before) : null;
    }, 'the first-run page').catch(() => []);
    result.welcome = opened.length;
    for (const tab of opened) await tab.close();
    const page = await browser.newPage();
    await page.bringToFront();
    await page.goto(`${PAGES_URL}/form.html`);
    await page.click('#why');
    await page.keyboard.type(LETTER);
    const boxes = await waitFor(async () => {
      const b = await inLayer(page, BOXES);
      return b.length >= 2 ? b : null;
    }, 'two underlines');
    result.boxes = boxes;
    result.value = await page.$eval('#why', (el) => el.value);
    const field = await page.$eval('#why', (el) => { const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height }; });
    result.field = field;
    result.offsets = await page.evaluate((list) => list.map((b) => {
      const y = b.top + b.height / 2;
      const at = (x) => { const c = document.caretPositionFromPoint(x, y); return c ? c.offset : null; };
      return { rule: b.rule, first: at(b.left + 1.5), last: at(b.left + b.width - 1.5) };
    }), boxes);

    const team = boxes.find((b) => b.rule === 'cliche.team-player');
    await page.mouse.move(team.left + team.width / 2, team.top + team.height / 2);
    result.card = (await waitFor(() => inLayer(page, CARD), 'the card')).title;
    result.shadowRoot = await page.evaluate(() => String(document.querySelector('standout-layer').shadowRoot));
    await page.screenshot({ path: path.join(ARTIFACTS, 'extension-firefox.png') });
    // Each check reports its own failure, so one does not hide the others.
    const attempt = (check) => check(page).catch((error) => ({ error: String(error?.message ?? error) }));
    result.scaled = await attempt(scaled);
    result.overlapping = await attempt(overlapping);
    result.hovering = await attempt(hovering);
  } finally {
    await browser.close();
    await rm(addon, { recursive: true, force: true });
  }
  result.seconds = (Date.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`firefox check failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
