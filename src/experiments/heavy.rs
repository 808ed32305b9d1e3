//! CPU speedup with rayon (seed `heavy`): seeds through long LCG chains, sequential vs parallel.

use super::Experiment;
use crate::experiment_parts::cpu;
use crate::run::live_run::{LiveRun, RunFuture};
use playground_kernels::heavy::{MAX_SEEDS, MAX_STEPS};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::{Answer, JobError, JobOutput, Task};
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::Outcome;

pub struct HeavySpeedup;

const SEEDS: Whole = Whole::new("seeds", "Seeds (one chain each)", 1, MAX_SEEDS, 8);
const STEPS: Whole = Whole::new("steps", "Steps per chain", 1, MAX_STEPS, 50_000_000);
const KNOBS: &[Knob] = &[SEEDS.knob(), STEPS.knob(), cpu::THREADS.knob()];

/// The seed's whole `main`: both versions one after the other, then the vectors compared.
const BOTH: Mode = Mode::other(
    "both",
    "Both, then compare (the seed's main)",
    "Sequential on the worker, then par_iter on the pool, then the two result vectors compared, as the seed does: it prints results match: true.",
);
const MODES: &[Mode] = &[cpu::WORKER, cpu::POOL, BOTH];

/// The job the knobs describe: for a run and for the speedup curve alike.
fn task(values: &Values) -> Task {
    Task::Heavy { seeds: values.get(SEEDS), steps: values.get(STEPS) }
}

const ABOUT: About = About {
    slug: words::HEAVY.slug,
    title: words::HEAVY.title,
    summary: words::HEAVY.summary,
    sources: &["kernels/src/heavy.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

impl Experiment for HeavySpeedup {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn cpu_task(&self, values: &Values) -> Option<Task> {
        Some(task(values))
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        let (task, threads) = (task(&values), values.get(cpu::THREADS));
        if mode == BOTH {
            return Box::pin(both(task, threads, live));
        }
        Box::pin(async move {
            let output = cpu::run(task, mode, threads, live).await?;
            let Answer::Values { values: results } = &output.answer else { return Err(output.unexpected()) };
            live.print(format!("{}: {:.0} ms", mode.label, output.kernel_ms));
            live.print(format!("results = {results:?}"));
            let mut outcome = cpu::outcome(&output, format!("{results:?}"), None);
            outcome.figures.push(("first result", results.first().map(u64::to_string).unwrap_or_default()));
            Ok(outcome)
        })
    }
}

fn results_of(output: &JobOutput) -> Result<&Vec<u64>, JobError> {
    match &output.answer {
        Answer::Values { values } => Ok(values),
        _ => Err(output.unexpected()),
    }
}

/// The seed's `main`: sequential, then parallel, then `results match: …`, said loudly when false.
async fn both(task: Task, threads: u64, live: LiveRun) -> Result<Outcome, JobError> {
    let sequential = cpu::run(task.clone(), cpu::WORKER, 0, live).await?;
    live.print(format!("sequential: {:.0} ms", sequential.kernel_ms));
    let parallel = cpu::run(task, cpu::POOL, threads, live).await?;
    live.print(format!("rayon par: {:.0} ms", parallel.kernel_ms));
    let same = results_of(&sequential)? == results_of(&parallel)?;
    live.print(format!("results match: {same}"));
    if !same {
        live.print("THE PARALLEL RESULTS DIFFER FROM THE SEQUENTIAL ONES: the seed's assert_eq! would panic here.");
    }
    let speedup = sequential.kernel_ms / parallel.kernel_ms.max(1e-9);
    Ok(Outcome {
        result: format!("results match: {same}"),
        matches_seed: Some(same),
        threads: parallel.threads,
        figures: vec![
            ("sequential", format!("{:.0} ms", sequential.kernel_ms)),
            ("parallel", format!("{:.0} ms", parallel.kernel_ms)),
            ("speedup", format!("{speedup:.2}×")),
        ],
        ..Outcome::default()
    })
}
