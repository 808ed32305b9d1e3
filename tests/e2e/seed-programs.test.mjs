// The seeds' programs that the page runs in a form of its own: seed 001's thread spawned
// and joined (with its i32 that overflows), seed 001's connect (a fetch stands in, named as
// such), and seed 002's GitHub pipeline (consumer threads against one event loop). Each
// shows what ran, and says where the seed is wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { msIn, runLink, screenshot, startSite, visible, workersBackTo } from './helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const seedWrong = page => visible(page, '[data-testid=what-ran] [data-testid=seed-wrong]').innerText();

test("spawn and join: the thread's sum is the seed's i32, overflowed, and starting the thread is measured", async () => {
  const { page, problems, workers, by } = await runLink(site, '?experiment=spawn-join&run=all', 2);
  for (const mode of ['thread', 'main-thread']) {
    assert.equal(by[mode].Result, '1783293664 in release (i32 wrapped); a debug build panics: the sum 499999500000 overflows i32', mode);
    assert.equal(by[mode]['exact sum (i64)'], '499999500000');
  }
  assert.ok(msIn(by.thread['thread started after']) > 0, by.thread['thread started after']);
  assert.match(await seedWrong(page), /does not fit its i32/);
  await workersBackTo(page, workers); // the thread's worker ended with its join
  const small = await runLink(site, '?experiment=spawn-join&n=1000&mode=main-thread&run=1', 1);
  assert.equal(small.by['main-thread'].Result, '499500 (fits in the seed\'s i32)');
  assert.deepEqual([...problems, ...small.problems], []);
});

test('awaiting the network: a fetch stands in for TcpStream::connect; beside a busy loop the ready task resumes only after it', async () => {
  const { page, problems, by } = await runLink(site, '?experiment=connect&busy=300&run=all', 2);
  for (const mode of ['fetch', 'fetch-beside-busy']) assert.match(by[mode].Result, /^HTTP 200, \d+ bytes$/, mode);
  const waited = msIn(by['fetch-beside-busy']["a ready task's wait"]);
  assert.ok(waited >= 100, `the response was complete ${waited} ms before the task could resume`);
  assert.ok(msIn(by.fetch['max lateness']) < msIn(by['fetch-beside-busy']['max lateness']), 'the busy loop made the heartbeat late, the wait alone did not');
  assert.match(await visible(page, '[data-testid=what-ran]').innerText(), /cannot open a TCP socket/);
  await screenshot(page, 'connect');
  assert.deepEqual(problems, []);
});

test('the GitHub pipeline: every repository processed both ways; awaited together the fetches overlap, consumer threads wait them out in turn', async () => {
  const { page, problems, by } = await runLink(site, '?experiment=repo-pipeline&delay=300&run=all', 2);
  for (const mode of ['consumer-threads', 'one-event-loop']) assert.equal(by[mode].Result, '3 repositories, 12 items processed', mode);
  const [threads, loop] = [msIn(by['consumer-threads'].Wall), msIn(by['one-event-loop'].Wall)];
  assert.ok(threads >= 1_200, `two consumers, three repositories, two 300 ms fetches in turn: ${threads} ms`);
  assert.ok(loop < threads / 2, `every fetch awaited at once: ${loop} ms against ${threads} ms`);
  const log = await visible(page, '[data-testid=log]').innerText();
  assert.ok(log.includes('Final result: ["Processed: Issue 1 in repo1", "Processed: Issue 2 in repo1", "Processed: PR 1 in repo1", "Processed: PR 2 in repo1"]'), log);
  assert.match(await seedWrong(page), /does not compile as printed/);
  await screenshot(page, 'repo-pipeline');
  assert.deepEqual(problems, []);
});
