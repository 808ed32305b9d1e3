// What concurrency costs: every mode of the five cost experiments opened from a link, its
// results read from the run table, the workers counted back and the pool used afterwards.
// Costs are compared across modes only where they differ by orders of magnitude.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { figureRows, msIn, run, runLink, screenshot, startSite, visible, waitForEngine, workersBackTo } from './helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

/** The pool is whole: a parallel Collatz on the same page takes chunks on every pool thread. */
async function poolIsWhole(page) {
  await page.click('nav.experiments a[href="?experiment=collatz"]');
  // The experiment left behind stays in the page, hidden: only the one on screen is used.
  await visible(page, 'input[name=n]').fill('1000000');
  await visible(page, 'input[name=mode][value=pool]').check();
  await visible(page, 'button[type=submit]').click();
  const row = visible(page, '[data-testid=run]').first();
  await row.waitFor({ timeout: 60_000 });
  assert.equal(await row.getAttribute('data-result'), '837,799 (524 steps)');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const lanes = await visible(page, '.lane-label').evaluateAll(ls => ls.map(l => l.textContent));
  assert.equal(new Set(lanes.filter(l => l.startsWith('Pool thread'))).size, Math.min(cores, 16), `lanes: ${lanes}`);
}

const perUnit = row => Number(row['µs per unit'] ?? row['µs per round trip']);

test('task cost: a worker costs far more than a task or a pool job; workers end; a second run does not grow the memory', async () => {
  const { page, problems, workers, by } = await runLink(site, '?experiment=task-cost&tasks=10000&workers=8&wait=0&run=all', 3);
  assert.deepEqual(Object.keys(by), ['async-tasks', 'pool-jobs', 'workers']);
  assert.equal(by['async-tasks'].units, '10,000');
  assert.equal(by.workers.units, '8');
  for (const row of Object.values(by)) assert.ok(perUnit(row) > 0, `${row.mode}: ${perUnit(row)} µs`);
  for (const cheap of ['async-tasks', 'pool-jobs']) {
    assert.ok(perUnit(by.workers) > 20 * perUnit(by[cheap]), `a worker ${perUnit(by.workers)} µs, ${cheap} ${perUnit(by[cheap])} µs`);
  }
  await workersBackTo(page, workers);
  const titles = await visible(page, '[data-testid=plot]').evaluateAll(ps => ps.map(p => p.dataset.title));
  assert.ok(titles.includes('Cost of one unit against how many start at once: every mode (latest run of each)'), `${titles}`);
  await screenshot(page, 'task-cost');
  // The same size twice: the memory the first run needed is reused, not grown again.
  for (let i = 0; i < 2; i++) await run(page, { mode: 'async-tasks', knobs: { tasks: 300_000 } });
  const rows = await page.evaluate(figureRows);
  assert.equal(rows.at(-1)['wasm memory grew'], '0 B', `second run: ${rows.at(-1)['wasm memory grew']}`);
  // A thousand workers is refused with the reason, and nothing runs.
  await page.fill('input[name=workers]', '1000');
  await page.check('input[name=mode][value=workers]');
  await page.click('button[type=submit]');
  await visible(page, '.errors, [role=alert]').filter({ hasText: '1,000 web workers at once is refused' }).first().waitFor({ timeout: 5_000 });
  assert.equal((await page.evaluate(figureRows)).length, rows.length, 'nothing ran');
  assert.deepEqual(problems, []);
});

test('switch cost: postMessage round trips cost more than futures on one thread; pool threads bounce too', async () => {
  const { problems, by } = await runLink(site, '?experiment=switch-cost&trips=2000&run=all', 3);
  assert.deepEqual(Object.keys(by), ['futures', 'threads', 'post-message']);
  for (const row of Object.values(by)) {
    assert.equal(row['round trips'], '2,000');
    assert.ok(perUnit(row) > 0, `${row.mode}: ${perUnit(row)} µs`);
  }
  assert.ok(perUnit(by['post-message']) > 3 * perUnit(by.futures), `postMessage ${perUnit(by['post-message'])} µs, futures ${perUnit(by.futures)} µs`);
  assert.deepEqual(problems, []);
});

test('channels: every item is consumed once on threads and on tasks, the queue never over its capacity', async () => {
  const { page, problems, workers, by } = await runLink(site, '?experiment=channels&items=500&work=200&capacity=8&consumers=2&run=all', 2);
  assert.deepEqual(Object.keys(by), ['crossbeam-threads', 'async-tasks']);
  for (const row of Object.values(by)) {
    assert.equal(row['every item once'], 'true', row.mode);
    const [fullest, capacity] = /(\d+) of (\d+)/.exec(row['fullest queue']).slice(1).map(Number);
    assert.ok(capacity === 8 && fullest <= 8, `${row.mode}: ${row['fullest queue']}`);
  }
  assert.equal(by['crossbeam-threads']['chain steps in all'], by['async-tasks']['chain steps in all'], 'the same work either way');
  assert.equal(by['crossbeam-threads'].Threads, '3', 'a producer and two consumers');
  await workersBackTo(page, workers);
  await screenshot(page, 'channels');
  assert.deepEqual(problems, []);
});

test('pool health: an endless job takes a pool thread, on its own worker it takes none; small jobs wait behind huge ones; the pool is whole after', async () => {
  const { page, problems, workers, by } = await runLink(site, '?experiment=pool-health&limit=1000000&small=20&pieces=40&run=all', 3);
  const cores = Math.min(16, await page.evaluate(() => navigator.hardwareConcurrency));
  assert.equal(by['forever-job']['threads that took chunks'], `${cores - 1} of ${cores}`);
  assert.equal(by['dedicated-worker']['threads that took chunks'], `${cores} of ${cores}`);
  for (const mode of ['forever-job', 'dedicated-worker']) assert.equal(by[mode].Result.split(':')[0], '837799 (524 steps)');
  const huge = by['huge-job-first'];
  assert.ok(Number(huge['behind huge jobs, median (ms)']) > Number(huge['between pieces, median (ms)']), JSON.stringify(huge));
  await screenshot(page, 'pool-health');
  await workersBackTo(page, workers);
  await poolIsWhole(page);
  assert.deepEqual(problems, []);
});

test('pool health: Cancel stops the endless job and the pool is whole again', async () => {
  const { page, problems } = await site.open('?experiment=pool-health&limit=8000000&mode=forever-job');
  await waitForEngine(page);
  await visible(page, 'button[type=submit]').click();
  // Once the pool-free run is printed, the endless job holds a thread and the second run goes.
  await visible(page, '[data-testid=log]').filter({ hasText: 'the pool free' }).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  await visible(page, 'button[name=cancel]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.startsWith('Cancelled'), null, { timeout: 10_000 });
  await poolIsWhole(page);
  assert.deepEqual(problems, []);
});

test('work stealing: every job done in every mode, the same answer; stealing keeps the pool threads busy', async () => {
  const { page, problems, workers, by } = await runLink(site, '?experiment=work-stealing&jobs=16&short=20000&long_every=8&long_factor=20&run=all', 3);
  assert.deepEqual(Object.keys(by), ['thread-per-job', 'static-split', 'work-stealing']);
  const cores = Math.min(16, await page.evaluate(() => navigator.hardwareConcurrency));
  for (const row of Object.values(by)) assert.equal(row['jobs done'], '16 of 16', row.mode);
  assert.equal(new Set(Object.values(by).map(r => r['chain steps in all'])).size, 1, 'one answer');
  assert.equal(by['thread-per-job'].threads, '16');
  assert.equal(by['work-stealing'].threads, String(cores));
  // The busy share per thread names every pool thread ("Pool thread 1 97 %, …"; past eight, "16 threads: median …").
  const stealing = by['work-stealing'];
  const shares = stealing['busy share per thread'];
  const named = [...shares.matchAll(/Pool thread \d+ (\d+) %/g)].map(m => Number(m[1]));
  const summarised = /^(\d+) threads: median \d+ %/.exec(shares);
  assert.equal(summarised ? Number(summarised[1]) : named.length, cores, shares);
  // How busy they were on average, from the idle thread time over the run's wall time: a thread that frees up
  // steals the next job, so at least half the best this mix allows. Jobs 0 and 8 are long, 20 short ones each,
  // of 54 short ones' worth in all: from three threads on, a long job bounds the wall time.
  const wall = msIn(stealing.Result);
  const busy = 1 - Number(stealing['idle thread time (ms)']) / (cores * wall);
  const best = Math.min(1, 54 / (cores * 20));
  assert.ok(busy >= best / 2, `pool threads busy ${(100 * busy).toFixed(0)} % of the ${wall} ms on average (${shares}), the best here ${(100 * best).toFixed(0)} %`);
  await workersBackTo(page, workers);
  await screenshot(page, 'work-stealing');
  await poolIsWhole(page);
  assert.deepEqual(problems, []);
});

test("the seeds' own threads: primes on a new worker per job, blocking sleeps spread over the pool", async () => {
  const primes = await runLink(site, '?experiment=primes&jobs=4&limit=50000&mode=thread-per-job&run=1', 1);
  assert.equal(primes.by['thread-per-job'].Result, '20532');
  await workersBackTo(primes.page, primes.workers);
  const { page, problems, by } = await runLink(site, '?experiment=blocking-join&tasks=3&sleep=300&mode=pool-spawn&run=1', 1);
  const row = by['pool-spawn'];
  const rounds = Number(row['rounds of sleeps (tasks ÷ threads, rounded up)']);
  const cores = Math.min(16, await page.evaluate(() => navigator.hardwareConcurrency));
  assert.equal(rounds, Math.ceil(3 / cores), `3 sleeps over ${cores} pool threads`);
  // Spread over the pool: each round of sleeps side by side, not one sleep after another.
  assert.ok(msIn(row.elapsed) >= 300 * rounds - 5 && msIn(row.elapsed) < 300 * (rounds + 1), `${row.elapsed} for ${rounds} rounds of 300 ms`);
  assert.deepEqual([...primes.problems, ...problems], []);
});
