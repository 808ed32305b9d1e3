//! The one place where work leaves the page's main thread.
//!
//! Three ways to run a [`Job`]: on the main thread itself (the page freezes: that
//! is the lesson), sequentially on the compute worker, or on the compute worker
//! fanned out over the rayon pool. The compute worker is a module Worker that
//! joins the same shared memory (see `compute_worker.js`); the main thread only
//! posts a message and awaits the answer.

use crate::jobs::{self, Job, JobError, JobOutput, Task};
use crate::live::BOARD;
use js_sys::{JsString, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/bridge/compute_worker.js")]
extern "C" {
    #[wasm_bindgen(js_name = startComputeWorker)]
    fn start_compute_worker(module: JsValue, memory: JsValue, main_js: JsString) -> Promise;
    #[wasm_bindgen(js_name = runOnComputeWorker)]
    fn run_on_compute_worker(job: &str) -> Promise;
}

/// Where a job runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Sequential, on the page's main thread: nothing else on the page runs meanwhile.
    MainThread,
    /// Sequential, on the compute worker: the page stays responsive.
    Worker,
    /// Parallel with rayon on the pool of web workers, driven from the compute worker.
    Pool,
}

impl Mode {
    fn is_parallel(self) -> bool {
        self == Mode::Pool
    }
}

/// The URL of the wasm-bindgen glue module, which the compute worker imports to
/// instantiate the same module. Read from the glue's own `import.meta.url`,
/// so it holds whatever hashed name the build gave the file.
pub fn glue_url() -> JsString {
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
        static GLUE_URL: JsString;
    }
    GLUE_URL.with(Clone::clone)
}

fn js_error_text(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

/// Starts the compute worker; resolves once it has joined the shared memory.
pub async fn start_worker() -> Result<(), String> {
    let started = start_compute_worker(wasm_bindgen::module(), wasm_bindgen::memory(), glue_url());
    JsFuture::from(started).await.map(drop).map_err(js_error_text)
}

/// Runs `job` in `mode` and returns what it measured. A main-thread run holds the
/// thread until it is done: callers let the page paint first (see the experiment page).
pub async fn run(job: Job, mode: Mode) -> Result<JobOutput, JobError> {
    let job = Job { parallel: mode.is_parallel(), ..job };
    job.validate().map_err(JobError::Failed)?;
    BOARD.reset();
    match mode {
        Mode::MainThread => jobs::execute(job),
        Mode::Worker | Mode::Pool => send_to_worker(&job).await,
    }
}

/// Runs `task` in parallel on a rayon pool of exactly `threads` threads (started on
/// first use), driven from the compute worker: one point of the speedup curve.
pub async fn run_on_pool_of(task: Task, threads: usize) -> Result<JobOutput, JobError> {
    let job = Job { task, parallel: true, pool_threads: Some(threads) };
    job.validate().map_err(JobError::Failed)?;
    crate::sized_pools::ensure(threads).await.map_err(JobError::Failed)?;
    BOARD.reset();
    send_to_worker(&job).await
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
    let reply = JsFuture::from(run_on_compute_worker(&text)).await.map_err(|e| JobError::Failed(js_error_text(e)))?;
    let reply = reply.as_string().ok_or(JobError::Failed("the compute worker sent no result".into()))?;
    serde_json::from_str::<Result<JobOutput, JobError>>(&reply)
        .map_err(|e| JobError::Failed(format!("unreadable result from the worker: {e}")))?
}

/// Asks the job now running to stop at its next chunk.
pub fn cancel() {
    BOARD.cancel();
}
