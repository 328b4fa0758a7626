// Draws the README's pictures of the merchant console: the real API on its demo data, the built console, Debian's
// Chromium at a tablet-and-laptop width, light theme, English. Run: `pnpm --filter @loyalty-elements/e2e screenshots`.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './support/browser.ts';
import { ensureConsoleBuilt, openConsole, signInWithDemoKey } from './support/console.ts';
import { startStack } from './support/stack.ts';

const imagesDir = fileURLToPath(new URL('../docs/images/', import.meta.url));

/** The console's pages to draw: the address under /console/ and what must be on screen before the picture. */
const SHOTS = [{ file: 'console-overview.png', path: 'overview', ready: '[data-figure="members-total"] dd' }];

ensureConsoleBuilt();
mkdirSync(imagesDir, { recursive: true });
const [stack, browser] = await Promise.all([startStack(), launchChromium()]);
try {
  const { context, page } = await openConsole(browser, `${stack.apiBase}/console/`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInWithDemoKey(page);
  for (const shot of SHOTS) {
    await page.goto(`${stack.apiBase}/console/${shot.path}`);
    await page.locator(shot.ready).first().waitFor({ timeout: 15_000 });
    // Chart.js animates its first drawing.
    await page.waitForTimeout(1_000);
    await page.screenshot({ path: `${imagesDir}${shot.file}` });
    console.log(`wrote docs/images/${shot.file}`);
  }
  await context.close();
} finally {
  await browser.close();
  await stack.stop();
}
