// Sharing data with threads. Handing data to a worker: copied, moved, or shared, each from a link that runs it;
// the sums are right, the transfer leaves the page's buffer detached, and the sweep
// measures every mode at every size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, waitForEngine, waitIdle, readRuns } from './helpers.mjs';

test('handoff: every mode sums 1 MiB right; a transfer detaches the buffer, a copy does not; the sweep spans 1 KiB to 64 MiB', async () => {
  const site = await startSite();
  try {
    const { page, problems } = await site.open('?experiment=handoff&size=1024&mode=structured-clone&run=all');
    await waitForEngine(page);
    await waitIdle(page, 3, 60_000);
    const rows = await readRuns(page, 3);
    assert.deepEqual(rows.map(r => r.mode), ['structured-clone', 'transfer', 'shared-memory']);
    for (const row of rows) {
      assert.equal(row.result, 'sum 8590000128, 1 MiB', row.mode);
      assert.ok(row.computeMs > 0, `${row.mode}: a round trip of ${row.computeMs} ms`);
    }
    const text = rows.map(r => r.cells.join(' | '));
    assert.match(text[0], /still 1048576 bytes on the page/);
    assert.match(text[0], /\| 1048576 \|/, 'a copy copies every byte');
    assert.match(text[1], /detached: 0 bytes left on the page/);
    assert.match(text[2], /nothing sent but an offset and a length/);

    await page.click('button[name=measure-sweep]');
    await page.locator('[data-testid=sweep-status]', { hasText: /Done|Stopped/ }).waitFor({ timeout: 120_000 });
    assert.match(await page.locator('[data-testid=sweep-status]').innerText(), /^Done/);
    const charts = page.locator('.sweep .chart-box');
    assert.equal(await charts.count(), 2, 'time, and the same as a rate');
    const points = await charts.first().locator('[data-testid=sweep-point]').evaluateAll(rows => rows.map(r => ({
      mode: r.dataset.series, size: Number(r.dataset.size), median: Number(r.dataset.median),
    })));
    assert.equal(points.length, 15, 'three modes at five sizes');
    const series = [...new Set(points.map(p => p.mode))];
    assert.equal(series.length, 3, series.join(', '));
    for (const mode of series) {
      const sizes = points.filter(p => p.mode === mode).map(p => p.size).sort((a, b) => a - b);
      assert.deepEqual(sizes, [1, 16, 256, 4096, 65_536], `${mode}: every size, in KiB, from 1 KiB to 64 MiB`);
    }
    const at = (mode, size) => points.find(p => p.mode.startsWith(mode) && p.size === size).median;
    // 64 MiB copied costs more than 64 MiB not moved at all: the copy is the difference.
    assert.ok(at('Structured clone', 65_536) > at('Shared wasm memory', 65_536),
      `64 MiB: clone ${at('Structured clone', 65_536)} ms, shared ${at('Shared wasm memory', 65_536)} ms`);
    await screenshot(page, 'handoff');
    assert.deepEqual(problems, []);
  } finally {
    await site.close();
  }
});

test('scoped: scope and join borrow the vector, spawn sums an owned copy; the same sum, and the bytes copied shown', async () => {
  const site = await startSite();
  try {
    const { page, problems } = await site.open('?experiment=scoped&len=1000000&mode=rayon-scope&run=all');
    await waitForEngine(page);
    await waitIdle(page, 3, 60_000);
    const rows = await readRuns(page, 3);
    assert.deepEqual(rows.map(r => r.mode), ['rayon-scope', 'rayon-join', 'spawn-owned']);
    for (const row of rows) assert.equal(row.result, 'sum 500000500000', row.mode);
    const copied = rows.map(r => r.cells[r.cells.length - 1]); // the "bytes copied" column
    assert.deepEqual(copied, ['0', '0', '8000000'], 'only spawn copies: 1,000,000 × 8 bytes');
    await screenshot(page, 'scoped');
    assert.deepEqual(problems, []);
  } finally {
    await site.close();
  }
});
