// The Collatz experiment end to end, in headless Chromium against the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSite, screenshot, waitForEngine, run, collatzAnswer, startFrameProbe, probeLongestGap,
} from './helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

test('the page loads cross-origin isolated, starts its threads and logs no errors', async () => {
  const { page, problems } = await site.open();
  await waitForEngine(page);
  assert.equal(await page.evaluate(() => crossOriginIsolated), true);
  assert.match(await page.locator('[data-testid=isolation]').innerText(), /^Cross-origin isolated/);
  // The site is the release build: the panel says so, and no debug-build warning shows.
  assert.equal(await page.locator('[data-testid=env-build]').getAttribute('data-optimised'), 'true');
  assert.equal(await page.locator('[data-testid=debug-build]').count(), 0);
  // The global pool: one thread per logical core, at most 16.
  const threads = await page.evaluate(() => Math.min(navigator.hardwareConcurrency, 16));
  assert.match(await page.locator('[data-testid=pool]').innerText(), new RegExp(`\\b${threads} threads, started in \\d+ ms`));
  // Both dots and the strip are on the page; the main-thread one moves.
  const x1 = await page.locator('.pulse-dot.main').getAttribute('style');
  await page.waitForTimeout(300);
  assert.notEqual(await page.locator('.pulse-dot.main').getAttribute('style'), x1);
  assert.equal(await page.locator('.pulse-dot.compositor').count(), 1);
  await screenshot(page, 'home');
  assert.deepEqual(problems, []);
  await page.close();
});

test('each mode finds 77,031 with 350 steps below 100,000', { timeout: 180_000 }, async () => {
  const { page, problems } = await site.open('?experiment=collatz');
  await waitForEngine(page);
  for (const mode of ['main-thread', 'worker', 'pool']) {
    const [row] = await run(page, { mode, knobs: { n: '100000' } });
    assert.equal(row.mode, mode);
    assert.deepEqual(collatzAnswer(row.result), [77031, 350], `${mode} answer`);
    assert.equal(row.matchesSeed, 'true');
    assert.ok(row.computeMs > 0, `${mode} measured a time`);
  }
  assert.equal(await page.locator('[data-testid=answer]').getAttribute('data-result'), '77,031 (350 steps)');
  assert.deepEqual(problems, []);
  await page.close();
});

test('only the main-thread mode stalls the main thread', { timeout: 300_000 }, async () => {
  const { page, problems } = await site.open('?experiment=collatz');
  await waitForEngine(page);
  await startFrameProbe(page);
  const gaps = {};
  for (const mode of ['main-thread', 'worker', 'pool']) {
    const since = await page.evaluate(() => performance.now());
    const runs = await run(page, { mode, knobs: { n: '1,000,000' }, repeats: 2 });
    for (const row of runs) assert.deepEqual(collatzAnswer(row.result), [837799, 524], `${mode} answer`);
    gaps[mode] = {
      probe: await probeLongestGap(page, since),
      app: Math.max(...runs.map(r => r.frameGapMs)),
      kernel: Math.min(...runs.map(r => r.computeMs)),
    };
  }
  console.log('frame gaps (ms):', JSON.stringify(gaps));
  const main = gaps['main-thread'];
  // A main-thread run draws no frame while it computes: the gap covers the computation.
  assert.ok(main.probe >= 0.9 * main.kernel, `main-thread probe gap ${main.probe} vs compute ${main.kernel}`);
  assert.ok(main.app >= 0.9 * main.kernel, `main-thread gap shown ${main.app} vs compute ${main.kernel}`);
  for (const mode of ['worker', 'pool']) {
    // Offloaded runs take as long or longer, yet the page keeps drawing throughout.
    assert.ok(gaps[mode].probe < main.probe / 2, `${mode} probe gap ${gaps[mode].probe} vs main ${main.probe}`);
    assert.ok(gaps[mode].app < main.app / 2, `${mode} gap shown ${gaps[mode].app} vs main ${main.app}`);
    assert.ok(gaps[mode].probe < gaps[mode].kernel, `${mode} drew frames during its ${gaps[mode].kernel} ms run`);
  }
  await screenshot(page, 'collatz');
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad input gets a clear message and runs nothing', async () => {
  const { page, problems } = await site.open('?experiment=collatz');
  await waitForEngine(page);
  const cases = [
    ['abc', 'pool', 'must be a whole number, got "abc"'],
    ['', 'worker', 'is empty'],
    ['1', 'worker', 'must be at least 2, got 1'],
    ['1e15', 'pool', 'must be at most 100,000,000, got 1,000,000,000,000,000'],
    ['-7', 'pool', 'must be a whole number, got "-7"'],
    ['6,000,000', 'main-thread', 'On the main thread N is limited to 5,000,000'],
  ];
  for (const [n, mode, message] of cases) {
    await page.fill('input[name=n]', n);
    await page.check(`input[name=mode][value=${mode}]`);
    await page.click('button[type=submit]');
    await page.locator('.errors .error', { hasText: message }).waitFor({ timeout: 5_000 });
  }
  await page.fill('input[name=n]', '1000');
  await page.fill('input[name=repeats]', '0');
  await page.click('button[type=submit]');
  await page.locator('.errors .error', { hasText: 'Repeats must be at least 1, got 0' }).waitFor({ timeout: 5_000 });
  assert.equal(await page.locator('[data-testid=run]').count(), 0);
  await screenshot(page, 'collatz-bad-input');
  assert.deepEqual(problems, []);
  await page.close();
});
