//! Switch cost (seed 001's task switch against thread switch, over seed 002's kinds of
//! channel): one message bounced back and forth between two
//! parties, and what one round trip costs when the parties are two futures on one
//! thread, two pool threads, or the page and a worker.

use super::Experiment;
use crate::bridge::threads;
use crate::experiment_parts::ramp::{RampChart, measure_ramp};
use crate::run::live_run::{LiveRun, RunFuture};
use futures::channel::{mpsc, oneshot};
use futures::{SinkExt, StreamExt};
use playground_kernels::params::group_thousands;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::Outcome;

pub struct SwitchCost;

const FUTURES: Mode = Mode::on_main_thread(
    "futures",
    "Two futures, one thread",
    "Two futures joined on the page's thread pass the message through a futures channel: each hop is a wake and a poll, no thread involved.",
);
const THREADS: Mode = Mode::other(
    "threads",
    "Two pool threads",
    "Two jobs on rayon's pool pass it through crossbeam channels: each hop wakes a parked thread (Atomics.notify and wait underneath).",
);
const POST_MESSAGE: Mode = Mode::other(
    "post-message",
    "Page and worker (postMessage)",
    "The page posts it to a worker that posts it back: each hop is a structured clone and a task in the other side's event loop.",
);
const MODES: &[Mode] = &[FUTURES, THREADS, POST_MESSAGE];

const TRIPS: Whole = Whole::new("trips", "Round trips", 1, 1_000_000, 10_000);
const KNOBS: &[Knob] = &[TRIPS.knob()];
/// postMessage round trips take tens of µs each: more would hold a run for minutes.
const MAX_POSTED: u64 = 100_000;

const ABOUT: About = About {
    slug: words::SWITCH_COST.slug,
    title: words::SWITCH_COST.title,
    summary: words::SWITCH_COST.summary,
    sources: &["src/experiments/switch_cost.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    // µs per round trip is also ms per 1,000 of them: a figure in ms the verdict and the bars compare.
    headline: Some(PER_THOUSAND),
    verdict_by_result: false,
};
const PER_THOUSAND: &str = "ms per 1,000 round trips";

/// `trips` round trips between two futures joined on this thread; ms they took.
async fn between_futures(trips: u64) -> Result<f64, JobError> {
    let (mut to_pong, mut at_pong) = mpsc::unbounded::<u64>();
    let (mut to_ping, mut at_ping) = mpsc::unbounded::<u64>();
    let start = crate::browser::clock::now_ms();
    let ping = async move {
        for n in 0..trips {
            to_pong.send(n).await.ok()?;
            at_ping.next().await?;
        }
        Some(())
    };
    let pong = async move {
        while let Some(n) = at_pong.next().await {
            to_ping.send(n).await.ok()?;
        }
        Some(())
    };
    let (pinged, _) = futures::join!(ping, pong);
    pinged.ok_or_else(|| JobError::Failed("a future dropped its channel".into()))?;
    Ok(crate::browser::clock::now_ms() - start)
}

/// `trips` round trips between two jobs on the global pool through crossbeam channels,
/// timed on the pinging thread; ms they took.
async fn between_threads(trips: u64) -> Result<f64, JobError> {
    let (to_pong, at_pong) = crossbeam_channel::bounded::<u64>(1);
    let (to_ping, at_ping) = crossbeam_channel::bounded::<u64>(1);
    let (done, finished) = oneshot::channel();
    rayon::spawn(move || {
        while let Ok(n) = at_pong.recv() {
            if to_ping.send(n).is_err() {
                break;
            }
        }
    });
    rayon::spawn(move || {
        let start = crate::browser::clock::now_ms();
        let bounced = (0..trips).all(|n| to_pong.send(n).is_ok() && at_ping.recv().is_ok());
        let _ = done.send(bounced.then(|| crate::browser::clock::now_ms() - start));
        // Dropping `to_pong` here ends the other job's loop.
    });
    finished.await.ok().flatten().ok_or_else(|| JobError::Failed("a pool thread dropped its channel".into()))
}

fn chart(mode: Mode) -> RampChart {
    RampChart {
        title: "One round trip against how many in a row",
        count_name: "round trips in a row (log scale)",
        line: mode.label,
    }
}

impl Experiment for SwitchCost {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn check(&self, values: &Values, mode: Mode) -> Vec<String> {
        let trips = values.get(TRIPS);
        if mode == POST_MESSAGE && trips > MAX_POSTED {
            vec![format!(
                "postMessage round trips: at most {} ({} asked): each takes tens of µs, more would hold the run for minutes.",
                group_thousands(MAX_POSTED),
                group_thousands(trips)
            )]
        } else {
            Vec::new()
        }
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let trips = values.get(TRIPS);
            if mode == THREADS && rayon::current_num_threads() < 2 {
                return Err(JobError::Failed("two pool threads are needed, and this pool has one".into()));
            }
            let costs = measure_ramp(trips, &chart(mode), live, |n| async move {
                match mode {
                    FUTURES => between_futures(n).await,
                    THREADS => between_threads(n).await,
                    _ => threads::echo_round_trips(n as u32).await.map_err(JobError::Failed),
                }
            })
            .await?;
            let top = costs.last().ok_or_else(|| JobError::Failed("nothing was measured".into()))?;
            live.print(format!("{} round trips: {} each", group_thousands(trips), top.text()));
            Ok(Outcome {
                result: format!("{} each ({} round trips)", top.text(), group_thousands(trips)),
                threads: if mode == FUTURES { 1 } else { 2 },
                figures: vec![
                    ("round trips", group_thousands(trips)),
                    ("µs per round trip", format!("{:.4}", top.per_unit_us.median)),
                    ("per round trip (median, spread)", top.text()),
                ],
                headline: Some((PER_THOUSAND, top.per_unit_us.median)),
                ..Outcome::default()
            })
        })
    }
}
