// The static site as a plain host serves it: no COOP/COEP headers, under a sub-path
// (like https://user.github.io/playground/). The isolation service worker must get the
// page isolated with at most one reload and never loop; where service workers are
// blocked, the page must explain itself and still run what needs no threads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { startSite, screenshot, waitForEngine, waitIdle, run, collatzAnswer, ROOT } from './helpers.mjs';
import { headersFile, serve } from './server.mjs';
import { launch } from './browser.mjs';

const BASE = '/playground/';

/** Counts the page's document loads (the first and every reload; not history.replaceState). */
function countLoads(page) {
  const loads = { count: 0 };
  page.on('domcontentloaded', () => { loads.count += 1; });
  return loads;
}

test('without headers, under a sub-path: isolated through the service worker after one reload, threads run', async () => {
  const site = await startSite({ isolation: false, base: BASE });
  try {
    const page = await site.browser.newPage();
    const problems = [];
    page.on('pageerror', e => problems.push(e.message));
    page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });
    const loads = countLoads(page);
    await page.goto(site.url + '?experiment=collatz&n=100000&mode=pool');
    await waitForEngine(page);
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    assert.equal(await page.evaluate(() => window.playgroundIsolation.state), 'service-worker');
    assert.ok(loads.count <= 2, `${loads.count} loads: the first, and at most one reload`);
    // The link survived the reload, and the pool runs.
    const [row] = await run(page, { mode: 'pool' });
    assert.deepEqual(collatzAnswer(row.result), [77_031, 350]);
    await page.locator('[data-testid=environment-panel] summary').click();
    assert.match(await page.locator('[data-testid=env-service-worker]').innerText(), /^active/);
    await screenshot(page, 'hosted-service-worker');

    // No loop: nothing reloads while the page sits there.
    const settled = loads.count;
    await page.waitForTimeout(2000);
    assert.equal(loads.count, settled);

    // A hard reload bypasses the service worker; the page recovers with one more reload.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.reload', { ignoreCache: true });
    await waitForEngine(page);
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    await page.waitForTimeout(1500);
    assert.ok(loads.count - settled <= 2, `${loads.count - settled} loads after a hard reload: it and at most one more`);
    assert.deepEqual(problems, []);
  } finally {
    await site.close();
  }
});

test('a service worker that cannot isolate the page causes one reload, not a loop', async () => {
  // A stand-in worker that takes control but adds no headers, as in a browser that
  // ignores them: the page must reload once, then stop and say so.
  const inert = `self.addEventListener('install', () => self.skipWaiting());
    self.addEventListener('activate', e => e.waitUntil(self.clients.claim()));
    self.addEventListener('fetch', e => e.respondWith(fetch(e.request)));`;
  const site = await startSite({ isolation: false, base: BASE, replace: { 'isolation-sw.js': inert } });
  try {
    const page = await site.browser.newPage();
    const loads = countLoads(page);
    await page.goto(site.url + '?experiment=async-overlap');
    await page.locator('[data-testid=threads-missing]').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(3000);
    assert.equal(loads.count, 2, 'the first load and one reload');
    assert.equal(await page.evaluate(() => window.playgroundIsolation.state), 'no-effect');
    assert.match(await page.locator('[data-testid=threads-missing]').innerText(), /did not isolate/);
  } finally {
    await site.close();
  }
});

test('service workers blocked: the page says what is missing and runs what needs no threads', async () => {
  const site = await startSite({ isolation: false, base: BASE }, { serviceWorkers: 'block' });
  try {
    const { page, problems } = await site.open('?experiment=async-overlap&mode=join-all');
    const loads = countLoads(page);
    const notice = page.locator('[data-testid=threads-missing]');
    await notice.waitFor({ timeout: 20_000 });
    const text = await notice.innerText();
    assert.match(text, /not cross-origin isolated/);
    assert.match(text, /What you can do/);
    assert.equal(await page.evaluate(() => crossOriginIsolated), false);
    assert.match(await page.locator('[data-testid=pool]').innerText(), /unavailable/);
    assert.match(await page.locator('[data-testid=env-pool]').innerText(), /not cross-origin isolated/);

    // join_all over timers needs no threads: 3 x 100 ms overlap.
    const [overlap] = await run(page, { mode: 'join-all', knobs: { requests: 3, delay: 100 } });
    assert.ok(overlap.wallMs >= 95 && overlap.wallMs < 250, `join_all took ${overlap.wallMs} ms`);
    await screenshot(page, 'no-isolation');

    // A main-thread busy loop runs too, and freezes the page as it should.
    await page.goto(site.url + '?experiment=timer-vs-busy');
    await page.locator('article[data-experiment=timer-vs-busy]').waitFor();
    const [busy] = await run(page, { mode: 'main-thread' });
    assert.ok(busy.frameGapMs >= 250, `frame gap ${busy.frameGapMs} ms`);

    // A mode that needs threads says why it cannot run instead of failing.
    await page.check('input[name=mode][value=worker]');
    await page.click('button[type=submit]');
    await page.locator('.errors .error', { hasText: 'not cross-origin isolated' }).waitFor();
    assert.ok(loads.count <= 2, 'no reload loop');
    assert.deepEqual(problems, []);
  } finally {
    await site.close();
  }
});

test('the _headers file: isolated from the first load, and the app runs under its content security policy', async () => {
  const headers = headersFile(join(ROOT, 'dist', '_headers'));
  assert.match(headers['Content-Security-Policy'], /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  const site = await startSite({ isolation: false, base: BASE, headers });
  try {
    await site.browser.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      // When the page first asks for its service worker (here only to keep the site offline).
      const register = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = function (...args) {
        window.__registeredAt ??= performance.now();
        return register.apply(this, args);
      };
    });
    const { page, problems } = await site.open('?experiment=collatz&n=100000&threads=0&mode=pool&run=1');
    const loads = countLoads(page);
    await waitForEngine(page);
    assert.equal(await page.evaluate(() => window.playgroundIsolation.state), 'headers', 'no service worker needed');
    assert.equal(await page.evaluate(() => window.playgroundCompiled), 'worker', 'the wasm compiled off the main thread, under the policy');
    await waitIdle(page, 1, 60_000);
    assert.equal(await page.locator('[data-testid=run]').getAttribute('data-result'), '77,031 (350 steps)');
    // Charts (style attributes), the speedup curve's pools (more workers) and a download, all under the policy.
    await page.click('.page:not([hidden]) button[name=measure-scaling]');
    const scaling = page.locator('.page:not([hidden]) [data-testid=scaling-status]');
    await scaling.filter({ hasText: /^(Done|Stopped)/ }).waitFor({ timeout: 60_000 });
    assert.match(await scaling.innerText(), /^Done/);
    const cores = Math.min(16, await page.evaluate(() => navigator.hardwareConcurrency));
    assert.equal(await page.locator('.page:not([hidden]) [data-testid=scaling-point]').count(), cores, 'a point per pool size');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.page:not([hidden]) button[name=download-json]')]);
    assert.equal(download.suggestedFilename(), 'collatz-runs.json');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    // The site is kept for offline use only once the app has started: the worker's download
    // of the whole site must not compete with the app's own.
    await page.waitForFunction(() => window.playgroundOffline.state === 'ready', null, { timeout: 30_000 });
    const { registeredAt, startedAt } = await page.evaluate(() => ({
      registeredAt: window.__registeredAt,
      startedAt: performance.getEntriesByName('playground-started')[0]?.startTime,
    }));
    assert.ok(startedAt > 0 && registeredAt > startedAt, `offline kept from ${registeredAt} ms, the app started at ${startedAt} ms`);
    assert.equal(loads.count, 0, 'no reload');
    assert.deepEqual(problems, []);
  } finally {
    await site.close();
  }
});

/** A copy of dist/ as the next deployment would be: its page and its JavaScript glue
 * marked, and a new offline version, as scripts/offline.mjs gives changed files. */
function nextDeployment() {
  const dir = mkdtempSync(join(tmpdir(), 'deployment-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  const edit = (file, change) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  const glue = readdirSync(dir).find(f => /^concurrency-playground-.*\.js$/.test(f));
  // Trunk's page pins its files by subresource integrity: the changed glue gets its new hash.
  const integrity = file => `sha384-${createHash('sha384').update(readFileSync(join(dir, file))).digest('base64')}`;
  const before = integrity(glue);
  edit(glue, js => `${js}\n// deployment 2\n`);
  const after = integrity(glue);
  edit('index.html', html => html.replaceAll(before, after).replace('<title>', '<title>[deployment 2] ').replace(/(name="playground-offline" content=")[0-9a-f]+/, '$1deployment2'));
  edit('isolation-sw.js', sw => sw.replace(/"version":"[0-9a-f]+"/, '"version":"deployment2"'));
  return { dir, glue };
}

test('offline: a page loaded once keeps working with no server; a new deployment replaces the cached one whole', async () => {
  let site = await serve(join(ROOT, 'dist'), { isolation: false, base: BASE });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', e => problems.push(e.message));
    page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });
    await page.goto(site.url + '?experiment=collatz&n=100000&mode=pool');
    await waitForEngine(page);
    await page.waitForFunction(() => window.playgroundOffline.state === 'ready', null, { timeout: 30_000 });
    await page.locator('[data-testid=env-offline]', { hasText: 'kept: this page now works without a network' }).waitFor({ state: 'attached' });

    // The network is gone: the page, its wasm and the pool's workers all come from the cache.
    await site.close();
    await page.reload();
    await waitForEngine(page);
    assert.equal(await page.evaluate(() => window.playgroundCompiled), 'worker', 'the compiling worker is served from the cache too');
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    assert.deepEqual(collatzAnswer((await run(page, { mode: 'pool' }))[0].result), [77_031, 350]);
    const version = await page.evaluate(() => window.playgroundOffline.version);

    // A new deployment: this load is still the old version, whole; the new one installs
    // beside it, the page offers a reload, and after it everything is the new version.
    const { dir, glue } = nextDeployment();
    site = await serve(dir, { isolation: false, base: BASE, port: site.port });
    await page.reload();
    await waitForEngine(page);
    assert.doesNotMatch(await page.title(), /deployment 2/);
    await page.locator('[data-testid=update-ready]').waitFor({ timeout: 30_000 });
    await screenshot(page, 'update-ready', { fullPage: false });
    await Promise.all([page.waitForEvent('load'), page.click('[data-testid=update-ready] button')]);
    await waitForEngine(page);
    assert.match(await page.title(), /^\[deployment 2\]/);
    assert.match(await page.evaluate(file => fetch(file).then(r => r.text()), glue), /\/\/ deployment 2\n$/, 'the new glue with the new page');
    assert.deepEqual(await page.evaluate(() => caches.keys()), ['playground-deployment2'], `the old version (${version}) is gone`);
    assert.deepEqual(collatzAnswer((await run(page, { mode: 'pool' }))[0].result), [77_031, 350]);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await site.close();
  }
});
