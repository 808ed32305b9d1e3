// The watchdog's cases, run the same in Chromium (watchdog.test.mjs) and Firefox
// (firefox.test.mjs): a blocked thread, nobody to wake a future, and waits longer than the
// silence limit that must be let finish. Each link runs one mode; `check` reads its row.
import assert from 'node:assert/strict';

/** In the page: the latest run's row of the table, the printed log, and the timeline's rows. */
export function latestRun() {
  const page = document.querySelector('.page:not([hidden])');
  const table = page.querySelector('[data-testid=run]').closest('table');
  const names = [...table.querySelectorAll('thead th')].map(th => th.textContent);
  const tr = table.querySelector('[data-testid=run]'); // the newest first
  const row = Object.fromEntries([...tr.cells].map((td, i) => [names[i], td.textContent]));
  const timeline = [...page.querySelectorAll('figure.chart-box')].find(f => f.querySelector('svg.timeline'));
  const lanes = timeline ? [...timeline.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(td => td.textContent)) : [];
  const reasons = [...page.querySelectorAll('[data-testid=diagnosis]')].map(li => li.textContent);
  const log = page.querySelector('[data-testid=log]')?.textContent ?? '';
  return { row, frameGapMs: Number(tr.dataset.frameGapMs), log, lanes, reasons };
}

/** After a real hang: the compute worker answered and every pool thread took chunks. */
function threadsAnswered(row) {
  const m = /the compute worker answered, and (\d+) of (\d+) pool threads took chunks/.exec(row.afterwards);
  assert.ok(m, `afterwards: ${row.afterwards}`);
  assert.equal(m[1], m[2], row.afterwards);
}

/** No watchdog word of any kind: not stuck, not given up, not blocked. */
function noVerdict(run) {
  const words = /deadlock|stuck|given up|nobody will wake|thread is blocked/i;
  assert.doesNotMatch(run.row.Result, words);
  assert.doesNotMatch(run.log, /watchdog: (?!waiting, not stuck)/);
  for (const reason of run.reasons) assert.doesNotMatch(reason, words);
}

export const cases = [
  {
    name: 'mutex-await, std-mutex: deadlock, the thread blocked',
    link: '?experiment=mutex-await&mode=std-mutex&hold_ms=100&stall_ms=800&run=1',
    check(run) {
      assert.match(run.row.Result, /^deadlock: the thread is blocked/);
      assert.equal(run.row.watchdog, 'the thread is blocked');
      assert.match(run.row.evidence, /did not answer a ping for \d+ ms/);
      assert.match(run.row.evidence, /Task 2 waits for the lock Task 1 holds/);
      assert.match(run.row.evidence, /Task 1 awaits a timer due at \d+ ms/);
      assert.match(run.row['task 2'], /blocked the thread in lock\(\)/);
      threadsAnswered(run.row);
      assert.ok(run.lanes.some(([lane]) => lane === 'Page'), 'the check after the hang is on the Page lane');
    },
  },
  {
    name: 'mutex-await, async-mutex, a hold above the silence limit: both finish',
    link: '?experiment=mutex-await&mode=async-mutex&hold_ms=1500&stall_ms=500&run=1',
    check(run) {
      assert.equal(run.row.counter, '2');
      assert.equal(run.row.Result, 'both finished: counter = 2');
      assert.match(run.log, /watchdog: waiting, not stuck: Task 1 awaits a timer due at \d+ ms; Task 2 waits for the lock Task 1 holds/);
      noVerdict(run);
    },
  },
  {
    name: 'mutex-await, guard-dropped, a hold above the silence limit: both finish',
    link: '?experiment=mutex-await&mode=guard-dropped&hold_ms=1500&stall_ms=500&run=1',
    check(run) {
      assert.equal(run.row.counter, '2');
      assert.match(run.log, /watchdog: waiting, not stuck: Task 1 awaits a timer due at \d+ ms/);
      noVerdict(run);
    },
  },
  {
    name: 'hand-future, no-wake: nobody will wake it, polled once, the thread answering',
    link: '?experiment=hand-future&mode=no-wake&start=0&target=10&stall_ms=500&run=1',
    check(run) {
      assert.equal(run.row.polls, '1');
      assert.equal(run.row.watchdog, 'nobody will wake it');
      assert.match(run.row.Result, /^nobody will wake it: 1 poll, then none/);
      assert.match(run.log, /The thread answers/);
      assert.match(run.log, /Last polled at \d+ ms \(1 step in all\)/);
    },
  },
  {
    name: 'hand-future, timer-wake, a step above the silence limit: it finishes, every poll on the timeline',
    link: '?experiment=hand-future&mode=timer-wake&start=0&target=2&step_ms=700&stall_ms=500&run=1',
    check(run) {
      assert.equal(run.row.polls, '3');
      assert.equal(run.row.watchdog, 'no verdict');
      const polls = run.lanes.filter(([lane]) => lane === 'Polls').map(([, what]) => what);
      assert.deepEqual(polls, ['poll 1: position 1', 'poll 2: position 2', 'poll 3: position 2']);
      assert.match(run.log, /watchdog: waiting, not stuck: The future awaits a timer due at \d+ ms/);
      noVerdict(run);
    },
  },
  {
    name: 'block-on, on-own-loop: the thread blocked, block_on waiting on the loop it blocks',
    link: '?experiment=block-on&mode=on-own-loop&timer_ms=100&stall_ms=800&run=1',
    check(run) {
      assert.match(run.row.Result, /^the thread is blocked: block_on waits for a timer of the very event loop it blocks/);
      assert.match(run.row.evidence, /did not answer a ping for \d+ ms/);
      assert.match(run.row.evidence, /block_on awaits a timer due at \d+ ms/);
      threadsAnswered(run.row);
    },
  },
  {
    name: 'a long honest CPU job (Collatz on the worker, seconds): no verdict of any kind',
    link: '?experiment=collatz&mode=worker&n=8000000&run=1',
    check(run) {
      assert.match(run.row.Result, /^\d+/, run.row.Result);
      noVerdict(run);
    },
  },
];
