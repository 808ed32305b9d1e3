//! What the CPU-bound experiments share: the three places a job can run, and running one.

use super::kit::{Knob, Live, ModeSpec, Outcome};
use crate::bridge::{self, Mode};
use crate::engine::MAX_POOL_THREADS;
use crate::jobs::{Job, JobError, JobOutput, Task};
use leptos::prelude::*;

pub const MAIN_THREAD: ModeSpec = ModeSpec {
    id: "main-thread",
    label: "Main thread",
    explanation: "Sequential, on the page's own thread. The page freezes until it ends.",
    blocks_main_thread: true,
};
pub const WORKER: ModeSpec = ModeSpec {
    id: "worker",
    label: "Web worker",
    explanation: "Sequential, offloaded to a web worker. The page stays responsive.",
    blocks_main_thread: false,
};
pub const POOL: ModeSpec = ModeSpec {
    id: "pool",
    label: "Rayon pool",
    explanation: "rayon's parallel iterator over a pool of web workers, one per core.",
    blocks_main_thread: false,
};
pub const MODES: &[ModeSpec] = &[MAIN_THREAD, WORKER, POOL];
/// For work too long to run on the main thread at its default size.
pub const OFFLOADED_MODES: &[ModeSpec] = &[WORKER, POOL];

/// Where the bridge runs a job for one of the three modes above (by the mode itself,
/// not by its id, which other experiments' modes may share).
fn bridge_mode(mode: ModeSpec) -> Mode {
    if mode == MAIN_THREAD {
        Mode::MainThread
    } else if mode == POOL {
        Mode::Pool
    } else {
        Mode::Worker
    }
}

/// The knob that sizes the pool for the rayon mode: 0 means the global pool, one thread per core.
pub const THREADS: Knob = Knob::whole("threads", "Pool threads (0: one per core)", 0, MAX_POOL_THREADS as u64, 0);

/// Runs a CPU job in `mode`, with its chunk count for the progress bar. In the pool
/// mode, `threads` other than 0 picks a rayon pool of exactly that many threads.
pub async fn run(task: Task, mode: ModeSpec, threads: u64, chunks: usize, live: Live) -> Result<JobOutput, JobError> {
    live.chunks.set(Some(chunks));
    if mode == POOL && threads > 0 {
        return bridge::run_on_pool_of(task, threads as usize).await;
    }
    bridge::run(Job { task, parallel: false, pool_threads: None }, bridge_mode(mode)).await
}

/// The outcome of a CPU job: its result text, seed check and compute time.
pub fn outcome(output: &JobOutput, result: String, matches_seed: Option<bool>) -> Outcome {
    Outcome { result, matches_seed, compute_ms: Some(output.kernel_ms), threads: output.threads, figures: Vec::new() }
}

/// The error for a job that answered with the wrong kind of answer (a bug, reported, not a panic).
pub fn unexpected(output: &JobOutput) -> JobError {
    JobError::Failed(format!("unexpected answer {:?}", output.answer))
}
