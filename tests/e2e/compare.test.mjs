// Compare devices: results links and JSON downloads from different pages overlaid in
// the Compare view; damaged, forged and oversized imports named while the rest loads;
// nothing imported ever rendered as markup; the view's own link reproduces it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSite, screenshot, waitForEngine, run } from './helpers.mjs';

/** The base64url record inside a results link, decoded, changed by `edit`, encoded again. */
function editedLink(link, edit) {
  const url = new URL(link);
  const record = JSON.parse(Buffer.from(url.hash.slice(3), 'base64url').toString());
  edit(record);
  url.hash = 'r=' + Buffer.from(JSON.stringify(record)).toString('base64url');
  return url.toString();
}

/** Runs `modes` of `query`'s experiment, names the device, measures the curve if asked;
 * resolves with the page and its results link. */
async function resultsOf(site, query, modes, name, { curve = false } = {}) {
  const { page, problems } = await site.open(query);
  await waitForEngine(page);
  for (const mode of modes) await run(page, { mode });
  if (curve) {
    await page.click('button[name=measure-scaling]');
    await page.locator('[data-testid=scaling-status]', { hasText: 'Done' }).waitFor({ timeout: 60_000 });
  }
  await page.fill('input[name=device-name]', name);
  const link = await page.inputValue('input[name=results-link]');
  return { page, problems, link };
}

test('results from two pages overlay in the Compare view; bad imports are named, the rest loads; its link reproduces it', async () => {
  const site = await startSite();
  try {
    const laptop = await resultsOf(site, '?experiment=collatz&n=100000', ['worker', 'pool'], 'laptop', { curve: true });
    assert.match(laptop.link, /\?compare=1#r=[\w-]+$/);
    assert.ok(laptop.link.length < 2600, `a results link of ${laptop.link.length} characters`);
    const phone = await resultsOf(site, '?experiment=collatz&n=100000', ['main-thread', 'worker'], 'phone');
    const beat = await resultsOf(site, '?experiment=heartbeat', ['main-thread', 'worker'], 'phone');

    // The JSON download carries the same figures; a broken file beside it is named.
    const [download] = await Promise.all([
      laptop.page.waitForEvent('download'),
      laptop.page.click('.page:not([hidden]) button[name=download-json]'),
    ]);
    const downloaded = await download.path();
    const dir = mkdtempSync(join(tmpdir(), 'compare-'));
    writeFileSync(join(dir, 'broken.json'), '{"shared": {"v": 1, "experiment": "collatz"');
    // Their pools and frame monitors would share the two cores with the view being tested.
    for (const p of [laptop, phone, beat]) await p.page.close();

    const { page, problems } = await site.open('?compare=1');
    await page.locator('[data-testid=compare-empty]').waitFor();
    await page.evaluate(() => { window.__pwned = false; });
    const forged = editedLink(phone.link, r => { r.device.name = '<img src=x onerror="__pwned=true">'; });
    const future = editedLink(phone.link, r => { r.v = 2; });
    const damaged = phone.link.slice(0, -20) + '!!';
    const negative = editedLink(laptop.link, r => { r.modes[0].ms = [-5, -6, 1]; });
    await page.fill('textarea[name=import-text]', [laptop.link, phone.link, damaged, future, negative, forged, beat.link,
      'r=' + 'A'.repeat(9000)].join('\n'));
    await page.click('button[name=import-add]');
    const items = page.locator('[data-testid=compare-item]');
    await items.nth(3).waitFor();
    const problemsShown = await page.locator('[data-testid=import-problems] li').allInnerTexts();
    assert.equal(problemsShown.length, 4, problemsShown.join('\n'));
    assert.match(problemsShown[0], /^link 3, item 1: it is not a results link/);
    assert.match(problemsShown[1], /^link 4, item 1: it was made by a newer version of the playground \(results format 2\)/);
    assert.match(problemsShown[2], /^link 5, item 1: mode “worker”'s time is out of range/);
    assert.match(problemsShown[3], /^link 8, item 1: it is 9000 characters long/);
    assert.equal(await items.count(), 4, 'laptop, phone, the forged name (as text) and the heartbeat');
    assert.equal(await page.evaluate(() => window.__pwned), false, 'markup in an import is never run');
    assert.equal(await page.locator('.compare img').count(), 0);
    assert.match(await items.nth(2).innerText(), /<img src=x onerror=/);

    // Both devices on the same charts: time per mode, the laptop's speedup curve, the heartbeat's lateness.
    const collatz = page.locator('[data-testid=compare-experiment][data-experiment=collatz]');
    const bars = collatz.locator('svg.bars').first();
    assert.match(await bars.innerHTML(), /Web worker — laptop/);
    assert.match(await bars.innerHTML(), /Web worker — phone/);
    assert.match(await bars.innerHTML(), /Main thread — phone/);
    assert.ok(await collatz.locator('[data-testid=scaling-point][data-series^=laptop]').count() >= 1, 'the laptop curve');
    const heartbeat = page.locator('[data-testid=compare-experiment][data-experiment=heartbeat]');
    assert.match(await heartbeat.innerText(), /How late the heartbeat was/);
    // What could not be read stays in the box to be mended; emptied here, since Chromium's
    // full-page screenshot takes ~20 s over a textarea of 9,000 characters.
    await page.fill('textarea[name=import-text]', '');
    await screenshot(page, 'compare');

    // Hidden items leave the charts and ride in the link as h=; removed ones leave both.
    await items.nth(1).locator('input[name=show]').uncheck();
    await page.waitForFunction(() => !document.querySelector('[data-experiment=collatz] svg.bars').innerHTML.includes('— phone'));
    await items.nth(2).locator('button[name=remove]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=compare-item]').length === 3);
    assert.match(new URL(page.url()).hash, /^#r=[\w-]+&h=[\w-]+&r=[\w-]+$/);
    const viewLink = await page.inputValue('input[name=compare-link]');
    assert.equal(viewLink, page.url());

    // Files: the download is read, the broken file is named.
    await page.setInputFiles('input[name=import-files]', [downloaded, join(dir, 'broken.json')]);
    await page.locator('[data-testid=import-problems] li', { hasText: '“broken.json”' }).waitFor();
    assert.match(await page.locator('[data-testid=import-problems]').innerText(), /already in the comparison/, 'the download is the laptop again');

    // A file dropped on the box: read like a chosen one.
    const dropped = editedLink(phone.link, r => { r.device.name = 'tablet'; });
    const record = Buffer.from(new URL(dropped).hash.slice(3), 'base64url').toString();
    await page.evaluate(text => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'tablet.json', { type: 'application/json' }));
      document.querySelector('.compare-import').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, record);
    await page.locator('[data-testid=compare-item]', { hasText: 'tablet' }).waitFor();
    await items.nth(3).locator('button[name=remove]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=compare-item]').length === 3);

    // The view's link opened elsewhere shows the same comparison.
    const again = await site.open(viewLink.replace(/^.*?\?/, '?'));
    await again.page.locator('[data-testid=compare-item]').nth(2).waitFor();
    assert.equal(await again.page.locator('[data-testid=compare-item]').count(), 3);
    assert.equal(await again.page.locator('[data-testid=compare-item] input[name=show]:not(:checked)').count(), 1);

    // Presenter mode: C opens the comparison.
    const presenting = await site.open('?experiment=collatz&present=1');
    await presenting.page.locator('[data-testid=presenter-bar]').waitFor();
    await presenting.page.keyboard.press('c');
    await presenting.page.locator('[data-testid=compare]').waitFor();
    assert.match(presenting.page.url(), /\?present=1&compare=1|\?compare=1&present=1/);

    for (const p of [laptop, phone, beat, { problems }, again, presenting]) assert.deepEqual(p.problems, []);
  } finally {
    await site.close();
  }
});
