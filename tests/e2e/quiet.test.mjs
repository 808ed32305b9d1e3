// The quiet measurement state: while the pool is timed the page draws less (the dots pause,
// the charts redraw once a second) and says so; `live=1` (or the environment panel's
// switch) keeps it drawing; the worker's runs and runs about responsiveness always draw.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { collatzAnswer, readRuns, screenshot, startSite, visible, waitForEngine, waitIdle } from './helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const dotStyle = page => page.locator('.pulse-dot.main').getAttribute('style');
const quietNow = page => page.evaluate(() => document.documentElement.hasAttribute('data-quiet'));

/** Once the status says `running`, the main-thread dot moves and the page is not quiet. */
async function drawsWhileRunning(page, running, what) {
  await visible(page, '[data-testid=status]').filter({ hasText: running }).waitFor({ timeout: 30_000 });
  const before = await dotStyle(page);
  await page.waitForTimeout(300);
  assert.notEqual(await dotStyle(page), before, `the dot moves during ${what}`);
  assert.equal(await quietNow(page), false);
}

test('a pool run is timed quietly: the dots stop, a note says why, then the results and the dots come back', { timeout: 120_000 }, async () => {
  const { page, problems } = await site.open('?experiment=collatz&n=10000000&mode=pool&repeats=1&run=1');
  await waitForEngine(page);
  await page.waitForSelector('html[data-quiet]', { timeout: 30_000 });
  const note = page.locator('[data-testid=quiet-note]');
  assert.match(await note.innerText(), /^Quiet while timing the pool: .* Not frozen\.$/);
  assert.match(await visible(page, '[data-testid=status]').innerText(), /^Running Rayon pool \(1 of 1\).* Quiet: drawing once a second\.$/);
  assert.equal(await page.locator('[data-testid=env-quiet]').getAttribute('data-now'), 'true');
  // The dot watched for 300 ms of the run (one run, quiet from its start to its end).
  const before = await dotStyle(page);
  await page.waitForTimeout(300);
  const after = await dotStyle(page);
  assert.equal(await quietNow(page), true, 'still timing 300 ms later (N = 10,000,000 takes longer), so the dot was watched while quiet');
  assert.equal(after, before, 'the main-thread dot stands still while quiet');
  await screenshot(page, 'quiet-while-timing', { fullPage: false });
  await waitIdle(page, 1);
  const [row] = await readRuns(page, 1);
  assert.deepEqual(collatzAnswer(row.result), [8400511, 685]);
  assert.equal(await quietNow(page), false);
  assert.equal(await note.count(), 0);
  assert.equal(await page.locator('[data-testid=env-quiet]').getAttribute('data-state'), 'quiet');
  // The timeline has a lane per pool thread.
  const lanes = await visible(page, '.lane-label').evaluateAll(ls => ls.map(l => l.textContent));
  assert.ok(lanes.some(l => l.startsWith('Pool thread')), `lanes: ${lanes}`);
  const moving = await dotStyle(page);
  await page.waitForTimeout(300);
  assert.notEqual(await dotStyle(page), moving, 'the dot moves again');
  // The speedup curve is timed quietly too.
  await visible(page, 'input[name=n]').fill('1000000');
  await visible(page, 'button[name=measure-scaling]').click();
  await page.waitForSelector('html[data-quiet]', { timeout: 30_000 });
  await visible(page, '[data-testid=scaling-status]').filter({ hasText: 'Done' }).waitFor({ timeout: 90_000 });
  assert.equal(await quietNow(page), false);
  assert.deepEqual(problems, []);
  await page.close();
});

test('live=1 keeps drawing while timing; the worker and responsiveness runs always draw; the switch writes the link', { timeout: 120_000 }, async () => {
  const { page, problems } = await site.open('?experiment=collatz&n=10000000&mode=pool&repeats=2&live=1&run=1');
  await waitForEngine(page);
  const env = page.locator('[data-testid=env-quiet]');
  assert.equal(await env.getAttribute('data-state'), 'live');
  await drawsWhileRunning(page, 'Running Rayon pool', 'a live run');
  await waitIdle(page, 2);
  assert.match(page.url(), /[?&]live=1(&|$)/, 'the address keeps the flag');
  // The switch in the environment panel turns it off, and the address follows.
  await page.locator('[data-testid=environment-panel] summary').click();
  await page.locator('input[name=live-drawing]').uncheck();
  assert.equal(await env.getAttribute('data-state'), 'quiet');
  assert.doesNotMatch(page.url(), /live=1/);

  // The sequential worker run keeps drawing: the page staying alive is its lesson.
  await visible(page, 'input[name=mode][value=worker]').check();
  await visible(page, 'button[type=submit]').click();
  await drawsWhileRunning(page, 'Running Web worker', 'a worker run');
  await waitIdle(page, 3);

  // The heartbeat's worker mode is about responsiveness: it draws, quiet or not.
  await page.goto(`${site.url}?experiment=heartbeat&period=50&ticks=20&work=1000&mode=worker&run=1`);
  await waitForEngine(page);
  await drawsWhileRunning(page, 'Running', 'a heartbeat run');
  await waitIdle(page, 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('quiet runs join the results table together, at most once a second, numbered in order', { timeout: 120_000 }, async () => {
  const { page, problems } = await site.open('?experiment=collatz&n=100000&mode=pool&repeats=20');
  await waitForEngine(page);
  // Counts every change of the number of rows shown, from the click to the plan's end.
  await page.evaluate(() => {
    const table = () => document.querySelectorAll('.page:not([hidden]) [data-testid=run]').length;
    window.__rowCounts = [table()];
    new MutationObserver(() => {
      if (table() !== window.__rowCounts.at(-1)) window.__rowCounts.push(table());
    }).observe(document.body, { subtree: true, childList: true });
  });
  const started = Date.now();
  await visible(page, 'button[type=submit]').click();
  await waitIdle(page, 20);
  const seconds = (Date.now() - started) / 1000;
  const counts = await page.evaluate(() => window.__rowCounts);
  // Without holding, the table would grow 20 times, one row per run.
  assert.ok(counts.length - 1 <= Math.ceil(seconds) + 1, `${counts.length - 1} updates in ${seconds.toFixed(1)} s: ${counts}`);
  assert.equal(counts.at(-1), 20);
  const numbers = await visible(page, '[data-testid=run] td:first-child').evaluateAll(cells => cells.map(c => Number(c.textContent)));
  assert.deepEqual([...numbers].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
  const rows = await readRuns(page, 20);
  assert.ok(rows.every(r => collatzAnswer(r.result)[0] === 77031), rows.map(r => r.result).join(' | '));
  assert.deepEqual(problems, []);
  await page.close();
});
