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
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

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

/** Opens `link` (dark, or at a phone's size, if asked), lets `prepare` bring it to the state, checks it. */
async function check(link, what, { prepare = async () => {}, dark = false, phone = false } = {}) {
  const { page, problems } = await site.open();
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  if (phone) await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(site.url + link);
  await page.locator('nav.experiments a[data-slug]').first().waitFor({ state: 'attached' });
  await prepare(page);
  assert.deepEqual(await violations(page), [], `${what}: axe-core's violations`);
  assert.deepEqual(problems, [], what);
  await page.close();
}

/** Waits for the engine and `count` finished runs. */
const runs = count => async page => {
  await waitForEngine(page);
  await waitIdle(page, count, 60_000);
};

test('accessibility: the home page, an experiment after its runs (table, timeline, verdict, what ran), the compiler cards', { timeout: 180_000 }, async () => {
  await check('', 'the home page');
  await check('?experiment=collatz&n=300000&mode=worker&run=all', 'Collatz after every mode ran', { prepare: runs(3) });
  await check('?experiment=compile-errors', 'the compiler cards');
});

test('accessibility: compare, presenter mode, the dark theme and a phone', { timeout: 180_000 }, async () => {
  await check('?compare=1', 'compare');
  await check('?experiment=heartbeat&present=1', 'presenter mode');
  await check('?experiment=heartbeat&run=all', 'the dark theme after both heartbeat modes ran', { prepare: runs(2), dark: true });
  await check('?experiment=heartbeat&mode=worker&run=1', 'a run link on a phone', { prepare: runs(1), phone: true });
});
