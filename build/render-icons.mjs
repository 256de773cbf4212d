// Renders build/icon.svg to the PNGs electron-builder packs (Linux icon set, Windows and macOS source),
// with Playwright driving Debian's Chromium. Run after editing the SVG: node build/render-icons.mjs
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(path.join(here, 'icon.svg'), 'utf8');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

// 512 is what macOS needs at least and what icon.png holds; the Linux set is a folder of NxN.png.
const outputs = [
  [1024, 'icon-1024.png'],
  [512, 'icon.png'],
  [512, 'icons/512x512.png'],
  [256, 'icons/256x256.png'],
  [128, 'icons/128x128.png'],
  [64, 'icons/64x64.png'],
  [48, 'icons/48x48.png'],
  [32, 'icons/32x32.png'],
  [16, 'icons/16x16.png'],
];

const browser = await chromium.launch({ executablePath });
try {
  for (const [size, name] of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    const file = path.join(here, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, png);
    await page.close();
    console.log(`${name}: ${size}×${size}, ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
