import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));

test('one MV3 manifest for Chrome and Firefox', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.background.service_worker, 'background/worker.js');
  assert.deepEqual(manifest.background.scripts, ['background/worker.js']);
  assert.equal(manifest.background.type, 'module');
  assert.match(manifest.browser_specific_settings.gecko.id, /^[\w.-]+@[\w.-]+$/);
});

test('the extension may reach only the local server', () => {
  assert.deepEqual(manifest.host_permissions.sort(), ['http://127.0.0.1/*', 'http://localhost/*']);
  assert.deepEqual(manifest.permissions, ['storage']);
});

test('the manifest key gives the documented fixed Chrome id', async () => {
  const der = Buffer.from(manifest.key, 'base64');
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  const id = [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  const docs = await readFile(path.join(root, '..', 'docs', 'extension.md'), 'utf8').catch(() => '');
  assert.equal(id.length, 32);
  assert.ok(docs.includes(id), `docs/extension.md should name the extension id ${id}`);
});

// Every module the content script imports (transitively) must be web-accessible.
async function importsOf(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = await readFile(path.join(root, file), 'utf8');
  for (const m of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)) {
    await importsOf(path.normalize(path.join(path.dirname(file), m[1])), seen);
  }
  return seen;
}

test('every module the content script loads is listed in web_accessible_resources', async () => {
  const patterns = manifest.web_accessible_resources.flatMap((w) => w.resources)
    .map((p) => new RegExp(`^${p.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`));
  const files = await importsOf('content/main.js');
  assert.ok(files.size > 5);
  for (const file of files) assert.ok(patterns.some((p) => p.test(file)), `${file} is not web-accessible`);
});

test('every file the manifest names exists', async () => {
  const named = [
    ...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon),
    manifest.action.default_popup, manifest.options_ui.page, manifest.background.service_worker,
    ...manifest.content_scripts.flatMap((c) => c.js),
  ];
  for (const file of named) await readFile(path.join(root, file));
});

test('no extension code makes a request of its own outside the worker client', async () => {
  const dirs = ['content', 'lib', 'popup', 'options', 'background'];
  for (const dir of dirs) {
    for (const name of await readdir(path.join(root, dir))) {
      if (!name.endsWith('.js') || `${dir}/${name}` === 'background/server-client.js') continue;
      const source = await readFile(path.join(root, dir, name), 'utf8');
      assert.doesNotMatch(source, /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource/, `${dir}/${name}`);
      assert.doesNotMatch(source, /https?:\/\/(?!127\.0\.0\.1|localhost)[a-z]/i, `${dir}/${name} names a remote URL`);
    }
  }
});
