//! Heartbeat starvation and its fix (seed 000's program; seed 001 says the same in words): a timer that should tick
//! every 50 ms beside 300 ms of blocking work, on the main thread or offloaded.

use super::Experiment;
use crate::bridge::execute::spin_for;
use crate::bridge::{self, Placement};
use crate::run::live_run::{LiveRun, RunFuture};
use futures::channel::oneshot;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::{Job, JobError, JobOutput, Task};
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};

pub struct Heartbeat;

pub const BLOCKING: Mode = Mode::on_main_thread(
    "main-thread",
    "Blocking on the main thread",
    "The work busy-waits on the page's thread (a browser's main thread may not sleep): nothing else runs until it ends.",
);
pub const OFFLOADED: Mode = Mode::other(
    "worker",
    "Offloaded to a web worker",
    "The same work runs in a web worker, like tokio's spawn_blocking; the page's thread stays free for the timers.",
);
const MODES: &[Mode] = &[BLOCKING, OFFLOADED];

const PERIOD: Whole = Whole::new("period", "Heartbeat period (ms)", 1, 1_000, 50);
const TICKS: Whole = Whole::new("ticks", "Ticks", 1, 50, 3);
const WORK: Whole = Whole::new("work", "Blocking work (ms)", 0, 5_000, 300);
const KNOBS: &[Knob] = &[PERIOD.knob(), TICKS.knob(), WORK.knob()];

/// Starts a heartbeat: `ticks` sleeps of `period` ms, each printing when it woke.
/// Like a spawned tokio task it only begins once the caller yields; the returned
/// receiver resolves when the last tick has fired.
pub fn start_heartbeat(period: u64, ticks: u64, live: LiveRun) -> oneshot::Receiver<()> {
    let (done, finished) = oneshot::channel();
    leptos::task::spawn_local(async move {
        for n in 1..=ticks {
            TimeoutFuture::new(period as u32).await;
            let fired = live.elapsed();
            live.event(Event::tick("Heartbeat", format!("heartbeat {n}"), (n * period) as f64, fired));
            live.print(format!("heartbeat {n} at {fired:.0} ms"));
        }
        let _ = done.send(());
    });
    finished
}

/// Blocking work in `mode`: spun on the main thread, or sent to the compute worker.
/// Returns when it started and ended on the run's axis.
pub async fn blocking_work(task: Task, mode: Mode, live: LiveRun) -> Result<(f64, f64, Option<JobOutput>), JobError> {
    if mode.blocks_main_thread {
        let start = live.elapsed();
        let output = match task {
            Task::Spin { ms } => {
                spin_for(ms);
                None
            }
            task => Some(bridge::run(Job::sequential(task), Placement::MainThread).await?),
        };
        Ok((start, live.elapsed(), output))
    } else {
        let output = bridge::run(Job::sequential(task), Placement::Worker).await?;
        Ok((live.on_axis(output.started_ms), live.on_axis(output.ended_ms), Some(output)))
    }
}

/// Lateness figures of the heartbeat ticks of a run.
pub fn lateness_figures(live: &LiveRun) -> Vec<(&'static str, String)> {
    let late: Vec<f64> = live.events.with_untracked(|e| e.iter().filter_map(Event::lateness).collect());
    let max = late.iter().copied().fold(0.0, f64::max);
    vec![("ticks", late.len().to_string()), ("max lateness", format!("{max:.0} ms"))]
}

const ABOUT: About = About {
    slug: words::HEARTBEAT.slug,
    title: words::HEARTBEAT.title,
    summary: words::HEARTBEAT.summary,
    sources: &["src/experiments/heartbeat.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

impl Experiment for Heartbeat {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let (period, ticks, work) = (values.get(PERIOD), values.get(TICKS), values.get(WORK));
            let heartbeat = start_heartbeat(period, ticks, live);
            let (start, end, _) = blocking_work(Task::Spin { ms: work as f64 }, mode, live).await?;
            let lane = if mode.blocks_main_thread { "Work (main thread)" } else { "Work (web worker)" };
            live.event(Event::span(lane, "blocking work", start, end));
            live.print(format!("blocking work done at {end:.0} ms"));
            let _ = heartbeat.await;
            let mut figures = vec![("work done at", format!("{end:.0} ms"))];
            figures.extend(lateness_figures(&live));
            let fired: Vec<String> = live
                .events
                .with_untracked(|e| e.iter().filter(|e| e.due.is_some()).map(|e| format!("{:.0}", e.start)).collect());
            Ok(Outcome {
                result: format!("ticks at {} ms", fired.join(", ")),
                figures,
                threads: 1,
                ..Outcome::default()
            })
        })
    }
}
