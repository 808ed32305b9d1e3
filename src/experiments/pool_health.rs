//! Pool health (seed 002: an operation that runs forever, run with rayon, takes one
//! thread from the pool): an endless job on the pool against the same job on a worker of its own, and
//! a huge job queued ahead of small ones against the same work cut into pieces.

use super::Experiment;
use crate::bridge::{board::shared_now_ms, threads};
use crate::experiment_parts::cpu;
use crate::run::live_run::{LiveRun, RunFuture};
use futures::StreamExt;
use futures::channel::{mpsc, oneshot};
use gloo_timers::future::TimeoutFuture;
use playground_kernels::collatz::MAX_LIMIT;
use playground_kernels::stats::Summary;
use playground_kernels::uneven::job_work;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::{Answer, JobError, JobOutput, Task};
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

pub struct PoolHealth;

const FOREVER_JOB: Mode = Mode::other(
    "forever-job",
    "Endless job on the pool",
    "A job that never ends (a loop waiting for messages that never come) takes one pool thread; then a parallel Collatz runs on what is left.",
);
const DEDICATED_WORKER: Mode = Mode::other(
    "dedicated-worker",
    "Endless job on its own worker",
    "The same endless loop on a web worker of its own: the pool keeps every thread for the Collatz run.",
);
const HUGE_JOB_FIRST: Mode = Mode::other(
    "huge-job-first",
    "Huge jobs ahead of small ones",
    "Huge jobs take every pool thread, and small jobs arriving meanwhile wait; then the same work cut into pieces, with the small jobs getting in between.",
);
const MODES: &[Mode] = &[FOREVER_JOB, DEDICATED_WORKER, HUGE_JOB_FIRST];

const LIMIT: Whole = Whole::new("limit", "Collatz below", 2, MAX_LIMIT, 1_000_000);
const SMALL: Whole = Whole::new("small", "Small jobs", 1, 1_000, 20);
const PIECES: Whole = Whole::new("pieces", "Pieces each huge job is cut into", 1, 1_000, 40);
const KNOBS: &[Knob] = &[LIMIT.knob(), SMALL.knob(), PIECES.knob()];
/// Small jobs arrive one every this many ms.
const ARRIVAL_MS: u32 = 5;
/// Collatz starts in a small job (well under a millisecond).
const SMALL_STARTS: u64 = 1_000;

const ABOUT: About = About {
    slug: words::POOL_HEALTH.slug,
    title: words::POOL_HEALTH.title,
    summary: words::POOL_HEALTH.summary,
    sources: &["src/experiments/pool_health.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: true,
};

/// An endless job: it waits in 5 ms sleeps until told to stop. `started` is set once it runs.
fn endless(stop: Arc<AtomicBool>, started: Arc<AtomicBool>) {
    started.store(true, Ordering::Release);
    while !stop.load(Ordering::Acquire) {
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Tells the endless job to stop when the run ends, however it ends (Cancel included).
struct StopOnDrop(Arc<AtomicBool>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}

async fn until_set(flag: &AtomicBool) {
    while !flag.load(Ordering::Acquire) {
        TimeoutFuture::new(1).await;
    }
}

async fn collatz_on_pool(limit: u64, live: LiveRun) -> Result<(JobOutput, String), JobError> {
    let output = cpu::run(Task::Collatz { limit }, cpu::POOL, 0, live).await?;
    let Answer::Collatz { start, steps } = output.answer else { return Err(output.unexpected()) };
    Ok((output, format!("{start} ({steps} steps)")))
}

/// The endless job on the pool (or on its own worker), and a parallel Collatz before and during it.
async fn endless_job(dedicated: bool, limit: u64, live: LiveRun) -> Result<Outcome, JobError> {
    // A first, smaller run lets the browser finish optimising the kernel, so the two
    // measured runs compare the pool, not a cold start against a warm one.
    collatz_on_pool((limit / 4).max(2), live).await?;
    let (free, _) = collatz_on_pool(limit, live).await?;
    live.print(format!("the pool free: {:.0} ms on {} threads", free.kernel_ms, free.threads));
    let (stop, started) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false)));
    let _stop = StopOnDrop(stop.clone());
    let (ended, finished) = oneshot::channel();
    let loop_start = live.elapsed();
    let (s, t) = (stop.clone(), started.clone());
    if dedicated {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = ended.send(threads::spawn(move || endless(s, t)).await);
        });
    } else {
        rayon::spawn(move || {
            endless(s, t);
            let _ = ended.send(Ok(()));
        });
    }
    until_set(&started).await;
    let (taken, answer) = collatz_on_pool(limit, live).await?;
    let busy_threads = taken.spans.iter().map(|s| s.thread).collect::<std::collections::BTreeSet<_>>().len();
    live.print(format!("with the endless job: {:.0} ms, chunks on {busy_threads} threads", taken.kernel_ms));
    stop.store(true, Ordering::Release);
    finished.await.map_err(|_| JobError::Failed("the endless job never ended".into()))?.map_err(JobError::Failed)?;
    let lane = if dedicated { "Endless job (own worker)" } else { "Endless job (pool thread)" };
    live.event(Event::span(lane, "endless loop", loop_start, live.elapsed()));
    live.print("the endless job stopped: the pool is whole again");
    let slower = taken.kernel_ms / free.kernel_ms.max(1e-9);
    Ok(Outcome {
        result: format!(
            "{answer}: {:.0} ms with the endless job, {:.0} ms without ({slower:.2}×)",
            taken.kernel_ms, free.kernel_ms
        ),
        compute_ms: Some(taken.kernel_ms),
        threads: busy_threads,
        figures: vec![
            ("pool free (ms)", format!("{:.1}", free.kernel_ms)),
            ("with the endless job (ms)", format!("{:.1}", taken.kernel_ms)),
            ("slower by", format!("{slower:.2}×")),
            ("threads that took chunks", format!("{busy_threads} of {}", free.threads)),
        ],
        headline: Some(("parallel Collatz beside the endless job", taken.kernel_ms)),
        ..Outcome::default()
    })
}

/// Small jobs' latencies (ms) while `chains` huge jobs run, each as `pieces` pieces that
/// go back to the queue one by one (1 piece: one huge job). Every job goes through the
/// pool's one shared queue, in the order the page sends it.
async fn small_latencies(limit: u64, pieces: u64, smalls: u64, tag: &str, live: LiveRun) -> Vec<f64> {
    let chains = rayon::current_num_threads() as u64;
    let per_chain = (limit / chains).max(1);
    let per_piece = (per_chain / pieces).max(1);
    let (report, mut reports) = mpsc::unbounded::<Report>();
    let spawn_piece = |chain: u64, piece: u64| {
        let report = report.clone();
        let from = 1 + chain * per_chain + piece * per_piece;
        let to = if piece + 1 == pieces { 1 + (chain + 1) * per_chain } else { from + per_piece };
        rayon::spawn(move || {
            let start = shared_now_ms();
            job_work(from..to);
            let _ = report.unbounded_send(Report::Piece { chain, piece, start, end: shared_now_ms() });
        });
    };
    (0..chains).for_each(|c| spawn_piece(c, 0));
    let arrivals = {
        let report = report.clone();
        async move {
            for n in 0..smalls {
                TimeoutFuture::new(ARRIVAL_MS).await;
                let (report, arrived) = (report.clone(), shared_now_ms());
                rayon::spawn(move || {
                    let start = shared_now_ms();
                    job_work(n * SMALL_STARTS + 1..(n + 1) * SMALL_STARTS + 1);
                    let _ = report.unbounded_send(Report::Small { arrived, start, end: shared_now_ms() });
                });
            }
        }
    };
    let mut latencies = Vec::new();
    let mut chains_left = chains;
    let collect = async {
        while let Some(r) = reports.next().await {
            match r {
                Report::Piece { chain, piece, start, end } => {
                    let (lane, label) = (format!("{tag} {}", chain + 1), format!("piece {}", piece + 1));
                    live.event(Event::span(lane, label, live.on_axis(start), live.on_axis(end)));
                    if piece + 1 < pieces {
                        spawn_piece(chain, piece + 1);
                    } else {
                        chains_left -= 1;
                    }
                }
                Report::Small { arrived, start, end } => {
                    live.event(Event::span("Small jobs", "small job", live.on_axis(start), live.on_axis(end)));
                    latencies.push(end - arrived);
                }
            }
            if chains_left == 0 && latencies.len() as u64 == smalls {
                break;
            }
        }
    };
    futures::join!(arrivals, collect);
    latencies
}

enum Report {
    Piece { chain: u64, piece: u64, start: f64, end: f64 },
    Small { arrived: f64, start: f64, end: f64 },
}

async fn huge_first(limit: u64, smalls: u64, pieces: u64, live: LiveRun) -> Result<Outcome, JobError> {
    let whole = small_latencies(limit, 1, smalls, "Huge job", live).await;
    let cut = small_latencies(limit, pieces, smalls, "Pieces of huge job", live).await;
    let (Some(w), Some(c)) = (Summary::of(whole), Summary::of(cut)) else {
        return Err(JobError::Failed("no small job was measured".into()));
    };
    live.print(format!("small jobs behind huge jobs: median {:.1} ms, worst {:.1} ms", w.median, w.max));
    live.print(format!("small jobs between pieces: median {:.1} ms, worst {:.1} ms", c.median, c.max));
    Ok(Outcome {
        result: format!(
            "small jobs done {:.1} ms after they arrived (median) behind huge jobs, {:.1} ms between pieces",
            w.median, c.median
        ),
        threads: rayon::current_num_threads(),
        figures: vec![
            ("behind huge jobs, median (ms)", format!("{:.1}", w.median)),
            ("behind huge jobs, worst (ms)", format!("{:.1}", w.max)),
            ("between pieces, median (ms)", format!("{:.1}", c.median)),
            ("between pieces, worst (ms)", format!("{:.1}", c.max)),
        ],
        headline: Some(("small jobs' median wait behind huge jobs", w.median)),
        ..Outcome::default()
    })
}

impl Experiment for PoolHealth {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let limit = values.get(LIMIT);
            match mode {
                FOREVER_JOB => endless_job(false, limit, live).await,
                DEDICATED_WORKER => endless_job(true, limit, live).await,
                _ => huge_first(limit, values.get(SMALL), values.get(PIECES), live).await,
            }
        })
    }
}
