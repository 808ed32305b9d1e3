// The playground in headless Firefox ESR (geckodriver + selenium-webdriver), against the
// release build. Scenario links with the run flag drive the runs, so the page is used
// exactly as a visitor's link would use it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { ROOT, runRows, idleWith, collatzAnswer, heartbeatTicks, figureRows, msIn } from './helpers.mjs';
import { launchFirefox } from './firefox.mjs';
import { cases, latestRun } from './watchdog-cases.mjs';
import { launch } from './browser.mjs';

let server;
let browser;
before(async () => {
  server = await serve(join(ROOT, 'dist'));
  browser = await launchFirefox();
});
after(async () => {
  await browser?.quit();
  await server?.close();
});

const engineReady = () => document.querySelector('[data-testid=pool].ok') && document.querySelector('[data-testid=worker].ok');

/** Opens a scenario link that starts its runs, and resolves with the rows, oldest first. */
async function runLink(query, count, timeout = 120_000) {
  await browser.goto(server.url + query);
  await browser.waitFor(engineReady);
  await browser.waitFor(idleWith, count, timeout);
  return (await browser.evaluate(runRows)).slice(0, count).reverse();
}

test('Firefox: the page loads cross-origin isolated, starts its threads and says what differs', async () => {
  await browser.goto(server.url);
  await browser.waitFor(engineReady);
  const env = await browser.evaluate(() => ({
    isolated: crossOriginIsolated,
    browser: document.querySelector('[data-testid=env-browser]').textContent,
    timerMs: Number(document.querySelector('[data-testid=env-timer]').dataset.ms),
    pool: document.querySelector('[data-testid=pool]').textContent,
    notes: document.querySelector('[data-testid=env-notes]')?.textContent ?? '',
    waitAsync: typeof Atomics.waitAsync === 'function',
    compiled: window.playgroundCompiled,
  }));
  console.log('firefox environment:', JSON.stringify(env));
  assert.equal(env.isolated, true);
  assert.equal(env.compiled, 'worker', 'the wasm compiled off the main thread');
  assert.match(env.browser, /^Firefox \d+/);
  assert.ok(env.timerMs > 0 && env.timerMs < 1, `timer resolution ${env.timerMs} ms`);
  assert.match(env.pool, /threads, started in \d+ ms/);
  // What the page says about this engine must match what the engine has.
  assert.equal(/Atomics\.waitAsync/.test(env.notes), !env.waitAsync, env.notes);
  assert.equal(/performance\.now\(\) moves in steps/.test(env.notes), env.timerMs > 0.01, env.notes);
  await browser.screenshot('firefox-home');
  assert.deepEqual(browser.problems, []);
});

test('Firefox: Collatz gives the seed answer in every mode, and only the main thread stalls', { timeout: 300_000 }, async () => {
  const rows = await runLink('?experiment=collatz&n=300000&threads=0&mode=main-thread&repeats=2&run=all', 6);
  const byMode = mode => rows.filter(r => r.mode === mode);
  for (const row of rows) assert.deepEqual(collatzAnswer(row.result), [230_631, 442], `${row.mode}: ${row.result}`);
  const gap = mode => Math.max(...byMode(mode).map(r => r.frameGapMs));
  const compute = mode => Math.min(...byMode(mode).map(r => r.computeMs));
  console.log('firefox collatz 300k:', JSON.stringify({
    gaps: { main: gap('main-thread'), worker: gap('worker'), pool: gap('pool') },
    compute: { main: compute('main-thread'), worker: compute('worker'), pool: compute('pool') },
  }));
  assert.ok(gap('main-thread') >= 0.8 * compute('main-thread'), 'the main-thread run froze the page for its whole time');
  assert.ok(gap('worker') < gap('main-thread') / 2, `worker gap ${gap('worker')} vs main ${gap('main-thread')}`);
  assert.ok(gap('pool') < gap('main-thread') / 2, `pool gap ${gap('pool')} vs main ${gap('main-thread')}`);
  // The global pool has one thread per logical core the page reports, at most 16.
  const poolThreads = await browser.evaluate(() => Math.min(Math.max(navigator.hardwareConcurrency, 1), 16));
  for (const row of byMode('pool')) assert.equal(row.cells[4], String(poolThreads), `the pool ran on all ${poolThreads} threads`);
  await browser.screenshot('firefox-collatz');
  assert.deepEqual(browser.problems, []);

  // Its results link, made in Firefox, opened in Chromium: the same figures, Firefox's environment.
  const link = await browser.evaluate(() => document.querySelector('.page:not([hidden]) input[name=results-link]').value);
  const chromium = await launch();
  try {
    const page = await chromium.newPage();
    await page.goto(link);
    const item = page.locator('[data-testid=compare-item]');
    await item.waitFor();
    assert.match(await item.innerText(), /Firefox \d+/);
    const bars = await page.locator('[data-experiment=collatz] svg.bars').first().innerHTML();
    for (const mode of ['Main thread', 'Web worker', 'Rayon pool']) assert.match(bars, new RegExp(`${mode} — Firefox`));
  } finally {
    await chromium.close();
  }
});

test('Firefox: handing 1 MiB to a worker by copy, transfer and shared memory gives the same sum; the transfer detaches; scope, join and spawn sum alike', { timeout: 120_000 }, async () => {
  const rows = await runLink('?experiment=handoff&size=1024&mode=structured-clone&run=all', 3, 60_000);
  assert.deepEqual(rows.map(r => r.mode), ['structured-clone', 'transfer', 'shared-memory']);
  for (const row of rows) assert.equal(row.result, 'sum 8590000128, 1 MiB', row.mode);
  assert.match(rows[1].cells.join(' | '), /detached: 0 bytes left on the page/);
  console.log('firefox handoff 1 MiB round trips (ms):', rows.map(r => `${r.mode} ${r.computeMs.toFixed(2)}`).join(', '));
  const sums = await runLink('?experiment=scoped&len=1000000&mode=rayon-scope&run=all', 3, 60_000);
  assert.deepEqual(sums.map(r => r.mode), ['rayon-scope', 'rayon-join', 'spawn-owned']);
  for (const row of sums) assert.equal(row.result, 'sum 500000500000', row.mode);
  assert.deepEqual(browser.problems, []);
});

test("Firefox: the JavaScript twins: the timer waits for its busy loop, Promise.all gives the seed's lengths, and the hash the seed answer in every mode", { timeout: 120_000 }, async () => {
  const timers = await runLink('?experiment=timer-vs-busy&timer=50&busy=300&mode=main-thread&run=all', 3);
  const js = timers.find(r => r.mode === 'js');
  assert.ok(Number(/timer fired at (\d+) ms/.exec(js.result)[1]) >= 290, js.result);
  const overlap = await runLink('?experiment=async-overlap&requests=3&delay=100&mode=one-by-one&run=all', 3);
  assert.equal(overlap.find(r => r.mode === 'js').result, '[17, 17, 17]');
  const hashes = await runLink('?experiment=slow-hash&mode=worker&run=all', 6);
  assert.deepEqual(hashes.map(r => r.mode), ['worker', 'main-thread', 'js', 'js-worker', 'sha256-worker', 'sha256-main-thread']);
  for (const row of hashes.slice(0, 2)) assert.equal(row.result, '95755137202', row.mode);
  const digests = new Set(hashes.slice(2).map(r => r.result));
  assert.deepEqual([...digests], ['57c261f677f5496b234171d5d43c98bed94af74094668670c3aeedfa202e0403'], 'one SHA-256 digest from JavaScript and Rust');
  assert.deepEqual(browser.problems, []);
});

test('Firefox: the service answers every request in every mode, hello waits only inline; a microtask yield starves the heartbeat, a MessageChannel yield does not', { timeout: 120_000 }, async () => {
  await runLink('?experiment=service&duration=1&rate=100&hash=10&cost=40&lookup=10&lookup_ms=5&seed=3&mode=inline&run=all', 5, 60_000);
  const service = Object.fromEntries((await browser.evaluate(figureRows)).map(r => [r.mode, r]));
  for (const row of Object.values(service)) {
    assert.equal(row.unanswered, '0', row.mode);
    assert.equal(Number(/(\d+) not found/.exec(row.errors)[1]), Number(row['errors expected']), row.mode);
  }
  const p99 = mode => msIn(service[mode]['hello p99']);
  console.log('firefox hello p99 (ms):', JSON.stringify(Object.fromEntries(Object.keys(service).map(m => [m, p99(m)]))));
  for (const mode of ['spawn-blocking', 'rayon-install', 'yielding']) {
    assert.ok(p99(mode) < p99('inline'), `${mode}: hello p99 ${p99(mode)} ms, inline ${p99('inline')} ms`);
  }
  await runLink('?experiment=yield-often&work=300&slice=5&period=50&mode=never&run=all', 5, 60_000);
  const yields = Object.fromEntries((await browser.evaluate(figureRows)).map(r => [r.mode, r]));
  const late = mode => msIn(yields[mode]['max lateness']);
  assert.ok(late('microtask') >= 200, `microtask: ${late('microtask')} ms late`);
  assert.ok(late('message-channel') < late('never') / 2, `a MessageChannel post: ${late('message-channel')} ms late`);
  // Shown, not asserted: whether scheduler.yield's continuation lets this browser's timers in.
  console.log(`firefox: ${yields['scheduler-yield']['yielded with']}, heartbeat ${late('scheduler-yield')} ms late`);
  await browser.screenshot('firefox-yield-often');
  assert.deepEqual(browser.problems, []);
});

test('Firefox: what concurrency costs: tasks, jobs and new workers, round trips, channels and stolen work, every mode', { timeout: 180_000 }, async () => {
  const modes = async (query, count) => {
    await runLink(`${query}&run=all`, count, 90_000);
    return Object.fromEntries((await browser.evaluate(figureRows)).map(r => [r.mode, r]));
  };
  const costs = await modes('?experiment=task-cost&tasks=10000&workers=4&wait=0', 3);
  const perUnit = mode => Number(costs[mode]['µs per unit']);
  console.log('firefox µs per unit:', JSON.stringify(Object.fromEntries(Object.keys(costs).map(m => [m, perUnit(m)]))));
  assert.ok(perUnit('workers') > 20 * perUnit('async-tasks'), `a worker ${perUnit('workers')} µs, a task ${perUnit('async-tasks')} µs`);
  assert.equal(costs['async-tasks']['JS heap change'], 'not measured: this browser has no performance.memory');
  const trips = await modes('?experiment=switch-cost&trips=1000', 3);
  for (const row of Object.values(trips)) assert.ok(Number(row['µs per round trip']) > 0, row.mode);
  const channels = await modes('?experiment=channels&items=300&work=200&capacity=8&consumers=2', 2);
  for (const row of Object.values(channels)) assert.equal(row['every item once'], 'true', row.mode);
  const stolen = await modes('?experiment=work-stealing&jobs=8&short=5000&long_every=4&long_factor=10', 3);
  for (const row of Object.values(stolen)) assert.equal(row['jobs done'], '8 of 8', row.mode);
  assert.equal(new Set(Object.values(stolen).map(r => r['chain steps in all'])).size, 1);
  await browser.screenshot('firefox-work-stealing');
  assert.deepEqual(browser.problems, []);
});

test('Firefox: inside async: the hand-written future, the deadlock the watchdog ends, block_on both ways', { timeout: 120_000 }, async () => {
  const modes = async (query, count) => {
    await runLink(`${query}&run=all`, count, 60_000);
    return Object.fromEntries((await browser.evaluate(figureRows)).map(r => [r.mode, r]));
  };
  const hand = await modes('?experiment=hand-future&start=0&target=10&step_ms=10&stall_ms=500', 4);
  assert.equal(hand['manual-poll'].polls, '11');
  assert.equal(hand['no-wake'].polls, '1');
  assert.equal(hand['no-wake'].watchdog, 'nobody will wake it');
  assert.equal(hand['timer-wake'].polls, '11');
  const locks = await modes('?experiment=mutex-await&hold_ms=100&stall_ms=800', 3);
  assert.match(locks['std-mutex'].Result, /^deadlock: the thread is blocked/);
  assert.match(locks['std-mutex'].afterwards, /the compute worker answered, and (\d+) of \1 pool threads took chunks/);
  assert.equal(locks['async-mutex'].counter, '2');
  const bridge = await modes('?experiment=block-on&timer_ms=100&stall_ms=800', 3);
  assert.equal(bridge['from-sync'].Result, 'count = 42');
  assert.match(bridge['runtime-in-runtime'].Result, /^tokio panicked: "Cannot start a runtime from within a runtime\./);
  assert.match(bridge['on-own-loop'].Result, /^the thread is blocked/);
  // The one expected console error is tokio's panic, as console_error_panic_hook prints it.
  const unexpected = browser.problems.filter(p => !p.includes('Cannot start a runtime from within a runtime'));
  browser.problems.length = 0;
  assert.deepEqual(unexpected, []);
});

test('Firefox: the watchdog tells a blocked thread, nobody to wake a future, and long waits apart', { timeout: 300_000 }, async () => {
  for (const { name, link, check } of cases) {
    await runLink(link, 1, 90_000);
    const run = await browser.evaluate(latestRun);
    console.log('firefox', name, JSON.stringify(run.row));
    check(run);
    assert.ok(run.frameGapMs < 400, `${name}: the page went ${run.frameGapMs} ms without a frame`);
  }
  assert.deepEqual(browser.problems, []);
});

test('Firefox: the heartbeat is late when blocked and on time when offloaded', { timeout: 120_000 }, async () => {
  const [blocked, free] = await runLink('?experiment=heartbeat&period=50&ticks=3&work=300&mode=main-thread&run=all', 2);
  const [b1] = heartbeatTicks(blocked);
  const [f1, f2, f3] = heartbeatTicks(free);
  console.log('firefox heartbeat:', JSON.stringify({ blocked: heartbeatTicks(blocked), offloaded: heartbeatTicks(free) }));
  assert.ok(b1 >= 300, `blocked: first tick at ${b1} ms, after the work`);
  assert.ok(f1 < f2 && f2 < f3 && f3 < b1, `offloaded ticks ${f1}, ${f2}, ${f3} all before ${b1}`);
  assert.ok(f1 < 250, `the first offloaded tick (${f1} ms) does not wait for the work`);
  assert.ok(free.frameGapMs < blocked.frameGapMs / 2, `frame gaps ${free.frameGapMs} vs ${blocked.frameGapMs}`);
  // The verdict works here too, and says whether this browser reports long tasks.
  const verdict = await browser.evaluate(() => {
    const card = document.querySelector('.page:not([hidden]) [data-testid=verdict]');
    const types = PerformanceObserver.supportedEntryTypes ?? [];
    return {
      kind: card.dataset.kind,
      sentence: card.querySelector('[data-testid=verdict-sentence]').textContent,
      longTasks: [...card.querySelectorAll('[data-testid=long-tasks] li')].map(li => li.textContent),
      observes: types.includes('long-animation-frame') || types.includes('longtask'),
    };
  });
  console.log('firefox verdict:', JSON.stringify(verdict));
  assert.equal(verdict.kind, 'timers');
  const late = Math.round(Math.max(...heartbeatTicks(blocked).map((t, i) => t - 50 * (i + 1))));
  assert.ok(Math.abs(Number(/against (\d+) ms late/.exec(verdict.sentence)[1]) - late) <= 1, verdict.sentence);
  assert.equal(verdict.longTasks.length, 2);
  for (const text of verdict.longTasks) assert.equal(/reports no long tasks/.test(text), !verdict.observes, text);
  await browser.screenshot('firefox-heartbeat');
  assert.deepEqual(browser.problems, []);
});

test('Firefox: without headers, under a sub-path, the service worker isolates the page after one reload', { timeout: 120_000 }, async () => {
  const plain = await serve(join(ROOT, 'dist'), { isolation: false, base: '/playground/' });
  try {
    await browser.goto(plain.url + '?experiment=collatz&n=100000&threads=0&mode=pool&run=1');
    await browser.waitFor(engineReady);
    await browser.waitFor(idleWith, 1, 60_000);
    const state = await browser.evaluate(() => ({
      isolated: crossOriginIsolated,
      worker: window.playgroundIsolation.state,
      navigations: performance.getEntriesByType('navigation')[0]?.type,
    }));
    assert.deepEqual([state.isolated, state.worker], [true, 'service-worker']);
    assert.equal(state.navigations, 'reload', 'this document came from the one reload');
    // No loop: the same document is still there a while later.
    const origin = await browser.evaluate(() => performance.timeOrigin);
    await new Promise(resolve => setTimeout(resolve, 2000));
    assert.equal(await browser.evaluate(() => performance.timeOrigin), origin);
    const [row] = (await browser.evaluate(runRows)).reverse();
    assert.deepEqual(collatzAnswer(row.result), [77_031, 350]);
    await browser.screenshot('firefox-hosted');
    assert.deepEqual(browser.problems, []);
  } finally {
    await plain.close();
  }
});
