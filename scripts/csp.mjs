// Adds a content security policy to the built site: a <meta> in dist/index.html (for
// hosts that send no headers, like GitHub Pages) and a header in dist/_headers. It
// allows what the page needs and nothing more: its own files, WebAssembly compilation
// ('wasm-unsafe-eval'), workers from its own origin or blob: URLs, and its inline scripts by hash
// (computed here, since the loader names the hashed files of each build).
// Run by scripts/build-site.sh: `node scripts/csp.mjs dist`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');
if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error(`${indexPath} already has a policy`);

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(m => m[1]);
const hashes = inline.map(body => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  // wasm-bindgen-rayon starts its pool's workers from a blob: URL.
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  // Style sheets only from the site; style attributes (chart positions) are allowed.
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

html = html.replace(/<meta charset="utf-8">/, match =>
  `${match}\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
writeFileSync(indexPath, html);
// Framing is allowed from anywhere: ?embed=1 is made for iframes in slides and posts. The
// page holds no account or secret a framing page could trick a click out of.
writeFileSync(join(dist, '_headers'), `${readFileSync(join(dist, '_headers'), 'utf8').trimEnd()}\n  Content-Security-Policy: ${policy}; frame-ancestors *\n`);
console.log(`content security policy: ${inline.length} inline scripts allowed by hash`);
