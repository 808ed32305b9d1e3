// axe-core (pinned from npm) on every state a visitor meets: the home page, an experiment
// after runs (its table, charts, verdict and what ran), the compiler's cards, compare,
// presenter mode, the dark theme and a phone. Zero violations of any impact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startSite, waitForEngine, waitIdle } from './helpers.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site;
let dark;
let phone;
before(async () => {
  site = await startSite();
  dark = await startSite(undefined, { colorScheme: 'dark' });
  phone = await startSite(undefined, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
});
after(async () => { await Promise.all([site, dark, phone].map(s => s?.close())); });

/** axe's violations on the page as it stands: "rule (impact): the first offending elements". */
async function violations(page) {
  // evaluate, not a script tag: the page's content security policy does not apply to it.
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
  });
  return found;
}

async function check(target, link, what, prepare = async () => {}) {
  const { page, problems } = await target.open(link);
  await page.locator('nav.experiments a[data-slug]').first().waitFor({ state: 'attached' });
  await page.locator('main, article[data-experiment]').first().waitFor({ state: 'attached' });
  await prepare(page);
  assert.deepEqual(await violations(page), [], `${what}: axe-core's violations`);
  assert.deepEqual(problems, [], what);
  await page.close();
}

test('accessibility: the home page, an experiment after its runs, the compiler cards', { timeout: 180_000 }, async () => {
  await check(site, '', 'the home page');
  await check(site, '?experiment=heartbeat&run=all', 'heartbeat after both modes ran', async page => {
    await waitForEngine(page);
    await waitIdle(page, 2, 60_000);
  });
  await check(site, '?experiment=collatz&n=300000&run=all', 'Collatz after every mode ran (the breakdown, the timeline)', async page => {
    await waitForEngine(page);
    await waitIdle(page, 3, 60_000);
  });
  await check(site, '?experiment=compile-errors', 'the compiler cards');
});

test('accessibility: compare, presenter mode, the dark theme and a phone', { timeout: 180_000 }, async () => {
  await check(site, '?compare=1', 'compare');
  await check(site, '?experiment=heartbeat&present=1', 'presenter mode');
  await check(dark, '?experiment=heartbeat&run=all', 'the dark theme after a run', async page => {
    await waitForEngine(page);
    await waitIdle(page, 2, 60_000);
  });
  await check(phone, '?experiment=heartbeat&mode=worker&run=1', 'a run link on a phone', async page => {
    await waitForEngine(page);
    await waitIdle(page, 1, 60_000);
  });
});
