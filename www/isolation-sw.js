// Cross-origin isolation for static hosts that cannot send headers (GitHub Pages).
//
// WebAssembly threads need SharedArrayBuffer, which browsers offer only to pages
// served with COOP and COEP. This service worker re-serves the site's own responses
// with those headers added. It only rewrites same-origin responses and changes
// nothing else; index.html registers it and reloads once so the page is served
// through it. Hosts that send the headers themselves never register it.

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

// Take over at once, including the page that registered it (it reloads to be isolated).
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', event => {
  const request = event.request;
  // Cross-origin requests pass untouched; Chromium rejects this cache mode outside same-origin.
  if (new URL(request.url).origin !== self.location.origin) return;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(fetch(request).then(withIsolationHeaders));
});

function withIsolationHeaders(response) {
  // Opaque and error responses cannot be rebuilt; hand them on as they are.
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
