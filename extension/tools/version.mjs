// The extension's version comes from one place: pyproject.toml's [project] version.
//
//   node tools/version.mjs           prints it
//   node tools/version.mjs --write   writes it into manifest.json and package.json
//
// `npm run build` stamps it into the packages it makes; test/version.test.js fails
// when manifest.json or package.json (used when the extension is loaded unpacked)
// say something else.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXTENSION_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PYPROJECT = path.join(EXTENSION_DIR, '..', 'pyproject.toml');

// Reads `version = "..."` from the [project] table (the only form pyproject uses).
export function versionFromPyproject(text) {
  let table = null;
  for (const line of text.split(/\r?\n/)) {
    const header = line.match(/^\s*\[([^\]]+)\]\s*(#.*)?$/);
    if (header) {
      table = header[1].trim();
      continue;
    }
    const entry = table === 'project' && line.match(/^\s*version\s*=\s*"([^"]+)"\s*(#.*)?$/);
    if (entry) return entry[1];
  }
  throw new Error('pyproject.toml has no [project] version = "..."');
}

// Chrome and Firefox take one to four dot-separated integers: 1.2.3, not 1.2.3rc1.
export function checkExtensionVersion(version) {
  if (!/^\d{1,9}(\.\d{1,9}){0,3}$/.test(version)) {
    throw new Error(`version ${version} is not one a browser accepts (1 to 4 numbers, like 0.1.0)`);
  }
  return version;
}

export async function projectVersion() {
  return checkExtensionVersion(versionFromPyproject(await readFile(PYPROJECT, 'utf8')));
}

// Replaces the first "version" field's value, keeping the file's formatting.
export function withVersion(jsonText, version) {
  return jsonText.replace(/("version"\s*:\s*)"[^"]*"/, `$1"${version}"`);
}

async function write(version) {
  for (const name of ['manifest.json', 'package.json']) {
    const file = path.join(EXTENSION_DIR, name);
    await writeFile(file, withVersion(await readFile(file, 'utf8'), version));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = await projectVersion();
  if (process.argv.includes('--write')) await write(version);
  console.log(version);
}
