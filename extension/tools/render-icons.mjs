// Renders icons/icon.svg to the PNG sizes the manifest lists, with the local
// Chromium (no download): `npm run icons`.
import { readFile, writeFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';

const SIZES = [16, 32, 48, 128];
const svg = await readFile(new URL('../icons/icon.svg', import.meta.url), 'utf8');
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    const sized = svg.replace('width="128" height="128"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await writeFile(new URL(`../icons/icon-${size}.png`, import.meta.url), png);
  }
} finally {
  await browser.close();
}
