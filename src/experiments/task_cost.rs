//! Tasks against threads (seed 000: a million async tasks for I/O are fine, a million
//! threads for CPU work are not): what one async task, one pool job
//! and one new web worker cost to start and finish, measured at growing counts.

use super::Experiment;
use crate::bridge::threads;
use crate::browser::memory;
use crate::experiment_parts::ramp::{RampChart, measure_ramp};
use crate::run::live_run::{LiveRun, RunFuture};
use futures::channel::oneshot;
use futures::future::try_join_all;
use gloo_timers::future::TimeoutFuture;
use playground_kernels::params::group_thousands;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::costs::bytes_text;
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::Outcome;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub struct TaskCost;

const ASYNC_TASKS: Mode = Mode::on_main_thread(
    "async-tasks",
    "Async tasks",
    "spawn_local on the page's own executor: a task is a boxed future in a queue, polled on this thread.",
);
const POOL_JOBS: Mode = Mode::other(
    "pool-jobs",
    "Pool jobs",
    "rayon::spawn onto the pool of web workers: a job is a boxed closure in a queue the pool's threads take from.",
);
const WORKERS: Mode = Mode::other(
    "workers",
    "New web workers",
    "The browser's thread::spawn: each unit is a new web worker that loads and instantiates the module on the shared memory, runs, and ends.",
);
const MODES: &[Mode] = &[ASYNC_TASKS, POOL_JOBS, WORKERS];

const TASKS: Whole = Whole::new("tasks", "Async tasks and pool jobs", 1, 1_000_000, 100_000);
const WORKER_COUNT: Whole = Whole::new("workers", "Web workers", 1, 100_000, 16);
const WAIT: Whole = Whole::new("wait", "Each unit waits a timer (ms, 0: finishes at once)", 0, 1_000, 0);
const KNOBS: &[Knob] = &[TASKS.knob(), WORKER_COUNT.knob(), WAIT.knob()];

/// Pool jobs at once: a job's box is small, but the queue of a million would hold the pool for long.
const MAX_POOL_JOBS: u64 = 100_000;
/// Async tasks that each hold a browser timer.
const MAX_WAITING_TASKS: u64 = 100_000;
/// Workers at once: each is a JavaScript realm of its own with the module instantiated in it.
const MAX_WORKERS: u64 = 64;
/// Pool jobs that wait hold a pool thread while they do: their waits in all.
const MAX_POOL_WAIT_MS: u64 = 20_000;

const ABOUT: About = About {
    slug: words::TASK_COST.slug,
    title: words::TASK_COST.title,
    summary: words::TASK_COST.summary,
    sources: &["src/experiments/task_cost.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    // µs per unit is also ms per 1,000 units: a figure in ms the verdict and the bars compare.
    headline: Some(PER_THOUSAND),
    verdict_by_result: false,
};
const PER_THOUSAND: &str = "ms per 1,000 units";

/// `n` async tasks spawned at once on this thread; ms until the last has finished.
async fn async_tasks(n: u64, wait: u32) -> Result<f64, JobError> {
    let start = crate::browser::clock::now_ms();
    let left = Rc::new(Cell::new(n));
    let (done, finished) = oneshot::channel();
    let done = Rc::new(Cell::new(Some(done)));
    for _ in 0..n {
        let (left, done) = (left.clone(), done.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if wait > 0 {
                TimeoutFuture::new(wait).await;
            }
            left.set(left.get() - 1);
            if left.get() == 0 {
                done.take().map(|d| d.send(()));
            }
        });
    }
    finished.await.map_err(|_| JobError::Failed("the tasks never finished".into()))?;
    Ok(crate::browser::clock::now_ms() - start)
}

/// `n` jobs spawned at once onto the global rayon pool; ms until the last has finished.
async fn pool_jobs(n: u64, wait: u32) -> Result<f64, JobError> {
    let start = crate::browser::clock::now_ms();
    let left = Arc::new(AtomicU64::new(n));
    let (done, finished) = oneshot::channel();
    let done = Arc::new(Mutex::new(Some(done)));
    for _ in 0..n {
        let (left, done) = (left.clone(), done.clone());
        rayon::spawn(move || {
            if wait > 0 {
                std::thread::sleep(Duration::from_millis(wait.into()));
            }
            if left.fetch_sub(1, Ordering::AcqRel) == 1 {
                done.lock().ok().and_then(|mut d| d.take()).map(|d| d.send(()));
            }
        });
    }
    finished.await.map_err(|_| JobError::Failed("the pool jobs never finished".into()))?;
    Ok(crate::browser::clock::now_ms() - start)
}

/// `n` new web workers started at once; ms until the last has run and ended.
async fn workers(n: u64, wait: u32) -> Result<f64, JobError> {
    let start = crate::browser::clock::now_ms();
    try_join_all((0..n).map(|_| {
        threads::spawn(move || {
            if wait > 0 {
                std::thread::sleep(Duration::from_millis(wait.into()));
            }
        })
    }))
    .await
    .map_err(JobError::Failed)?;
    Ok(crate::browser::clock::now_ms() - start)
}

fn chart(mode: Mode) -> RampChart {
    RampChart {
        title: "Cost of one unit against how many start at once",
        count_name: "units started at once (log scale)",
        line: mode.label,
    }
}

impl Experiment for TaskCost {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn check(&self, values: &Values, mode: Mode) -> Vec<String> {
        let (tasks, workers, wait) = (values.get(TASKS), values.get(WORKER_COUNT), values.get(WAIT));
        let problem = match mode {
            WORKERS if workers > MAX_WORKERS => Some(format!(
                "{} web workers at once is refused: each is a JavaScript realm of its own that loads and \
                 instantiates the whole module (megabytes and milliseconds each), which is exactly the cost this \
                 shows. Keep it to {MAX_WORKERS} or fewer.",
                group_thousands(workers)
            )),
            POOL_JOBS if tasks > MAX_POOL_JOBS => Some(format!(
                "Pool jobs: at most {} at once ({} asked); async tasks go up to 1,000,000.",
                group_thousands(MAX_POOL_JOBS),
                group_thousands(tasks)
            )),
            POOL_JOBS if tasks * wait > MAX_POOL_WAIT_MS => Some(format!(
                "Pool jobs that wait hold a pool thread each: jobs × wait is {} ms; keep it to {} ms or less.",
                group_thousands(tasks * wait),
                group_thousands(MAX_POOL_WAIT_MS)
            )),
            ASYNC_TASKS if wait > 0 && tasks > MAX_WAITING_TASKS => Some(format!(
                "Async tasks that wait each hold a browser timer: at most {} with a wait ({} asked).",
                group_thousands(MAX_WAITING_TASKS),
                group_thousands(tasks)
            )),
            _ => None,
        };
        problem.into_iter().collect()
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let wait = values.get(WAIT) as u32;
            let count = if mode == WORKERS { values.get(WORKER_COUNT) } else { values.get(TASKS) };
            let (wasm_before, heap_before) = (memory::wasm_bytes(), memory::js_heap_bytes());
            let costs = measure_ramp(count, &chart(mode), live, |n| async move {
                match mode {
                    ASYNC_TASKS => async_tasks(n, wait).await,
                    POOL_JOBS => pool_jobs(n, wait).await,
                    _ => workers(n, wait).await,
                }
            })
            .await?;
            let top = costs.last().ok_or_else(|| JobError::Failed("nothing was measured".into()))?;
            let unit = if mode == WORKERS {
                "worker"
            } else if mode == POOL_JOBS {
                "job"
            } else {
                "task"
            };
            live.print(format!("{} {unit}s at once: {} per {unit}", group_thousands(count), top.text()));
            let grew = memory::wasm_bytes() - wasm_before;
            let heap = match (heap_before, memory::js_heap_bytes()) {
                (Some(before), Some(after)) => bytes_text(after - before),
                _ => "not measured: this browser has no performance.memory".to_string(),
            };
            Ok(Outcome {
                result: format!("{} {unit}s: {} each", group_thousands(count), top.text()),
                threads: match mode {
                    ASYNC_TASKS => 1,
                    POOL_JOBS => rayon::current_num_threads(),
                    _ => count as usize,
                },
                figures: vec![
                    ("units", group_thousands(count)),
                    ("µs per unit", format!("{:.4}", top.per_unit_us.median)),
                    ("per unit (median, spread)", top.text()),
                    ("wasm memory grew", bytes_text(grew)),
                    ("wasm memory per unit", bytes_text(grew / count as f64)),
                    ("JS heap change", heap),
                ],
                headline: Some((PER_THOUSAND, top.per_unit_us.median)),
                ..Outcome::default()
            })
        })
    }
}
