//! Plain parallel jobs (seed `count_primes`): independent prime counts on the pool.

use super::Experiment;
use crate::bridge::{board::shared_now_ms, threads};
use crate::experiment_parts::cpu;
use crate::run::live_run::{LiveRun, RunFuture};
use futures::future::try_join_all;
use leptos::prelude::*;
use playground_kernels::primes::{MAX_JOBS, MAX_LIMIT, count_primes};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::{Answer, JobError, Task};
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use std::sync::{Arc, Mutex};

pub struct PrimeJobs;

const JOBS: Whole = Whole::new("jobs", "Jobs", 1, MAX_JOBS, 4);
const LIMIT: Whole = Whole::new("limit", "Count primes below", 2, MAX_LIMIT, 50_000);
const KNOBS: &[Knob] = &[JOBS.knob(), LIMIT.knob(), cpu::THREADS.knob()];

/// The seed's way: one new thread per job (here a new web worker each).
const THREAD_PER_JOB: Mode = Mode::other(
    "thread-per-job",
    "A new worker per job",
    "As the seed does with thread::spawn: each job on a new web worker of its own, started for it and ended after.",
);
const MODES: &[Mode] = &[cpu::WORKER, cpu::POOL, THREAD_PER_JOB];

/// The job the knobs describe: for a run and for the speedup curve alike.
fn task(values: &Values) -> Task {
    Task::Primes { jobs: values.get(JOBS), limit: values.get(LIMIT) }
}

const ABOUT: About = About {
    slug: words::PRIMES.slug,
    title: words::PRIMES.title,
    summary: words::PRIMES.summary,
    sources: &["kernels/src/primes.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

impl Experiment for PrimeJobs {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn cpu_task(&self, values: &Values) -> Option<Task> {
        Some(task(values))
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        let (task, threads) = (task(&values), values.get(cpu::THREADS));
        let (jobs, limit) = (values.get(JOBS), values.get(LIMIT));
        if mode == THREAD_PER_JOB {
            return Box::pin(thread_per_job(jobs, limit, live));
        }
        Box::pin(async move {
            let output = cpu::run(task, mode, threads, live).await?;
            let Answer::Total { total } = output.answer else { return Err(output.unexpected()) };
            live.print(format!("total primes = {total}"));
            live.print(format!("elapsed = {:.0} ms", output.kernel_ms));
            let seed = (jobs, limit) == (4, 50_000);
            Ok(cpu::outcome(&output, total.to_string(), seed.then_some(total == 20_532)))
        })
    }
}

/// Each job on a new worker, all started at once; the total and each job's span.
async fn thread_per_job(jobs: u64, limit: u64, live: LiveRun) -> Result<Outcome, JobError> {
    let counts = Arc::new(Mutex::new(Vec::new()));
    let start = live.elapsed();
    try_join_all((1..=jobs).map(|job| {
        let counts = counts.clone();
        threads::spawn(move || {
            let began = shared_now_ms();
            let count = count_primes(limit);
            counts.lock().expect("no job panics while holding it").push((job, began, shared_now_ms(), count));
        })
    }))
    .await
    .map_err(JobError::Failed)?;
    let wall = live.elapsed() - start;
    let counts = std::mem::take(&mut *counts.lock().map_err(|_| JobError::Failed("a job panicked".into()))?);
    let total: u64 = counts.iter().map(|c| c.3).sum();
    let compute =
        counts.iter().map(|c| c.2).fold(f64::MIN, f64::max) - counts.iter().map(|c| c.1).fold(f64::MAX, f64::min);
    live.events.update(|e| {
        e.extend(counts.iter().map(|(job, began, ended, _)| {
            Event::span(format!("Worker {job}"), format!("job {job}"), live.on_axis(*began), live.on_axis(*ended))
        }))
    });
    live.print(format!("total primes = {total}"));
    live.print(format!("elapsed = {wall:.0} ms"));
    Ok(Outcome {
        result: total.to_string(),
        matches_seed: ((jobs, limit) == (4, 50_000)).then_some(total == 20_532),
        compute_ms: Some(compute),
        threads: jobs as usize,
        figures: vec![
            ("workers started", jobs.to_string()),
            ("first job start to last job end (ms)", format!("{compute:.1}")),
        ],
        headline: None,
        hang: None,
    })
}
