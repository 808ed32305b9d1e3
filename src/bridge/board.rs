//! The live board: what the job now running has done so far, in shared memory, and
//! the clock every thread shares.
//!
//! Every thread sees the same wasm memory, so the pool threads write chunk spans
//! and progress here while they work, and the page reads them five times a second to
//! draw progress and the per-thread timeline during the run, not after it. The page's
//! main thread never waits on the lock: it only `try_lock`s, and skips that redraw if
//! a worker holds it. Cancel is a number the kernels check before each chunk.
//! One job runs at a time (the compute worker takes them in turn), so one board suffices.

use playground_kernels::probe::{ChunkSpan, Probe};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use wasm_bindgen::prelude::*;

/// Chunk spans, chunks done and what is cancelled, for the job now running.
///
/// Cancel is by number, not a flag: each job the page starts gets the next number, and
/// Cancel marks every job up to the latest as cancelled. A flag cleared for the next job
/// would also clear it for a cancelled job still finishing its chunk, which would then
/// run to its end and hold the worker and the pool for the next one.
pub struct LiveBoard {
    /// The number of the latest job the page started.
    job: AtomicU64,
    /// Jobs numbered up to this one are cancelled.
    cancelled: AtomicU64,
    chunks_done: AtomicUsize,
    spans: Mutex<Vec<ChunkSpan>>,
}

pub static BOARD: LiveBoard = LiveBoard {
    job: AtomicU64::new(0),
    cancelled: AtomicU64::new(0),
    chunks_done: AtomicUsize::new(0),
    spans: Mutex::new(Vec::new()),
};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = timeOrigin, thread_local_v2)]
    static TIME_ORIGIN: f64;
}

/// Milliseconds since the Unix epoch, comparable across threads: each worker's
/// `performance.now()` counts from its own start, so add its `timeOrigin`.
pub fn shared_now_ms() -> f64 {
    to_shared_ms(crate::browser::clock::now_ms())
}

/// Turns this thread's `performance.now()` time into a shared timestamp.
pub fn to_shared_ms(local_ms: f64) -> f64 {
    TIME_ORIGIN.with(|origin| *origin) + local_ms
}

/// Turns a shared timestamp into this thread's `performance.now()` time.
pub fn to_local_ms(shared_ms: f64) -> f64 {
    shared_ms - TIME_ORIGIN.with(|origin| *origin)
}

fn on_main_thread() -> bool {
    thread_local!(static MAIN: bool = js_sys::global().is_instance_of::<web_sys::Window>());
    MAIN.with(|m| *m)
}

impl LiveBoard {
    /// Clears the board for a new job, and numbers it.
    pub fn reset(&self) {
        self.job.fetch_add(1, Ordering::SeqCst);
        self.chunks_done.store(0, Ordering::SeqCst);
        if let Ok(mut spans) = self.spans.try_lock() {
            spans.clear();
        }
    }

    /// Asks the running job (and any started before it) to stop at its next chunk.
    pub fn cancel(&self) {
        self.cancelled.store(self.job.load(Ordering::SeqCst), Ordering::SeqCst);
    }

    /// The probe for a job that starts now: it stops once that job is cancelled.
    pub fn probe(&self) -> BoardProbe {
        BoardProbe { job: self.job.load(Ordering::SeqCst) }
    }

    pub fn chunks_done(&self) -> usize {
        self.chunks_done.load(Ordering::Relaxed)
    }

    /// The spans recorded so far, or `None` if a worker holds the lock this instant.
    pub fn try_spans(&self) -> Option<Vec<ChunkSpan>> {
        self.spans.try_lock().ok().map(|s| s.clone())
    }

    /// All spans so far, waiting for the lock off the main thread and only trying on it.
    /// They stay on the board for the page to read when the run ends.
    pub fn all_spans(&self) -> Vec<ChunkSpan> {
        let spans = if on_main_thread() { self.spans.try_lock().ok() } else { self.spans.lock().ok() };
        spans.map(|s| s.clone()).unwrap_or_default()
    }
}

/// The probe kernels get in the browser: shared clock, the board, and whether their
/// job (numbered when it started) is cancelled.
pub struct BoardProbe {
    job: u64,
}

impl Probe for BoardProbe {
    fn now_ms(&self) -> f64 {
        shared_now_ms()
    }
    fn record(&self, span: ChunkSpan) {
        // Workers may wait for the lock; the main thread must not, and it is alone
        // when it runs a job, so try_lock cannot miss there.
        let spans = if on_main_thread() { BOARD.spans.try_lock().ok() } else { BOARD.spans.lock().ok() };
        if let Some(mut spans) = spans {
            spans.push(span);
        }
        BOARD.chunks_done.fetch_add(1, Ordering::Relaxed);
    }
    fn should_stop(&self) -> bool {
        BOARD.cancelled.load(Ordering::Relaxed) >= self.job
    }
}
