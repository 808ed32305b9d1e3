// The seeds' TypeScript programs as plain JavaScript, run in this page beside their Rust
// twins: a timer against a busy loop, Promise.all over three requests, a synchronous
// SHA-256 password hash that blocks the event loop, and the same hash in a worker reached by
// postMessage. Times are on the clock every thread shares (performance.timeOrigin +
// performance.now()), so the Rust side puts them on the run's timeline. Each function
// answers with JSON text, read and checked in Rust.
//
// This file plays both sides, like the compute worker: the page imports it through the
// wasm-bindgen glue, and the hash worker runs it as its script.

const now = () => performance.timeOrigin + performance.now();

/** seed 000: a timer due after `due` ms, then `busy` ms of busy loop on this thread. */
export function timerVsBusy(due, busy) {
  return new Promise(resolve => {
    const start = now();
    let busyEnd = 0;
    setTimeout(() => resolve(JSON.stringify({ start, busyEnd, fired: now() })), due);
    const spinUntil = start + busy;
    while (now() < spinUntil) { /* burn CPU */ }
    busyEnd = now();
  });
}

/** seed 000: `count` simulated requests of `delay` ms, awaited together with Promise.all. */
export async function promiseAll(count, delay) {
  const fetchUser = url => new Promise(resolve => {
    const start = now();
    setTimeout(() => resolve({ url, start, end: now(), length: url.length }), delay);
  });
  const urls = Array.from({ length: count }, (_, i) => `https://${String.fromCharCode(97 + i)}.example`);
  const start = now();
  const requests = await Promise.all(urls.map(fetchUser));
  return JSON.stringify({ start, end: now(), requests });
}

// SHA-256 (FIPS 180-4), synchronous, written here because the browser's own
// (crypto.subtle.digest) is asynchronous and takes the whole input at once, and the
// seed's hashPasswords calls update 200,000 times on one hash. Checked against known
// digests and against Node's createHash in tests/e2e/sha256.test.mjs.
const primes = [];
for (let n = 2; primes.length < 64; n++) if (primes.every(p => n % p !== 0)) primes.push(n);
const fraction32 = x => Math.floor((x - Math.floor(x)) * 2 ** 32) >>> 0;
const K = Uint32Array.from(primes, p => fraction32(Math.cbrt(p)));
const H0 = Uint32Array.from(primes.slice(0, 8), p => fraction32(Math.sqrt(p)));
const rotr = (x, n) => (x >>> n) | (x << (32 - n));

/** A SHA-256 in progress: `update(bytes)` as often as wanted, then `hexDigest()`. */
export function sha256() {
  const h = Uint32Array.from(H0);
  const block = new Uint8Array(64);
  const w = new Uint32Array(64);
  let filled = 0;
  let bytes = 0;
  const compress = () => {
    for (let t = 0; t < 16; t++) {
      w[t] = (block[4 * t] << 24) | (block[4 * t + 1] << 16) | (block[4 * t + 2] << 8) | block[4 * t + 3];
    }
    for (let t = 16; t < 64; t++) {
      const s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
      const s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  };
  const push = byte => {
    block[filled++] = byte;
    if (filled === 64) { compress(); filled = 0; }
  };
  return {
    update(data) {
      for (let i = 0; i < data.length; i++) push(data[i]);
      bytes += data.length;
    },
    hexDigest() {
      const bits = bytes * 8;
      push(0x80);
      while (filled !== 56) push(0);
      for (const word of [Math.floor(bits / 2 ** 32), bits >>> 0]) for (const shift of [24, 16, 8, 0]) push((word >>> shift) & 0xff);
      return Array.from(h, x => x.toString(16).padStart(8, '0')).join('');
    },
  };
}

/** seed 000's hashPasswords: each password's SHA-256, updated `updates` times with it, in hex. */
export function hashPasswords(passwords, updates) {
  return passwords.map(password => {
    const hash = sha256();
    const bytes = new TextEncoder().encode(password);
    for (let i = 0; i < updates; i++) hash.update(bytes);
    return hash.hexDigest();
  });
}

/** The list the page gives hashPasswords: `count` copies of the password; the last digest. */
const hashCopies = (password, updates, count) => hashPasswords(Array(count).fill(password), updates).at(-1);

/** `ticks` timers of `period` ms, each set when the previous one fired (the seed's loop of sleeps). */
function heartbeat(period, ticks) {
  return new Promise(resolve => {
    const fired = [];
    const beat = () => setTimeout(() => {
      fired.push(now());
      if (fired.length < ticks) beat(); else resolve(fired);
    }, period);
    beat();
  });
}

/** seed 000's hashPasswords: the heartbeat is set, then the hash blocks the event loop. */
export async function hashOnThisThread(password, updates, count, period, ticks) {
  const start = now();
  const beats = heartbeat(period, ticks);
  const hashStart = now();
  const hash = hashCopies(password, updates, count);
  const hashEnd = now();
  return JSON.stringify({ start, hashStart, hashEnd, hash, ticks: await beats, posted: null, received: null });
}

// The hash worker: one, started on first use and kept.
const HASH = 'playground_twin_hash';
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.addEventListener('message', ({ data }) => {
    if (data?.type !== HASH) return;
    const hashStart = now();
    const hash = hashCopies(data.password, data.updates, data.count);
    postMessage({ type: HASH, hashStart, hashEnd: now(), hash });
  });
}
let worker = null;

/** The same hash offloaded the JavaScript way: posted to a worker, the answer posted back. */
export async function hashInWorker(password, updates, count, period, ticks) {
  worker ??= new Worker(new URL(import.meta.url), { type: 'module', name: 'playground-twin-hash' });
  const start = now();
  const beats = heartbeat(period, ticks);
  const answer = new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => { if (data?.type === HASH) resolve({ ...data, received: now() }); };
    worker.onerror = event => { worker = null; reject(new Error(`the hash worker failed: ${event.message ?? 'no reason given'}`)); };
  });
  const posted = now();
  worker.postMessage({ type: HASH, password, updates, count });
  const { hashStart, hashEnd, hash, received } = await answer;
  return JSON.stringify({ start, hashStart, hashEnd, hash, ticks: await beats, posted, received });
}
