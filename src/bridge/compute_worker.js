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

function nextMessage(target, type) {
  return new Promise(resolve => {
    target.addEventListener('message', function onMessage({ data }) {
      if (data?.type !== type) return;
      target.removeEventListener('message', onMessage);
      resolve(data);
    });
  });
}

// Worker side. The glue imports this file in every thread, so only a worker that
// receives INIT does anything (rayon's pool workers never get it).
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  nextMessage(self, INIT).then(async ({ module, memory, mainJS }) => {
    const glue = await import(mainJS);
    glue.initSync({ module, memory });
    self.addEventListener('message', ({ data }) => {
      if (data?.type !== JOB) return;
      try {
        // run_job answers with a serialised Result; a throw here means the module trapped.
        postMessage({ type: RESULT, id: data.id, output: glue.run_job(data.job) });
      } catch (error) {
        postMessage({ type: RESULT, id: data.id, error: String(error?.message ?? error) });
      }
    });
    postMessage({ type: READY });
  });
  // A thread of one of the sized rayon pools (src/sized_pools.rs).
  nextMessage(self, POOL_INIT).then(async ({ module, memory, mainJS, receiver }) => {
    const glue = await import(mainJS);
    glue.initSync({ module, memory });
    postMessage({ type: READY });
    glue.run_pool_thread(receiver);
  });
}

// Main-thread side.
let worker = null;
let nextId = 1;
const pending = new Map();

function failAll(message) {
  for (const { reject } of pending.values()) reject(new Error(message));
  pending.clear();
}

export async function startComputeWorker(module, memory, mainJS) {
  worker = new Worker(new URL(import.meta.url), { type: 'module', name: 'playground-compute' });
  worker.addEventListener('message', ({ data }) => {
    if (data?.type !== RESULT) return;
    const waiter = pending.get(data.id);
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

export function runOnComputeWorker(job) {
  if (!worker) return Promise.reject(new Error('the compute worker has not been started'));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ type: JOB, id, job });
  });
}

// Kept so the browser does not collect workers that are only reachable through shared memory.
const poolWorkers = [];

export async function startPoolWorkers(module, memory, mainJS, count, receiver) {
  await Promise.all(Array.from({ length: count }, () => {
    const w = new Worker(new URL(import.meta.url), { type: 'module', name: 'playground-pool' });
    poolWorkers.push(w);
    const ready = nextMessage(w, READY);
    w.postMessage({ type: POOL_INIT, module, memory, mainJS, receiver });
    return ready;
  }));
}
