// Handing data to a worker, three ways, timed on the page's clock: a copy by structured
// clone, a move by transferring the ArrayBuffer, and no move at all through the shared
// wasm memory. The worker sums the numbers in JavaScript in every mode, so the modes
// differ only in how the data gets there.
//
// This file plays both sides, like the compute worker: the page imports it through the
// wasm-bindgen glue, and the worker runs it as its script.

const SUM = 'playground_handoff_sum';
const SUMMED = 'playground_handoff_summed';

// The page's clock: a worker's performance.now() starts at its own origin.
const pageClock = () => performance.timeOrigin + performance.now();

function sum(numbers) {
  let total = 0;
  for (let i = 0; i < numbers.length; i++) total += numbers[i];
  return total;
}

// Worker side: sum what arrives, say when it arrived and when the sum was done.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.addEventListener('message', ({ data }) => {
    if (data?.type !== SUM) return;
    const arrived = pageClock();
    const numbers = data.shared
      ? new Float64Array(data.shared, data.offset, data.count)
      : new Float64Array(data.buffer);
    const total = sum(numbers);
    postMessage({ type: SUMMED, arrived, summed: pageClock(), total });
  });
}

// Page side: one worker, started on first use and kept (starting one is not what is measured).
let worker = null;

function reply() {
  return new Promise((resolve, reject) => {
    const onMessage = ({ data }) => {
      if (data?.type !== SUMMED) return;
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      resolve(data);
    };
    const onError = event => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      worker = null;
      reject(new Error(`the handoff worker failed: ${event.message ?? 'no reason given'}`));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
}

async function ensureWorker() {
  if (worker) return;
  worker = new Worker(new URL(import.meta.url), { type: 'module', name: 'playground-handoff' });
  // A first message through, so the worker's start is not in the first measurement.
  const ready = reply();
  worker.postMessage({ type: SUM, buffer: new ArrayBuffer(8) });
  await ready;
}

// The times of one handoff on the page's clock, in ms since performance.timeOrigin, as
// [sent, arrived, summed, answered, total, sender's bytes afterwards].
function times(sent, data, buffer) {
  const answered = pageClock();
  return [sent, data.arrived, data.summed, answered, data.total, buffer ? buffer.byteLength : -1];
}

/** Copies `count` numbers 1, 2, … to the worker by structured clone. */
export async function handoffClone(count) {
  await ensureWorker();
  const buffer = filled(count);
  const answer = reply();
  const sent = pageClock();
  worker.postMessage({ type: SUM, buffer });
  return times(sent, await answer, buffer);
}

/** Moves them: the buffer is transferred, and the page's copy is detached (0 bytes). */
export async function handoffTransfer(count) {
  await ensureWorker();
  const buffer = filled(count);
  const answer = reply();
  const sent = pageClock();
  worker.postMessage({ type: SUM, buffer }, [buffer]);
  return times(sent, await answer, buffer);
}

/** Sends only where they are: `count` f64 at `offset` bytes into the shared wasm memory. */
export async function handoffShared(memory, offset, count) {
  await ensureWorker();
  const answer = reply();
  const sent = pageClock();
  worker.postMessage({ type: SUM, shared: memory.buffer, offset, count });
  return times(sent, await answer, null);
}

function filled(count) {
  const numbers = new Float64Array(count);
  for (let i = 0; i < count; i++) numbers[i] = i + 1;
  return numbers.buffer;
}
