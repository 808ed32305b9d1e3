// axe-core (pinned from npm) on every state a visitor meets: the first screen before the
// app (index.html's words), the home page, an experiment after runs (its table, charts,
// verdict and what ran), the compiler's cards, compare, presenter mode, the dark theme and a
// phone. Zero violations of any impact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startSite, waitForEngine, waitIdle } from './helpers.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site;
// The first screen before the app, with the wasm held back: no service worker, which would
// hand the page the wasm from its offline copy (a route does not see what it answers).
let withoutWorker;
before(async () => {
  site = await startSite();
  withoutWorker = await startSite(undefined, { serviceWorkers: 'block' });
});
after(async () => {
  await site?.close();
  await withoutWorker?.close();
});

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

/** Opens `link` (dark, or at a phone's size, if asked), lets `prepare` bring it to the state, checks it.
 *  `firstScreen`: the page before the app, as index.html shows it while the wasm loads (held back). */
async function check(link, what, { prepare = async () => {}, dark = false, phone = false, firstScreen = false } = {}) {
  const { page, problems } = await (firstScreen ? withoutWorker : site).open();
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  if (phone) await page.setViewportSize({ width: 390, height: 844 });
  if (firstScreen) await page.route('**/*.wasm', () => {}); // never answered: the app never starts
  await page.goto((firstScreen ? withoutWorker : site).url + link);
  await page.locator(firstScreen ? '#boot-page > :not(.boot-placeholder)' : 'main#content').first().waitFor({ state: 'attached' });
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
  for (const link of ['', '?experiment=heartbeat', '?compare=1']) {
    await check(link, `the first screen of "${link || 'home'}" before the app`, { firstScreen: true, phone: true });
  }
  await check('?experiment=heartbeat&present=1', 'presenter mode');
  await check('?experiment=heartbeat&run=all', 'the dark theme after both heartbeat modes ran', { prepare: runs(2), dark: true });
  await check('?experiment=heartbeat&mode=worker&run=1', 'a run link on a phone', { prepare: runs(1), phone: true });
});
