// Ways to hand the event loop back for a moment, on the page or in a worker. Each returns
// a promise that settles once the thread has had its turn.

let channel = null;
const waiting = [];

function messageChannelTurn() {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise(resolve => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

// Whether this browser has scheduler.yield(), whose continuation is meant to run ahead of
// other tasks.
export function hasSchedulerYield() {
  return typeof globalThis.scheduler?.yield === 'function';
}

export function yieldVia(means) {
  switch (means) {
    case 'set-timeout':
      return new Promise(resolve => setTimeout(resolve, 0));
    case 'scheduler-yield':
      if (hasSchedulerYield()) return globalThis.scheduler.yield();
      return messageChannelTurn();
    case 'message-channel':
      return messageChannelTurn();
    default:
      // An already settled promise: only other microtasks run before it continues.
      return Promise.resolve();
  }
}

// Busy work in slices with `await Promise.resolve()` between them, as one JavaScript
// async function: the only place where that await stays a microtask (a Rust future in a
// threaded build resumes through Atomics.waitAsync, a task of its own; see yielding.rs).
// Times are on this thread's performance.now() clock.
export async function slicedWorkWithMicrotasks(work, slice) {
  const start = performance.now();
  const yields = [];
  const slices = [];
  for (let left = work; left > 0;) {
    const piece = Math.min(left, slice);
    const began = performance.now();
    while (performance.now() - began < piece) { /* busy, as the Rust slices are */ }
    slices.push(began, performance.now());
    left -= piece;
    if (left > 0) {
      const asked = performance.now();
      await Promise.resolve();
      yields.push(performance.now() - asked);
    }
  }
  return { start, end: performance.now(), yields: Float64Array.from(yields), slices: Float64Array.from(slices) };
}

// A chain of `count` zero-delay timeouts, each set from the previous one's callback, as
// JavaScript nests them: the gap before each fired (ms). Browsers clamp the gaps to at
// least 4 ms once the chain is five deep.
export function nestedTimeoutGaps(count) {
  return new Promise(resolve => {
    const gaps = [];
    let asked = performance.now();
    const next = () => {
      const now = performance.now();
      gaps.push(now - asked);
      asked = now;
      if (gaps.length < count) setTimeout(next, 0);
      else resolve(Float64Array.from(gaps));
    };
    setTimeout(next, 0);
  });
}
