//! What the CPU-bound experiments share: the three places a job can run, and running one.

use crate::bridge::{self, Placement};
use crate::run::live_run::LiveRun;
use leptos::prelude::*;
use playground_lab::catalogue::{Mode, Role};
use playground_lab::jobs::{Job, JobError, JobOutput, MAX_POOL_THREADS, Task};
use playground_lab::knobs::Whole;
use playground_lab::records::Outcome;

pub const MAIN_THREAD: Mode = Mode::on_main_thread(
    "main-thread",
    "Main thread",
    "Sequential, on the page's own thread. The page freezes until it ends.",
);
pub const WORKER: Mode = Mode {
    id: "worker",
    label: "Web worker",
    explanation: "Sequential, offloaded to a web worker. The page stays responsive.",
    blocks_main_thread: false,
    role: Role::Baseline,
};
pub const POOL: Mode = Mode {
    id: "pool",
    label: "Rayon pool",
    explanation: "rayon's parallel iterator over a pool of web workers, one per core.",
    blocks_main_thread: false,
    role: Role::Parallel,
};
pub const MODES: &[Mode] = &[MAIN_THREAD, WORKER, POOL];

/// Where the bridge runs a job for a mode, by the mode's role: on the page if it
/// blocks the main thread, on the pool if it is the parallel one, else on the worker.
pub fn placement(mode: Mode) -> Placement {
    if mode.blocks_main_thread {
        Placement::MainThread
    } else if mode.role == Role::Parallel {
        Placement::Pool
    } else {
        Placement::Worker
    }
}

/// The knob that sizes the pool for the rayon mode: 0 means the global pool, one thread per core.
pub const THREADS: Whole = Whole::new("threads", "Pool threads (0: one per core)", 0, MAX_POOL_THREADS as u64, 0);

/// Runs a CPU job in `mode`, showing its chunk count in the progress bar. In the pool
/// mode, `threads` other than 0 picks a rayon pool of exactly that many threads.
pub async fn run(task: Task, mode: Mode, threads: u64, live: LiveRun) -> Result<JobOutput, JobError> {
    live.chunks.set(task.chunk_count());
    let placement = placement(mode);
    if placement == Placement::Pool && threads > 0 {
        return bridge::run_on_pool_of(task, threads as usize).await;
    }
    bridge::run(Job::sequential(task), placement).await
}

/// The outcome of a CPU job: its result text, seed check and compute time.
pub fn outcome(output: &JobOutput, result: String, matches_seed: Option<bool>) -> Outcome {
    Outcome {
        result,
        matches_seed,
        compute_ms: Some(output.kernel_ms),
        threads: output.threads,
        figures: Vec::new(),
        headline: None,
        hang: None,
    }
}
