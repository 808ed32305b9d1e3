//! Collatz longest chain below N (exercise 1), three ways.

use super::Experiment;
use crate::experiment_parts::cpu::{self, MAIN_THREAD};
use crate::run::live_run::{LiveRun, RunFuture};
use playground_kernels::collatz::{MAX_LIMIT, MIN_LIMIT};
use playground_kernels::params::group_thousands;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::{Answer, Task};
use playground_lab::knobs::{Knob, Values, Whole};

pub struct Collatz;

/// On the main thread a run freezes the page for its whole length; beyond this
/// that is seconds, so larger N is for the worker modes.
const MAX_MAIN_THREAD_LIMIT: u64 = 5_000_000;

const N: Whole = Whole::new("n", "N (starts below it are tried)", MIN_LIMIT, MAX_LIMIT, 1_000_000);
const KNOBS: &[Knob] = &[N.knob(), cpu::THREADS.knob()];

/// The job the knobs describe: for a run and for the speedup curve alike.
fn task(values: &Values) -> Task {
    Task::Collatz { limit: values.get(N) }
}

const ABOUT: About = About {
    slug: words::COLLATZ.slug,
    title: words::COLLATZ.title,
    summary: words::COLLATZ.summary,
    sources: &["kernels/src/collatz.rs"],
    knobs: KNOBS,
    modes: cpu::MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

impl Experiment for Collatz {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn check(&self, values: &Values, mode: Mode) -> Vec<String> {
        if mode == MAIN_THREAD && values.get(N) > MAX_MAIN_THREAD_LIMIT {
            vec![format!(
                "On the main thread N is limited to {}: more would freeze the page for seconds. Use a worker mode for larger N.",
                group_thousands(MAX_MAIN_THREAD_LIMIT)
            )]
        } else {
            Vec::new()
        }
    }
    fn cpu_task(&self, values: &Values) -> Option<Task> {
        Some(task(values))
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        let (task, limit, threads) = (task(&values), values.get(N), values.get(cpu::THREADS));
        Box::pin(async move {
            let output = cpu::run(task, mode, threads, live).await?;
            let Answer::Collatz { start, steps } = output.answer else { return Err(output.unexpected()) };
            live.print(format!("n = {start} has {steps} steps"));
            let seed = match limit {
                100_000 => Some((start, steps) == (77_031, 350)),
                1_000_000 => Some((start, steps) == (837_799, 524)),
                _ => None,
            };
            let mut outcome = cpu::outcome(&output, format!("{} ({steps} steps)", group_thousands(start)), seed);
            outcome.figures.push(("start", start.to_string()));
            outcome.figures.push(("steps", steps.to_string()));
            Ok(outcome)
        })
    }
}
