// First contact: Lighthouse 12's mobile profile (simulated slow 4G, 4x slower CPU) on the
// release build in dist/, served with gzip and the cross-origin isolation headers as a
// static host serves it. Reports, per page: the performance score, first and largest
// contentful paint, total blocking time, time to interactive, layout shift, what the visit
// transferred (gzip) and what the wasm weighs. Then what a first visit downloads, file by
// file (gzip -9), and a run link replayed on a throttled link (150 ms, 1.6 Mbps, a desktop
// CPU): from the navigation to the first row in the table. No figure here is asserted by a test.
//
// `node bench/first-visit.mjs [query ...]` (default: the home page and four experiment links).
// Writes bench-results/first-visit.json and prints the tables.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, writeFileSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { CHROMIUM, launch } from '../tests/e2e/browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench-results');
const PAGES = process.argv.slice(2).length ? process.argv.slice(2)
  : ['', 'experiment=heartbeat', 'experiment=async-overlap', 'experiment=work-stealing', 'experiment=compile-errors'];
const RUN_LINKS = ['experiment=heartbeat&run=1', 'experiment=collatz&mode=pool&run=1'];
const REPEATS = Number(process.env.FIRST_VISIT_REPEATS ?? 3);
const GOALS = { score: 95, lcpMs: 1500, tbtMs: 150, ttiMs: 3500, transferKB: 400 };

const server = await serve(join(ROOT, 'dist'), { gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? { median: v[Math.floor((v.length - 1) / 2)], min: v[0], max: v[v.length - 1] } : null;
}

/** One Lighthouse run of `url`: its figures. */
async function visit(url) {
  const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const audit = id => lhr.audits[id]?.numericValue;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const kb = bytes => bytes / 1024;
  return {
    score: lhr.categories.performance.score * 100,
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    ttiMs: audit('interactive'),
    speedIndexMs: audit('speed-index'),
    cls: audit('cumulative-layout-shift'),
    transferKB: kb(requests.reduce((sum, r) => sum + (r.transferSize ?? 0), 0)),
    wasmKB: kb(requests.filter(r => r.url.endsWith('.wasm')).reduce((sum, r) => sum + (r.transferSize ?? 0), 0)),
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
    requests: requests.map(r => ({ url: r.url.replace(server.url, ''), transferKB: kb(r.transferSize ?? 0) })),
  };
}

// What ran: fetched by the app once it has started (src/browser/page_templates.rs).
const AFTER_START = 'what-ran.html';

/** What the first visit's page asks for before anything runs, gzip -9, by file (KB). */
function firstVisitFiles() {
  const dist = join(ROOT, 'dist');
  const gz = path => gzipSync(readFileSync(path), { level: 9 }).length / 1024;
  const top = readdirSync(dist).filter(f => /\.(html|js|css|wasm|svg)$/.test(f) && f !== 'isolation-sw.js' && f !== AFTER_START);
  const snippets = [];
  const walk = dir => readdirSync(dir).forEach(f => statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : snippets.push(join(dir, f)));
  walk(join(dist, 'snippets'));
  const files = top.map(f => ({ file: f, kb: gz(join(dist, f)) }));
  files.push({ file: `snippets/ (${snippets.length} modules)`, kb: snippets.reduce((sum, f) => sum + gz(f), 0) });
  return files;
}

/** A run link on a throttled link with a desktop CPU: navigation to the first row (ms). */
async function runLinkReplay(query) {
  const browser = await launch({ serviceWorkers: 'block' });
  const page = await browser.newPage();
  const cdp = await browser.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await page.goto(`${server.url}?${query}`, { waitUntil: 'commit' });
  await page.locator('[data-testid=run]').first().waitFor({ state: 'attached', timeout: 120_000 });
  const figures = await page.evaluate(() => {
    const mark = name => performance.getEntriesByName(name)[0]?.startTime ?? null;
    return { firstWordsMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      interactiveMs: mark('playground-interactive'), firstRowMs: performance.now() };
  });
  await browser.close();
  return figures;
}

const report = [];
const replays = [];
try {
  for (const query of PAGES) {
    const url = `${server.url}${query ? `?${query}` : ''}`;
    const runs = [];
    for (let i = 0; i < REPEATS; i++) runs.push(await visit(url));
    const figures = Object.fromEntries(['score', 'fcpMs', 'lcpMs', 'tbtMs', 'ttiMs', 'speedIndexMs', 'cls', 'transferKB', 'wasmKB']
      .map(key => [key, median(runs.map(r => r[key]))]));
    report.push({ page: query || '(home)', figures, lcpElement: runs.at(-1).lcpElement, requests: runs.at(-1).requests });
  }
  for (const query of RUN_LINKS) {
    const runs = [];
    for (let i = 0; i < REPEATS; i++) runs.push(await runLinkReplay(query));
    replays.push({ link: query, ...Object.fromEntries(['firstWordsMs', 'interactiveMs', 'firstRowMs'].map(k => [k, median(runs.map(r => r[k]))])) });
  }
} finally {
  await chrome.kill();
  await server.close();
}

const files = firstVisitFiles();
const fmt = (s, digits = 0) => s ? `${s.median.toFixed(digits)} [${s.min.toFixed(digits)}–${s.max.toFixed(digits)}]` : '–';
const lines = [
  `Lighthouse 12 mobile, ${REPEATS} runs a page: median [min–max]. Goals: score >= ${GOALS.score}, LCP <= ${GOALS.lcpMs} ms, ` +
    `TBT <= ${GOALS.tbtMs} ms, TTI <= ${GOALS.ttiMs} ms, transferred <= ${GOALS.transferKB} KB.`,
  '',
  '| page | score | FCP ms | LCP ms | TBT ms | TTI ms | CLS | transferred KB | of it wasm KB |',
  '|---|---|---|---|---|---|---|---|---|',
  ...report.map(({ page, figures: f }) =>
    `| ${page} | ${fmt(f.score)} | ${fmt(f.fcpMs)} | ${fmt(f.lcpMs)} | ${fmt(f.tbtMs)} | ${fmt(f.ttiMs)} | ${fmt(f.cls, 3)} | ${fmt(f.transferKB)} | ${fmt(f.wasmKB)} |`),
  '',
  ...report.map(({ page, lcpElement }) => `- ${page}: largest contentful paint is ${lcpElement ?? '(not reported)'}`),
  '',
  `A run link on a throttled link (150 ms, 1.6 Mbps, this machine's CPU), ${REPEATS} loads: ms from the navigation. Goal: the first row <= 5000 ms for heartbeat.`,
  '',
  '| link | first words (FCP) | app mounted | first row in the table |',
  '|---|---|---|---|',
  ...replays.map(r => `| ${r.link} | ${fmt(r.firstWordsMs)} | ${fmt(r.interactiveMs)} | ${fmt(r.firstRowMs)} |`),
  '',
  'What a first visit downloads before anything runs (gzip -9, KB; the pool\'s workers reuse these files):',
  '',
  '| file | KB |',
  '|---|---|',
  ...files.map(f => `| ${f.file} | ${f.kb.toFixed(1)} |`),
  `| in all | ${files.reduce((sum, f) => sum + f.kb, 0).toFixed(1)} |`,
  '',
  `Fetched once the app has started: ${AFTER_START}, ${(gzipSync(readFileSync(join(ROOT, 'dist', AFTER_START)), { level: 9 }).length / 1024).toFixed(1)} KB.`,
];
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'first-visit.json'), JSON.stringify({ lighthouse: report, runLinks: replays, files }, null, 2));
console.log(lines.join('\n'));
