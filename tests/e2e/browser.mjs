// Launching Debian's Chromium headless through playwright-core (Playwright's own
// browser download cannot reach its host here), with the flags this machine needs.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Starts Chromium; `options` go to playwright (e.g. `{ serviceWorkers: 'block' }`). */
export async function launch(options = {}) {
  // A fresh profile each time; the network flags stop Chromium calling home on a closed network.
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'playground-chromium-')), {
    viewport: { width: 1280, height: 900 },
    ...options,
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return context;
}

/** Opens `url` in a new page that records console errors and uncaught exceptions. */
export async function openPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', msg => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', err => problems.push(`page error: ${err.message}`));
  await page.goto(url);
  return { page, problems };
}
