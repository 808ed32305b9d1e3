//! block_on, the bridge and its trap (seed 000): synchronous code enters async with
//! `futures::executor::block_on`. On a future another thread completes, it works; on a
//! timer that needs the very event loop `block_on` is blocking, it waits forever.

use super::Experiment;
use crate::bridge::threads;
use crate::bridge::watchdog::Watch;
use crate::experiment_parts::hangs::{self, Ended, GIVE_UP_S, STALL_MS, settle};
use crate::run::live_run::{LiveRun, RunFuture};
use futures::channel::oneshot;
use gloo_timers::future::TimeoutFuture;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::hang::{HangReport, Wait};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::Outcome;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

pub struct BlockOn;

const FROM_SYNC: Mode = Mode::other(
    "from-sync",
    "From sync code, on work another thread does",
    "A worker's plain code calls block_on on a oneshot that a rayon job fills in: the thread sleeps until the pool answers, count = 42.",
);
const ON_OWN_LOOP: Mode = Mode::other(
    "on-own-loop",
    "On a timer of its own event loop",
    "block_on of a timer future on the same worker: the timer needs the event loop that block_on is blocking, so it never fires.",
);
const RUNTIME_IN_RUNTIME: Mode = Mode::other(
    "runtime-in-runtime",
    "tokio: block_on inside a runtime",
    "A worker starts a real tokio current-thread runtime and, inside its block_on, calls block_on of a second runtime: \
     tokio refuses with its own panic, taken from the worker's panic hook. The worker dies with it.",
);
const MODES: &[Mode] = &[FROM_SYNC, ON_OWN_LOOP, RUNTIME_IN_RUNTIME];

const TIMER_MS: Whole = Whole::new("timer_ms", "The timer block_on waits for (ms)", 1, 5_000, 100);
const KNOBS: &[Knob] = &[TIMER_MS.knob(), STALL_MS.knob(), GIVE_UP_S.knob()];
/// The seed's value.
const COUNT: u64 = 42;

const ABOUT: About = About {
    slug: words::BLOCK_ON.slug,
    title: words::BLOCK_ON.title,
    summary: words::BLOCK_ON.summary,
    sources: &["src/experiments/block_on.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: true,
};

/// What seed 000 warns about, run: a tokio runtime's block_on inside another's. tokio
/// panics before anything blocks (the panic ends the worker; the message reaches the page
/// through the panic hook).
fn runtime_in_runtime() {
    let runtime = || tokio::runtime::Builder::new_current_thread().build().expect("a current-thread runtime builds");
    let outer = runtime();
    outer.block_on(async {
        let inner = runtime();
        inner.block_on(async {});
    });
}

/// Seed 000's bridge: plain code that needs a value async work produces, here on the pool.
fn count_from_sync(watch: &Watch) -> u64 {
    let (send, count) = oneshot::channel();
    rayon::spawn(move || {
        let _ = send.send(COUNT);
    });
    watch.set(0, Wait::OtherThread);
    futures::executor::block_on(count).unwrap_or(0)
}

impl Experiment for BlockOn {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let timer_ms = values.get(TIMER_MS) as u32;
            let watch = Arc::new(Watch::new(&["block_on"]));
            let count = Arc::new(AtomicU64::new(0));
            let (on_worker, into) = (watch.clone(), count.clone());
            let start = live.elapsed();
            let watched = threads::spawn_blocking_watched(
                move || {
                    if mode == FROM_SYNC {
                        into.store(count_from_sync(&on_worker), Ordering::SeqCst);
                    } else if mode == RUNTIME_IN_RUNTIME {
                        runtime_in_runtime();
                    } else {
                        // A timer of this thread's own event loop, which block_on now blocks.
                        on_worker.set(0, Watch::timer_in(timer_ms as f64));
                        futures::executor::block_on(TimeoutFuture::new(timer_ms));
                        into.store(1, Ordering::SeqCst);
                    }
                    on_worker.set(0, Wait::Done);
                },
                &watch,
                hangs::limits(&values),
                hangs::say_waiting(live, &values),
            )
            .await;
            let took = live.elapsed() - start;
            if mode == RUNTIME_IN_RUNTIME {
                return tokio_refused(watched, live);
            }
            match settle(watched, live).await? {
                Ended::Finished => {
                    let count = count.load(Ordering::SeqCst);
                    let result = if mode == FROM_SYNC { format!("count = {count}") } else { "the timer fired".into() };
                    live.print(result.clone());
                    Ok(Outcome {
                        result,
                        matches_seed: (mode == FROM_SYNC).then_some(count == COUNT),
                        threads: 1,
                        figures: vec![("worker started, block_on returned, worker ended (ms)", format!("{took:.1}"))],
                        ..Outcome::default()
                    })
                }
                Ended::Stopped { report, figures } => Ok(Outcome {
                    result: format!(
                        "{}: block_on waits for a timer of the very event loop it blocks; its worker terminated",
                        report.verdict.title()
                    ),
                    threads: 1,
                    figures,
                    hang: Some(report),
                    ..Outcome::default()
                }),
            }
        })
    }
}

/// The runtime-in-runtime mode's outcome: tokio's own panic message, as the worker's
/// panic hook reported it. Anything else (no panic at all) is a failure of the experiment.
fn tokio_refused(watched: Result<Result<(), String>, HangReport>, live: LiveRun) -> Result<Outcome, JobError> {
    let said = match watched {
        Ok(Err(why)) => why,
        Ok(Ok(())) => return Err(JobError::Failed("tokio ran a runtime inside a runtime without a word".into())),
        Err(report) => return Err(JobError::Failed(format!("the worker hung instead: {}", report.verdict.title()))),
    };
    let panic = said.strip_prefix("the thread panicked: ").ok_or_else(|| JobError::Failed(said.clone()))?;
    live.print(format!("tokio panicked: {panic}"));
    Ok(Outcome {
        result: format!("tokio panicked: \"{panic}\""),
        threads: 1,
        figures: vec![("the worker", "ended by the panic; the next run starts a new one".to_string())],
        ..Outcome::default()
    })
}
