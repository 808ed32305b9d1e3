// Scenario links, end to end against the release build served with COOP/COEP: the
// address bar follows the page, links restore it, Copy link round-trips, the run flag
// starts the demo, and malformed links open a working page with a message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, waitForEngine, waitIdle, readRuns, collatzAnswer } from './helpers.mjs';
import { malformedLinks, malformedResults } from './malformed-links.mjs';

let site;
// No service worker: links are about reading the address, and a hundred page loads go
// faster without one (tests/e2e/hosting.test.mjs tests the worker).
before(async () => { site = await startSite({}, { permissions: ['clipboard-read', 'clipboard-write'], serviceWorkers: 'block' }); });
after(async () => { await site?.close(); });

/** What the open experiment's inputs show: { knob: text, mode, repeats }. */
async function onScreen(page) {
  await page.locator('.page:not([hidden]) form.controls').waitFor(); // the controls mount a step after the words
  return page.evaluate(() => {
    const pageEl = [...document.querySelectorAll('.page')].find(p => !p.hidden);
    const shown = {};
    for (const input of pageEl.querySelectorAll('form.controls input[type=text]')) shown[input.name] = input.value;
    shown.mode = pageEl.querySelector('input[name=mode]:checked')?.value;
    return shown;
  });
}

const query = page => new URL(page.url()).searchParams;

test('a link restores its scenario, and the address bar follows every change in place', async () => {
  const { page, problems } = await site.open('?experiment=heartbeat&period=20&ticks=7&work=150&mode=worker&repeats=2');
  await page.locator('article[data-experiment=heartbeat]').waitFor();
  assert.deepEqual(await onScreen(page), { period: '20', ticks: '7', work: '150', repeats: '2', mode: 'worker' });
  assert.equal(await page.locator('[data-testid=link-notices]').count(), 0, 'a good link has nothing to report');

  const historyBefore = await page.evaluate(() => history.length);
  await page.fill('input[name=ticks]', '9');
  await page.check('input[name=mode][value=main-thread]');
  await page.waitForFunction(() => location.search.includes('ticks=9') && location.search.includes('mode=main-thread'));
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'knob edits replace the entry, not add one');
  assert.equal(query(page).get('period'), '20');

  // Another experiment is a new entry; back returns to the heartbeat exactly as it was left.
  await page.click('nav.experiments a:has-text("Async overlap")');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('experiment') === 'async-overlap');
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('experiment') === 'heartbeat');
  assert.equal(await page.locator('article[data-experiment=heartbeat]').isVisible(), true);
  assert.deepEqual(await onScreen(page), { period: '20', ticks: '9', work: '150', repeats: '2', mode: 'main-thread' });
  await page.goForward();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('experiment') === 'async-overlap');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a link in the list or on the home page opens in place; with Ctrl it is left to the browser (a new tab)', async () => {
  const { page, problems } = await site.open('');
  await page.locator('main#content').waitFor();
  const [opened] = await Promise.all([
    page.context().waitForEvent('page'),
    page.click('nav.experiments a[data-slug=collatz]', { modifiers: ['Control'] }),
  ]);
  await opened.waitForLoadState();
  assert.equal(new URL(opened.url()).searchParams.get('experiment'), 'collatz', 'the new tab has the link');
  assert.equal(query(page).get('experiment'), null, 'this page stayed home');
  await opened.close();
  await page.click('main#content a[data-slug=channels]');
  await page.locator('article[data-experiment=channels]').waitFor();
  assert.equal(await page.locator('nav.experiments a[aria-current=page]').getAttribute('data-slug'), 'channels');
  assert.equal(await page.locator('nav.experiments a.current').count(), 1, 'one link marked');
  await page.click('nav.experiments a[data-slug=heartbeat]');
  await page.locator('article[data-experiment=heartbeat]').waitFor();
  assert.equal(await page.locator('nav.experiments a[aria-current=page]').getAttribute('data-slug'), 'heartbeat');
  assert.equal(query(page).get('experiment'), 'heartbeat');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Copy link copies the address of what is on screen, and opening it restores the scenario', async () => {
  const { page, problems } = await site.open('?experiment=collatz');
  await page.locator('article[data-experiment=collatz]').waitFor();
  await page.fill('input[name=n]', '250,000');
  await page.fill('input[name=threads]', '1');
  await page.check('input[name=mode][value=pool]');
  await page.click('button[name=copy-share-link]');
  await page.locator('[data-testid=copied-share-link]', { hasText: 'Link copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.inputValue('input[name=share-link]'));
  assert.equal(new URL(copied).searchParams.get('n'), '250000', 'numbers go into links plainly');
  await screenshot(page, 'share-link');

  const { page: other, problems: otherProblems } = await site.open(new URL(copied).search);
  await other.locator('article[data-experiment=collatz]').waitFor();
  assert.deepEqual(await onScreen(other), { n: '250,000', threads: '1', repeats: '1', mode: 'pool' });
  assert.deepEqual([...problems, ...otherProblems], []);
  await page.close();
  await other.close();
});

test('the run flag starts the scenario once the page is ready, without a click, and only once', async () => {
  const { page, problems } = await site.open('?experiment=collatz&n=100000&threads=0&mode=pool&run=1');
  await waitForEngine(page);
  await waitIdle(page, 1, 60_000);
  const [runRow] = await readRuns(page, 1);
  assert.equal(runRow.mode, 'pool');
  assert.deepEqual(collatzAnswer(runRow.result), [77_031, 350]);
  assert.equal(query(page).get('run'), null, 'the flag leaves the address bar once used, so a reload does not rerun');

  // The share box can put the flag back in: a teacher's link that starts the demo.
  await page.check('input[name=start-at-once]');
  const shared = new URL(await page.inputValue('input[name=share-link]'));
  assert.equal(shared.searchParams.get('run'), '1');

  // run=all runs every mode in turn.
  const { page: all, problems: allProblems } = await site.open('?experiment=async-overlap&run=all');
  await waitIdle(all, 3, 60_000);
  const modes = (await readRuns(all, 3)).map(r => r.mode).sort();
  assert.deepEqual(modes, ['join-all', 'js', 'one-by-one']);
  assert.deepEqual([...problems, ...allProblems], []);
  await page.close();
  await all.close();
});

test('a link with a value that needed fixing does not start by itself', async () => {
  const { page, problems } = await site.open('?experiment=async-overlap&requests=999999&run=1');
  await page.locator('[data-testid=link-notices]').waitFor();
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('[data-testid=run]').count(), 0);
  assert.match(await page.locator('[data-testid=link-notices]').innerText(), /not started/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('on a phone a link\'s notices are on the first screen, the page fits its width, and the open experiment is in view', async () => {
  const { page, problems } = await site.open();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${site.url}?experiment=collatz&n=999999999999&mode=warp`);
  const notices = page.locator('[data-testid=link-notices]');
  await notices.waitFor();
  const box = await notices.boundingBox();
  assert.ok(box.y < 844 / 2, `the notices start in the top half of the first screen (at ${box.y} px)`);
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: innerWidth }));
  assert.ok(widths.page <= widths.view, `nothing wider than the screen (${widths.page} > ${widths.view} px)`);
  // The chapters' experiments are one row scrolled so that the open one shows.
  assert.ok((await page.locator('nav.experiments .chapter-row').boundingBox()).height < 60, 'one row of experiments');
  const current = await page.locator('nav.experiments a[aria-current=page]').boundingBox();
  assert.ok(current.x >= 0 && current.x + current.width <= 390, `the open experiment is in view (x ${current.x})`);
  await screenshot(page, 'phone-link-notices');
  assert.deepEqual(problems, []);
  await page.close();
});

// Twenty-four links here; the readers behind them are fuzzed natively with a seeded generator
// (lab/src/scenario.rs, and lab/src/shared_result.rs for results links), thousands of links
// each. Here each must open a page that works.
test('24 malformed links each open a working page that says what was wrong', async () => {
  const links = malformedLinks(24);
  assert.ok(links.length >= 24);
  // Two pages take turns through the links (each load is mostly waiting for the app).
  const lanes = await Promise.all([site.open(''), site.open('')]);
  let shotTaken = false;
  const check = async ({ page, problems }, i, link) => {
    await page.goto(site.url + link.query);
    // The app mounted (the static loading note is gone) and shows the link's notices.
    await page.locator('main#content').waitFor({ timeout: 15_000 });
    const notices = page.locator('[data-testid=link-notices] li');
    await notices.first().waitFor({ timeout: 5_000 }).catch(() => {});
    // The page's controls (or the home page) mount a step after the notices.
    await page.locator('.page:not([hidden]) button[type=submit], .home').first().waitFor({ timeout: 5_000 }).catch(() => {});
    const count = await notices.count();
    assert.ok(count >= 1, `link ${i} (${link.why}) opened without a message: ${link.query.slice(0, 200)}`);
    const state = await page.evaluate(() => ({
      injected: !!document.querySelector('main img, main script, main iframe, [data-injected]') || window.__injected === true,
      open: document.querySelector('.page:not([hidden]) article')?.dataset.experiment ?? null,
      runButton: !!document.querySelector('.page:not([hidden]) button[type=submit]'),
      home: !!document.querySelector('.home'),
    }));
    assert.equal(state.injected, false, `link ${i} injected markup: ${link.query.slice(0, 200)}`);
    // A link whose first experiment key names one opens it, whatever else is wrong; one with none opens the list.
    assert.equal(state.open, link.experiment, `link ${i} (${link.why}): ${link.query.slice(0, 200)}`);
    assert.ok(link.experiment ? state.runButton : state.home, `link ${i} shows neither its experiment nor the list`);
    if (!shotTaken && count >= 3) {
      shotTaken = true;
      await screenshot(page, 'malformed-link');
    }
    assert.deepEqual(problems, [], `link ${i}: ${link.query.slice(0, 200)}`);
  };
  await Promise.all(lanes.map(async (lane, l) => {
    for (const [i, link] of links.entries()) if (i % lanes.length === l) await check(lane, i, link);
  }));
  await lanes[1].page.close();
  const { page, problems } = lanes[0];
  // Damaged and forged results in Compare-view links: named, and the intact item beside each loads.
  for (const [i, link] of malformedResults(10).entries()) {
    await page.goto('about:blank'); // a load each time, not a jump within the page
    await page.goto(site.url + link.query);
    await page.locator('[data-testid=compare-item]').first().waitFor({ timeout: 15_000 });
    const state = await page.evaluate(() => ({
      items: document.querySelectorAll('[data-testid=compare-item]').length,
      problems: document.querySelectorAll('[data-testid=import-problems] li').length,
      injected: !!document.querySelector('main img, main script, main iframe, [data-injected]') || window.__injected === true,
    }));
    assert.equal(state.injected, false, `results link ${i} injected markup: ${link.query.slice(0, 200)}`);
    assert.ok(state.items >= 1 && state.items + state.problems >= 2, `results link ${i}: ${JSON.stringify(state)} ${link.query.slice(0, 300)}`);
    assert.deepEqual(problems, [], `results link ${i}: ${link.query.slice(0, 200)}`);
  }
  // The page still works after all that: a real run on the last one's site.
  await page.goto(site.url + '?experiment=async-overlap&mode=join-all');
  await page.locator('article[data-experiment=async-overlap]').waitFor();
  await page.click('button[type=submit]');
  await waitIdle(page, 1, 30_000);
  assert.deepEqual(problems, []);
  await page.close();
});
