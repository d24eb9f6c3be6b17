import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TARGETS } from '../tools/targets.mjs';
import {
  EXTENSION_DIR, checkExtensionVersion, projectVersion, versionFromPyproject, withVersion,
} from '../tools/version.mjs';

const read = async (name) => JSON.parse(await readFile(path.join(EXTENSION_DIR, name), 'utf8'));

test('manifest.json and package.json carry pyproject.toml\'s version', async () => {
  const version = await projectVersion();
  const hint = 'run `npm run version:sync` in extension/ after changing pyproject.toml';
  assert.equal((await read('manifest.json')).version, version, hint);
  assert.equal((await read('package.json')).version, version, hint);
});

test('the version is read from the [project] table only', () => {
  const text = [
    '[build-system]', 'version = "9.9.9"', '', '[project]', 'name = "standout"',
    'version = "1.2.3"  # released', '', '[tool.x]', 'version = "0.0.1"',
  ].join('\n');
  assert.equal(versionFromPyproject(text), '1.2.3');
  assert.throws(() => versionFromPyproject('[project]\nname = "x"\n'), /no \[project\] version/);
});

test('only versions a browser accepts pass', () => {
  assert.equal(checkExtensionVersion('0.1.0'), '0.1.0');
  assert.equal(checkExtensionVersion('1.2.3.4'), '1.2.3.4');
  for (const bad of ['1.2.3rc1', '1.2.3.4.5', 'v1', '']) {
    assert.throws(() => checkExtensionVersion(bad), /not one a browser accepts/);
  }
});

test('writing the version keeps the file as it was otherwise', () => {
  const text = '{\n  "name": "x",\n  "version": "0.1.0",\n  "deps": { "version": "7" }\n}\n';
  assert.equal(withVersion(text, '2.0.0'),
    '{\n  "name": "x",\n  "version": "2.0.0",\n  "deps": { "version": "7" }\n}\n');
});

test('each package keeps only its browser\'s keys', async () => {
  const manifest = await read('manifest.json');
  const chrome = TARGETS.chrome(manifest);
  assert.equal(chrome.browser_specific_settings, undefined);
  assert.equal(chrome.background.scripts, undefined);
  assert.equal(chrome.background.service_worker, 'background/worker.js');
  assert.equal(chrome.key, manifest.key);
  const firefox = TARGETS.firefox(manifest);
  assert.equal(firefox.key, undefined);
  assert.equal(firefox.background.service_worker, undefined);
  assert.deepEqual(firefox.background.scripts, ['background/worker.js']);
  assert.deepEqual(firefox.browser_specific_settings, manifest.browser_specific_settings);
  // The source manifest is left alone.
  assert.ok(manifest.key && manifest.background.scripts && manifest.background.service_worker);
});
