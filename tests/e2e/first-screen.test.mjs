// The first screen before the app: index.html carries the catalogue's words (written in by
// the site build, lab/src/static_pages.rs), so a visitor reads the home page's chapters, or
// the linked experiment's title and explanation, while the wasm is on its way; the app then
// takes that place without moving the words. And the words are not in the wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, catalogueWords, screenshot, startSite } from './helpers.mjs';

// No service worker: a worker that kept the site for offline use would hand the page the wasm
// that these tests hold back (a route does not see what a service worker answers).
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'block' };

let phone;
let desktop;
before(async () => {
  phone = await startSite(undefined, PHONE);
  desktop = await startSite(undefined, { serviceWorkers: 'block' });
});
after(async () => {
  await phone?.close();
  await desktop?.close();
});

/** Opens `link` with the wasm held back (the app never starts): what index.html alone shows. */
async function firstScreen(site, link) {
  const { page, problems } = await site.open();
  await page.route('**/*.wasm', () => {}); // never answered
  await page.goto(site.url + link);
  await page.locator('#boot-page > :not(.boot-placeholder)').first().waitFor();
  return { page, problems };
}

/** Where the words stand (CSS pixels from the top of the page) and what they say. */
function wordsOnScreen() {
  const box = el => el && { top: Math.round(el.getBoundingClientRect().top + scrollY), left: Math.round(el.getBoundingClientRect().left), height: Math.round(el.getBoundingClientRect().height) };
  const heading = [...document.querySelectorAll('main h1')].find(h => h.getClientRects().length);
  const paragraph = [...document.querySelectorAll('main .explain p, main .home > p')].find(p => p.getClientRects().length);
  return { heading: heading?.textContent, headingBox: box(heading), paragraph: paragraph?.textContent.slice(0, 60), paragraphBox: box(paragraph) };
}

test('before the wasm: the home page\'s chapters, and every experiment link\'s title and explanation', { timeout: 120_000 }, async () => {
  const words = catalogueWords();
  assert.ok(words.length >= 28, `${words.length} experiments' words read`);
  const { page, problems } = await firstScreen(phone, '');
  assert.match(await page.locator('main h1').textContent(), /See what async and threads do/);
  assert.equal(await page.locator('main [data-testid=chapter]').count(), 8, 'the chapters');
  const titles = await page.locator('main .card a').evaluateAll(links => links.map(a => a.textContent).sort());
  assert.deepEqual(titles, words.map(w => w.title).sort(), 'every experiment\'s title on a card');
  const cards = await page.locator('main .card a').evaluateAll(links => links.map(a => a.dataset.slug).sort());
  assert.deepEqual(cards, words.map(w => w.slug).sort(), 'a card for every experiment');
  assert.match(await page.locator('.boot-note').textContent(), /Loading the experiments/);
  await screenshot(page, 'first-screen-home-phone', { fullPage: false });
  for (const { slug, title, opening } of words) {
    await page.goto(`${phone.url}?experiment=${slug}`);
    await page.locator('#boot-page h1').waitFor();
    assert.equal(await page.locator('#boot-page h1').textContent(), title, slug);
    const text = await page.locator('#boot-page .explain').textContent();
    assert.ok(text.startsWith(opening), `${slug}: its explanation, not "${text.slice(0, 60)}"`);
    assert.equal(await page.locator(`nav.experiments a.current`).getAttribute('data-slug'), slug, `${slug}: marked in the list`);
  }
  await page.goto(`${phone.url}?experiment=heartbeat&run=1`);
  await page.locator('#boot-page h1').waitFor();
  assert.ok(await page.locator('#boot-page .explain-compact').isVisible(), 'a run link on a phone: the short explanation, as the app shows it');
  assert.ok(!(await page.locator('#boot-page .explain').isVisible()), 'a run link on a phone: not the whole');
  assert.match(await page.locator('.boot-note').textContent(), /runs it as soon as the page is ready/, 'a run link says it will run');
  await screenshot(page, 'first-screen-run-link-phone', { fullPage: false });
  await page.goto(`${phone.url}?experiment=no-such-thing`);
  assert.match(await page.locator('#boot-page h1').textContent(), /See what async and threads do/, 'an unknown experiment: the home page (the app then says why)');
  assert.deepEqual(problems.filter(p => !p.includes('wasm')), []);
  await page.close();
});

test('the app takes the first screen over without moving the words, on a phone and a desktop', { timeout: 120_000 }, async () => {
  for (const [site, name] of [[phone, 'phone'], [desktop, 'desktop']]) {
    for (const link of ['', '?experiment=heartbeat', '?experiment=work-stealing']) {
      const before = await firstScreen(site, link);
      const shown = await before.page.evaluate(wordsOnScreen);
      await before.page.close();
      const { page, problems } = await site.open();
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver(list => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
          .observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(site.url + link);
      await page.locator('main#content').waitFor();
      // Every step of the mount is in (what ran is the last), and the engine's badges have settled.
      if (link) await page.locator('main#content [data-testid=what-ran]').waitFor();
      await page.locator('[data-testid=pool]:not(.pending)').waitFor({ state: 'attached', timeout: 30_000 });
      const taken = await page.evaluate(wordsOnScreen);
      assert.deepEqual(taken, shown, `${name} ${link || 'home'}: the words where index.html put them`);
      const shift = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
      assert.ok(shift < 0.01, `${name} ${link || 'home'}: layout shift ${shift}`);
      assert.deepEqual(problems, [], `${name} ${link}`);
      await page.close();
    }
  }
});

test('the explanations and what ran are not in the wasm: the page carries the explanations, what-ran.html what ran', () => {
  const dist = join(ROOT, 'dist');
  const wasm = readdirSync(dist).find(f => f.endsWith('.wasm'));
  const binary = readFileSync(join(dist, wasm)).toString('latin1');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  for (const { slug, opening } of catalogueWords()) {
    const ascii = opening.replace(/[^\x20-\x7e]/g, '').slice(0, 30);
    assert.ok(!binary.includes(ascii), `${slug}: its explanation is compiled into the wasm`);
    assert.ok(html.includes(ascii.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')), `${slug}: its explanation is in index.html`);
  }
  assert.ok(!binary.includes('What differs, and why'), 'what ran is compiled into the wasm');
  assert.ok(!html.includes('What differs, and why'), 'what ran is in the first download (index.html)');
  const details = readFileSync(join(dist, 'what-ran.html'), 'utf8');
  for (const { slug } of catalogueWords()) assert.ok(details.includes(`<template id="what-ran-${slug}">`), `${slug}: what ran`);
});

test('what ran comes after the first screen; where its file cannot be had, the page says so', async () => {
  const { page, problems } = await desktop.open();
  await page.route('**/what-ran.html', route => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(desktop.url + '?experiment=collatz');
  const missing = page.locator('.page:not([hidden]) [data-testid=what-ran-missing]');
  await missing.waitFor({ state: 'attached' });
  assert.match(await missing.innerText(), /What ran could not be loaded \(what-ran\.html: the server answered 404\)/);
  assert.equal(await page.locator('[data-testid=what-ran]').count(), 0);
  assert.deepEqual(problems.filter(p => !/404/.test(p)), []);
  await page.close();
});
