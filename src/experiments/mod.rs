//! The catalogue: every experiment, one file each. Adding one means writing its words
//! (title, summary, explanation) in a chapter of `lab/src/words.rs`, a type that
//! implements [`Experiment`] in its own file, listed in [`EXPERIMENTS`], and its row in the
//! table of docs/experiments.md (tests hold the three together); the page, the
//! runner, the charts, the table of runs and the downloads come with it
//! (docs/experiments.md, "Adding an experiment").

mod block_on;
mod blocking_join;
mod channels;
mod collatz;
mod compile_errors;
mod connect;
mod hand_future;
mod handoff;
mod heartbeat;
mod heavy;
mod laziness;
mod mutex_await;
mod overlap;
mod pipeline;
mod pool_health;
mod pool_to_async;
mod primes;
mod repo_pipeline;
mod scoped;
mod service;
mod shards;
mod slow_hash;
mod spawn_join;
mod switch_cost;
mod task_cost;
mod timer_vs_busy;
mod work_stealing;
mod yield_often;

use crate::run::live_run::{LiveRun, RunFuture};
use futures::future::LocalBoxFuture;
use playground_lab::catalogue::{About, Mode};
use playground_lab::words::{self, Chapter};
use playground_lab::compile_errors::CompileError;
use playground_lab::jobs::{JobError, Task};
use playground_lab::knobs::Values;

/// An experiment: its description, and how it runs.
pub trait Experiment: Sync {
    fn about(&self) -> &'static About;
    /// Messages for knob values that are valid alone but not together or not in this mode.
    fn check(&self, _values: &Values, _mode: Mode) -> Vec<String> {
        Vec::new()
    }
    /// For CPU experiments: the job the knobs describe. Its run uses it, and so does
    /// the speedup curve, which runs the same job on pools of each size.
    fn cpu_task(&self, _values: &Values) -> Option<Task> {
        None
    }
    /// For experiments whose cost grows with a size: the sweep that measures every mode
    /// at every size, drawn on log axes.
    fn sweep(&self) -> Option<&'static Sweep> {
        None
    }
    /// For a page of cards instead of runs (what the compiler says): its cards.
    fn cards(&self) -> Option<&'static [CompileError]> {
        None
    }
    /// One run in `mode`, reporting through `live` as it goes.
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture;
}

/// Every mode measured at each of `sizes`, repeated, drawn as time against size.
pub struct Sweep {
    pub sizes: &'static [u64],
    /// What a size is, for the x axis ("data handed over").
    pub size_name: &'static str,
    pub size_text: fn(u64) -> String,
    /// What is measured, for the y axis ("round trip, ms").
    pub measured: &'static str,
    /// One measurement of `mode` at a size.
    pub measure: fn(Mode, u64) -> LocalBoxFuture<'static, Result<Measured, JobError>>,
    /// Where each measurement has a second figure, its name for its own chart ("worst
    /// timer lateness (ms)").
    pub second: Option<&'static str>,
    /// Where a rate means something: its name ("throughput (MB/s)") and the amount a
    /// size is in its unit (MB), so a time becomes amount per second.
    pub rate: Option<(&'static str, fn(u64) -> f64)>,
}

/// One measurement of a sweep: its time, and its second figure where the sweep has one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measured {
    pub ms: f64,
    pub second: Option<f64>,
}

impl Measured {
    pub fn ms(ms: f64) -> Self {
        Measured { ms, second: None }
    }
}

/// Every experiment, in no particular order: the chapters and their order are the
/// catalogue's words ([`playground_lab::words::CHAPTERS`]); [`all`] follows them.
static EXPERIMENTS: &[&dyn Experiment] = &[
    &timer_vs_busy::TimerVsBusyLoop,
    &heartbeat::Heartbeat,
    &slow_hash::SlowHash,
    &overlap::AsyncOverlap,
    &blocking_join::BlockingSleepInJoin,
    &connect::Connect,
    &collatz::Collatz,
    &heavy::HeavySpeedup,
    &primes::PrimeJobs,
    &shards::ShardsThenSquares,
    &pipeline::DownloadAndProcess,
    &pool_to_async::PoolToAsync,
    &repo_pipeline::RepoPipeline,
    &handoff::Handoffs,
    &scoped::Scoped,
    &service::Service,
    &yield_often::YieldOften,
    &spawn_join::SpawnJoin,
    &task_cost::TaskCost,
    &switch_cost::SwitchCost,
    &channels::Channels,
    &pool_health::PoolHealth,
    &work_stealing::WorkStealing,
    &hand_future::HandFuture,
    &laziness::Laziness,
    &mutex_await::MutexAwait,
    &block_on::BlockOn,
    &compile_errors::CompileErrors,
];

/// Every experiment, chapter by chapter.
pub fn all() -> impl Iterator<Item = &'static dyn Experiment> {
    words::CHAPTERS.iter().flat_map(of_chapter)
}

/// The experiments of a chapter, in its order.
pub fn of_chapter(chapter: &'static Chapter) -> impl Iterator<Item = &'static dyn Experiment> {
    chapter.experiments.iter().filter_map(|slug| find(slug))
}

pub fn find(slug: &str) -> Option<&'static dyn Experiment> {
    EXPERIMENTS.iter().copied().find(|e| e.about().slug == slug)
}

/// What the link reader looks experiments up with.
pub fn find_about(slug: &str) -> Option<&'static About> {
    find(slug).map(|e| e.about())
}

/// The position of the experiment `slug` in [`all`].
pub fn index_of(slug: &str) -> Option<usize> {
    all().position(|e| e.about().slug == slug)
}
