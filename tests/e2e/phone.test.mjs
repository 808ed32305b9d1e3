// A shared run link opened on a phone (390 x 844, touch, 2x pixels): the run is on the
// first screen while it goes (the status and the live chart), then the result and the
// verdict, without scrolling; the explanation is one sentence with the rest a tap away;
// the header's badges are one line. Without run=1, and on a desktop, the page reads as
// before; presenter mode keeps its own layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, startSite, waitForEngine, waitIdle } from './helpers.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let phone;
let desktop;
before(async () => {
  phone = await startSite(undefined, PHONE);
  desktop = await startSite();
});
after(async () => {
  await phone?.close();
  await desktop?.close();
});

/** In the page: where things stand on the first screen (tops and bottoms in CSS pixels from
 *  the top of the screen), and how much of it the fixed pulse bar at the bottom covers. */
function positions() {
  const page = document.querySelector('.page:not([hidden])');
  const rect = el => {
    if (!el || el.getClientRects().length === 0) return null;
    const r = el.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom) };
  };
  const pulse = document.querySelector('.pulse');
  const charts = [...page.querySelectorAll('.results figure.chart-box')].filter(f => f.getClientRects().length);
  return {
    screen: window.innerHeight,
    firstScreenEnd: Math.min(window.innerHeight, pulse && getComputedStyle(pulse).position === 'fixed' ? pulse.getBoundingClientRect().top : Infinity),
    scrollY: window.scrollY,
    running: page.querySelector('[data-testid=status]').textContent.startsWith('Running'),
    status: rect(page.querySelector('[data-testid=status]')),
    chart: rect(charts[0]),
    answer: rect(page.querySelector('[data-testid=answer]')),
    verdict: rect(page.querySelector('[data-testid=verdict-sentence]')),
    explain: rect(page.querySelector('.explain')),
    compact: rect(page.querySelector('.explain-compact')),
    badges: rect(document.querySelector('.environment')),
  };
}

/** Opens a run link; returns where the status and the chart stood while it ran, and
 *  where the result and the verdict stand after. */
async function measure(site, link, name) {
  const { page, problems } = await site.open(link);
  await waitForEngine(page);
  let during = null;
  // Until the run is seen going with its chart, or is over (a run that blocks the main
  // thread is never seen going: the page cannot answer meanwhile).
  for (let tries = 0; tries < 200 && !during; tries++) {
    const seen = await page.evaluate(positions);
    if (seen.running && seen.chart) during = seen;
    else if (!seen.running && seen.answer) break;
    else await page.waitForTimeout(50);
  }
  if (during) await screenshot(page, `${name}-during`, { fullPage: false });
  await waitIdle(page, 1, 120_000);
  await page.waitForTimeout(300);
  const after = await page.evaluate(positions);
  await screenshot(page, `${name}-after`, { fullPage: false });
  console.log(name, JSON.stringify({ during, after }));
  return { page, problems, during, after };
}

const inFirstScreen = (box, at, what) => {
  assert.ok(box, `${what} is shown`);
  assert.ok(box.top >= 0 && box.bottom <= at.firstScreenEnd, `${what} at ${box.top}-${box.bottom}, the first screen ends at ${at.firstScreenEnd}`);
};

// A verdict that goes against the lesson on a busy machine adds its likely reason, which
// may run below the fold: its opening lines (the verdict itself) must be on the first screen.
const OPENING_LINES = 3 * 27;
const startsInFirstScreen = (box, at, what) => {
  assert.ok(box, `${what} is shown`);
  assert.ok(box.top >= 0 && box.top + Math.min(OPENING_LINES, box.bottom - box.top) <= at.firstScreenEnd,
    `${what} at ${box.top}-${box.bottom}: its opening lines end below the first screen (${at.firstScreenEnd})`);
};

test('phone, run links: the status and the live chart on the first screen while the run goes, then the result and the verdict', { timeout: 300_000 }, async () => {
  for (const [link, name] of [
    ['?experiment=heartbeat&mode=worker&work=1500&run=1', 'phone-heartbeat'],
    ['?experiment=service&duration=2&run=1', 'phone-service'],
    ['?experiment=collatz&mode=pool&n=30000000&run=1', 'phone-collatz'],
  ]) {
    const { page, problems, during, after } = await measure(phone, link, name);
    assert.ok(during, `${name}: the run was seen going with a chart`);
    assert.equal(during.scrollY, 0, 'nobody scrolled');
    inFirstScreen(during.status, during, `${name}: the status while running`);
    inFirstScreen(during.chart, during, `${name}: the live chart`);
    assert.equal(after.scrollY, 0);
    inFirstScreen(after.answer, after, `${name}: the result`);
    startsInFirstScreen(after.verdict, after, `${name}: the verdict`);
    assert.equal(after.explain, null, 'the whole explanation is not shown');
    inFirstScreen(after.compact, after, `${name}: the explanation's first sentence`);
    assert.ok(after.badges.bottom - after.badges.top < 40, `the badges are one line: ${JSON.stringify(after.badges)}`);
    assert.deepEqual(problems, [], name);
    await page.close();
  }
});

test('phone, a blocking run link: the result and the verdict on the first screen after the freeze', async () => {
  const { page, problems, after } = await measure(phone, '?experiment=heartbeat&mode=main-thread&run=1', 'phone-heartbeat-blocking');
  inFirstScreen(after.answer, after, 'the result');
  startsInFirstScreen(after.verdict, after, 'the verdict');
  // The rest of the explanation is one tap away.
  const details = page.locator('.page:not([hidden]) .explain-compact details');
  assert.equal(await details.evaluate(d => d.open), false);
  await details.locator('summary').tap();
  assert.equal(await details.evaluate(d => d.open), true);
  assert.ok((await details.innerText()).length > 200, 'the rest of the explanation is there');
  assert.deepEqual(problems, []);
  await page.close();
});

test('phone: a badge shows its state in a word and its whole text on a tap', async () => {
  const { page, problems } = await phone.open('?experiment=collatz');
  await waitForEngine(page);
  const pool = page.locator('[data-testid=pool] button');
  assert.equal(await pool.innerText(), 'pool ready');
  await pool.tap();
  assert.match(await pool.innerText(), /^Rayon pool: \d+ threads, started in \d+ ms$/);
  assert.equal(await pool.getAttribute('aria-expanded'), 'true');
  // Without run=1 the page reads as before: the whole explanation, the form before the results.
  const at = await page.evaluate(positions);
  assert.ok(at.explain && !at.compact, 'the whole explanation, not the short one');
  assert.deepEqual(problems, []);
  await page.close();
});

test('desktop: a run link keeps the layout (the whole explanation, the badges in full); where the result stands', async () => {
  const { page, problems, after } = await measure(desktop, '?experiment=heartbeat&mode=main-thread&run=1', 'desktop-heartbeat-run-link');
  assert.ok(after.explain && !after.compact, 'the whole explanation');
  assert.match(await page.locator('[data-testid=pool]').innerText(), /^Rayon pool: \d+ threads/);
  console.log('desktop run link: the result at', after.answer, 'the verdict at', after.verdict, 'of a', after.screen, 'px screen');
  assert.deepEqual(problems, []);
  await page.close();
});

test('phone, presenter mode and embeds keep their own layouts on a run link', async () => {
  for (const flag of ['present', 'embed']) {
    const { page, problems } = await phone.open(`?experiment=heartbeat&mode=worker&${flag}=1&run=1`);
    await waitForEngine(page);
    await waitIdle(page, 1);
    const at = await page.evaluate(positions);
    assert.equal(at.compact, null, `${flag}: no short explanation`);
    assert.equal(at.explain, null, `${flag}: no explanation at all, as before`);
    assert.deepEqual(problems, [], flag);
    await page.close();
  }
});
