// The watchdog tells a blocked thread from a future nobody will wake from a wait that will
// end, from evidence (pings, registered waits), in Chromium; firefox.test.mjs runs the same
// cases in Firefox. After each real hang the pool and the compute worker answer, and the
// page's own frames keep coming.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, startSite, waitForEngine, waitIdle, workersBackTo } from './helpers.mjs';
import { cases, latestRun } from './watchdog-cases.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

test('the watchdog: a blocked thread, nobody to wake a future, and long waits let finish', { timeout: 300_000 }, async () => {
  const { page, problems } = await site.open('');
  await waitForEngine(page);
  const workers = 1 + Number(/(\d+) threads/.exec(await page.locator('[data-testid=pool]').textContent())[1]);
  for (const { name, link, check } of cases) {
    await page.goto(site.url + link);
    await waitForEngine(page);
    await waitIdle(page, 1, 90_000);
    const run = await page.evaluate(latestRun);
    console.log(name, JSON.stringify(run.row));
    check(run);
    // The page's frames kept coming: a hang is on another thread or dropped, not the page's.
    assert.ok(run.frameGapMs < 400, `${name}: the page went ${run.frameGapMs} ms without a frame`);
    await workersBackTo(page, workers);
    await screenshot(page, `watchdog-${link.match(/experiment=([\w-]+)&mode=([\w-]+)/).slice(1).join('-')}`);
  }
  assert.deepEqual(problems, []);
});
