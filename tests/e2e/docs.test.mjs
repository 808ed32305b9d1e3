// The README and docs/ as a newcomer follows them: every relative link names a file that
// exists, and every #anchor a heading of that file (GitHub's heading ids). No browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pages = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter(f => f.endsWith('.md')).map(f => `docs/${f}`)];

/** GitHub's id for a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingIds(markdown) {
  const seen = new Map();
  const ids = new Set();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    const base = heading[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    ids.add(n === 0 ? base : `${base}-${n}`);
  }
  return ids;
}

/** The relative links of a markdown text (inline links and images), outside code. */
function relativeLinks(markdown) {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(m => m[1]).filter(href => !/^[a-z]+:/i.test(href));
}

test('every relative link in the README and docs/ names a file and heading that exist', () => {
  let checked = 0;
  for (const page of pages) {
    const text = readFileSync(join(ROOT, page), 'utf8');
    for (const href of relativeLinks(text)) {
      const [path, anchor] = href.split('#');
      const target = path ? join(ROOT, dirname(page), path) : join(ROOT, page);
      assert.ok(existsSync(target), `${page}: ${href} names ${relative(ROOT, target)}, which does not exist`);
      if (anchor) {
        assert.ok(target.endsWith('.md'), `${page}: ${href} has an anchor into a file that is not markdown`);
        const ids = headingIds(readFileSync(target, 'utf8'));
        assert.ok(ids.has(anchor), `${page}: ${href}: no heading #${anchor} in ${relative(ROOT, target)}`);
      }
      checked++;
    }
  }
  assert.ok(checked >= 20, `only ${checked} links found: is the link reader broken?`);
});

test('the heading ids follow GitHub: punctuation dropped, repeats numbered', () => {
  const ids = headingIds('# Compare devices (`?compare=1#r=…`)\n## Two commands\n## Two commands\n```\n# not a heading\n```\n');
  assert.deepEqual([...ids], ['compare-devices-compare1r', 'two-commands', 'two-commands-1']);
});

test('the README stays a front door: at most about 150 lines, the two commands early', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  assert.ok(readme.length <= 160, `README.md has ${readme.length} lines`);
  const serve = readme.findIndex(l => l.startsWith('./scripts/serve.sh'));
  const tests = readme.findIndex(l => l.startsWith('./scripts/test.sh'));
  assert.ok(serve > 0 && serve < 60 && tests > 0 && tests < 60, `the two commands at lines ${serve + 1} and ${tests + 1}`);
});
