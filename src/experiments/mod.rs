//! The one place experiments are declared. Adding one means writing a type that
//! implements [`Experiment`] in its own file and listing it in [`ALL`]; the
//! generic [`page::ExperimentPage`] does the rest.

mod blocking_join;
mod collatz;
mod cpu;
mod heartbeat;
mod heavy;
pub mod kit;
mod overlap;
pub mod page;
mod pipeline;
mod pool_to_async;
mod primes;
mod scaling;
mod shards;
mod slow_hash;
mod timer_vs_busy;

use kit::{About, Live, ModeSpec, RunFuture, Values};

/// An experiment: its description, and how it runs.
pub trait Experiment: Sync {
    fn about(&self) -> &'static About;
    /// Messages for knob values that are valid alone but not together or not in this mode.
    fn check(&self, _values: &Values, _mode: ModeSpec) -> Vec<String> {
        Vec::new()
    }
    /// For CPU experiments: the job the knobs describe, for the speedup curve.
    fn cpu_task(&self, _values: &Values) -> Option<crate::jobs::Task> {
        None
    }
    /// One run in `mode`, reporting through `live` as it goes.
    fn run(&self, mode: ModeSpec, values: Values, live: Live) -> RunFuture;
}

pub static ALL: &[&dyn Experiment] = &[
    &timer_vs_busy::TimerVsBusyLoop,
    &heartbeat::Heartbeat,
    &overlap::AsyncOverlap,
    &heavy::HeavySpeedup,
    &primes::PrimeJobs,
    &collatz::Collatz,
    &slow_hash::SlowHash,
    &shards::ShardsThenSquares,
    &pipeline::DownloadAndProcess,
    &blocking_join::BlockingSleepInJoin,
    &pool_to_async::PoolToAsync,
];

pub fn find(slug: &str) -> Option<&'static dyn Experiment> {
    ALL.iter().copied().find(|e| e.about().slug == slug)
}
