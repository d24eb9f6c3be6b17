// A Firefox end-to-end check: Debian's firefox-esr driven by puppeteer-core
// (WebDriver BiDi), the extension installed as a temporary add-on. Types into a
// test page and reports what it sees as one JSON line; tests/e2e/test_firefox.py
// runs it and asserts.
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
    return { rule: b.dataset.rule, passage: b.classList.contains('passage'),
      left: r.left, top: r.top, width: r.width, height: r.height }; })`;

const CARD = `(root) => { const c = root?.querySelector('.card');
  return c && !c.hidden ? { title: c.querySelector('.title').textContent,
    also: [...c.querySelectorAll('.also button')].map((b) => b.textContent) } : null; }`;

/** Polls `probe()` until it returns something truthy. */
async function waitFor(probe, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A copy of the extension that talks to SERVER_URL by default. */
async function addonCopy() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'standout-firefox-'));
  await cp(EXTENSION, dir, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|test|test-firefox|tools)([/\\]|$)/.test(src.slice(EXTENSION.length)),
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
    extraPrefsFirefox: { 'datareporting.policy.dataSubmissionEnabled': false },
  });
  const result = { browser: await browser.version() };
  try {
    result.addon = await browser.installExtension(addon);
    const page = await browser.newPage();
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
    await page.screenshot({ path: path.join(EXTENSION, '..', 'tests', 'artifacts', 'extension-firefox.png') });
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
