// Latency under load: the web service in every mode from one link, and how often to
// yield on the main thread. Latencies are compared across modes, never against a clock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, waitForEngine, waitIdle, visible, figureRows, msIn } from './helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

async function runAll(query, count, timeout = 90_000) {
  const { page, problems } = await site.open(`${query}&run=all`);
  await waitForEngine(page);
  await waitIdle(page, count, timeout);
  const rows = await page.evaluate(figureRows);
  return { page, problems, by: Object.fromEntries(rows.map(r => [r.mode, r])) };
}

test('service: offloading the hash keeps hello fast, inline or install in the handler it waits; every error is counted', async () => {
  const { page, problems, by } = await runAll('?experiment=service&duration=1&rate=150&hash=10&cost=40&lookup=10&lookup_ms=5&seed=3', 5);
  assert.deepEqual(Object.keys(by), ['inline', 'spawn-blocking', 'rayon-install', 'yielding', 'install-in-handler']);
  const requests = Number(by.inline.requests);
  assert.ok(requests > 100, `${requests} requests in 1 s at 150 a second`);
  for (const row of Object.values(by)) {
    assert.equal(Number(row.requests), requests, `${row.mode}: the same seeded arrivals`);
    assert.equal(row.unanswered, '0', `${row.mode}: every request answered`);
    const notFound = Number(/(\d+) not found/.exec(row.errors)[1]);
    assert.equal(notFound, Number(row['errors expected']), `${row.mode}: no error lost`);
  }
  const p99 = mode => msIn(by[mode]['hello p99']);
  assert.ok(p99('inline') >= 20, `inline, hello waits behind 40 ms hashes: p99 ${p99('inline')} ms`);
  // Seed 003's warning, measured: install called in the handler holds the runtime thread.
  assert.ok(p99('install-in-handler') >= 20, `install in the handler, hello waits too: p99 ${p99('install-in-handler')} ms`);
  assert.ok(p99('install-in-handler') > p99('rayon-install'), `install from a blocking thread does not: ${p99('rayon-install')} ms`);
  for (const mode of ['spawn-blocking', 'rayon-install', 'yielding']) {
    assert.ok(p99(mode) < p99('inline'), `${mode}: hello p99 ${p99(mode)} ms, inline ${p99('inline')} ms`);
  }
  // The latest run's live charts and distribution, and hello's tail per mode.
  const titles = await visible(page, '[data-testid=plot]').evaluateAll(plots => plots.map(p => p.dataset.title));
  assert.deepEqual(titles.map(t => t.split(':')[0].split(' (')[0]), [
    'Hello latency per window', 'Throughput and queue depth per window', 'Latency distribution of the run',
    'Hello latency distribution per mode',
  ]);
  assert.equal(await visible(page, '[data-testid=plot]').last().locator('.legend').count(), 5);
  await screenshot(page, 'service');
  assert.deepEqual(problems, []);
});

test("service: Cancel stops a running load and ends every worker the run started; the next run works and ends them too", async () => {
  const { page, problems } = await site.open('?experiment=service&duration=30&mode=spawn-blocking');
  await waitForEngine(page);
  const before = page.workers().length;
  const back = async what => {
    for (let waited = 0; page.workers().length !== before && waited < 5_000; waited += 100) await page.waitForTimeout(100);
    assert.equal(page.workers().length, before, `${what}: the workers are back to the page's own`);
  };
  await visible(page, 'button[type=submit]').click();
  await visible(page, '[data-testid=plot]').first().waitFor({ timeout: 30_000 });
  // The runtime worker, the blocking pool's four and a CPU pool of one a core (at most 16).
  const cores = Math.min(16, await page.evaluate(() => navigator.hardwareConcurrency));
  assert.equal(page.workers().length, before + 1 + 4 + cores, 'the run started its workers');
  await visible(page, 'button[name=cancel]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.startsWith('Cancelled'), null, { timeout: 5_000 });
  await back('after Cancel');
  await page.fill('input[name=duration]', '1');
  await page.check('input[name=mode][value=rayon-install]');
  await page.click('button[type=submit]');
  await waitIdle(page, 1, 30_000);
  const [row] = await page.evaluate(figureRows);
  assert.equal(row.unanswered, '0');
  await back('after a whole run');
  assert.deepEqual(problems, []);
});

test('yield often: task yields keep the heartbeat on time, a microtask does not; setTimeout pays its clamp', async () => {
  const { page, problems, by } = await runAll('?experiment=yield-often&work=300&slice=5&period=50', 5);
  assert.deepEqual(Object.keys(by), ['never', 'set-timeout', 'message-channel', 'microtask', 'scheduler-yield']);
  const late = mode => msIn(by[mode]['max lateness']);
  assert.equal(by.never.yields, '0');
  assert.equal(by.microtask.yields, '59', '300 ms in 5 ms slices: 59 gaps');
  assert.ok(late('never') >= 200 && late('microtask') >= 200, `starved: never ${late('never')} ms, microtask ${late('microtask')} ms late`);
  for (const mode of ['set-timeout', 'message-channel']) {
    assert.ok(late(mode) < late('never') / 2, `${mode}: ${late(mode)} ms late, never ${late('never')} ms`);
  }
  assert.equal(by['message-channel']['yielded with'], 'a MessageChannel post');
  assert.match(by['scheduler-yield']['yielded with'], /^(scheduler\.yield\(\)|a MessageChannel post \(this browser has no scheduler\.yield\))$/);
  // Rust's zero timeouts are never nested (each await resumes in a task of its own); the
  // JavaScript chain beside them is, and the browser clamps its later gaps to 4 ms.
  const chain = /^([\d., ]+) ms$/.exec(by['set-timeout']['nested setTimeout(0) in JavaScript'])[1].split(', ').map(Number);
  assert.equal(chain.length, 10);
  assert.ok(chain.slice(-3).every(gap => gap >= 3.5), `nested five deep, clamped: ${chain.join(', ')} ms`);
  assert.ok(msIn(by.never['work took']) < msIn(by['set-timeout']['work took']), 'yielding costs time');
  await screenshot(page, 'yield-often');
  assert.deepEqual(problems, []);
});
