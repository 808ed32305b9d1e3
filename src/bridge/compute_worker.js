// The compute worker: one module Worker that joins the wasm module's shared memory
// and runs jobs there, so the page's main thread never blocks on them (it may not:
// a blocking wait on the main thread traps, and a long call freezes the page).
//
// This file plays both sides, like wasm-bindgen-rayon's worker helper: the main
// thread imports it through the wasm-bindgen glue, and the worker runs it as its script.

const INIT = 'playground_compute_init';
const READY = 'playground_compute_ready';
const JOB = 'playground_compute_job';
const RESULT = 'playground_compute_result';
const POOL_INIT = 'playground_pool_init';
const POOL_EXIT = 'playground_pool_exit';
const SERVICE_INIT = 'playground_service_init';
const SERVICE_DONE = 'playground_service_done';
const THREAD_INIT = 'playground_thread_init';
const THREAD_DONE = 'playground_thread_done';
const ECHO = 'playground_echo';
const PING = 'playground_ping';
const PONG = 'playground_pong';

function nextMessage(target, type) {
  return new Promise(resolve => {
    target.addEventListener('message', function onMessage({ data }) {
      if (data?.type !== type) return;
      target.removeEventListener('message', onMessage);
      resolve(data);
    });
  });
}

// The message of the latest Rust panic in this thread (set by the panic hook in jobs.rs
// just before the module traps: with panic=abort a panic ends in a trap, not an unwind).
let lastPanic = null;
export function notePanic(message) {
  lastPanic = message;
}

// Worker side. The glue imports this file in every thread, so only a worker that
// receives INIT does anything (rayon's pool workers never get it).
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  // The watchdog's ping (src/bridge/watchdog.rs): answered whenever this thread's event
  // loop gets to run, so a worker that stops answering has a blocked loop.
  self.addEventListener('message', ({ data }) => {
    if (data?.type === PING) postMessage({ type: PONG });
  });
  nextMessage(self, INIT).then(async ({ module, memory, mainJS }) => {
    const glue = await import(mainJS);
    glue.initSync({ module, memory });
    self.addEventListener('message', ({ data }) => {
      if (data?.type !== JOB) return;
      try {
        // run_job answers with a serialised Result; a throw here means the module trapped.
        postMessage({ type: RESULT, id: data.id, output: glue.run_job(data.job) });
      } catch (error) {
        // This thread's wasm state is undefined after a trap: the page replaces the worker.
        const why = lastPanic ? `the job panicked: ${lastPanic}` : `the job trapped: ${error?.message ?? error}`;
        postMessage({ type: RESULT, id: data.id, error: why, fatal: true });
      }
    });
    postMessage({ type: READY });
  });
  // A thread of one of the sized rayon pools (src/sized_pools.rs).
  nextMessage(self, POOL_INIT).then(async ({ module, memory, mainJS, receiver }) => {
    const glue = await import(mainJS);
    const wasm = glue.initSync({ module, memory });
    postMessage({ type: READY });
    glue.run_pool_thread(receiver);
    // Its pool was dropped (a pool made for one run): give the thread's stack back and end.
    wasm.__wbindgen_thread_destroy?.();
    postMessage({ type: POOL_EXIT });
    close();
  });
  // A thread started for one closure (src/bridge/threads.rs): run it, give the thread's
  // stack back, end.
  nextMessage(self, THREAD_INIT).then(async ({ module, memory, mainJS, work, isAsync }) => {
    try {
      const glue = await import(mainJS);
      const wasm = glue.initSync({ module, memory });
      if (isAsync) await glue.run_thread_task(work);
      else glue.run_thread_work(work);
      wasm.__wbindgen_thread_destroy?.();
      postMessage({ type: THREAD_DONE });
    } catch (error) {
      const why = lastPanic ? `the thread panicked: ${lastPanic}` : `the thread trapped: ${error?.message ?? error}`;
      postMessage({ type: THREAD_DONE, error: why });
    }
    close();
  });
  // The far end of the postMessage round trips (the switch-cost experiment): it loads no
  // wasm, it only answers.
  self.addEventListener('message', ({ data }) => {
    if (data?.type === ECHO) postMessage(data);
  });
  // The runtime thread of one run of the service experiment (src/bridge/service_runtime.rs).
  nextMessage(self, SERVICE_INIT).then(async ({ module, memory, mainJS, board }) => {
    try {
      const glue = await import(mainJS);
      const wasm = glue.initSync({ module, memory });
      // Give this thread's stack and thread-locals back to the shared memory before it
      // ends, unless a task of it might still wake (then the page just terminates it).
      if (await glue.serve_requests(board)) wasm.__wbindgen_thread_destroy?.();
      postMessage({ type: SERVICE_DONE });
    } catch (error) {
      const why = lastPanic ? `the service panicked: ${lastPanic}` : `the service trapped: ${error?.message ?? error}`;
      postMessage({ type: SERVICE_DONE, error: why });
    }
  });
}

// Main-thread side.
let worker = null;
let starting = null; // resolves when the current worker is ready
let nextId = 1;
const pending = new Map();
let startArgs = null;

function failAll(message) {
  for (const { reject } of pending.values()) reject(new Error(message));
  pending.clear();
}

export async function startComputeWorker(module, memory, mainJS) {
  startArgs = { module, memory, mainJS };
  starting = launch();
  await starting;
}

async function launch() {
  const { module, memory, mainJS } = startArgs;
  worker = new Worker(new URL(import.meta.url), { type: 'module', name: 'playground-compute' });
  const current = worker;
  worker.addEventListener('message', ({ data }) => {
    if (data?.type !== RESULT) return;
    const waiter = pending.get(data.id);
    if (data.fatal) replace(current);
    if (!waiter) return;
    pending.delete(data.id);
    if ('error' in data) waiter.reject(new Error(data.error));
    else waiter.resolve(data.output);
  });
  const failed = new Promise((_, reject) => {
    worker.addEventListener('error', event => {
      const message = `compute worker failed: ${event.message || 'it could not start'}`;
      failAll(message);
      reject(new Error(message));
    });
  });
  worker.postMessage({ type: INIT, module, memory, mainJS });
  await Promise.race([nextMessage(worker, READY), failed]);
}

// A worker whose module trapped (a Rust panic) cannot be trusted with another job:
// end it and start a fresh one on the same module and memory. The pool is untouched.
function replace(broken) {
  if (broken !== worker) return;
  broken.terminate();
  starting = launch();
}

export async function runOnComputeWorker(job) {
  if (!starting) throw new Error('the compute worker has not been started');
  await starting;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ type: JOB, id, job });
  });
}

// Rejects when worker `w` reports an error (its script did not load, or threw): `what`
// names it in the message.
function failure(w, what) {
  return new Promise((_, reject) => {
    w.addEventListener('error', event => reject(new Error(`${what} failed: ${event.message || 'it could not start'}`)));
  });
}

// Kept so the browser does not collect workers that are only reachable through shared memory.
const poolWorkers = [];

// A pool whose workers have not all reported in by then is given up: a stalled start is a
// result the page reports (and the next run tries again), never a run that waits forever.
const POOL_START_LIMIT_MS = 30_000;

export async function startPoolWorkers(module, memory, mainJS, count, receiver) {
  const started = [];
  const ready = Array.from({ length: count }, () => {
    const w = new Worker(new URL(import.meta.url), { type: 'module', name: 'playground-pool' });
    started.push(w);
    const ready = nextMessage(w, READY);
    w.postMessage({ type: POOL_INIT, module, memory, mainJS, receiver });
    return Promise.race([ready, failure(w, 'a pool worker')]);
  });
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`its workers did not all start within ${POOL_START_LIMIT_MS / 1000} s`)), POOL_START_LIMIT_MS);
  });
  try {
    await Promise.race([Promise.all(ready), late]);
  } catch (error) {
    for (const w of started) w.terminate();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  for (const w of started) {
    poolWorkers.push(w);
    nextMessage(w, POOL_EXIT).then(() => poolWorkers.splice(poolWorkers.indexOf(w), 1));
  }
}

// Runs one service run on a worker of its own, and ends that worker when it is done.
export async function runServiceWorker(module, memory, mainJS, board) {
  const w = new Worker(new URL(import.meta.url), { type: 'module', name: 'playground-service' });
  try {
    const done = nextMessage(w, SERVICE_DONE);
    w.postMessage({ type: SERVICE_INIT, module, memory, mainJS, board });
    const { error } = await Promise.race([done, failure(w, 'the service worker')]);
    if (error) throw new Error(error);
  } finally {
    w.terminate();
  }
}

// The browser's thread::spawn: a new worker on this module and memory runs the closure at
// `work` (src/bridge/threads.rs; awaiting the future it makes if `isAsync`) and ends;
// resolves when it has. `terminateThread(id)` ends a stuck one.
const threads = new Map(); // id → { worker, stop, answeredAt }
export async function runOnNewThread(module, memory, mainJS, work, isAsync, id) {
  const w = new Worker(new URL(import.meta.url), { type: 'module', name: 'playground-thread' });
  w.addEventListener('message', ({ data }) => {
    const thread = threads.get(id);
    // On the clock every thread shares (src/bridge/board.rs, shared_now_ms).
    if (data?.type === PONG && thread) thread.answeredAt = performance.timeOrigin + performance.now();
  });
  try {
    const stopped = new Promise((_, reject) => {
      threads.set(id, { worker: w, stop: () => reject(new Error('the thread was stuck and has been terminated')), answeredAt: NaN });
    });
    const done = nextMessage(w, THREAD_DONE);
    w.postMessage({ type: THREAD_INIT, module, memory, mainJS, work, isAsync });
    const { error } = await Promise.race([done, stopped, failure(w, 'a new worker')]);
    if (error) throw new Error(error);
  } finally {
    threads.delete(id);
    w.terminate();
  }
}

// The watchdog asks a thread to answer, and reads when it last did (NaN: not yet).
export function pingThread(id) {
  threads.get(id)?.worker.postMessage({ type: PING });
}
export function threadAnsweredAt(id) {
  return threads.get(id)?.answeredAt ?? NaN;
}

export function terminateThread(id) {
  const thread = threads.get(id);
  if (!thread) return;
  thread.worker.terminate();
  thread.stop();
}

// Bounces one message `count` times between the page and a fresh worker that only echoes
// (no wasm in it), one after another; resolves with the milliseconds it took. The worker
// answers once before the clock starts, so its start-up is not counted.
export async function echoRoundTrips(count) {
  const w = new Worker(new URL(import.meta.url), { type: 'module', name: 'playground-echo' });
  try {
    const bounce = n => new Promise(resolve => {
      w.onmessage = resolve;
      w.postMessage({ type: ECHO, n });
    });
    await bounce(0);
    const start = performance.now();
    for (let n = 1; n <= count; n++) await bounce(n);
    return performance.now() - start;
  } finally {
    w.terminate();
  }
}
