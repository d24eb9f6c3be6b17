// `npm run build`: dist/standout-chrome.zip and dist/standout-firefox.zip (web-ext build),
// each with its browser's manifest (tools/targets.mjs) and the version from pyproject.toml
// (tools/version.mjs). `node tools/build.mjs --out DIR` writes them elsewhere (tests).
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import webExt from 'web-ext';
import { TARGETS } from './targets.mjs';
import { EXTENSION_DIR, projectVersion } from './version.mjs';

// Never packaged: development files, besides package.json's webExt.ignoreFiles.
const ALWAYS_IGNORED = ['node_modules', 'dist', 'web-ext-artifacts'];

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index > 0 ? path.resolve(process.argv[index + 1]) : fallback;
}

async function ignored() {
  const pkg = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'package.json'), 'utf8'));
  return new Set([...ALWAYS_IGNORED, ...(pkg.webExt?.ignoreFiles ?? [])]);
}

async function stage(target, version, dir, skip) {
  await cp(EXTENSION_DIR, dir, {
    recursive: true,
    filter: (source) => !skip.has(path.relative(EXTENSION_DIR, source).split(path.sep).join('/')),
  });
  const manifest = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const packaged = TARGETS[target]({ ...manifest, version });
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(packaged, null, 2)}\n`);
}

export async function build(outDir = path.join(EXTENSION_DIR, 'dist')) {
  const version = await projectVersion();
  const skip = await ignored();
  await mkdir(outDir, { recursive: true });
  const made = [];
  for (const target of Object.keys(TARGETS)) {
    // Staged outside the extension folder (cp cannot copy a folder into itself).
    const dir = await mkdtemp(path.join(os.tmpdir(), `standout-${target}-`));
    const filename = `standout-${target}.zip`;
    try {
      await stage(target, version, dir, skip);
      await webExt.cmd.build(
        { sourceDir: dir, artifactsDir: outDir, filename, overwriteDest: true },
        { shouldExitProgram: false, showReadyMessage: false },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    made.push(path.join(outDir, filename));
  }
  return { version, made };
}

const { version, made } = await build(option('--out', undefined));
for (const file of made) console.log(`built ${path.relative(process.cwd(), file)} (version ${version})`);
