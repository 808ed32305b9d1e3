//! A lock held across `.await` (seed 001): two tasks on one worker's
//! single-threaded executor share a counter. With std's Mutex held across an await,
//! the second task blocks the thread in `lock()` and the first can never resume: a
//! real deadlock, which the watchdog ends. An async mutex, or the guard dropped before
//! the await, and both finish.

use super::Experiment;
use crate::bridge::board::shared_now_ms;
use crate::bridge::threads;
use crate::bridge::watchdog::Watch;
use crate::experiment_parts::hangs::{self, Ended, GIVE_UP_S, STALL_MS, settle};
use crate::run::live_run::{LiveRun, RunFuture};
use futures::FutureExt;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::hang::{Verdict, Wait};
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

pub struct MutexAwait;

const STD_MUTEX: Mode = Mode::other(
    "std-mutex",
    "std Mutex held across .await",
    "Task 1 holds the guard while it awaits a timer; task 2's lock() blocks the thread, so task 1's timer can never run it again.",
);
const ASYNC_MUTEX: Mode = Mode::other(
    "async-mutex",
    "tokio's async Mutex",
    "lock().await suspends task 2 instead of blocking the thread: task 1's timer fires, it unlocks, task 2 goes on.",
);
const GUARD_DROPPED: Mode = Mode::other(
    "guard-dropped",
    "std Mutex, guard dropped before .await",
    "Task 1 updates the counter and drops the guard before it awaits: nothing is held while it waits.",
);
const MODES: &[Mode] = &[STD_MUTEX, ASYNC_MUTEX, GUARD_DROPPED];

// At least 10 ms, so task 2 (after 1 ms) comes while task 1 holds the lock.
const HOLD_MS: Whole = Whole::new("hold_ms", "Task 1's timer (ms)", 10, 5_000, 100);
const KNOBS: &[Knob] = &[HOLD_MS.knob(), STALL_MS.knob(), GIVE_UP_S.knob()];

const ABOUT: About = About {
    slug: words::MUTEX_AWAIT.slug,
    title: words::MUTEX_AWAIT.title,
    summary: words::MUTEX_AWAIT.summary,
    sources: &["src/experiments/mutex_await.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: true,
};

/// What a task is doing, as the page reads it (one byte per task).
const NOT_STARTED: u8 = 0;
const LOCKING: u8 = 1;
const HOLDING_AND_WAITING: u8 = 2;
const DONE: u8 = 3;

fn state_text(state: u8, mode: Mode) -> &'static str {
    match (state, mode) {
        (NOT_STARTED, _) => "not started",
        (LOCKING, STD_MUTEX) => "blocked the thread in lock(), waiting for task 1's guard",
        (LOCKING, _) => "waiting for the lock",
        (HOLDING_AND_WAITING, STD_MUTEX) => "holding the guard, awaiting its timer (which cannot run)",
        (HOLDING_AND_WAITING, _) => "awaiting its timer",
        _ => "done",
    }
}

/// What the worker's tasks share with the page.
struct Shared {
    /// What each task waits for, for the watchdog.
    watch: Watch,
    states: [AtomicU8; 2],
    /// When each task entered each state (shared clock, f64 bits; 0 = never), for the timeline.
    since: [[AtomicU64; 4]; 2],
    counter: AtomicU64,
}

impl Shared {
    fn new() -> Self {
        Shared {
            watch: Watch::new(&["Task 1", "Task 2"]),
            states: Default::default(),
            since: Default::default(),
            counter: AtomicU64::new(0),
        }
    }

    /// Task `task` enters `state`; `wait` is what it now waits for, told to the watchdog.
    fn set(&self, task: usize, state: u8, wait: Wait) {
        self.since[task][state as usize].store(shared_now_ms().to_bits(), Ordering::SeqCst);
        self.states[task].store(state, Ordering::SeqCst);
        self.watch.set(task, wait);
    }

    /// Each task's states as spans on the run's axis, the last one open until `end`.
    fn spans(&self, mode: Mode, end: f64, live: LiveRun) -> Vec<Event> {
        let mut events = Vec::new();
        for task in 0..2 {
            let at = |state: usize| {
                Some(f64::from_bits(self.since[task][state].load(Ordering::SeqCst))).filter(|t| *t > 0.0)
            };
            let mut states = (LOCKING..=DONE).filter_map(|s| at(s as usize).map(|t| (s, live.on_axis(t)))).peekable();
            while let Some((state, from)) = states.next() {
                let to = states.peek().map_or(end, |next| next.1);
                if state != DONE {
                    events.push(Event::span(format!("Task {}", task + 1), state_text(state, mode), from, to));
                }
            }
        }
        events
    }
}

/// The two tasks, joined on the worker's event loop.
async fn two_tasks(mode: Mode, hold_ms: u32, shared: Arc<Shared>) {
    let (first, second) = (shared.clone(), shared.clone());
    match mode {
        STD_MUTEX | GUARD_DROPPED => {
            let counter = Arc::new(std::sync::Mutex::new(0u64));
            let c2 = counter.clone();
            let task1 = async move {
                first.set(0, LOCKING, Wait::Running);
                let mut guard = counter.lock().expect("not poisoned");
                if mode == GUARD_DROPPED {
                    *guard += 1;
                    drop(guard);
                    first.set(0, HOLDING_AND_WAITING, Watch::timer_in(hold_ms as f64));
                    TimeoutFuture::new(hold_ms).await;
                } else {
                    first.set(0, HOLDING_AND_WAITING, Watch::timer_in(hold_ms as f64));
                    TimeoutFuture::new(hold_ms).await;
                    *guard += 1;
                }
                first.set(0, DONE, Wait::Done);
            };
            let task2 = async move {
                TimeoutFuture::new(1).await;
                second.set(1, LOCKING, Wait::Lock { holder: 0 });
                *c2.lock().expect("not poisoned") += 1;
                second.counter.store(*c2.lock().expect("not poisoned"), Ordering::SeqCst);
                second.set(1, DONE, Wait::Done);
            };
            tokio::join!(task1, task2);
        }
        _ => {
            let counter = Arc::new(tokio::sync::Mutex::new(0u64));
            let c2 = counter.clone();
            let task1 = async move {
                first.set(0, LOCKING, Wait::Running);
                let mut guard = counter.lock().await;
                first.set(0, HOLDING_AND_WAITING, Watch::timer_in(hold_ms as f64));
                TimeoutFuture::new(hold_ms).await;
                *guard += 1;
                drop(guard);
                first.set(0, DONE, Wait::Done);
            };
            let task2 = async move {
                TimeoutFuture::new(1).await;
                second.set(1, LOCKING, Wait::Lock { holder: 0 });
                let mut guard = c2.lock().await;
                *guard += 1;
                second.counter.store(*guard, Ordering::SeqCst);
                drop(guard);
                second.set(1, DONE, Wait::Done);
            };
            tokio::join!(task1, task2);
        }
    }
}

impl Experiment for MutexAwait {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let hold_ms = values.get(HOLD_MS) as u32;
            let shared = Arc::new(Shared::new());
            let on_worker = shared.clone();
            let start = live.elapsed();
            let watched = threads::spawn_watched(
                move || two_tasks(mode, hold_ms, on_worker).boxed_local(),
                &shared.watch,
                hangs::limits(&values),
                hangs::say_waiting(live, &values),
            )
            .await;
            live.events.update(|e| e.extend(shared.spans(mode, live.elapsed(), live)));
            let states: Vec<String> = (0..2)
                .map(|t| format!("task {}: {}", t + 1, state_text(shared.states[t].load(Ordering::SeqCst), mode)))
                .collect();
            let mut figures = vec![("task 1", states[0].clone()), ("task 2", states[1].clone())];
            let (result, hang) = match settle(watched, live).await? {
                Ended::Finished => {
                    let counter = shared.counter.load(Ordering::SeqCst);
                    live.print(format!("both tasks finished in {:.0} ms; counter = {counter}", live.elapsed() - start));
                    figures.push(("counter", counter.to_string()));
                    (format!("both finished: counter = {counter}"), None)
                }
                Ended::Stopped { report, figures: reported } => {
                    figures.extend(reported);
                    let deadlock = if report.verdict == Verdict::ThreadBlocked { "deadlock: " } else { "" };
                    (format!("{deadlock}{}; its worker terminated", report.verdict.title()), Some(report))
                }
            };
            Ok(Outcome { result, threads: 1, figures, hang, ..Outcome::default() })
        })
    }
}
