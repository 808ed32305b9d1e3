// The playground's service worker: cross-origin isolation for static hosts that cannot
// send headers (GitHub Pages), and the app kept for use without a network.
//
// Isolation: WebAssembly threads need SharedArrayBuffer, which browsers offer only to
// pages served with COOP and COEP. Every same-origin response goes out with those
// headers added (nothing else changes); index.html registers this worker and, where the
// host sent no headers, reloads once so the page is served through it.
//
// Offline: scripts/offline.mjs writes the built site's files and a version (a hash of
// their contents) into OFFLINE below. Each version has its own cache, filled whole
// before it serves anything, and every request is answered from the cache of the
// version that serves the page, so a page never mixes one deployment's JavaScript with
// another's wasm. A new deployment changes this file, the browser installs the new
// version beside the old, and once it is complete the old cache is deleted; the page
// then offers a reload. Under `trunk serve` OFFLINE stays null: nothing is cached.

const OFFLINE = null;
const CACHE_PREFIX = 'playground-';
const CACHE = OFFLINE && CACHE_PREFIX + OFFLINE.version;

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

// The new version is filled before it takes over: an incomplete cache never serves.
self.addEventListener('install', event => {
  event.waitUntil(fillCache().then(() => self.skipWaiting()));
});
self.addEventListener('activate', event => event.waitUntil(dropOtherVersions().then(() => self.clients.claim())));

async function fillCache() {
  if (!OFFLINE) return;
  const cache = await caches.open(CACHE);
  await cache.addAll(OFFLINE.files.map(file => new Request(file, { cache: immutable(file) ? 'default' : 'reload' })));
}

// Trunk names the wasm, its glue, the style sheet and the icon by a hash of their contents:
// the browser's HTTP cache may answer for those (the page has just downloaded them, and a
// phone should not download them twice). Every other file goes past the HTTP cache
// ('reload'), so that it is this deployment's.
function immutable(file) {
  return /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(file);
}

async function dropOtherVersions() {
  const names = await caches.keys();
  await Promise.all(names.filter(n => n.startsWith(CACHE_PREFIX) && n !== CACHE).map(n => caches.delete(n)));
}

self.addEventListener('fetch', event => {
  const request = event.request;
  // Cross-origin requests pass untouched; Chromium rejects this cache mode outside same-origin.
  if (new URL(request.url).origin !== self.location.origin) return;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(cachedOrFetched(request).then(withIsolationHeaders));
});

async function cachedOrFetched(request) {
  if (CACHE && request.method === 'GET') {
    const cache = await caches.open(CACHE);
    // A page's address carries its scenario in the query: any query is the same page.
    const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (hit) return hit;
  }
  return fetch(request);
}

function withIsolationHeaders(response) {
  // Opaque and error responses cannot be rebuilt; hand them on as they are.
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
