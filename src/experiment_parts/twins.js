// The seeds' TypeScript programs as plain JavaScript, run in this page beside their Rust
// twins: a timer against a busy loop, Promise.all over three requests, a synchronous
// password hash that blocks the event loop, and the same hash in a worker reached by
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

const MASK = (1n << 64n) - 1n;

/** The slow hash: holds the thread `cost` ms, then folds the bytes (hash × 31 + byte, 64 bits). */
function slowHash(password, cost) {
  const spinUntil = now() + cost;
  while (now() < spinUntil) { /* deliberately heavy */ }
  let hash = 0n;
  for (const byte of new TextEncoder().encode(password)) hash = (hash * 31n + BigInt(byte)) & MASK;
  return hash.toString();
}

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
export async function hashOnThisThread(password, cost, period, ticks) {
  const start = now();
  const beats = heartbeat(period, ticks);
  const hashStart = now();
  const hash = slowHash(password, cost);
  const hashEnd = now();
  return JSON.stringify({ start, hashStart, hashEnd, hash, ticks: await beats, posted: null, received: null });
}

// The hash worker: one, started on first use and kept.
const HASH = 'playground_twin_hash';
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.addEventListener('message', ({ data }) => {
    if (data?.type !== HASH) return;
    const hashStart = now();
    const hash = slowHash(data.password, data.cost);
    postMessage({ type: HASH, hashStart, hashEnd: now(), hash });
  });
}
let worker = null;

/** The same hash offloaded the JavaScript way: posted to a worker, the answer posted back. */
export async function hashInWorker(password, cost, period, ticks) {
  worker ??= new Worker(new URL(import.meta.url), { type: 'module', name: 'playground-twin-hash' });
  const start = now();
  const beats = heartbeat(period, ticks);
  const answer = new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => { if (data?.type === HASH) resolve({ ...data, received: now() }); };
    worker.onerror = event => { worker = null; reject(new Error(`the hash worker failed: ${event.message ?? 'no reason given'}`)); };
  });
  const posted = now();
  worker.postMessage({ type: HASH, password, cost });
  const { hashStart, hashEnd, hash, received } = await answer;
  return JSON.stringify({ start, hashStart, hashEnd, hash, ticks: await beats, posted, received });
}
