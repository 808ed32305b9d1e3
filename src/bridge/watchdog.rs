//! The one watchdog. A run that can hang keeps a [`Watch`]: its tasks count their steps
//! and register what they wait for (a timer and when it is due, a lock and its holder,
//! another thread's answer, or nothing); the watchdog pings the worker they run on. What
//! that adds up to (going, a wait that will end, or stuck, and why) is decided by
//! `playground_lab::hang::judge`, from evidence, never from silence alone. A stuck run is
//! given up and the caller ends whatever it ran on (a worker is terminated; a future on the
//! page is dropped).

use crate::bridge::board::shared_now_ms;
use gloo_timers::future::TimeoutFuture;
use playground_lab::hang::{HangReport, Judgement, Limits, Observation, Thread, Wait, judge};
use std::future::Future;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// Tasks a watched run may name.
pub const MAX_TASKS: usize = 4;

/// What a watched run's tasks share with the watchdog, in shared memory: written by
/// whichever thread runs them, read by the page without a lock.
pub struct Watch {
    names: [&'static str; MAX_TASKS],
    tasks: usize,
    steps: AtomicU64,
    /// When the latest step was made (shared clock, f64 bits).
    last_step: AtomicU64,
    /// Each task's wait: its kind and, for a lock, the holder (see `encode`).
    waits: [AtomicU32; MAX_TASKS],
    /// For a timer: when it is due (shared clock, f64 bits).
    due: [AtomicU64; MAX_TASKS],
}

const RUNNING: u32 = 0;
const TIMER: u32 = 1;
const LOCK: u32 = 2;
const OTHER_THREAD: u32 = 3;
const NOTHING: u32 = 4;
const DONE: u32 = 5;

impl Watch {
    /// A watch over tasks with these names ("Task 1", "the future"), all running.
    pub fn new(names: &[&'static str]) -> Self {
        assert!(names.len() <= MAX_TASKS, "a watch names at most {MAX_TASKS} tasks");
        let mut all = [""; MAX_TASKS];
        all[..names.len()].copy_from_slice(names);
        Watch {
            names: all,
            tasks: names.len(),
            steps: AtomicU64::new(0),
            last_step: AtomicU64::new(shared_now_ms().to_bits()),
            waits: Default::default(),
            due: Default::default(),
        }
    }

    /// One more step (a poll, a state change), now.
    pub fn step(&self) {
        self.last_step.store(shared_now_ms().to_bits(), Ordering::SeqCst);
        self.steps.fetch_add(1, Ordering::SeqCst);
    }

    /// Task `task` now waits for `wait` (times on the shared clock). Counts as a step.
    pub fn set(&self, task: usize, wait: Wait) {
        let (kind, holder, due) = match wait {
            Wait::Running => (RUNNING, 0, 0.0),
            Wait::Timer { due_ms } => (TIMER, 0, due_ms),
            Wait::Lock { holder } => (LOCK, holder as u32, 0.0),
            Wait::OtherThread => (OTHER_THREAD, 0, 0.0),
            Wait::Nothing => (NOTHING, 0, 0.0),
            Wait::Done => (DONE, 0, 0.0),
        };
        self.due[task].store(due.to_bits(), Ordering::SeqCst);
        self.waits[task].store(kind | holder << 8, Ordering::SeqCst);
        self.step();
    }

    /// A timer of `ms` from now, as a wait.
    pub fn timer_in(ms: f64) -> Wait {
        Wait::Timer { due_ms: shared_now_ms() + ms }
    }

    fn wait(&self, task: usize) -> Wait {
        let code = self.waits[task].load(Ordering::SeqCst);
        match code & 0xff {
            TIMER => Wait::Timer { due_ms: f64::from_bits(self.due[task].load(Ordering::SeqCst)) },
            LOCK => Wait::Lock { holder: (code >> 8) as usize },
            OTHER_THREAD => Wait::OtherThread,
            NOTHING => Wait::Nothing,
            DONE => Wait::Done,
            _ => Wait::Running,
        }
    }

    fn observe(&self, started_ms: f64, thread: Thread) -> Observation {
        Observation {
            started_ms,
            now_ms: shared_now_ms(),
            steps: self.steps.load(Ordering::SeqCst),
            last_step_ms: f64::from_bits(self.last_step.load(Ordering::SeqCst)),
            thread,
            tasks: (0..self.tasks).map(|t| (self.names[t].to_string(), self.wait(t))).collect(),
        }
    }
}

/// Where the watched tasks run: how the watchdog asks whether that thread answers.
pub trait Liveness {
    /// Asks the thread to answer (a ping through its message queue).
    fn ping(&self) {}
    /// The thread, as the watchdog sees it now.
    fn thread(&self) -> Thread;
}

/// The page's own main thread: it answers, since the watchdog runs on it.
pub struct OnThePage;

impl Liveness for OnThePage {
    fn thread(&self) -> Thread {
        Thread::Page
    }
}

/// How often the watchdog looks.
const LOOK_EVERY_MS: u32 = 50;

/// Awaits `run` while [`judge`] says it is going or waiting for something that will come;
/// `waiting` hears each new wait that has lasted the silence limit ("Task 1 awaits a timer
/// due at 5000 ms"), so the page can show it. Stuck: `run` is dropped and the answer is the report. The looking happens on
/// this thread's event loop, which must be free (the page's main thread always is).
pub async fn watch<T>(
    run: impl Future<Output = T>,
    watch: &Watch,
    thread: &dyn Liveness,
    limits: Limits,
    waiting: impl Fn(&str),
) -> Result<T, HangReport> {
    let started_ms = shared_now_ms();
    let looking = async {
        let mut told = String::new();
        loop {
            thread.ping();
            TimeoutFuture::new(LOOK_EVERY_MS).await;
            let seen = watch.observe(started_ms, thread.thread());
            // A wait is told once it has lasted as long as a silence could: the moment a
            // rule of silence alone would have called it stuck.
            let long = seen.now_ms - seen.last_step_ms >= limits.silence_ms;
            match judge(&seen, limits) {
                Judgement::Stuck(report) => return report,
                Judgement::Waiting { what, .. } if long && what != told => {
                    waiting(&what);
                    told = what;
                }
                _ => {}
            }
        }
    };
    futures::pin_mut!(run, looking);
    match futures::future::select(run, looking).await {
        futures::future::Either::Left((value, _)) => Ok(value),
        futures::future::Either::Right((report, _)) => Err(report),
    }
}
