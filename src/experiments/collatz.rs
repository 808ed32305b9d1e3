//! Collatz longest chain below N (exercise 1), three ways.

use super::Experiment;
use super::cpu::{self, MAIN_THREAD};
use super::kit::{About, Knob, Live, ModeSpec, RunFuture, Values};
use crate::jobs::{Answer, Task};
use playground_kernels::collatz::{MAX_LIMIT, MIN_LIMIT, chunk_count};
use playground_kernels::params::group_thousands;

pub struct Collatz;

/// On the main thread a run freezes the page for its whole length; beyond this
/// that is seconds, so larger N is for the worker modes.
const MAX_MAIN_THREAD_LIMIT: u64 = 5_000_000;

const KNOBS: &[Knob] =
    &[Knob::whole("n", "N (starts below it are tried)", MIN_LIMIT, MAX_LIMIT, 1_000_000), cpu::THREADS];

const ABOUT: About = About {
    slug: "collatz",
    title: "Collatz longest chain",
    summary: "Pure CPU work: the start below N with the longest Collatz chain, on the main thread, in a worker, and on all cores with rayon.",
    explanation: &[
        "Take a number; halve it if it is even, otherwise triple it and add one; repeat until you reach 1. \
             Which start below N takes the most steps? Below 100,000 it is 77,031 (350 steps); below a million, 837,799 (524 steps).",
        "This is CPU-bound work: there is nothing to wait for, so async cannot make it faster and cannot keep the \
             page alive while it runs. Only another thread can. On the main thread the page freezes: watch the two dots \
             of the pulse, and the red cliff in the frame chart. In a web worker the same loop runs while the page keeps \
             drawing. With rayon the starts are cut into chunks spread over a pool of workers, one per core: the \
             timeline shows which thread ran which chunk when.",
    ],
    source_name: "kernels/src/collatz.rs",
    source: include_str!("../../kernels/src/collatz.rs"),
    knobs: KNOBS,
    modes: cpu::MODES,
    needs_threads: true,
};

impl Experiment for Collatz {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn check(&self, values: &Values, mode: ModeSpec) -> Vec<String> {
        if mode == MAIN_THREAD && values.whole("n") > MAX_MAIN_THREAD_LIMIT {
            vec![format!(
                "On the main thread N is limited to {}: more would freeze the page for seconds. Use a worker mode for larger N.",
                group_thousands(MAX_MAIN_THREAD_LIMIT)
            )]
        } else {
            Vec::new()
        }
    }
    fn cpu_task(&self, values: &Values) -> Option<Task> {
        Some(Task::Collatz { limit: values.whole("n") })
    }
    fn run(&self, mode: ModeSpec, values: Values, live: Live) -> RunFuture {
        Box::pin(async move {
            let limit = values.whole("n");
            let output =
                cpu::run(Task::Collatz { limit }, mode, values.whole("threads"), chunk_count(limit) as usize, live)
                    .await?;
            let Answer::Collatz { start, steps } = output.answer else { return Err(cpu::unexpected(&output)) };
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
