//! What the experiments that hang on purpose share: after the watchdog has ended a
//! stuck worker, the page checks that its other threads still work, and says so.

use crate::bridge::watchdog::Stuck;
use crate::bridge::{self, Placement};
use crate::run::live_run::LiveRun;
use playground_lab::jobs::{Answer, Job, JobError, Task};
use playground_lab::knobs::Whole;
use std::collections::BTreeSet;

/// The watchdog's knob, the same for every experiment that can hang: a run with no
/// progress for this long is declared stuck.
pub const STALL_MS: Whole = Whole::new("stall_ms", "Watchdog: stuck after no progress for (ms)", 100, 60_000, 2_000);

/// Collatz below this: long enough that every pool thread takes chunks of it.
const CHECK_LIMIT: u64 = 300_000;

/// Runs a small Collatz on the compute worker and on the pool; how many pool threads
/// took part, or what failed.
pub async fn threads_still_answer() -> Result<String, JobError> {
    let check = || Job::sequential(Task::Collatz { limit: CHECK_LIMIT });
    let on_worker = bridge::run(check(), Placement::Worker).await?;
    let on_pool = bridge::run(check(), Placement::Pool).await?;
    let same = on_worker.answer == on_pool.answer && matches!(on_pool.answer, Answer::Collatz { .. });
    let threads: BTreeSet<usize> = on_pool.spans.iter().map(|s| s.thread).collect();
    if !same {
        return Err(JobError::Failed("the compute worker and the pool disagree after the hang".into()));
    }
    Ok(format!("the compute worker answered, and {} of {} pool threads took chunks", threads.len(), on_pool.threads))
}

/// The watchdog's word on a stuck run, printed, and the check of the other threads.
async fn report_stuck(stuck: Stuck, what: &str, live: LiveRun) -> Result<Vec<(&'static str, String)>, JobError> {
    live.print(format!("watchdog: no progress for {:.0} ms: {what}", stuck.still_ms));
    live.print("the stuck worker was terminated; checking the compute worker and the pool…");
    let check = threads_still_answer().await?;
    live.print(format!("afterwards: {check}"));
    Ok(vec![
        ("watchdog", format!("stuck: no progress for {:.0} ms; worker terminated", stuck.still_ms)),
        ("afterwards", check),
    ])
}

/// How a watched run on a thread of its own ended: [`Ended::Finished`], or stuck, in
/// which case the watchdog's word and the check of the other threads are printed and
/// returned as figures. A thread that failed to start or panicked is an error.
pub enum Ended {
    Finished,
    Stuck(Vec<(&'static str, String)>),
}

pub async fn settle(
    watched: Result<Result<(), String>, Stuck>,
    what: impl FnOnce() -> String,
    live: LiveRun,
) -> Result<Ended, JobError> {
    match watched {
        Ok(ran) => ran.map(|()| Ended::Finished).map_err(JobError::Failed),
        Err(stuck) => Ok(Ended::Stuck(report_stuck(stuck, &what(), live).await?)),
    }
}
