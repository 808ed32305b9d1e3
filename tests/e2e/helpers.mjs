// Shared set-up for the end-to-end tests: one server for the release build in dist/,
// one browser, screenshots in test-results/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, openPage } from './browser.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/**
 * Serves dist/ (with COOP/COEP unless `isolation: false`, at `base`) and starts Chromium
 * with `browserOptions`.
 */
export async function startSite(options, browserOptions) {
  const server = await serve(join(ROOT, 'dist'), options);
  const browser = await launch(browserOptions);
  return {
    url: server.url,
    browser,
    open: path => openPage(browser, server.url + (path ?? '')),
    async close() { await browser.close(); await server.close(); },
  };
}

/** The whole page, or with `{ fullPage: false }` what a screen of the viewport's size shows. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0)); // a sticky header is drawn where the page is scrolled
  await page.screenshot({ path, fullPage });
  return path;
}

/** Waits until the rayon pool and the compute worker report ready. */
export async function waitForEngine(page) {
  // Attached, not visible: presenter mode hides the badges.
  await page.locator('[data-testid=pool].ok').waitFor({ state: 'attached', timeout: 30_000 });
  await page.locator('[data-testid=worker].ok').waitFor({ state: 'attached', timeout: 30_000 });
}

/**
 * Sets the knobs ({ name: text }), picks a mode and clicks Run; resolves with the
 * new run rows (oldest first) once the page is idle again.
 */
export async function run(page, { mode, knobs = {}, repeats = 1, timeout = 120_000 }) {
  const before = await page.locator('[data-testid=run]').count();
  for (const [name, text] of Object.entries(knobs)) await page.fill(`input[name=${name}]`, String(text));
  await page.fill('input[name=repeats]', String(repeats));
  await page.check(`input[name=mode][value=${mode}]`);
  await page.click('button[type=submit]');
  await waitIdle(page, before + repeats, timeout);
  return readRuns(page, repeats);
}

/** Waits until `count` runs are listed and nothing is running; on a timeout, says where the page stood. */
export async function waitIdle(page, count, timeout = 120_000) {
  try {
    await page.waitForFunction(idleWith, count, { timeout });
  } catch (error) {
    const state = await page.evaluate(() => ({
      status: [...document.querySelectorAll('.page:not([hidden]) [data-testid=status]')].map(s => s.textContent),
      runs: document.querySelectorAll('.page:not([hidden]) [data-testid=run]').length,
      errors: [...document.querySelectorAll('.page:not([hidden]) .error')].map(e => e.textContent),
      pool: document.querySelector('[data-testid=pool]')?.textContent,
      worker: document.querySelector('[data-testid=worker]')?.textContent,
    })).catch(e => `unreadable: ${e.message}`);
    throw new Error(`${error.message}; waiting for ${count} runs, the page: ${JSON.stringify(state)}`);
  }
}

/** The latest `count` run rows, oldest first. */
export async function readRuns(page, count) {
  return (await page.evaluate(runRows)).slice(0, count).reverse(); // the table lists the newest first
}

/** In the page: every run row of the table, newest first (shared with the Firefox driver). */
export function runRows() {
  return [...document.querySelectorAll('[data-testid=run]')].map(tr => ({
    mode: tr.dataset.mode,
    result: tr.dataset.result,
    matchesSeed: tr.dataset.matchesSeed,
    computeMs: Number(tr.dataset.computeMs),
    wallMs: Number(tr.dataset.wallMs),
    frameGapMs: Number(tr.dataset.frameGapMs),
    cells: [...tr.cells].map(td => td.textContent),
  }));
}

/** In the page: the run table as rows of { mode, column name: cell text }, oldest first. */
export function figureRows() {
  const table = document.querySelector('.page:not([hidden]) [data-testid=run]').closest('table');
  const names = [...table.querySelectorAll('thead th')].map(th => th.textContent);
  return [...table.querySelectorAll('[data-testid=run]')].reverse().map(tr =>
    Object.fromEntries([['mode', tr.dataset.mode], ...[...tr.cells].map((td, i) => [names[i], td.textContent])]));
}

/** "12.5 ms" (or a longer text with it) → 12.5. */
export const msIn = text => Number(/(-?[\d.]+) ms/.exec(text)[1]);

/** In the page: whether `want` runs are listed and nothing is running. */
export function idleWith(want) {
  return document.querySelectorAll('[data-testid=run]').length >= want
    && !document.querySelector('[data-testid=status]').textContent.startsWith('Running');
}

/** A heartbeat's result cell: "ticks at 57, 107, 158 ms" → [57, 107, 158]. */
export function heartbeatTicks(row) {
  return /ticks at (.*) ms/.exec(row.result)[1].split(', ').map(Number);
}

/** `selector` inside the experiment page on screen (the others stay in the DOM, hidden). */
export function visible(page, selector) {
  return page.locator(`.page:not([hidden]) ${selector}`);
}

/** Collatz's result cell: "837,799 (524 steps)" → [837799, 524]. */
export function collatzAnswer(result) {
  const m = /^([\d,]+) \((\d+) steps\)$/.exec(result);
  return m ? [Number(m[1].replaceAll(',', '')), Number(m[2])] : null;
}

/**
 * Records the page's animation frames with its own requestAnimationFrame loop,
 * independent of the app's, so a test can check the app's numbers against it.
 */
export async function startFrameProbe(page) {
  await page.evaluate(() => {
    const probe = (window.__frameProbe = { times: [] });
    const tick = () => { probe.times.push(performance.now()); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
}

/** Longest gap between the probe's frames since `since` (performance.now() ms). */
export async function probeLongestGap(page, since) {
  return page.evaluate(since => {
    const t = window.__frameProbe.times;
    let longest = 0;
    for (let i = 1; i < t.length; i++) if (t[i] >= since) longest = Math.max(longest, t[i] - t[i - 1]);
    return longest;
  }, since);
}

/**
 * Opens a link that runs (`run=all` or `run=1`) on `site` and resolves with the table's
 * rows by mode, and the number of workers the page has of its own: the rayon pool's
 * threads (its badge says how many) and the compute worker.
 */
export async function runLink(site, query, count, timeout = 90_000) {
  const { page, problems } = await site.open(query);
  await waitForEngine(page);
  const workers = 1 + Number(/(\d+) threads/.exec(await page.locator('[data-testid=pool]').textContent())[1]);
  await waitIdle(page, count, timeout);
  const rows = await page.evaluate(figureRows);
  return { page, problems, workers, by: Object.fromEntries(rows.map(r => [r.mode, r])) };
}

/** Waits (up to 5 s) until the page has `count` workers: every worker a run started has ended. */
export async function workersBackTo(page, count) {
  for (let waited = 0; page.workers().length !== count && waited < 5_000; waited += 100) await page.waitForTimeout(100);
  if (page.workers().length !== count) throw new Error(`${page.workers().length} workers, not ${count}: a run left one running`);
}

/** The catalogue's words as lab/src/words.rs writes them: slug, title, first paragraph's opening. */
export function catalogueWords() {
  const words = readFileSync(join(ROOT, 'lab', 'src', 'words.rs'), 'utf8');
  return [...words.matchAll(/\bslug: "([^"]+)",\s*title: "([^"]+)",[\s\S]*?explanation: &\[\s*"((?:[^"\\]|\\.){40})/g)]
    .map(m => ({ slug: m[1], title: m[2], opening: m[3].replace(/\\"/g, '"') }));
}
