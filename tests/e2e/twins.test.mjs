// The seeds' JavaScript programs beside their Rust twins, each opened from a link that
// runs every mode: the same answers, the event loop stalled alike, and what the page
// says about where the two languages differ.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startSite, screenshot, waitForEngine, waitIdle, readRuns, visible, figureRows, msIn } from './helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

async function runAll(query, count) {
  const { page, problems } = await site.open(`${query}&run=all`);
  await waitForEngine(page);
  await waitIdle(page, count, 60_000);
  return { page, problems, rows: await readRuns(page, count) };
}
const firedAt = row => Number(/timer fired at (\d+) ms/.exec(row.result)[1]);

test('timer vs busy loop: the JavaScript timer waits for its busy loop as the Rust one does on the main thread', async () => {
  const { page, problems, rows } = await runAll('?experiment=timer-vs-busy&timer=50&busy=300&mode=main-thread', 3);
  const by = Object.fromEntries(rows.map(r => [r.mode, r]));
  assert.deepEqual(Object.keys(by), ['main-thread', 'worker', 'js']);
  assert.ok(firedAt(by.js) >= 290, `JavaScript's timer fired at ${firedAt(by.js)} ms, behind its 300 ms loop`);
  assert.ok(firedAt(by['main-thread']) >= 290, `Rust's at ${firedAt(by['main-thread'])} ms`);
  assert.ok(firedAt(by.worker) < firedAt(by.js), 'offloaded, the timer is on time');
  assert.ok(by.js.frameGapMs >= 250, `the JavaScript loop froze the page for ${by.js.frameGapMs} ms`);
  const note = await visible(page, '[data-testid=twin-note]').innerText();
  assert.match(note, /^Alike: on the page's thread, JavaScript held the page for \d+ ms, its timer \d+ ms late and Rust for/);
  await screenshot(page, 'twins-timer');
  assert.deepEqual(problems, []);
});

test("async overlap: JavaScript's Promise.all overlaps its three requests as join_all does", async () => {
  const { page, problems, rows } = await runAll('?experiment=async-overlap&requests=3&delay=100&mode=one-by-one', 3);
  const by = Object.fromEntries(rows.map(r => [r.mode, r]));
  assert.equal(by.js.result, '[17, 17, 17]');
  assert.ok(by.js.wallMs >= 95 && by.js.wallMs < by['one-by-one'].wallMs / 2, `Promise.all ${by.js.wallMs} ms, one by one ${by['one-by-one'].wallMs} ms`);
  assert.match(await visible(page, '[data-testid=twin-note]').innerText(), /^Alike: JavaScript's Promise\.all took \d+ ms and Rust \(“Together with join_all”\) \d+ ms/);
  assert.deepEqual(problems, []);
});

test("slow hash: the seed's slow_hash gives its answer, hashPasswords' SHA-256 the digest Node computes in JavaScript and in Rust; blocking, it starves the heartbeat; posted to a worker, it does not", async () => {
  const { page, problems, rows } = await runAll('?experiment=slow-hash&mode=worker', 6);
  const by = Object.fromEntries(rows.map(r => [r.mode, r]));
  assert.deepEqual(Object.keys(by).sort(), ['js', 'js-worker', 'main-thread', 'sha256-main-thread', 'sha256-worker', 'worker']);
  for (const mode of ['worker', 'main-thread']) assert.equal(by[mode].result, '95755137202', mode);
  // hashPasswords' digest, computed elsewhere: Node's own SHA-256, updated 200,000 times.
  const node = createHash('sha256');
  for (let i = 0; i < 200_000; i++) node.update('hunter2');
  const digest = node.digest('hex');
  for (const mode of ['js', 'js-worker', 'sha256-worker', 'sha256-main-thread']) assert.equal(by[mode].result, digest, mode);
  const cells = row => row.cells.join(' | ');
  assert.ok(by.js.frameGapMs >= 100, `the JavaScript hash froze the page for ${by.js.frameGapMs} ms`);
  assert.ok(by['js-worker'].frameGapMs < by.js.frameGapMs / 2, `in a worker: ${by['js-worker'].frameGapMs} ms`);
  // The heartbeat (a tick every 50 ms) waits out the blocking hash, and not the one posted to a worker.
  const figures = Object.fromEntries((await page.evaluate(figureRows)).map(r => [r.mode, r]));
  const late = mode => msIn(figures[mode]['max lateness']);
  assert.ok(late('js') >= 50, `blocking, the heartbeat was ${late('js')} ms late`);
  assert.ok(late('js-worker') < late('js') / 2, `in a worker, ${late('js-worker')} ms late against ${late('js')} ms`);
  assert.match(cells(by['js-worker']), /\d+\.\d ms \| \d+\.\d ms/, 'the crossing there and back is measured');
  const note = await visible(page, '[data-testid=twin-note]').innerText();
  assert.match(note, /They differ in the crossing: the JavaScript worker is a separate heap reached by postMessage \(\d+\.\d ms there, \d+\.\d ms back/);
  assert.ok(note.includes(`Both computed the same SHA-256 digest (${digest.slice(0, 8)}…${digest.slice(56)}).`), note);
  await screenshot(page, 'twins-hash');
  assert.deepEqual(problems, []);
});
