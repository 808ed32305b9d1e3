// First contact: Lighthouse 12's mobile profile (simulated slow 4G, 4x slower CPU) on the
// release build in dist/, served with gzip and the cross-origin isolation headers as a
// static host serves it. Reports, per page: the performance score, first and largest
// contentful paint, total blocking time, time to interactive, layout shift, what the visit
// transferred (gzip) and what the wasm weighs. No figure here is asserted by a test.
//
// `node bench/first-visit.mjs [query ...]` (default: the home page and three experiment links).
// Writes bench-results/first-visit.json and prints a table.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { CHROMIUM } from '../tests/e2e/browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench-results');
const PAGES = process.argv.slice(2).length ? process.argv.slice(2)
  : ['', 'experiment=heartbeat', 'experiment=overlap', 'experiment=work-stealing'];
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

const report = [];
try {
  for (const query of PAGES) {
    const url = `${server.url}${query ? `?${query}` : ''}`;
    const runs = [];
    for (let i = 0; i < REPEATS; i++) runs.push(await visit(url));
    const figures = Object.fromEntries(['score', 'fcpMs', 'lcpMs', 'tbtMs', 'ttiMs', 'speedIndexMs', 'cls', 'transferKB', 'wasmKB']
      .map(key => [key, median(runs.map(r => r[key]))]));
    report.push({ page: query || '(home)', figures, lcpElement: runs.at(-1).lcpElement, requests: runs.at(-1).requests });
  }
} finally {
  await chrome.kill();
  await server.close();
}

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
];
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'first-visit.json'), JSON.stringify(report, null, 2));
console.log(lines.join('\n'));
