//! Thread per job against work stealing (seed 002: a new thread for every task costs
//! too much with many tasks): uneven jobs, a few long and many short, on a new
//! worker each, split evenly between the pool's threads up front, or stolen by rayon.

use super::Experiment;
use crate::bridge::{board::shared_now_ms, threads};
use crate::run::live_run::{LiveRun, RunFuture};
use futures::channel::oneshot;
use futures::future::try_join_all;
use leptos::prelude::*;
use playground_kernels::params::group_thousands;
use playground_kernels::uneven::{job_work, static_shares, uneven_jobs};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::costs::{busy_by_lane, busy_text};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use rayon::prelude::*;
use std::ops::Range;
use std::sync::{Arc, Mutex};

pub struct WorkStealing;

const THREAD_PER_JOB: Mode = Mode::other(
    "thread-per-job",
    "A new worker per job",
    "Every job gets a web worker of its own (the browser's thread::spawn), started when the job is: all at once.",
);
const STATIC_SPLIT: Mode = Mode::other(
    "static-split",
    "Equal shares, fixed up front",
    "The jobs cut into one contiguous share per pool thread before any runs: a thread that finishes early has nothing to take.",
);
const WORK_STEALING: Mode = Mode::other(
    "work-stealing",
    "rayon's work stealing",
    "par_iter over the jobs: an idle thread steals from a busy one's queue, so the long jobs spread out.",
);
const MODES: &[Mode] = &[THREAD_PER_JOB, STATIC_SPLIT, WORK_STEALING];

const JOBS: Whole = Whole::new("jobs", "Jobs", 1, 1_000, 32);
const SHORT: Whole = Whole::new("short", "Collatz starts in a short job", 1, 1_000_000, 10_000);
/// 7, not 8: with 8 (a divisor of 32) equal shares of 2, 4 or 8 threads each hold the
/// same number of long jobs, and the static split is balanced by luck.
const LONG_EVERY: Whole = Whole::new("long_every", "Every how many jobs one is long", 1, 1_000, 7);
const LONG_FACTOR: Whole = Whole::new("long_factor", "A long job is how many short ones", 1, 1_000, 20);
const KNOBS: &[Knob] = &[JOBS.knob(), SHORT.knob(), LONG_EVERY.knob(), LONG_FACTOR.knob()];
/// New workers at once, as in the task-cost experiment.
const MAX_WORKERS: u64 = 64;
/// Collatz starts in all: a few seconds on one core.
const MAX_STARTS: u64 = 50_000_000;

const ABOUT: About = About {
    slug: words::WORK_STEALING.slug,
    title: words::WORK_STEALING.title,
    summary: words::WORK_STEALING.summary,
    sources: &["src/experiments/work_stealing.rs", "kernels/src/uneven.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

/// One finished job: which thread ran it (its lane), when (shared clock), and its answer.
struct Done {
    lane: String,
    start: f64,
    end: f64,
    work: u64,
}

type Finished = Arc<Mutex<Vec<Done>>>;

fn run_job(range: Range<u64>, lane: String, finished: &Finished) {
    let start = shared_now_ms();
    let work = job_work(range);
    let done = Done { lane, start, end: shared_now_ms(), work };
    finished.lock().expect("no job panics while holding it").push(done);
}

fn pool_lane() -> String {
    format!("Pool thread {}", rayon::current_thread_index().map_or(0, |i| i + 1))
}

/// Runs `body` as one job on the global pool and awaits it (the page may not block).
async fn on_pool(body: impl FnOnce() + Send + 'static) -> Result<(), JobError> {
    let (done, finished) = oneshot::channel();
    rayon::spawn(move || {
        body();
        let _ = done.send(());
    });
    finished.await.map_err(|_| JobError::Failed("the pool dropped the jobs".into()))
}

async fn run_jobs(mode: Mode, jobs: Vec<Range<u64>>, finished: Finished) -> Result<(), JobError> {
    match mode {
        THREAD_PER_JOB => {
            let spawned = jobs.into_iter().enumerate().map(|(i, range)| {
                let finished = finished.clone();
                threads::spawn(move || run_job(range, format!("Worker {}", i + 1), &finished))
            });
            try_join_all(spawned).await.map(drop).map_err(JobError::Failed)
        }
        STATIC_SPLIT => {
            on_pool(move || {
                let shares = static_shares(jobs.len(), rayon::current_num_threads());
                rayon::scope(|s| {
                    for share in shares {
                        let (jobs, finished) = (&jobs, &finished);
                        s.spawn(move |_| share.for_each(|j| run_job(jobs[j].clone(), pool_lane(), finished)));
                    }
                });
            })
            .await
        }
        _ => {
            on_pool(move || {
                jobs.into_par_iter().with_max_len(1).for_each(|range| run_job(range, pool_lane(), &finished))
            })
            .await
        }
    }
}

impl Experiment for WorkStealing {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn check(&self, values: &Values, mode: Mode) -> Vec<String> {
        let mut problems = Vec::new();
        let jobs = values.get(JOBS);
        if mode == THREAD_PER_JOB && jobs > MAX_WORKERS {
            problems.push(format!(
                "A new worker per job: at most {MAX_WORKERS} jobs ({jobs} asked); each worker loads the whole module."
            ));
        }
        let starts: u64 =
            uneven_jobs(jobs as usize, values.get(SHORT), values.get(LONG_EVERY) as usize, values.get(LONG_FACTOR))
                .iter()
                .map(|r| r.end - r.start)
                .sum();
        if starts > MAX_STARTS {
            problems.push(format!(
                "These jobs hold {} Collatz starts in all; keep it to {} or fewer.",
                group_thousands(starts),
                group_thousands(MAX_STARTS)
            ));
        }
        problems
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let jobs = uneven_jobs(
                values.get(JOBS) as usize,
                values.get(SHORT),
                values.get(LONG_EVERY) as usize,
                values.get(LONG_FACTOR),
            );
            let count = jobs.len();
            let finished: Finished = Arc::new(Mutex::new(Vec::new()));
            let start = live.elapsed();
            run_jobs(mode, jobs, finished.clone()).await?;
            let wall = live.elapsed() - start;
            let mut done =
                std::mem::take(&mut *finished.lock().map_err(|_| JobError::Failed("a job panicked".into()))?);
            // Lanes in order of their number ("Worker 2" before "Worker 10").
            done.sort_by(|a, b| {
                (a.lane.len(), &a.lane, a.start)
                    .partial_cmp(&(b.lane.len(), &b.lane, b.start))
                    .expect("times are numbers")
            });
            let events: Vec<Event> = done
                .iter()
                .map(|d| Event::span(d.lane.clone(), "job", live.on_axis(d.start), live.on_axis(d.end)))
                .collect();
            let busy = busy_by_lane(&events, wall);
            live.events.update(|e| e.extend(events));
            let total: u64 = done.iter().map(|d| d.work).sum();
            live.print(format!("{count} jobs in {wall:.0} ms on {} threads", busy.len()));
            live.print(format!("busy: {}", busy_text(&busy, wall)));
            let idle: f64 = busy.iter().map(|(_, ms)| wall - ms).sum();
            Ok(Outcome {
                result: format!("{} of {count} jobs in {wall:.0} ms on {} threads", done.len(), busy.len()),
                threads: busy.len(),
                figures: vec![
                    ("jobs done", format!("{} of {count}", done.len())),
                    ("chain steps in all", group_thousands(total)),
                    ("threads", busy.len().to_string()),
                    ("idle thread time (ms)", format!("{idle:.0}")),
                    ("busy share per thread", busy_text(&busy, wall)),
                ],
                ..Outcome::default()
            })
        })
    }
}
