// Faults and misuse, end to end against the release build: cancelling, double clicks,
// switching experiments mid-run, a hundred runs in a row, and a hidden tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, waitForEngine, run, waitIdle, readRuns, collatzAnswer, visible } from './helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

test('cancel: the main thread answers within 100 ms and the same pool then gives a right answer', async () => {
  const { page, problems } = await site.open('?experiment=collatz&n=100000000&threads=0&mode=pool&run=1');
  await waitForEngine(page);
  await page.waitForFunction(() => document.querySelector('progress'), null, { timeout: 10_000 });
  await page.waitForTimeout(400);
  // Click Cancel and time the next animation frame: the page must not wait for the pool.
  const frameAfterMs = await page.evaluate(() => new Promise(resolve => {
    const clicked = performance.now();
    document.querySelector('.page:not([hidden]) button[name=cancel]').click();
    requestAnimationFrame(() => resolve(performance.now() - clicked));
  }));
  assert.ok(frameAfterMs < 100, `next frame ${frameAfterMs.toFixed(1)} ms after Cancel`);
  await visible(page, '[data-testid=status]').filter({ hasText: 'Cancelled' }).waitFor({ timeout: 5_000 });
  const [row] = await run(page, { mode: 'pool', knobs: { n: '100000' } });
  assert.deepEqual(collatzAnswer(row.result), [77_031, 350]);
  // Left running, the cancelled job (tens of seconds) would hold the worker and the pool first.
  assert.ok(row.wallMs < 5_000, `the next run took ${row.wallMs} ms: the cancelled job had stopped`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a panic inside a job is caught and reported; the page and the pool keep working', async () => {
  const { page, problems } = await site.open('?experiment=collatz&n=100000&threads=0&mode=pool');
  await waitForEngine(page);
  await page.evaluate(() => { window.playgroundFault = 'panic'; }); // the fault switch (src/bridge/mod.rs)
  await visible(page, 'button[type=submit]').click();
  const status = visible(page, '[data-testid=status]');
  await status.filter({ hasText: 'panicked' }).waitFor({ timeout: 10_000 });
  assert.match(await status.innerText(), /The run failed: the job panicked: .*fault switch: a deliberate panic inside the job/);
  assert.doesNotMatch(await status.innerText(), /redacted|:0:0/, 'the message alone, no empty location');
  await screenshot(page, 'panic-reported');
  // The compute worker was replaced; both it and the pool give right answers.
  for (const mode of ['worker', 'pool']) {
    const [row] = await run(page, { mode });
    assert.deepEqual(collatzAnswer(row.result), [77_031, 350], mode);
  }
  const cores = await page.evaluate(() => String(Math.min(navigator.hardwareConcurrency, 16)));
  assert.equal(await visible(page, '[data-testid=run][data-mode=pool] td:nth-child(5)').first().innerText(), cores, 'the whole pool still works');
  // The only complaint in the console is the panic's own report.
  assert.deepEqual(problems.filter(p => !p.includes('fault switch')), []);
  await page.close();
});

test('the fault switch, set before an experiment that sends no job to the compute worker, says it is still armed', async () => {
  const { page, problems } = await site.open('?experiment=pool-to-async&mode=spawn');
  await waitForEngine(page);
  await page.evaluate(() => { window.playgroundFault = 'panic'; });
  const [row] = await run(page, { mode: 'spawn' });
  assert.equal(row.result, '1048576');
  assert.match(await visible(page, '[data-testid=status]').innerText(), /fault switch is still armed/);
  // The next job that reaches the compute worker takes it, and is reported.
  await page.locator('nav.experiments a', { hasText: 'Collatz' }).click();
  await visible(page, 'input[name=mode][value=pool]').check();
  await visible(page, 'button[type=submit]').click();
  await visible(page, '[data-testid=status]').filter({ hasText: 'the job panicked' }).waitFor({ timeout: 10_000 });
  assert.equal(await page.evaluate(() => window.playgroundFault ?? null), null);
  assert.deepEqual(problems.filter(p => !p.includes('fault switch')), []);
  await page.close();
});

test('double Run: one run, no crossed results, no stuck spinner', async () => {
  const { page, problems } = await site.open('?experiment=collatz&n=200000&threads=0&mode=worker');
  await waitForEngine(page);
  await visible(page, 'button[type=submit]').dblclick();
  await page.evaluate(() => document.querySelector('.page:not([hidden]) button[name=run-all]').click());
  await waitIdle(page, 1);
  await page.waitForTimeout(500);
  const rows = await readRuns(page, 10);
  assert.equal(rows.length, 1, `one run, not ${rows.length}`);
  assert.equal(rows[0].result, '156,159 (382 steps)');
  assert.doesNotMatch(await visible(page, '[data-testid=status]').innerText(), /Running/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('switching experiments mid-run: the run finishes where it started, workers do not pile up', async () => {
  const { page, problems } = await site.open('?experiment=collatz&n=3000000&threads=0&mode=worker');
  await waitForEngine(page);
  const workersBefore = page.workers().length;
  await visible(page, 'button[type=submit]').click();
  for (const name of ['Heartbeat', 'Async overlap', 'Plain parallel jobs', 'Collatz', 'Timer vs busy loop', 'Collatz']) {
    await page.click(`nav.experiments a:has-text("${name}")`);
  }
  await page.goBack();
  await page.goForward();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('experiment') === 'collatz');
  await waitIdle(page, 1, 60_000);
  const [row] = await readRuns(page, 1);
  assert.deepEqual(collatzAnswer(row.result), [2_298_025, 559], 'the answer for N = 3,000,000');
  // Nothing else ran, and no page is left showing a run in progress.
  assert.equal(await page.locator('[data-testid=run]').count(), 1);
  const statuses = await page.locator('[data-testid=status]').allTextContents();
  assert.ok(statuses.every(s => !s.startsWith('Running')), statuses.join(' | '));
  assert.equal(page.workers().length, workersBefore, 'no new workers');
  assert.deepEqual(problems, []);
  await page.close();
});

test('100 runs in a row: wasm memory and the number of workers stop growing', { timeout: 300_000 }, async () => {
  const { page, problems } = await site.open('?experiment=collatz&n=20000&threads=0&mode=pool&repeats=20');
  await waitForEngine(page);
  const memory = () => page.locator('[data-testid=env-memory]').getAttribute('data-bytes').then(Number);
  const sample = async () => ({ memory: await memory(), workers: page.workers().length });
  let done = 0;
  const samples = [];
  while (done < 100) {
    await visible(page, 'button[type=submit]').click();
    done += 20;
    await waitIdle(page, done, 60_000);
    samples.push(await sample());
  }
  const rows = await readRuns(page, 100);
  assert.equal(rows.length, 100);
  assert.ok(rows.every(r => r.result === '17,647 (278 steps)'), 'every run right');
  const afterWarmUp = samples.slice(1);
  console.log('memory bytes / workers after each 20 runs:', JSON.stringify(samples));
  assert.ok(afterWarmUp.every(s => s.memory === afterWarmUp[0].memory), 'wasm memory stays the same size');
  assert.ok(afterWarmUp.every(s => s.workers === afterWarmUp[0].workers), 'the number of workers stays the same');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a hidden tab: the page warns, and runs measured while hidden are marked', async () => {
  const { page, problems } = await site.open('?experiment=async-overlap&mode=join-all');
  await page.locator('article[data-experiment=async-overlap]').waitFor();
  const setVisibility = state => page.evaluate(state => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    Object.defineProperty(document, 'hidden', { value: state === 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
  await setVisibility('hidden');
  await page.locator('[data-testid=background-warning]').waitFor();
  await visible(page, 'button[type=submit]').click();
  await waitIdle(page, 1);
  await setVisibility('visible');
  await page.locator('[data-testid=background-warning]').waitFor({ state: 'detached' });
  await visible(page, 'button[type=submit]').click();
  await waitIdle(page, 2);
  const marks = await page.locator('[data-testid=run]').evaluateAll(trs => trs.map(tr => tr.dataset.hidden));
  assert.deepEqual(marks, ['false', 'true'], 'newest first: the visible run unmarked, the hidden one marked');
  assert.match(await page.locator('[data-testid=run]').last().innerText(), /tab hidden/);
  await screenshot(page, 'hidden-tab-run');
  assert.deepEqual(problems, []);
  await page.close();
});
