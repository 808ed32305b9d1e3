// Inside async: a future by hand, lazy futures against eager promises, a lock held across
// .await, block_on, and what the compiler says. The hangs are results: the watchdog ends
// them, and the compute worker and every pool thread answer afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { figureRows, msIn, runLink, screenshot, startSite, visible, waitForEngine, workersBackTo } from './helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

/** After a hang: the compute worker answered and every pool thread took chunks. */
async function threadsAnswered(row) {
  const m = /the compute worker answered, and (\d+) of (\d+) pool threads took chunks/.exec(row.afterwards);
  assert.ok(m, `afterwards: ${row.afterwards}`);
  assert.equal(m[1], m[2], row.afterwards);
}

test('a future by hand: 11 polls from 0 to 10; never woken, the watchdog says nobody will wake it; woken it finishes', async () => {
  const { page, problems, by } = await runLink(site, '?experiment=hand-future&start=0&target=10&step_ms=10&stall_ms=500&run=all', 4);
  assert.deepEqual(Object.keys(by), ['manual-poll', 'no-wake', 'wake-by-ref', 'timer-wake']);
  assert.equal(by['manual-poll'].polls, '11');
  assert.equal(by['manual-poll'].Pending, '10');
  assert.equal(by['manual-poll']['positions after each poll'], '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10');
  assert.equal(by['no-wake'].polls, '1', 'polled once, never again');
  assert.equal(by['no-wake'].watchdog, 'nobody will wake it');
  assert.match(by['no-wake'].Result, /^nobody will wake it: 1 poll, then none/);
  for (const mode of ['wake-by-ref', 'timer-wake']) {
    assert.equal(by[mode].polls, '11', mode);
    assert.equal(by[mode].watchdog, 'no verdict', mode);
  }
  await screenshot(page, 'hand-future');
  // Walking far while waking itself: the executor polls a self-woken task again in the same
  // turn, so the page gets no frame until the walk is done (what the page says, measured).
  const far = await runLink(site, '?experiment=hand-future&start=0&target=200000&stall_ms=2000&mode=wake-by-ref&run=1', 1);
  const walk = far.by['wake-by-ref'];
  assert.equal(walk.polls, '200001');
  const [gap, wall] = [msIn(walk['Longest frame gap']), msIn(walk.Wall)];
  assert.ok(gap > wall / 2, `a self-waking future holds the thread: longest frame gap ${gap} ms of a ${wall} ms walk`);
  assert.deepEqual([...problems, ...far.problems], []);
});

test('lazy futures, eager promises: the Rust body starts at the await, the promise when made', async () => {
  const { problems, by } = await runLink(site, '?experiment=laziness&idle=200&work=50&run=all', 2);
  assert.equal(by['rust-future']['side effect before the await'], '0');
  assert.equal(by['js-promise']['side effect before the await'], '1');
  const delay = row => Number(row['body started (ms)']) - Number(row['made (ms)']);
  assert.ok(delay(by['rust-future']) >= 195, `the Rust body began ${delay(by['rust-future'])} ms after it was made`);
  assert.ok(delay(by['js-promise']) < delay(by['rust-future']) / 2, `the promise began ${delay(by['js-promise'])} ms after`);
  assert.deepEqual(problems, []);
});

test('a std lock held across .await deadlocks, the watchdog ends it and the pool works; an async mutex and a dropped guard finish', async () => {
  const { page, problems, workers, by } = await runLink(site, '?experiment=mutex-await&hold_ms=100&stall_ms=800&run=all', 3);
  assert.match(by['std-mutex'].Result, /^deadlock: the thread is blocked/);
  assert.match(by['std-mutex'].evidence, /did not answer a ping for \d+ ms/);
  assert.match(by['std-mutex']['task 2'], /blocked the thread in lock\(\)/);
  assert.match(by['std-mutex']['task 1'], /holding the guard/);
  await threadsAnswered(by['std-mutex']);
  for (const mode of ['async-mutex', 'guard-dropped']) assert.equal(by[mode].counter, '2', mode);
  await workersBackTo(page, workers);
  await screenshot(page, 'mutex-await');
  assert.deepEqual(problems, []);
});

test("block_on: from sync code it gets the seed's count = 42; on its own event loop it waits forever and the watchdog ends it; tokio refuses a runtime in a runtime with its own panic", async () => {
  const { page, problems, workers, by } = await runLink(site, '?experiment=block-on&timer_ms=100&stall_ms=800&run=all', 3);
  assert.equal(by['from-sync'].Result, 'count = 42');
  // tokio's own words, from the worker's panic hook: the page did not write them.
  assert.match(by['runtime-in-runtime'].Result, /^tokio panicked: "Cannot start a runtime from within a runtime\. This happens because a function \(like `block_on`\) attempted to block the current thread/);
  assert.match(by['on-own-loop'].Result, /^the thread is blocked: block_on waits for a timer of the very event loop it blocks/);
  await threadsAnswered(by['on-own-loop']);
  await workersBackTo(page, workers);
  // The one console error is that panic, as console_error_panic_hook prints it: expected.
  assert.deepEqual(problems.filter(p => !p.includes('Cannot start a runtime from within a runtime')), []);
});

test("what the compiler says: a card per program with rustc's message", async () => {
  const { page, problems } = await site.open('?experiment=compile-errors');
  const cards = visible(page, '[data-testid=compile-card]');
  await cards.first().waitFor();
  const messages = await visible(page, '[data-testid=compiler-message]').allTextContents();
  assert.equal(messages.length, 3);
  assert.match(messages[0], /error\[E0728\]/);
  assert.match(messages[1], /error\[E0308\]/);
  assert.match(messages[2], /cannot be sent between threads safely/);
  await screenshot(page, 'compile-errors');
  assert.deepEqual(problems, []);
});
