// Trunk's post-build hook (Trunk.toml): copies the files each experiment shows under "The
// Rust that runs" into the built site, as source/<path in the repository>. The page fetches
// them when that panel is opened, so 200 KB of text is not in the wasm every visitor
// downloads. The list is read from the experiments' `sources: &[...]` (src/experiments/),
// the same paths the page asks for; a path that names no file fails the build.
import { readFileSync, readdirSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) throw new Error('usage: node scripts/shown-sources.mjs DIR (or TRUNK_STAGING_DIR)');

const experiments = join(root, 'src', 'experiments');
const shown = new Set();
for (const name of readdirSync(experiments).filter(n => n.endsWith('.rs'))) {
  const text = readFileSync(join(experiments, name), 'utf8');
  for (const [, list] of text.matchAll(/\bsources: &\[([^\]]*)\]/g)) {
    for (const [, path] of list.matchAll(/"([^"]+)"/g)) shown.add(path);
  }
}
for (const path of shown) {
  const from = join(root, path);
  if (!existsSync(from)) throw new Error(`an experiment shows ${path}, which does not exist`);
  const to = join(staging, 'source', path);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}
console.log(`shown sources: ${shown.size} files copied to source/`);
