// The embedded view (?embed=1) in a real host page on another origin, served under
// each set of headers a host might send: what runs inside the iframe, and what it says
// when it cannot have threads.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, headersFile } from './server.mjs';
import { launch } from './browser.mjs';
import { ROOT, screenshot } from './helpers.mjs';

const DIST = join(ROOT, 'dist');
let browser;
const servers = [];
after(async () => {
  await browser?.close();
  await Promise.all(servers.map(s => s.close()));
});

/** The app as the hosted build serves it (its _headers), and a host page on another port. */
async function embedIn(hostHeaders, query) {
  browser ??= await launch();
  const app = await serve(DIST, { isolation: false, headers: headersFile(join(DIST, '_headers')) });
  const host = `<!doctype html><meta charset="utf-8"><title>A blog post</title>
    <h1>A post about threads</h1>
    <iframe src="${app.url}?${query}&embed=1" allow="cross-origin-isolated" width="900" height="700"></iframe>`;
  const site = await serve(DIST, { isolation: false, headers: hostHeaders, replace: { 'post.html': host } });
  servers.push(app, site);
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', err => problems.push(err.message));
  await page.goto(`${site.url}post.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-testid=embed-open]').waitFor({ timeout: 30_000 });
  const inner = () => page.frames().find(f => f.url().includes('embed=1'));
  return { page, frame, inner, problems };
}

/** The global pool's size as the app makes it: one thread per logical core the frame reports, at most 16. */
const poolThreads = frame => frame.evaluate(() => String(Math.min(Math.max(navigator.hardwareConcurrency, 1), 16)));

test('embedded in a cross-origin isolated page (require-corp): threads run inside the iframe', { timeout: 120_000 }, async () => {
  const { page, frame, inner, problems } = await embedIn(
    { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
    'experiment=collatz&n=300000&mode=pool');
  await frame.locator('[data-testid=pool].ok').waitFor({ state: 'attached', timeout: 30_000 });
  assert.equal(await inner().evaluate(() => crossOriginIsolated), true);
  assert.equal(await frame.locator('nav.experiments').isVisible(), false, 'minimal chrome');
  await frame.locator('button[type=submit]').click();
  await frame.locator('[data-testid=verdict]').waitFor({ timeout: 60_000 });
  const row = await frame.locator('[data-testid=run]').first();
  assert.equal(await row.getAttribute('data-result'), '230,631 (442 steps)');
  assert.equal(await row.locator('td').nth(4).textContent(), await poolThreads(inner()), 'every pool thread');
  assert.match(await frame.locator('[data-testid=embed-open]').getAttribute('href'), /experiment=collatz/);
  assert.doesNotMatch(await frame.locator('[data-testid=embed-open]').getAttribute('href'), /embed=1/);
  await screenshot(page, 'embed-isolated', { fullPage: false });
  assert.deepEqual(problems, []);
  await page.close();
});

test('embedded in a credentialless page: threads run too', { timeout: 120_000 }, async () => {
  const { frame, inner, page, problems } = await embedIn(
    { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'credentialless' },
    'experiment=collatz&n=300000&mode=pool');
  await frame.locator('[data-testid=pool].ok').waitFor({ state: 'attached', timeout: 30_000 });
  assert.equal(await inner().evaluate(() => crossOriginIsolated), true);
  // A pool run inside the iframe, on every pool thread.
  await frame.locator('button[type=submit]').click();
  await frame.locator('[data-testid=verdict]').waitFor({ timeout: 60_000 });
  const row = frame.locator('[data-testid=run]').first();
  assert.equal(await row.getAttribute('data-mode'), 'pool');
  assert.equal(await row.getAttribute('data-result'), '230,631 (442 steps)');
  assert.equal(await row.locator('td').nth(4).textContent(), await poolThreads(inner()), 'every pool thread');
  assert.deepEqual(problems, []);
  await page.close();
});

test('embedded in a page without isolation: what needs no threads runs, the rest says why', { timeout: 120_000 }, async () => {
  const { page, frame, inner, problems } = await embedIn({}, 'experiment=async-overlap&mode=join-all');
  const notice = frame.locator('[data-testid=threads-missing]');
  await notice.waitFor({ timeout: 30_000 });
  assert.equal(await inner().evaluate(() => crossOriginIsolated), false);
  assert.match(await notice.innerText(), /not cross-origin isolated/);
  assert.match(await frame.locator('[data-testid=embedded-advice]').innerText(), /allow="cross-origin-isolated"/);
  await frame.locator('button[type=submit]').click();
  await frame.locator('[data-testid=verdict]').waitFor({ timeout: 30_000 });
  assert.equal(await frame.locator('[data-testid=run]').first().getAttribute('data-result'), '[17, 17, 17]');
  await screenshot(page, 'embed-not-isolated', { fullPage: false });
  assert.deepEqual(problems, []);
  await page.close();
});
