// Presenter mode (?present=1) in headless Chromium against the release build: driven
// from the keyboard alone, at projector sizes, and left again with Escape.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, waitForEngine, waitIdle, visible } from './helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const checkedMode = page => visible(page, 'input[name=mode]:checked').getAttribute('value');
const runCount = page => page.locator('.page:not([hidden]) [data-testid=run]').count();
const query = page => new URL(page.url()).searchParams;

test('presenter mode: the keyboard runs it, large and plain at 1280x720 and 1920x1080', { timeout: 120_000 }, async () => {
  const { page, problems } = await site.open('?experiment=heartbeat&present=1');
  await page.setViewportSize({ width: 1280, height: 720 });
  await waitForEngine(page);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-present')), true);
  await page.locator('[data-testid=presenter-bar]').waitFor();
  assert.equal(await page.locator('nav.experiments').isVisible(), false, 'no sidebar');
  assert.equal(await visible(page, '.explain').isVisible(), false, 'no explanation paragraphs');

  // ? lists the keys; Escape hides the list first and keeps presenter mode.
  await page.keyboard.press('?');
  const keys = page.locator('[data-testid=presenter-keys]');
  await keys.waitFor();
  assert.deepEqual(await keys.locator('dt').allTextContents(), ['R', 'A', 'M', 'N', 'P', 'C', 'F', '?', 'Esc']);
  await page.keyboard.press('Escape');
  await keys.waitFor({ state: 'detached' });
  assert.equal(query(page).get('present'), '1');

  // M picks the next mode, going round.
  assert.equal(await checkedMode(page), 'main-thread');
  await page.keyboard.press('m');
  assert.equal(await checkedMode(page), 'worker');
  await page.keyboard.press('M');
  assert.equal(await checkedMode(page), 'main-thread');

  // A runs every mode; the verdict and both modes' charts are what is on screen.
  await page.keyboard.press('a');
  await waitIdle(page, 2);
  const verdict = visible(page, '[data-testid=verdict-sentence]');
  await verdict.waitFor();
  assert.match(await verdict.textContent(), /heartbeat/);
  assert.equal(await visible(page, '[data-testid=side-by-side-mode]').count(), 2);
  // Large and plain at both projector sizes.
  for (const [width, height] of [[1280, 720], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    const size = await verdict.evaluate(el => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 22, `${width}x${height}: verdict type ${size}px`);
    assert.equal(await page.locator('nav.experiments').isVisible(), false, `${width}x${height}: no sidebar`);
    assert.equal(await visible(page, 'table.runs').isVisible(), false, `${width}x${height}: the table of runs is hidden`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${width}x${height}: no sideways scroll (${overflow} px)`);
    await screenshot(page, `presenter-${width}x${height}`, { fullPage: false });
  }

  // R runs the chosen mode.
  const before = await runCount(page);
  await page.keyboard.press('r');
  await waitIdle(page, before + 1);

  // N and P move between experiments, still presenting.
  await page.keyboard.press('n');
  await page.locator('article[data-experiment=slow-hash]').waitFor();
  assert.equal(query(page).get('experiment'), 'slow-hash');
  assert.equal(query(page).get('present'), '1');
  await page.keyboard.press('p');
  await page.locator('.page:not([hidden]) article[data-experiment=heartbeat]').waitFor();

  // F asks for full screen (a key press counts as the gesture it needs).
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 5_000 });
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement === null, null, { timeout: 5_000 });

  // Escape leaves presenter mode: the page and its address are the ordinary ones, keys are plain keys.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-present'));
  assert.equal(query(page).get('present'), null);
  assert.equal(await page.locator('nav.experiments').isVisible(), true);
  const count = await runCount(page);
  await page.keyboard.press('r');
  await page.waitForTimeout(500);
  assert.equal(await runCount(page), count, 'R is only a key outside presenter mode');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a present flag that is not 1 or 0 says so and leaves presenter mode off', async () => {
  const { page, problems } = await site.open('?experiment=heartbeat&present=maybe');
  const notice = page.locator('[data-testid=link-notices]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /present flag “maybe” is not 1 or 0/);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-present')), false);
  assert.deepEqual(problems, []);
  await page.close();
});
