//! One thread, spawned and joined (seed 001): a new thread sums 0..1,000,000 while
//! the caller waits in `join`. Here the thread is a new web worker; the page, which may
//! not block, awaits the worker's end where the seed blocks in `join()`.

use super::Experiment;
use crate::bridge::board::shared_now_ms;
use crate::bridge::threads;
use crate::run::live_run::{LiveRun, RunFuture};
use playground_kernels::sum::{SeedSum, seed_thread_sum};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use std::sync::{Arc, Mutex};

pub struct SpawnJoin;

const THREAD: Mode = Mode::other(
    "thread",
    "thread::spawn, then join",
    "The sum runs on a new web worker, the browser's thread: it joins the page's shared memory, runs the closure \
     and ends. The page awaits its end, where the seed blocks in join() (a browser's main thread may not block).",
);
const INLINE: Mode = Mode::on_main_thread(
    "main-thread",
    "No thread: the sum inline",
    "The same sum on the page's own thread, to set what the thread costs against what its work costs.",
);
const MODES: &[Mode] = &[THREAD, INLINE];

/// The seed sums 0..1,000,000.
const N: Whole = Whole::new("n", "Sum 0..n", 0, 100_000_000, 1_000_000);
const KNOBS: &[Knob] = &[N.knob()];

const ABOUT: About = About {
    slug: words::SPAWN_JOIN.slug,
    title: words::SPAWN_JOIN.title,
    summary: words::SPAWN_JOIN.summary,
    sources: &["src/experiments/spawn_join.rs", "kernels/src/sum.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

/// "1,783,293,664 (i32 wrapped; …)": what the seed's program prints, built each way.
fn said(sum: SeedSum) -> String {
    match sum.checked {
        Some(fits) => format!("{fits} (fits in the seed's i32)"),
        None => format!(
            "{} in release (i32 wrapped); a debug build panics: the sum {} overflows i32",
            sum.wrapped, sum.exact
        ),
    }
}

/// The sum on a new worker: when the body started and ended (shared clock), and its sum.
async fn on_new_thread(n: u64) -> Result<(f64, f64, SeedSum), JobError> {
    let answer = Arc::new(Mutex::new(None));
    let slot = answer.clone();
    threads::spawn(move || {
        let began = shared_now_ms();
        let sum = seed_thread_sum(n);
        *slot.lock().unwrap_or_else(|e| e.into_inner()) = Some((began, shared_now_ms(), sum));
    })
    .await
    .map_err(JobError::Failed)?;
    let answered = answer.lock().unwrap_or_else(|e| e.into_inner()).take();
    answered.ok_or_else(|| JobError::Failed("the thread ended without its sum".into()))
}

impl Experiment for SpawnJoin {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let n = values.get(N);
            let spawned = live.elapsed();
            let (began, ended, sum, joined) = if mode == THREAD {
                let (began, ended, sum) = on_new_thread(n).await?;
                (live.on_axis(began), live.on_axis(ended), sum, live.elapsed())
            } else {
                let began = live.elapsed();
                let sum = seed_thread_sum(n);
                let ended = live.elapsed();
                (began, ended, sum, ended)
            };
            let mut figures = vec![("sum took", format!("{:.2} ms", ended - began))];
            if mode == THREAD {
                live.event(Event::span("Page (awaiting join)", "spawn → join", spawned, joined));
                live.event(Event::span("New thread (web worker)", "sum", began, ended));
                figures.push(("thread started after", format!("{:.1} ms", began - spawned)));
                figures.push(("joined after the sum", format!("{:.1} ms", joined - ended)));
            } else {
                live.event(Event::span("Main thread", "sum", began, ended));
            }
            live.print(format!("sum of 0..{n}: {} (exact: {})", sum.wrapped, sum.exact));
            figures.push(("exact sum (i64)", sum.exact.to_string()));
            Ok(Outcome { result: said(sum), threads: 1, figures, ..Outcome::default() })
        })
    }
}
