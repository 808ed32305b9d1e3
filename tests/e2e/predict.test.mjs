// Predict, then run, in headless Chromium against the release build: the question a
// page asks, the answer locked in, and the grade read against the run's own figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, waitForEngine, waitIdle, readRuns, visible } from './helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

async function open(query) {
  const opened = await site.open(query);
  await waitForEngine(opened.page);
  return opened;
}

const grade = page => visible(page, '[data-testid=prediction-grade]');

test('a speedup guess is graded against the measured medians', { timeout: 120_000 }, async () => {
  const { page, problems } = await open('?experiment=collatz&n=300000&predict=1');
  const panel = visible(page, '[data-testid=predict]');
  assert.match(await panel.innerText(), /How many times faster will “Rayon pool” be than “Web worker”\?/);
  await panel.locator('input[name=prediction]').fill('fast');
  await panel.locator('button[name=lock-prediction]').click();
  await panel.locator('.error', { hasText: '“fast” is not a number' }).waitFor();
  await panel.locator('input[name=prediction]').fill('1.5');
  await panel.locator('button[name=lock-prediction]').click();
  await panel.locator('text=You said: 1.50× faster').waitFor();
  assert.equal(await grade(page).count(), 0, 'nothing to grade before the runs');
  await visible(page, 'button[name=run-all]').click();
  await waitIdle(page, 3);
  await grade(page).waitFor();
  const measured = Number(await visible(page, '[data-testid=speedup]').getAttribute('data-speedup'));
  const off = Math.abs(1.5 - measured) / measured;
  const text = await grade(page).textContent();
  // data-speedup carries 3 decimals and the text 2: compare the numbers, not a re-rounding.
  const said = Number(/^You said 1\.50×; \d+ threads measured ([\d.]+)×/.exec(text)?.[1]);
  assert.ok(Math.abs(said - measured) <= 0.0051, `${text} (measured ${measured})`);
  // Graded from the measurement: right exactly when within 20 %. The page grades the unrounded speedup, so
  // within half a percent of the line either grade can be right; the text says the same as the attribute.
  const right = await grade(page).getAttribute('data-right');
  assert.ok(right === 'true' || right === 'false', `data-right="${right}"`);
  assert.match(text, right === 'true' ? /, within 20 %: right\.$/ : /, not within 20 %\.$/);
  assert.ok(right === 'true' ? off <= 0.205 : off > 0.195, `graded ${right} with 1.5× ${(off * 100).toFixed(1)} % off ${measured}×: ${text}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('will it freeze: a wrong guess is graded wrong from the frame gap, and the link carries the flag', async () => {
  const { page, problems } = await open('?experiment=heartbeat');
  assert.equal(await visible(page, '[data-testid=predict]').count(), 0, 'off unless asked for');
  await visible(page, 'input[name=predict]').check();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('predict') === '1');
  const panel = visible(page, '[data-testid=predict]');
  assert.match(await panel.innerText(), /Will the page freeze while “Blocking on the main thread” runs\?/);
  await panel.locator('button[name=predict-freeze][value=no]').click();
  await visible(page, 'button[type=submit]').click();
  await waitIdle(page, 1);
  const [row] = await readRuns(page, 1);
  await grade(page).waitFor();
  assert.equal(await grade(page).getAttribute('data-right'), 'false');
  const said = Number(/the longest gap between frames was (\d+) ms/.exec(await grade(page).textContent())[1]);
  assert.ok(Math.abs(said - row.frameGapMs) <= 0.6, `${said} vs the table's ${row.frameGapMs}`);
  await screenshot(page, 'predict-heartbeat');
  assert.deepEqual(problems, []);
  await page.close();
});

test('which mode finishes first: join_all, graded from the medians', async () => {
  const { page, problems } = await open('?experiment=async-overlap&predict=1');
  const panel = visible(page, '[data-testid=predict]');
  assert.match(await panel.innerText(), /Which mode will finish first\?/);
  await panel.locator('button[name=predict-mode][value=join-all]').click();
  await visible(page, 'button[name=run-all]').click();
  await waitIdle(page, 3);
  const rows = await readRuns(page, 3);
  const joined = rows.find(r => r.mode === 'join-all');
  await grade(page).waitFor();
  // As the page grades: the lowest median, the first mode in order on a tie (times are whole
  // multiples of the clock's 5 µs in an isolated page, so two modes can tie).
  const fastest = rows.reduce((best, r) => (r.wallMs < best.wallMs ? r : best)) === joined;
  assert.equal(await grade(page).getAttribute('data-right'), String(fastest));
  assert.match(await grade(page).textContent(), /^You picked “Together with join_all”/);
  assert.deepEqual(problems, []);
  await page.close();
});
