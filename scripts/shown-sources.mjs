// Trunk's post-build hook (Trunk.toml): copies the files each experiment shows under "The
// Rust that runs" into the built site, as source/<path in the repository>. The page fetches
// them when that panel is opened, so 200 KB of text is not in the wasm every visitor
// downloads. The list is read from the experiments' `sources: &[...]` (src/experiments/),
// the same paths the page asks for; a path that names no file fails the build.
import { readFileSync, readdirSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each experiment's slug and the files it shows, as src/experiments/ declares them (its
 *  slug is its words', `slug: words::NAME.slug`, written in lab/src/words.rs). */
export function experimentSources(root = ROOT) {
  const words = readFileSync(join(root, 'lab', 'src', 'words.rs'), 'utf8');
  const slugOf = Object.fromEntries([...words.matchAll(/pub const (\w+): Words = Words \{\s*slug: "([^"]+)"/g)]
    .map(m => [m[1], m[2]]));
  const dir = join(root, 'src', 'experiments');
  return readdirSync(dir).filter(name => name.endsWith('.rs')).flatMap(name => {
    const text = readFileSync(join(dir, name), 'utf8');
    const slug = slugOf[/\bslug: words::(\w+)\.slug/.exec(text)?.[1]];
    const list = /\bsources: &\[([^\]]*)\]/.exec(text)?.[1];
    return slug && list ? [{ slug, files: [...list.matchAll(/"([^"]+)"/g)].map(m => m[1]) }] : [];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  if (!staging) throw new Error('usage: node scripts/shown-sources.mjs DIR (or TRUNK_STAGING_DIR)');
  const shown = new Set(experimentSources().flatMap(e => e.files));
  for (const path of shown) {
    const from = join(ROOT, path);
    if (!existsSync(from)) throw new Error(`an experiment shows ${path}, which does not exist`);
    const to = join(staging, 'source', path);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  console.log(`shown sources: ${shown.size} files copied to source/`);
}
