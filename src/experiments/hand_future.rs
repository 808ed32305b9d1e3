//! A future by hand (seed 002): the unit that moves one step toward its target per
//! poll, polled by a plain loop, and under the page's executor with each way of asking
//! for the next poll: none (stuck, and the watchdog says so), `wake_by_ref`, a timer.

use super::Experiment;
use crate::bridge::watchdog::{OnThePage, Watch, watch};
use crate::experiment_parts::hangs::{self, GIVE_UP_S, STALL_MS};
use crate::run::live_run::{LiveRun, RunFuture};
use futures::channel::oneshot;
use futures::future::{AbortHandle, Abortable};
use gloo_timers::callback::Timeout;
use gloo_timers::future::TimeoutFuture;
use playground_kernels::hand_future::{Unit, UnitGoto, Wake, poll_by_hand};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::hang::{HangReport, Wait};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

pub struct HandFuture;

const MANUAL_POLL: Mode = Mode::other(
    "manual-poll",
    "Polled by a plain loop",
    "A loop calls poll with a waker that does nothing, until Ready: every poll and position listed.",
);
const NO_WAKE: Mode = Mode::other(
    "no-wake",
    "Under an executor, never woken",
    "The future returns Pending without arranging a wake: the executor polls it once and never again. The watchdog sees the page answering and nothing registered to wake it: nobody will.",
);
const WAKE_BY_REF: Mode = Mode::other(
    "wake-by-ref",
    "Waking itself (wake_by_ref)",
    "It wakes itself before returning Pending. This build's executor polls a task woken during its own poll again at \
     once, in the same turn: the walk runs to its target without giving the page a turn (the heartbeat and the frames \
     wait; try a target of 400,000).",
);
const TIMER_WAKE: Mode = Mode::other(
    "timer-wake",
    "Woken by a timer (wake)",
    "It hands its waker to a timer, which calls the consuming wake when it fires: one step per timer.",
);
const MODES: &[Mode] = &[MANUAL_POLL, NO_WAKE, WAKE_BY_REF, TIMER_WAKE];

const START: Whole = Whole::new("start", "Start position", 0, 1_000_000, 0);
const TARGET: Whole = Whole::new("target", "Target position", 0, 1_000_000, 10);
const STEP_MS: Whole = Whole::new("step_ms", "Timer per step (ms)", 1, 10_000, 10);
const KNOBS: &[Knob] = &[START.knob(), TARGET.knob(), STEP_MS.knob(), STALL_MS.knob(), GIVE_UP_S.knob()];
/// Polls drawn on the timeline at most (the table counts them all).
const POLLS_DRAWN: u32 = 500;
/// A timer run longer than this is refused: steps × timer.
const MAX_TIMER_RUN_MS: u64 = 60_000;

const ABOUT: About = About {
    slug: words::HAND_FUTURE.slug,
    title: words::HAND_FUTURE.title,
    summary: words::HAND_FUTURE.summary,
    sources: &["kernels/src/hand_future.rs", "src/experiments/hand_future.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::No,
    memory_bound: false,
    headline: None,
    verdict_by_result: true,
};

/// The polls so far: (poll number, position, when in ms since the run began).
type PollLog = Rc<RefCell<Vec<(u32, i32, f64)>>>;

/// What the future waits for after a poll that returned Pending, as it tells the watchdog.
fn wait_after_poll(mode: Mode, step_ms: u32) -> Wait {
    match mode {
        WAKE_BY_REF => Wait::Running,
        TIMER_WAKE => Watch::timer_in(step_ms as f64),
        _ => Wait::Nothing,
    }
}

fn unit_goto(values: &Values, mode: Mode, log: PollLog, watched: Arc<Watch>, live: LiveRun) -> UnitGoto {
    let unit = Rc::new(RefCell::new(Unit { pos: values.get(START) as i32 }));
    let steps = values.get(START).abs_diff(values.get(TARGET)) as u32;
    let step_ms = values.get(STEP_MS) as u32;
    let on_poll = Box::new(move |n, pos| {
        // Polls 1..=steps move a step and answer Pending; the one after answers Ready.
        watched.set(0, if n > steps { Wait::Done } else { wait_after_poll(mode, step_ms) });
        let at = live.elapsed();
        log.borrow_mut().push((n, pos, at));
        // On the timeline as it happens, the first polls only: a redraw per poll of
        // 200,000 would be most of what the run measures.
        if n <= POLLS_DRAWN {
            live.event(Event::span("Polls", format!("poll {n}: position {pos}"), at, at));
        }
    });
    UnitGoto { unit, target_pos: values.get(TARGET) as i32, wake: wake_for(mode, step_ms), polls: 0, on_poll }
}

fn wake_for(mode: Mode, step_ms: u32) -> Wake {
    match mode {
        WAKE_BY_REF => Wake::ByRef,
        TIMER_WAKE => Wake::Later(Box::new(move |waker| {
            Timeout::new(step_ms, move || waker.wake()).forget();
        })),
        _ => Wake::Never,
    }
}

/// A 50 ms heartbeat on the timeline until `until` says stop: turns the thread gave others.
fn heartbeat(live: LiveRun, done: Rc<RefCell<bool>>) {
    wasm_bindgen_futures::spawn_local(async move {
        for n in 1.. {
            let due = live.elapsed() + 50.0;
            TimeoutFuture::new(50).await;
            if *done.borrow() {
                return;
            }
            live.event(Event::tick("Heartbeat", format!("heartbeat {n}"), due, live.elapsed()));
        }
    });
}

impl Experiment for HandFuture {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn check(&self, values: &Values, mode: Mode) -> Vec<String> {
        let steps = values.get(START).abs_diff(values.get(TARGET));
        let ms = steps * values.get(STEP_MS);
        if mode == TIMER_WAKE && ms > MAX_TIMER_RUN_MS {
            vec![format!(
                "A timer per step: {steps} steps × {} ms is {ms} ms; keep it to {MAX_TIMER_RUN_MS} ms or less.",
                values.get(STEP_MS)
            )]
        } else {
            Vec::new()
        }
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let log: PollLog = Rc::default();
            let watched = Arc::new(Watch::new(&["The future"]));
            let mut future = unit_goto(&values, mode, log.clone(), watched.clone(), live);
            let stuck = if mode == MANUAL_POLL {
                let limit = values.get(START).abs_diff(values.get(TARGET)) as u32 + 1;
                poll_by_hand(&mut future, limit).ok_or_else(|| JobError::Failed("the loop ran out of polls".into()))?;
                None
            } else {
                let done = Rc::new(RefCell::new(false));
                heartbeat(live, done.clone());
                // A task of its own, so only its own waker gets it polled (under the watchdog's
                // select, every wake of the run would poll it too); Abortable drops it when stuck.
                let (ready, polled_out) = oneshot::channel();
                let (abort, registration) = AbortHandle::new_pair();
                let task = Abortable::new(async move { ready.send(future.await) }, registration);
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = task.await;
                });
                let limits = hangs::limits(&values);
                let judged = watch(polled_out, &watched, &OnThePage, limits, hangs::say_waiting(live, &values)).await;
                *done.borrow_mut() = true;
                abort.abort();
                judged.err()
            };
            Ok(outcome(&log.borrow(), stuck, live))
        })
    }
}

fn outcome(log: &[(u32, i32, f64)], stopped: Option<HangReport>, live: LiveRun) -> Outcome {
    let polls = log.len();
    let positions: Vec<String> = log.iter().take(20).map(|p| p.1.to_string()).collect();
    let more = if polls > 20 { ", …" } else { "" };
    let last = log.last().map_or(0, |p| p.1);
    let (result, ready) = match &stopped {
        Some(report) => {
            let s = if polls == 1 { "" } else { "s" };
            hangs::print_report(report, live);
            live.print("the future was dropped; the page goes on");
            (format!("{}: {polls} poll{s}, then none; the future was dropped", report.verdict.title()), 0)
        }
        None => (format!("{polls} polls: {} Pending, 1 Ready, at position {last}", polls - 1), 1),
    };
    for (n, pos, _) in log.iter().take(12) {
        live.print(format!("poll {n}: position {pos}"));
    }
    Outcome {
        result,
        threads: 1,
        figures: vec![
            ("polls", polls.to_string()),
            ("Pending", (polls - ready).to_string()),
            ("Ready", ready.to_string()),
            ("positions after each poll", format!("{}{more}", positions.join(", "))),
            ("watchdog", stopped.as_ref().map_or("no verdict".into(), |r| r.verdict.title())),
        ],
        hang: stopped,
        ..Outcome::default()
    }
}
