//! Plain parallel jobs (seed `count_primes`): independent prime counts on the pool.

use super::Experiment;
use super::cpu;
use super::kit::{Knob, Live, ModeSpec, RunFuture, Values};
use crate::jobs::{Answer, Task};
use playground_kernels::primes::{MAX_JOBS, MAX_LIMIT, chunk_count};

pub struct PrimeJobs;

const KNOBS: &[Knob] = &[
    Knob::whole("jobs", "Jobs", 1, MAX_JOBS, 4),
    Knob::whole("limit", "Count primes below", 2, MAX_LIMIT, 50_000),
];

impl Experiment for PrimeJobs {
    fn slug(&self) -> &'static str {
        "primes"
    }
    fn title(&self) -> &'static str {
        "Plain parallel jobs"
    }
    fn summary(&self) -> &'static str {
        "Four independent jobs, each counting the primes below 50,000 by trial division, one after another or side by side: 20,532 in all."
    }
    fn explanation(&self) -> &'static [&'static str] {
        &[
            "Each job counts the primes below a limit the slowest honest way: try every divisor. The jobs share \
             nothing, so they can run side by side with no coordination at all, the easiest parallelism there is. \
             The seed program gives each job its own OS thread; here they go to rayon's pool of web workers.",
            "Total for 4 jobs below 50,000: 20,532 (5,133 each). Compare the sequential and parallel bars, and watch \
             the timeline fill both pool threads.",
        ]
    }
    fn source_name(&self) -> &'static str {
        "kernels/src/primes.rs"
    }
    fn source(&self) -> &'static str {
        include_str!("../../kernels/src/primes.rs")
    }
    fn knobs(&self) -> &'static [Knob] {
        KNOBS
    }
    fn modes(&self) -> &'static [ModeSpec] {
        cpu::OFFLOADED_MODES
    }
    fn cpu_task(&self, values: &Values) -> Option<Task> {
        Some(Task::Primes { jobs: values.whole("jobs"), limit: values.whole("limit") })
    }
    fn run(&self, mode: ModeSpec, values: Values, live: Live) -> RunFuture {
        Box::pin(async move {
            let (jobs, limit) = (values.whole("jobs"), values.whole("limit"));
            let output = cpu::run(Task::Primes { jobs, limit }, mode, chunk_count(jobs, limit) as usize, live).await?;
            let Answer::Total { total } = output.answer else { return Err(cpu::unexpected(&output)) };
            live.print(format!("total primes = {total}"));
            live.print(format!("elapsed = {:.0} ms", output.kernel_ms));
            let seed = (jobs, limit) == (4, 50_000);
            Ok(cpu::outcome(&output, total.to_string(), seed.then_some(total == 20_532)))
        })
    }
}
