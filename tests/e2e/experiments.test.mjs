// Every experiment end to end, in headless Chromium against the release build: it
// runs, reproduces its seed's result, draws while it runs, and freezes the page
// only in the modes that block the main thread.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { experimentSources } from '../../scripts/shown-sources.mjs';
import { catalogueWords, startSite, screenshot, waitForEngine, run, waitIdle, readRuns, heartbeatTicks, visible } from './helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

async function openExperiment(slug) {
  const opened = await site.open(`?experiment=${slug}`);
  await waitForEngine(opened.page);
  return opened;
}

/** Cell of a named extra column ("timer fired at") in the run table. */
async function column(page, row, name) {
  const headers = await page.locator('table.runs thead th').allTextContents();
  return Number.parseFloat(row.cells[headers.indexOf(name)]);
}

test('timer vs busy loop: the timer waits for the busy loop only on the main thread', async () => {
  const { page, problems } = await openExperiment('timer-vs-busy');
  const [blocked] = await run(page, { mode: 'main-thread' });
  const [free] = await run(page, { mode: 'worker' });
  const firedBlocked = await column(page, blocked, 'timer fired at');
  const firedFree = await column(page, free, 'timer fired at');
  assert.ok(firedBlocked >= 290, `blocked timer fired at ${firedBlocked} ms, after the 300 ms loop`);
  assert.ok(firedFree < firedBlocked / 2, `offloaded timer fired at ${firedFree} ms, well before ${firedBlocked}`);
  assert.ok(blocked.frameGapMs >= 250 && free.frameGapMs < blocked.frameGapMs / 2, `frame gaps ${blocked.frameGapMs} vs ${free.frameGapMs}`);
  await screenshot(page, 'timer-vs-busy');
  assert.deepEqual(problems, []);
  await page.close();
});

test('heartbeat: late and bunched when blocked, on time when offloaded, drawn while it runs', async () => {
  const { page, problems } = await openExperiment('heartbeat');
  const [blocked] = await run(page, { mode: 'main-thread' });
  // Offloaded, with a longer beat so the chart can be watched mid-run.
  await page.fill('input[name=ticks]', '6');
  await page.fill('input[name=work]', '600');
  await page.check('input[name=mode][value=worker]');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('.chart.timeline circle').length >= 2
    && document.querySelector('[data-testid=status]').textContent.startsWith('Running'), null, { timeout: 10_000 });
  await waitIdle(page, 2);
  const [free] = await run(page, { mode: 'worker', knobs: { ticks: 3, work: 300 } });
  const [b1, b2, b3] = heartbeatTicks(blocked);
  assert.ok(b1 >= 300, `blocked: first tick at ${b1}, after the work`);
  assert.ok(b2 - b1 < 80 && b3 - b2 < 80, 'then the ticks follow at the period');
  const [f1, f2, f3] = heartbeatTicks(free);
  assert.ok(f1 < f2 && f2 < f3 && f3 < b1, `offloaded ticks at ${f1}, ${f2}, ${f3}, all before the blocked run's first`);
  assert.ok(f1 < 250, `the first offloaded tick (${f1} ms) does not wait for the 300 ms of work`);
  assert.ok(await column(page, free, 'work done at') >= 290, 'the offloaded work still takes its 300 ms');
  assert.ok(free.frameGapMs < blocked.frameGapMs / 2, `frame gaps ${free.frameGapMs} vs ${blocked.frameGapMs}`);
  await screenshot(page, 'heartbeat');
  assert.deepEqual(problems, []);
  await page.close();
});

test('async overlap: join_all takes one request time, one by one takes three', async () => {
  const { page, problems } = await openExperiment('async-overlap');
  const [serial] = await run(page, { mode: 'one-by-one' });
  const [joined] = await run(page, { mode: 'join-all' });
  for (const row of [serial, joined]) {
    assert.equal(row.result, '[17, 17, 17]');
    assert.equal(row.matchesSeed, 'true');
  }
  assert.ok(serial.wallMs >= 300, `one by one ${serial.wallMs} ms`);
  assert.ok(joined.wallMs >= 100 && joined.wallMs < serial.wallMs / 2, `join_all ${joined.wallMs} ms vs ${serial.wallMs}`);
  // Both modes side by side on one axis: three request bars each.
  for (const mode of ['one-by-one', 'join-all']) {
    const bars = page.locator(`[data-testid=side-by-side-mode][data-mode=${mode}] .chart.timeline rect.bar`);
    assert.equal(await bars.count(), 3, `${mode}: three request bars`);
  }
  await screenshot(page, 'async-overlap');
  assert.deepEqual(problems, []);
  await page.close();
});

test('heavy: sequential and parallel give the same eight results, with a speedup shown', async () => {
  const { page, problems } = await openExperiment('heavy');
  const [seq] = await run(page, { mode: 'worker' });
  const [par] = await run(page, { mode: 'pool' });
  assert.equal(JSON.parse(seq.result).length, 8);
  assert.equal(par.result, seq.result);
  const pool = '[data-testid=side-by-side-mode][data-mode=pool] .chart.timeline';
  const labels = await page.locator(`${pool} .lane-label`).allTextContents();
  // Which pool thread ran which seed is up to rayon's work stealing; only pool threads ran them.
  assert.ok(labels.length >= 1 && labels.every(l => /^Pool thread [1-9]/.test(l)), labels.join(', '));
  assert.equal(await page.locator(`${pool} rect.bar`).count(), 8, 'one bar per seed');
  assert.match(await page.locator('[data-testid=speedup]').innerText(), /on \d+ threads against Web worker \(the sequential code\): [\d.]+× faster/);
  // The threads knob picks a pool of exactly that size; out of range is refused with a message.
  const [one] = await run(page, { mode: 'pool', knobs: { threads: 1 } });
  assert.equal(one.result, seq.result);
  assert.equal(one.cells[4], '1');
  await page.fill('input[name=threads]', '99');
  await page.click('button[type=submit]');
  await page.locator('.errors .error', { hasText: 'must be at most 16, got 99' }).waitFor({ timeout: 5_000 });
  await page.fill('input[name=threads]', '0');
  // The seed's whole main: both, then the vectors compared.
  const [both] = await run(page, { mode: 'both' });
  assert.equal(both.result, 'results match: true');
  assert.equal(both.matchesSeed, 'true');
  assert.match(await visible(page, '[data-testid=log]').innerText(), /sequential: \d+ ms\nrayon par: \d+ ms\nresults match: true/);
  await screenshot(page, 'heavy');
  assert.deepEqual(problems, []);
  await page.close();
});

test('primes: four jobs total 20532, and the pool fills its timeline while it runs', async () => {
  const { page, problems } = await openExperiment('primes');
  // Twelve jobs (about 2 s on the pool here): the page is quiet while it times the pool and
  // brings its charts up to date once a second, so a run shorter than that fills in at its end.
  await page.fill('input[name=jobs]', '12');
  await page.check('input[name=mode][value=pool]');
  await page.click('button[type=submit]');
  // Mid-run: chunks on two pool threads are already drawn and the progress bar moves.
  await page.waitForFunction(() => {
    const labels = [...document.querySelectorAll('.chart.timeline .lane-label')].map(t => t.textContent);
    return document.querySelector('[data-testid=status]').textContent.startsWith('Running')
      && labels.filter(l => l.startsWith('Pool thread')).length >= 2 && document.querySelector('progress');
  }, null, { timeout: 20_000 });
  await waitIdle(page, 1);
  const [par] = await readRuns(page, 1);
  assert.equal(par.result, String(12 * 5133), 'each job counts the 5133 primes below 50,000');
  const [seq] = await run(page, { mode: 'worker', knobs: { jobs: '4' } });
  assert.equal(seq.result, '20532');
  assert.equal(seq.matchesSeed, 'true');
  // After the run, its timeline still shows every chunk, on the worker that ran them (the
  // two runs differ in jobs, so the page shows the latest alone, not side by side).
  const worker = '.page:not([hidden]) .chart.timeline';
  const labels = await page.locator(`${worker} .lane-label`).allTextContents();
  assert.deepEqual(labels, ['Compute worker']);
  assert.equal(await page.locator(`${worker} rect.bar`).count(), 32, '4 jobs × 8 pieces');
  await screenshot(page, 'primes');
  assert.deepEqual(problems, []);
  await page.close();
});

test('slow hash: hunter2 hashes to 95755137202; the heartbeat waits only when blocked', async () => {
  const { page, problems } = await openExperiment('slow-hash');
  const [free] = await run(page, { mode: 'worker' });
  const [blocked] = await run(page, { mode: 'main-thread' });
  for (const row of [free, blocked]) {
    assert.equal(row.result, '95755137202');
    assert.equal(row.matchesSeed, 'true');
  }
  const lateFree = await column(page, free, 'max lateness');
  const lateBlocked = await column(page, blocked, 'max lateness');
  assert.ok(lateBlocked >= 120, `blocked: the heartbeat waits out the 150 ms hash (${lateBlocked} ms late)`);
  assert.ok(lateFree < lateBlocked / 2, `offloaded: the heartbeat stays near its time (${lateFree} vs ${lateBlocked} ms)`);
  const [other] = await run(page, { mode: 'worker', knobs: { password: 'correct horse', cost: 10 } });
  assert.equal(other.matchesSeed, undefined);
  assert.notEqual(other.result, '95755137202');
  await screenshot(page, 'slow-hash');
  assert.deepEqual(problems, []);
  await page.close();
});

test('shards: concurrent fetches overlap, then the pool sums the squares', async () => {
  const { page, problems } = await openExperiment('shards');
  // Two runs of each, the quicker compared: a first run can pay for the browser compiling.
  const joined = await run(page, { mode: 'pool', repeats: 2 });
  const serial = await run(page, { mode: 'worker', repeats: 2 });
  for (const row of [...joined, ...serial]) {
    assert.equal(row.result, '333332833333500000');
    assert.equal(row.matchesSeed, 'true');
  }
  const fastest = async rows => Math.min(...await Promise.all(rows.map(r => column(page, r, 'fetched at'))));
  const fetchedJoined = await fastest(joined);
  const fetchedSerial = await fastest(serial);
  assert.ok(fetchedJoined >= 50 && fetchedJoined < fetchedSerial / 2, `fetched at ${fetchedJoined} vs ${fetchedSerial} ms`);
  assert.ok(fetchedSerial >= 200);
  // Past about 3,000,000 numbers the u64 sum wraps, as the seed's release build does
  // silently: the page says so and gives the exact sum (closed form, in 128 bits).
  const [big] = await run(page, { mode: 'pool', knobs: { size: '1,000,000', fetch: 0 } });
  assert.equal(big.result, '2886581259624448384 (wrapped: the exact sum is 21333325333334000000)');
  assert.equal(big.matchesSeed, undefined);
  assert.match(await page.locator('[data-testid=log]').innerText(), /the sum wrapped: it does not fit in 64 bits/);
  await screenshot(page, 'shards');
  assert.deepEqual(problems, []);
  await page.close();
});

test('pipeline: the four checksums match the seed, downloads overlap', async () => {
  const { page, problems } = await openExperiment('pipeline');
  for (const mode of ['pool', 'main-thread']) {
    const [row] = await run(page, { mode });
    assert.equal(row.result, '[0, 15279771427360356480, 12112798781011161344, 8945826134661966208]');
    assert.equal(row.matchesSeed, 'true');
    assert.ok(row.wallMs < 4 * 80, `${mode}: four 80 ms downloads overlap (${row.wallMs} ms)`);
  }
  await screenshot(page, 'pipeline');
  assert.deepEqual(problems, []);
  await page.close();
});

test('blocking sleep inside join: blocking runs the tasks in turn, awaiting overlaps them', async () => {
  const { page, problems } = await openExperiment('blocking-join');
  const [awaiting] = await run(page, { mode: 'awaiting', knobs: { sleep: 300 } });
  const awaitingLog = await page.locator('[data-testid=log]').innerText();
  const [blocking] = await run(page, { mode: 'blocking', knobs: { sleep: 300 } });
  const blockingLog = await page.locator('[data-testid=log]').innerText();
  assert.equal(awaitingLog, 'Start timer 1.\nStart timer 2.\nStart timer 3.\nTimer 1 done.\nTimer 2 done.\nTimer 3 done.');
  assert.equal(blockingLog, 'Start timer 1.\nTimer 1 done.\nStart timer 2.\nTimer 2 done.\nStart timer 3.\nTimer 3 done.');
  assert.equal(awaiting.matchesSeed, 'true');
  assert.equal(blocking.matchesSeed, 'true');
  assert.ok(blocking.wallMs >= 900 && awaiting.wallMs < 600, `blocking ${blocking.wallMs}, awaiting ${awaiting.wallMs}`);
  assert.ok(blocking.frameGapMs >= 800, `the page froze for the blocking run (${blocking.frameGapMs} ms)`);
  assert.ok(awaiting.frameGapMs < blocking.frameGapMs / 4, `and not for the awaiting one (${awaiting.frameGapMs} ms)`);
  // Too long a freeze is refused with a message.
  await page.fill('input[name=sleep]', '3000');
  await page.check('input[name=mode][value=blocking]');
  await page.click('button[type=submit]');
  await page.locator('.errors .error', { hasText: 'freezes the page for 9000 ms' }).waitFor({ timeout: 5_000 });
  await screenshot(page, 'blocking-join');
  assert.deepEqual(problems, []);
  await page.close();
});

test('pool back to async: the sum of a mebibyte of ones is 1048576', async () => {
  const { page, problems } = await openExperiment('pool-to-async');
  for (const mode of ['spawn', 'spawn-par-iter']) {
    const [row] = await run(page, { mode });
    assert.equal(row.result, '1048576');
    assert.equal(row.matchesSeed, 'true');
    assert.ok(row.frameGapMs < 200, `${mode}: the page kept drawing (${row.frameGapMs} ms)`);
  }
  await screenshot(page, 'pool-to-async');
  assert.deepEqual(problems, []);
  await page.close();
});

test('cancel stops a long parallel run and the pool answers right afterwards', async () => {
  const { page, problems } = await openExperiment('collatz');
  await page.fill('input[name=n]', '100,000,000');
  await page.check('input[name=mode][value=pool]');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.querySelector('progress'), null, { timeout: 10_000 });
  await page.waitForTimeout(300);
  const clicked = await page.evaluate(() => performance.now());
  await page.click('button[name=cancel]');
  await page.locator('[data-testid=status]', { hasText: 'Cancelled' }).waitFor({ timeout: 5_000 });
  assert.ok(await page.evaluate(() => performance.now()) - clicked < 2_000, 'cancelled promptly');
  const [row] = await run(page, { mode: 'pool', knobs: { n: '100000' } });
  assert.equal(row.result, '77,031 (350 steps)');
  assert.ok(row.wallMs < 5_000, `the next run took ${row.wallMs} ms: the cancelled job had stopped`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('downloads hold every run with its parameters and the environment', async () => {
  const { page, problems } = await openExperiment('async-overlap');
  await run(page, { mode: 'join-all', repeats: 2, knobs: { delay: 20 } });
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download-json]')]);
  const doc = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(doc.experiment, 'async-overlap');
  assert.equal(doc.runs.length, 2);
  assert.deepEqual(doc.runs[0].parameters, { requests: 3, delay: 20 });
  assert.equal(doc.runs[0].result, '[17, 17, 17]');
  assert.equal(doc.runs[0].events.length, 3);
  assert.equal(doc.environment.cross_origin_isolated, true);
  assert.equal(doc.environment.hardware_concurrency, await page.evaluate(() => navigator.hardwareConcurrency));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download-csv]')]);
  const lines = readFileSync(await csv.path(), 'utf8').trim().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^experiment,number,mode,parameters,result/);
  assert.match(lines[1], /^async-overlap,1,join-all,requests=3 delay=20,"\[17, 17, 17\]",true,/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the speedup curve measures every pool size and fits Amdahl\'s law', { timeout: 180_000 }, async () => {
  const { page, problems } = await openExperiment('primes');
  await page.fill('input[name=limit]', '20,000');
  await page.fill('input[name=repeats]', '3');
  await page.click('button[name=measure-scaling]');
  await page.waitForFunction(() => /^(Done|Stopped)/.test(document.querySelector('[data-testid=scaling-status]').textContent), null, { timeout: 150_000 });
  assert.match(await page.locator('[data-testid=scaling-status]').innerText(), /^Done/);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const points = await page.locator('[data-testid=scaling-point]').evaluateAll(rows => rows.map(r => [Number(r.dataset.threads), Number(r.dataset.speedup)]));
  assert.deepEqual(points.map(p => p[0]), Array.from({ length: Math.min(cores, 16) }, (_, i) => i + 1));
  // One pool thread does the same work as one worker. How much more threads gain depends on
  // how busy the machine is, so that is the benchmark's business, not a test's.
  assert.ok(points[0][1] > 0.5 && points[0][1] < 2, `1 thread: ${points[0][1]}×`);
  assert.ok(points.every(([, speedup]) => Number.isFinite(speedup) && speedup > 0), JSON.stringify(points));
  // The fit is the page's least squares on 1/speedup = 1 - p·(1 - 1/threads) over the points at more than one
  // thread (kernels/src/stats.rs), redone here from the points shown (3 decimals, so to within 0.01).
  const many = points.filter(([threads, speedup]) => threads > 1 && speedup > 0);
  const num = many.reduce((sum, [t, s]) => sum + (1 - 1 / t) * (1 - 1 / s), 0);
  const den = many.reduce((sum, [t]) => sum + (1 - 1 / t) ** 2, 0);
  const expected = den > 0 ? Math.min(1, Math.max(0, num / den)) : null;
  const fitted = await page.locator('[data-testid=amdahl]').getAttribute('data-parallel-fraction');
  if (expected === null) {
    // One logical core: a pool of one thread only, and nothing to fit a curve to.
    assert.equal(fitted, null, `a fit (${fitted}) from ${JSON.stringify(points)}`);
  } else {
    assert.match(fitted ?? '', /^\d\.\d{4}$/, `the fitted fraction: ${fitted}`);
    assert.ok(Math.abs(Number(fitted) - expected) <= 0.01, `fitted ${fitted}, the points give ${expected.toFixed(4)}: ${JSON.stringify(points)}`);
  }
  assert.equal(await page.locator('.chart.speedup-chart circle.point').count(), points.length);
  await screenshot(page, 'primes-speedup-curve');
  assert.deepEqual(problems, []);
  await page.close();
});

// Long-enough settings for each experiment, so a test can look at the page mid-run.
// (pool-to-async is left out: its answer arrives within a frame or two.)
const LONG_RUNS = {
  'timer-vs-busy': { mode: 'worker', knobs: { busy: 1500 } },
  'async-overlap': { mode: 'one-by-one', knobs: { delay: 500 } },
  heavy: { mode: 'worker', knobs: { steps: '400,000,000' } },
  collatz: { mode: 'worker', knobs: { n: '20,000,000' } },
  'slow-hash': { mode: 'worker', knobs: { cost: 1500 } },
  shards: { mode: 'worker', knobs: { fetch: 400 } },
  pipeline: { mode: 'pool', knobs: { download: 1200 } },
  'blocking-join': { mode: 'awaiting', knobs: { sleep: 1500 } },
  service: { mode: 'inline', knobs: { duration: 5 } },
  'yield-often': { mode: 'set-timeout', knobs: { work: 3000 } },
};

// Each run is cancelled once its charts have drawn mid-run: finishing with a result is
// tested experiment by experiment above, and this way Cancel is tried on each of these.
// (Every experiment opening with its title and modes is the next test.)
test(`the ${Object.keys(LONG_RUNS).length} experiments with a long run (LONG_RUNS) draw their charts while they run, not only at the end, and Cancel stops each`, { timeout: 300_000 }, async () => {
  for (const [slug, { mode, knobs }] of Object.entries(LONG_RUNS)) {
    const { page, problems } = await openExperiment(slug);
    for (const [name, text] of Object.entries(knobs)) await page.fill(`input[name=${name}]`, String(text));
    await page.check(`input[name=mode][value=${mode}]`);
    await page.click('button[type=submit]');
    // Mid-run: the frame chart already has bars and the status still says Running.
    await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.startsWith('Running')
      && document.querySelectorAll('.chart.frames rect').length >= 5, null, { timeout: 20_000 })
      .catch(() => assert.fail(`${slug}: no live frame chart during the run`));
    await visible(page, 'button[name=cancel]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.startsWith('Cancelled'), null, { timeout: 10_000 })
      .catch(() => assert.fail(`${slug}: Cancel did not stop the run`));
    assert.equal(await page.locator('[data-testid=run]').count(), 0, `${slug}: a cancelled run is not listed`);
    assert.deepEqual(problems, [], slug);
    await page.close();
  }
});

// Cheap, and for all of them: no run, just each page opened from the sidebar.
test('every experiment opens from the sidebar with its title, its modes and what ran (the seed program, what runs here, what is measured)', { timeout: 120_000 }, async () => {
  const declared = catalogueWords();
  const slugs = declared.map(e => e.slug).sort();
  assert.deepEqual(slugs, experimentSources().map(e => e.slug).sort(), 'a title read for every experiment');
  assert.ok(declared.length >= 20, `${declared.length} experiments found`);
  const { page, problems } = await site.open('');
  await page.locator('main#content').waitFor(); // the app has mounted (index.html's first screen has the same list)
  const listed = await page.locator('nav.experiments a[data-slug]').evaluateAll(links => links.map(a => a.dataset.slug));
  assert.deepEqual([...listed].sort(), slugs, 'the sidebar lists every experiment once');
  for (const { slug, title } of declared) {
    await page.click(`nav.experiments a[data-slug="${slug}"]`);
    const article = visible(page, `article[data-experiment="${slug}"]`);
    await article.waitFor({ timeout: 10_000 }).catch(() => assert.fail(`${slug}: its page did not open`));
    assert.equal(await article.locator('h1').textContent(), title, slug);
    const whatRan = article.locator('[data-testid=what-ran]');
    await whatRan.waitFor({ timeout: 10_000 }).catch(() => assert.fail(`${slug}: what ran is shown, not folded away`));
    const said = await whatRan.innerText();
    assert.match(said, /The seed's program\s+seed 00[0-3] \(/, `${slug}: names its seed program`);
    for (const part of ['What runs here', 'What differs, and why', 'Measured']) assert.ok(said.includes(part), `${slug}: ${part}`);
    const modes = await article.locator('input[name=mode]').evaluateAll(inputs => inputs.map(i => ({
      id: i.value, checked: i.checked, label: i.closest('label')?.textContent.trim() ?? '',
    })));
    if (slug === 'compile-errors') {
      // Its page is the compiler's messages themselves: cards, no modes to run.
      assert.deepEqual(modes, [], slug);
      assert.ok(await article.locator('[data-testid=compile-card]').count() >= 1, `${slug}: its cards`);
    } else {
      assert.ok(modes.length >= 2, `${slug}: modes ${JSON.stringify(modes)}`);
      assert.equal(new Set(modes.map(m => m.id)).size, modes.length, `${slug}: mode ids differ`);
      assert.ok(modes.every(m => m.id && m.label), `${slug}: every mode has an id and a label: ${JSON.stringify(modes)}`);
      assert.equal(modes.filter(m => m.checked).length, 1, `${slug}: one mode chosen`);
      assert.equal(await article.locator('button[type=submit]').count(), 1, `${slug}: a Run button`);
    }
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('keyboard only: arrows pick a mode, Enter runs it', async () => {
  const { page, problems } = await openExperiment('async-overlap');
  await page.focus('input[name=delay]');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('30');
  await page.focus('input[name=mode][value=one-by-one]');
  await page.keyboard.press('ArrowDown'); // the next radio: join-all
  assert.equal(await page.locator('input[name=mode]:checked').getAttribute('value'), 'join-all');
  await page.focus('input[name=delay]');
  await page.keyboard.press('Enter');
  await waitIdle(page, 1);
  const [row] = await readRuns(page, 1);
  assert.equal(row.mode, 'join-all');
  assert.equal(row.result, '[17, 17, 17]');
  assert.deepEqual(problems, []);
  await page.close();
});

test('leaving an experiment and coming back keeps what was typed and measured; one run at a time', async () => {
  const { page, problems } = await openExperiment('collatz');
  await visible(page, 'input[name=n]').fill('200000');
  await visible(page, 'input[name=mode][value=worker]').check();
  await visible(page, 'button[type=submit]').click();
  await page.waitForFunction(() => document.querySelectorAll('.page:not([hidden]) [data-testid=run]').length === 1);
  // A long run here, then a visit to another experiment while it goes.
  await visible(page, 'input[name=n]').fill('30,000,000');
  await visible(page, 'button[type=submit]').click();
  await page.click('nav.experiments a[href="?experiment=heartbeat"]');
  await visible(page, '[data-testid=other-running]').waitFor();
  assert.equal(await visible(page, 'button[type=submit]').isDisabled(), true, 'no second run while one is going');
  await page.goBack();
  assert.equal(await visible(page, 'input[name=n]').inputValue(), '30,000,000');
  await visible(page, 'button[name=cancel]').click();
  await visible(page, '[data-testid=status]').filter({ hasText: 'Cancelled' }).waitFor();
  assert.equal(await visible(page, '[data-testid=run]').count(), 1, 'the earlier run is still listed');
  assert.equal(await page.locator('.page:not([hidden])').count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});

// The source text is fetched from beside the page when the panel opens (it is not in the
// wasm): every experiment's panel must show exactly the repository's files.
test('every experiment shows the source that runs, fetched when opened; a missing file is said so', { timeout: 120_000 }, async () => {
  const experiments = experimentSources();
  assert.ok(experiments.length >= 20, `${experiments.length} experiments found`);
  // No service worker: its offline cache would answer the lost file below.
  const plain = await startSite({}, { serviceWorkers: 'block' });
  const { page, problems } = await plain.open('');
  await page.locator('main#content').waitFor(); // the app has mounted (index.html's first screen has the same list)
  for (const { slug, files } of experiments) {
    // From the sidebar, as a reader goes: one load of the page for all of them.
    await page.click(`nav.experiments a[data-slug="${slug}"]`);
    const article = visible(page, `article[data-experiment="${slug}"]`);
    await article.waitFor({ timeout: 10_000 });
    const panel = article.locator('[data-testid=source]');
    if (slug === 'compile-errors') {
      // Its page is the compiler's messages themselves, cards rather than runs.
      assert.equal(await panel.count(), 0);
      continue;
    }
    await panel.locator('summary').click();
    await panel.locator('[data-testid=source-file]').nth(files.length - 1).waitFor({ timeout: 10_000 })
      .catch(() => assert.fail(`${slug}: its source did not load`));
    assert.deepEqual(await panel.locator('[data-testid=source-file]').allTextContents(), files, slug);
    const texts = await panel.locator('pre code').allTextContents();
    files.forEach((file, i) => assert.equal(texts[i], readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), `${slug}: ${file}`));
  }
  assert.deepEqual(problems, []);
  // A host that lost a file: the panel says which, instead of staying empty.
  await page.route('**/source/**', route => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${plain.url}?experiment=heavy`);
  await page.locator('[data-testid=source] summary').click();
  const error = page.locator('[data-testid=source-error]');
  await error.waitFor({ timeout: 10_000 });
  assert.match(await error.textContent(), /kernels\/src\/heavy\.rs could not be loaded \(the server answered 404\)/);
  // Once the file is back, closing and opening the panel loads it.
  await page.unroute('**/source/**');
  await page.locator('[data-testid=source] summary').click();
  await page.locator('[data-testid=source] summary').click();
  await page.locator('[data-testid=source-file]').waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('[data-testid=source-error]').count(), 0);
  await plain.close();
});
