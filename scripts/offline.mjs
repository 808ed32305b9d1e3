// Makes the built site work offline: lists every file in dist/ and writes the list and
// a version (a hash of all their contents) into dist/isolation-sw.js, which caches
// them; marks dist/index.html so it registers that worker on every host.
// Run by scripts/build-site.sh after scripts/csp.mjs: `node scripts/offline.mjs dist`.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const SKIP = new Set(['isolation-sw.js', '_headers']);

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [relative(dist, path).split(sep).join('/')];
  });
}

// Dot files (Trunk's lock) are not the site's.
const files = filesUnder(dist).filter(f => !SKIP.has(f) && !f.split('/').some(part => part.startsWith('.'))).sort();
const hash = createHash('sha256');
for (const file of files) hash.update(file).update('\0').update(readFileSync(join(dist, file))).update('\0');
const version = hash.digest('hex').slice(0, 16);
// './' is how the page itself is asked for; index.html is the same file by its name.
const offline = { version, files: ['./', ...files.map(f => './' + f)] };

const swPath = join(dist, 'isolation-sw.js');
const sw = readFileSync(swPath, 'utf8');
if (!sw.includes('const OFFLINE = null;')) throw new Error(`${swPath} has no OFFLINE placeholder`);
writeFileSync(swPath, sw.replace('const OFFLINE = null;', `const OFFLINE = ${JSON.stringify(offline)};`));

const indexPath = join(dist, 'index.html');
writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace(/<meta charset="utf-8">/, m =>
  `${m}\n  <meta name="playground-offline" content="${version}">`));
console.log(`offline: ${files.length} files, version ${version}`);
