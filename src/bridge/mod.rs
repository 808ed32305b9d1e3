//! The one place where work leaves the page's main thread.
//!
//! Three placements for a [`Job`] (the protocol is in `playground_lab::jobs`): on the
//! main thread itself (the page freezes: that is the lesson), sequentially on the
//! compute worker, or on the compute worker fanned out over the rayon pool. The
//! compute worker is a module Worker that joins the same shared memory
//! (`compute_worker.js`, bound once in [`glue`]); the main thread only posts a message
//! and awaits the answer. Running jobs report to the shared [`board`]; the speedup
//! curve's pools of each size are in [`sized_pools`].

pub mod board;
pub mod execute;
pub mod glue;
pub mod service_runtime;
pub mod sized_pools;
pub mod threads;
pub mod watchdog;

use crate::browser::js_error::error_text;
use board::BOARD;
use playground_lab::jobs::{Job, JobError, JobOutput, Task};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Where a job runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Placement {
    /// Sequential, on the page's main thread: nothing else on the page runs meanwhile.
    MainThread,
    /// Sequential, on the compute worker: the page stays responsive.
    Worker,
    /// Parallel with rayon on the pool of web workers, driven from the compute worker.
    Pool,
}

/// Starts the compute worker; resolves once it has joined the shared memory.
pub async fn start_worker() -> Result<(), String> {
    let started = glue::start_compute_worker(wasm_bindgen::module(), wasm_bindgen::memory(), glue::glue_url());
    JsFuture::from(started).await.map(drop).map_err(error_text)
}

/// Runs `job` at `placement` and returns what it measured. A main-thread run holds the
/// thread until it is done: callers let the page paint first (see the runner).
pub async fn run(job: Job, placement: Placement) -> Result<JobOutput, JobError> {
    let job = Job { parallel: placement == Placement::Pool, ..job };
    job.validate().map_err(JobError::Failed)?;
    BOARD.reset();
    match placement {
        Placement::MainThread => execute::execute(job),
        Placement::Worker | Placement::Pool => send_to_worker(&job).await,
    }
}

/// Runs `task` in parallel on a rayon pool of exactly `threads` threads (started on
/// first use), driven from the compute worker: one point of the speedup curve.
pub async fn run_on_pool_of(task: Task, threads: usize) -> Result<JobOutput, JobError> {
    let job = Job { task, parallel: true, pool_threads: Some(threads) };
    job.validate().map_err(JobError::Failed)?;
    sized_pools::ensure(threads).await.map_err(JobError::Failed)?;
    BOARD.reset();
    send_to_worker(&job).await
}

/// Asks the job now running to stop at its next chunk.
pub fn cancel() {
    BOARD.cancel();
}

/// The fault switch, for testing that a panic is caught: after
/// `window.playgroundFault = "panic"` (in the console, or from a test) the next job sent
/// to the compute worker panics there instead of running. Read once, then cleared.
const FAULT_KEY: &str = "playgroundFault";

fn fault_armed() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(FAULT_KEY))
        .ok()
        .and_then(|fault| fault.as_string())
        .is_some_and(|fault| fault == "panic")
}

fn take_fault() -> Option<Task> {
    let armed = fault_armed();
    let global = js_sys::global();
    let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &JsValue::from_str(FAULT_KEY));
    armed.then(|| Task::Panic { message: "fault switch: a deliberate panic inside the job".into() })
}

/// What to tell after a run that left the fault switch armed: only jobs sent to the compute
/// worker take it, and some experiments hand their work to the pool from the page (a panic
/// on a pool thread would take that thread down with no way back). Said rather than left
/// for some later run to trip over unawares.
pub fn fault_left_armed() -> Option<String> {
    fault_armed().then(|| {
        "The fault switch is still armed: this run sent no job to the compute worker (it hands its \
         work to the pool from the page), so the next job that goes there will panic."
            .to_string()
    })
}

async fn send_to_worker(job: &Job) -> Result<JobOutput, JobError> {
    let faulty = take_fault().map(|task| Job { task, parallel: job.parallel, pool_threads: job.pool_threads });
    let job = faulty.as_ref().unwrap_or(job);
    let text = serde_json::to_string(job).map_err(|e| JobError::Failed(e.to_string()))?;
    let reply =
        JsFuture::from(glue::run_on_compute_worker(&text)).await.map_err(|e| JobError::Failed(error_text(e)))?;
    let reply = reply.as_string().ok_or(JobError::Failed("the compute worker sent no result".into()))?;
    serde_json::from_str::<Result<JobOutput, JobError>>(&reply)
        .map_err(|e| JobError::Failed(format!("unreadable result from the worker: {e}")))?
}
