/**
 * `node --require tsx/cjs test/package/renderIcon.ts`: draws media/icon.png (128×128, the
 * Marketplace and Extensions view icon) from icon.svg beside this file, with Debian's Chromium
 * through playwright-core. Run it again after changing the SVG; the PNG is committed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const SIZE = 128;
const repoRoot = path.resolve(__dirname, '..', '..');
const source = path.join(__dirname, 'icon.svg');
const target = path.join(repoRoot, 'media', 'icon.png');

async function main(): Promise<void> {
  const svg = fs.readFileSync(source, 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.MULTIPLIER_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    // omitBackground keeps the corners outside the rounded square transparent.
    const png = await page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
    fs.writeFileSync(target, png);
    console.log(`${path.relative(repoRoot, target)}: ${SIZE}×${SIZE}, ${png.length} bytes`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
