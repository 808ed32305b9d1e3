//! CPU speedup with rayon (seed `heavy`): seeds through long LCG chains, sequential vs parallel.

use super::Experiment;
use super::cpu;
use super::kit::{About, Knob, Live, ModeSpec, RunFuture, Values};
use crate::jobs::{Answer, Task};
use playground_kernels::heavy::{MAX_SEEDS, MAX_STEPS};

pub struct HeavySpeedup;

const KNOBS: &[Knob] = &[
    Knob::whole("seeds", "Seeds (one chain each)", 1, MAX_SEEDS, 8),
    Knob::whole("steps", "Steps per chain", 1, MAX_STEPS, 50_000_000),
    cpu::THREADS,
];

const ABOUT: About = About {
    slug: "heavy",
    title: "CPU speedup with rayon",
    summary: "Eight seeds through 50 million LCG steps each: one after another, then par_iter across the cores. Same results, less time.",
    explanation: &[
        "Each seed goes through a long chain of multiply-and-add steps; every step needs the one before, so one \
             chain cannot be split. Several chains can run at once, though: the parallel version changes iter() to \
             par_iter() and rayon hands the seeds to the pool's threads.",
        "There is no waiting anywhere, so async has nothing to overlap: only cores help. Compare the two modes' \
             bars, check that the result vectors are equal, and see in the timeline which thread ran which seed. \
             With 8 seeds on 2 threads each thread takes about 4.",
    ],
    source_name: "kernels/src/heavy.rs",
    source: include_str!("../../kernels/src/heavy.rs"),
    knobs: KNOBS,
    modes: cpu::OFFLOADED_MODES,
    needs_threads: true,
};

impl Experiment for HeavySpeedup {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn cpu_task(&self, values: &Values) -> Option<Task> {
        Some(Task::Heavy { seeds: values.whole("seeds"), steps: values.whole("steps") })
    }
    fn run(&self, mode: ModeSpec, values: Values, live: Live) -> RunFuture {
        Box::pin(async move {
            let (seeds, steps) = (values.whole("seeds"), values.whole("steps"));
            let output =
                cpu::run(Task::Heavy { seeds, steps }, mode, values.whole("threads"), seeds as usize, live).await?;
            let Answer::Values { values: results } = &output.answer else { return Err(cpu::unexpected(&output)) };
            live.print(format!("{}: {:.0} ms", mode.label, output.kernel_ms));
            live.print(format!("results = {results:?}"));
            let mut outcome = cpu::outcome(&output, format!("{results:?}"), None);
            outcome.figures.push(("first result", results.first().map(u64::to_string).unwrap_or_default()));
            Ok(outcome)
        })
    }
}
