//! Timer vs busy loop (seed 000, the Node example): a timer due at 50 ms, then
//! 300 ms of busy work on the same thread.

use super::Experiment;
use super::heartbeat::{BLOCKING, OFFLOADED, blocking_work};
use crate::experiment_parts::twins::{self, js_mode};
use crate::run::live_run::{LiveRun, RunFuture};
use futures::channel::oneshot;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::{JobError, Task};
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};

pub struct TimerVsBusyLoop;

const JS: Mode =
    js_mode(true, "setTimeout, then a while loop on the clock: the seed's Node program, in this page's event loop.");
const MODES: &[Mode] = &[BLOCKING, OFFLOADED, JS];
const TIMER: Whole = Whole::new("timer", "Timer due after (ms)", 0, 5_000, 50);
const BUSY: Whole = Whole::new("busy", "Busy loop (ms)", 0, 5_000, 300);
const KNOBS: &[Knob] = &[TIMER.knob(), BUSY.knob()];

const ABOUT: About = About {
    slug: words::TIMER_VS_BUSY.slug,
    title: words::TIMER_VS_BUSY.title,
    summary: words::TIMER_VS_BUSY.summary,
    sources: &["src/experiments/timer_vs_busy.rs", "src/experiment_parts/twins.js"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

/// A timer due after `due` ms, then `busy` ms of work in `mode`; (work done, timer fired).
async fn rust_timer_then_busy_loop(due: u64, busy: u64, mode: Mode, live: LiveRun) -> Result<(f64, f64), JobError> {
    let (fired_tx, fired_rx) = oneshot::channel();
    let timer = gloo_timers::callback::Timeout::new(due as u32, move || {
        let fired = live.elapsed();
        live.event(Event::tick("Timer", "timer", due as f64, fired));
        live.print(format!("timer fired at {fired:.0} ms (wanted {due})"));
        let _ = fired_tx.send(fired);
    });
    let (start, end, _) = blocking_work(Task::Spin { ms: busy as f64 }, mode, live).await?;
    let lane = if mode.blocks_main_thread { "Busy loop (main thread)" } else { "Busy loop (web worker)" };
    live.event(Event::span(lane, "busy loop", start, end));
    live.print(format!("busy loop done at {end:.0} ms"));
    let fired = fired_rx.await.unwrap_or(f64::NAN);
    drop(timer);
    Ok((end, fired))
}

impl Experiment for TimerVsBusyLoop {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let (due, busy) = (values.get(TIMER), values.get(BUSY));
            let (end, fired) = if mode == JS {
                let (end, fired) = twins::timer_then_busy_loop(due, busy, live).await?;
                // The seed's console.log lines, in the order they happened.
                let mut lines = [
                    (end, format!("busy loop done at {end:.0} ms")),
                    (fired, format!("timer fired at {fired:.0} ms (wanted {due})")),
                ];
                lines.sort_by(|a, b| a.0.total_cmp(&b.0));
                lines.into_iter().for_each(|(_, line)| live.print(line));
                (end, fired)
            } else {
                rust_timer_then_busy_loop(due, busy, mode, live).await?
            };
            Ok(Outcome {
                result: format!("timer fired at {fired:.0} ms (wanted {due})"),
                threads: 1,
                figures: vec![
                    ("timer fired at", format!("{fired:.0} ms")),
                    ("busy loop done at", format!("{end:.0} ms")),
                    ("timer late by", format!("{:.0} ms", fired - due as f64)),
                ],
                ..Outcome::default()
            })
        })
    }
}
