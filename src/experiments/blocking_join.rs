//! Blocking sleep inside join (seed 002): three tasks that "sleep" a second each,
//! blocking the thread or awaiting a timer.

use super::Experiment;
use crate::bridge::execute::spin_for;
use crate::live_run::{LiveRun, RunFuture};
use futures::future::join_all;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use playground_lab::catalogue::{About, Mode, Role};
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};

pub struct BlockingSleepInJoin;

const BLOCKING: Mode = Mode {
    id: "blocking",
    label: "Blocking sleep",
    explanation: "Each task holds the thread for its whole sleep (a busy wait: the main thread may not sleep). No await, so no turn-taking.",
    blocks_main_thread: true,
    role: Role::Other,
};
const AWAITING: Mode = Mode {
    id: "awaiting",
    label: "Awaiting a timer",
    explanation: "Each task awaits a timer future: at the await it gives the thread back, so the sleeps overlap.",
    blocks_main_thread: false,
    role: Role::Other,
};
const MODES: &[Mode] = &[AWAITING, BLOCKING];
const TASKS: Whole = Whole::new("tasks", "Tasks", 1, 10, 3);
const SLEEP: Whole = Whole::new("sleep", "Each sleeps (ms)", 1, 3_000, 1_000);
const KNOBS: &[Knob] = &[TASKS.knob(), SLEEP.knob()];
/// A blocking run freezes the page for tasks × sleep; past this that is too long to sit through.
const MAX_BLOCKING_MS: u64 = 5_000;

async fn sleep_then_print(timer: u64, ms: u64, blocking: bool, live: LiveRun) {
    let start = live.elapsed();
    live.print(format!("Start timer {timer}."));
    if blocking {
        spin_for(ms as f64);
    } else {
        TimeoutFuture::new(ms as u32).await;
    }
    live.print(format!("Timer {timer} done."));
    live.event(Event::span(format!("Task {timer}"), format!("timer {timer}"), start, live.elapsed()));
}

/// The order the seed prints its lines in.
fn expected_lines(tasks: u64, blocking: bool) -> Vec<String> {
    if blocking {
        (1..=tasks).flat_map(|t| [format!("Start timer {t}."), format!("Timer {t} done.")]).collect()
    } else {
        (1..=tasks)
            .map(|t| format!("Start timer {t}."))
            .chain((1..=tasks).map(|t| format!("Timer {t} done.")))
            .collect()
    }
}

const ABOUT: About = About {
    slug: "blocking-join",
    title: "Blocking sleep inside join",
    summary: "Three tasks joined, each sleeping a second: blocking, they run one after another (≈3 s); awaiting, together (≈1 s).",
    explanation: &[
        "join! (here join_all) runs several futures concurrently on one thread, by polling each in turn. That \
             only works if each future returns at its awaits. A task that blocks (std::thread::sleep in the seed) \
             never returns until it is done, so the others wait their turn.",
        "Blocking: Start timer 1, Timer 1 done, Start timer 2, … about 3 s in all, and the page is frozen for all \
             of it. Awaiting a timer: all three start, then all three finish, about 1 s. The printed lines show the \
             order; the timeline shows the overlap.",
    ],
    source_name: "src/experiments/blocking_join.rs",
    source: include_str!("blocking_join.rs"),
    knobs: KNOBS,
    modes: MODES,
    needs_threads: false,
    memory_bound: false,
    headline: None,
};

impl Experiment for BlockingSleepInJoin {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn check(&self, values: &Values, mode: Mode) -> Vec<String> {
        let total = values.get(TASKS) * values.get(SLEEP);
        if mode == BLOCKING && total > MAX_BLOCKING_MS {
            vec![format!(
                "Blocking, tasks × sleep freezes the page for {total} ms; keep it to {MAX_BLOCKING_MS} ms or less."
            )]
        } else {
            Vec::new()
        }
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let (tasks, ms) = (values.get(TASKS), values.get(SLEEP));
            let blocking = mode == BLOCKING;
            join_all((1..=tasks).map(|t| sleep_then_print(t, ms, blocking, live))).await;
            let elapsed = live.elapsed();
            let in_order = live.log.with_untracked(|l| *l == expected_lines(tasks, blocking));
            Ok(Outcome {
                result: format!("{tasks} tasks in {elapsed:.0} ms"),
                matches_seed: (tasks == 3).then_some(in_order),
                threads: 1,
                figures: vec![
                    ("elapsed", format!("{elapsed:.0} ms")),
                    ("lines in the seed's order", in_order.to_string()),
                ],
                ..Outcome::default()
            })
        })
    }
}
