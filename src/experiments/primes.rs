//! Plain parallel jobs (seed `count_primes`): independent prime counts on the pool.

use super::Experiment;
use super::cpu;
use crate::live_run::{LiveRun, RunFuture};
use playground_kernels::primes::{MAX_JOBS, MAX_LIMIT};
use playground_lab::catalogue::{About, Mode};
use playground_lab::jobs::{Answer, Task};
use playground_lab::knobs::{Knob, Values, Whole};

pub struct PrimeJobs;

const JOBS: Whole = Whole::new("jobs", "Jobs", 1, MAX_JOBS, 4);
const LIMIT: Whole = Whole::new("limit", "Count primes below", 2, MAX_LIMIT, 50_000);
const KNOBS: &[Knob] = &[JOBS.knob(), LIMIT.knob(), cpu::THREADS.knob()];

/// The job the knobs describe: for a run and for the speedup curve alike.
fn task(values: &Values) -> Task {
    Task::Primes { jobs: values.get(JOBS), limit: values.get(LIMIT) }
}

const ABOUT: About = About {
    slug: "primes",
    title: "Plain parallel jobs",
    summary: "Four independent jobs, each counting the primes below 50,000 by trial division, one after another or side by side: 20,532 in all.",
    explanation: &[
        "Each job counts the primes below a limit the slowest honest way: try every divisor. The jobs share \
             nothing, so they can run side by side with no coordination at all, the easiest parallelism there is. \
             The seed program gives each job its own OS thread; here they go to rayon's pool of web workers.",
        "Total for 4 jobs below 50,000: 20,532 (5,133 each). Compare the sequential and parallel bars, and watch \
             the timeline fill both pool threads.",
    ],
    source_name: "kernels/src/primes.rs",
    source: include_str!("../../kernels/src/primes.rs"),
    knobs: KNOBS,
    modes: cpu::OFFLOADED_MODES,
    needs_threads: true,
    memory_bound: false,
    headline: None,
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
