//! Plain parallel jobs (seed `count_primes`): independent prime counts on the pool.

use super::Experiment;
use super::cpu;
use super::kit::{About, Knob, Live, ModeSpec, RunFuture, Values};
use crate::jobs::{Answer, Task};
use playground_kernels::primes::{MAX_JOBS, MAX_LIMIT, chunk_count};

pub struct PrimeJobs;

const KNOBS: &[Knob] = &[
    Knob::whole("jobs", "Jobs", 1, MAX_JOBS, 4),
    Knob::whole("limit", "Count primes below", 2, MAX_LIMIT, 50_000),
    cpu::THREADS,
];

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
};

impl Experiment for PrimeJobs {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn cpu_task(&self, values: &Values) -> Option<Task> {
        Some(Task::Primes { jobs: values.whole("jobs"), limit: values.whole("limit") })
    }
    fn run(&self, mode: ModeSpec, values: Values, live: Live) -> RunFuture {
        Box::pin(async move {
            let (jobs, limit) = (values.whole("jobs"), values.whole("limit"));
            let output = cpu::run(
                Task::Primes { jobs, limit },
                mode,
                values.whole("threads"),
                chunk_count(jobs, limit) as usize,
                live,
            )
            .await?;
            let Answer::Total { total } = output.answer else { return Err(cpu::unexpected(&output)) };
            live.print(format!("total primes = {total}"));
            live.print(format!("elapsed = {:.0} ms", output.kernel_ms));
            let seed = (jobs, limit) == (4, 50_000);
            Ok(cpu::outcome(&output, total.to_string(), seed.then_some(total == 20_532)))
        })
    }
}
