//! What the experiments that hang on purpose share: the watchdog's two knobs, its words
//! on the page while a run waits and once it is stopped, and, after a stuck worker was
//! ended, the check that the page's other threads still work.

use crate::bridge::{self, Placement};
use crate::run::live_run::LiveRun;
use playground_lab::hang::{HangReport, Limits};
use playground_lab::jobs::{Answer, Job, JobError, Task};
use playground_lab::knobs::{Values, Whole};
use playground_lab::records::{Event, PAGE_LANE};
use std::collections::BTreeSet;

/// How long a thread may go without answering, or a future unpolled with nothing due to
/// wake it, before the watchdog calls it stuck. A wait for something that will come (a
/// timer, a lock whose holder is getting on) is not cut short by it. The key is public
/// link format from when it was the only rule ("stuck after no progress for").
pub const STALL_MS: Whole = Whole::new("stall_ms", "Watchdog: silence before a verdict (ms)", 100, 60_000, 2_000);
/// The hard limit on a wait that would end: past it the run is given up, and called so.
pub const GIVE_UP_S: Whole = Whole::new("give_up_s", "Watchdog: give up a wait after (s)", 1, 600, 30);

/// The watchdog's limits as the knobs set them.
pub fn limits(values: &Values) -> Limits {
    Limits { silence_ms: values.get(STALL_MS) as f64, give_up_ms: values.get(GIVE_UP_S) as f64 * 1000.0 }
}

/// Prints each new thing a watched run waits for, as it starts waiting: not stuck.
pub fn say_waiting(live: LiveRun, values: &Values) -> impl Fn(&str) {
    let give_up = values.get(GIVE_UP_S);
    move |what: &str| live.print(format!("watchdog: waiting, not stuck: {what} (given up after {give_up} s)"))
}

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

/// The watchdog's verdict and its evidence, printed a line each.
pub fn print_report(report: &HangReport, live: LiveRun) {
    live.print(format!("watchdog: {}", report.verdict.title()));
    for line in &report.evidence {
        live.print(format!("  {line}"));
    }
}

/// The watchdog's word on a stuck run, printed with its evidence, then the check of the
/// other threads, drawn on the page's lane of the timeline (so a freeze of the page
/// meanwhile is seen to be the page's own). Returns the figures for the table.
async fn report_stuck(report: &HangReport, live: LiveRun) -> Result<Vec<(&'static str, String)>, JobError> {
    print_report(report, live);
    live.print("the watchdog ended the run and terminated its worker; checking the compute worker and the pool…");
    let start = live.elapsed();
    let check = threads_still_answer().await;
    live.event(Event::span(PAGE_LANE, "replacing the stuck worker and checking the pool", start, live.elapsed()));
    let check = check?;
    live.print(format!("afterwards: {check}"));
    Ok(vec![("watchdog", report.verdict.title()), ("evidence", report.evidence.join(" ")), ("afterwards", check)])
}

/// How a watched run on a thread of its own ended: [`Ended::Finished`], or stopped by the
/// watchdog, in which case its report and the check of the other threads are printed and
/// the figures returned. A thread that failed to start or panicked is an error.
pub enum Ended {
    Finished,
    Stopped { report: HangReport, figures: Vec<(&'static str, String)> },
}

pub async fn settle(watched: Result<Result<(), String>, HangReport>, live: LiveRun) -> Result<Ended, JobError> {
    match watched {
        Ok(ran) => ran.map(|()| Ended::Finished).map_err(JobError::Failed),
        Err(report) => {
            let figures = report_stuck(&report, live).await?;
            Ok(Ended::Stopped { report, figures })
        }
    }
}
