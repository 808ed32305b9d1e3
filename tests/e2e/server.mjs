// A static file server for the built site, for tests and the benchmark: it can send
// the cross-origin isolation headers or not, and mount the site under a sub-path,
// which is what distinguishes the hosts the playground must work on.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Serves `root` on 127.0.0.1 at a free port; resolves to { url, close }. `replace` maps
 * file names under `base` to other contents (a test's stand-in for one file); `headers`
 * are sent with every response; `port` 0 takes a free one (a test that redeploys reuses it);
 * `gzip` compresses what a browser accepts compressed, as a static host does (the first-visit
 * benchmark measures the download so).
 */
export async function serve(root, { isolation = true, base = '/', replace = {}, headers = {}, port = 0, gzip = false } = {}) {
  root = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) return send(res, 404, 'text/plain', 'not found');
    const standIn = replace[path.slice(base.length)];
    if (standIn !== undefined) return send(res, 200, TYPES[extname(path)], standIn, isolation, headers);
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root)) return send(res, 403, 'text/plain', 'forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const compress = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const body = await readFile(file);
      send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', compress ? gzipped(file, body) : body,
        isolation, compress ? { ...headers, 'Content-Encoding': 'gzip' } : headers);
    } catch {
      send(res, 404, 'text/plain', 'not found', isolation, headers);
    }
  });
  await new Promise(ok => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  // Closing drops open connections too: a test that takes the site offline means it.
  return { url, port: server.address().port, close: () => new Promise(ok => { server.close(ok); server.closeAllConnections(); }) };
}

// Compressed once per file and contents (the time to compress is no part of a visit).
const gzipCache = new Map();
function gzipped(file, body) {
  const kept = gzipCache.get(file);
  if (kept && kept.body.equals(body)) return kept.zipped;
  const zipped = gzipSync(body, { level: 9 });
  gzipCache.set(file, { body, zipped });
  return zipped;
}

function send(res, status, type, body, isolation, headers = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    ...(isolation ? ISOLATION_HEADERS : {}),
    ...headers,
  });
  res.end(body);
}

/** The headers a `_headers` file (Netlify / Cloudflare Pages format) sends for every path. */
export function headersFile(path) {
  return Object.fromEntries(readFileSync(path, 'utf8').split('\n')
    .filter(line => /^\s+\S+:/.test(line))
    .map(line => { const at = line.indexOf(':'); return [line.slice(0, at).trim(), line.slice(at + 1).trim()]; }));
}

// `node tests/e2e/server.mjs dist [--no-isolation] [--base /sub/] [--port N]` serves by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const root = args.find(a => !a.startsWith('--')) ?? 'dist';
  const base = args.includes('--base') ? args[args.indexOf('--base') + 1] : '/';
  const { url } = await serve(root, { isolation: !args.includes('--no-isolation'), base, gzip: args.includes('--gzip'),
    port: args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : 0 });
  console.log(`serving ${root} at ${url}`);
}
