//! Blocking sleep inside join (seed 002): three tasks that "sleep" a second each,
//! blocking the thread or awaiting a timer.

use super::Experiment;
use crate::bridge::board::shared_now_ms;
use crate::bridge::execute::spin_for;
use crate::run::live_run::{LiveRun, RunFuture};
use futures::channel::oneshot;
use futures::future::join_all;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use std::time::Duration;

pub struct BlockingSleepInJoin;

const BLOCKING: Mode = Mode::on_main_thread(
    "blocking",
    "Blocking sleep",
    "Each task holds the thread for its whole sleep (a busy wait: the main thread may not sleep). No await, so no turn-taking.",
);
const AWAITING: Mode = Mode::other(
    "awaiting",
    "Awaiting a timer",
    "Each task awaits a timer future: at the await it gives the thread back, so the sleeps overlap.",
);
const POOL_SPAWN: Mode = Mode::other(
    "pool-spawn",
    "Blocking sleep, spread over the pool",
    "Each task's blocking sleep goes to a thread of the pool (a multi-threaded runtime's spawn): they overlap as far as there are threads.",
);
const MODES: &[Mode] = &[AWAITING, BLOCKING, POOL_SPAWN];
const TASKS: Whole = Whole::new("tasks", "Tasks", 1, 10, 3);
const SLEEP: Whole = Whole::new("sleep", "Each sleeps (ms)", 1, 3_000, 1_000);
const KNOBS: &[Knob] = &[TASKS.knob(), SLEEP.knob()];
/// A blocking run freezes the page for tasks × sleep; past this that is too long to sit through.
const MAX_BLOCKING_MS: u64 = 5_000;

async fn sleep_then_print(timer: u64, ms: u64, mode: Mode, live: LiveRun) {
    if mode == POOL_SPAWN {
        return sleep_on_pool(timer, ms, live).await;
    }
    let start = live.elapsed();
    live.print(format!("Start timer {timer}."));
    if mode == BLOCKING {
        spin_for(ms as f64);
    } else {
        TimeoutFuture::new(ms as u32).await;
    }
    live.print(format!("Timer {timer} done."));
    live.event(Event::span(format!("Task {timer}"), format!("timer {timer}"), start, live.elapsed()));
}

/// The task's blocking sleep as a job on the pool; its lines are printed when the job
/// starts and ends, which is when a thread is free for it.
async fn sleep_on_pool(timer: u64, ms: u64, live: LiveRun) {
    let ((started, began), (done, ended)) = (oneshot::channel(), oneshot::channel());
    rayon::spawn(move || {
        let _ = started.send(shared_now_ms());
        std::thread::sleep(Duration::from_millis(ms));
        let _ = done.send(shared_now_ms());
    });
    let Ok(start) = began.await else { return };
    live.print(format!("Start timer {timer}."));
    let Ok(end) = ended.await else { return };
    live.print(format!("Timer {timer} done."));
    live.event(Event::span(format!("Task {timer}"), format!("timer {timer}"), live.on_axis(start), live.on_axis(end)));
}

/// The order the seed prints its lines in (on a pool it depends on the threads: none).
fn expected_lines(tasks: u64, mode: Mode) -> Option<Vec<String>> {
    Some(if mode == POOL_SPAWN {
        return None;
    } else if mode == BLOCKING {
        (1..=tasks).flat_map(|t| [format!("Start timer {t}."), format!("Timer {t} done.")]).collect()
    } else {
        (1..=tasks)
            .map(|t| format!("Start timer {t}."))
            .chain((1..=tasks).map(|t| format!("Timer {t} done.")))
            .collect()
    })
}

const ABOUT: About = About {
    slug: words::BLOCKING_JOIN.slug,
    title: words::BLOCKING_JOIN.title,
    summary: words::BLOCKING_JOIN.summary,
    sources: &["src/experiments/blocking_join.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::Modes(&["pool-spawn"]),
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
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
            join_all((1..=tasks).map(|t| sleep_then_print(t, ms, mode, live))).await;
            let elapsed = live.elapsed();
            let in_order = expected_lines(tasks, mode).map(|lines| live.log.with_untracked(|l| *l == lines));
            let threads = if mode == POOL_SPAWN { rayon::current_num_threads() } else { 1 };
            let mut figures = vec![
                ("elapsed", format!("{elapsed:.0} ms")),
                ("lines in the seed's order", in_order.map_or("(any order on a pool)".into(), |o| o.to_string())),
            ];
            if mode == POOL_SPAWN {
                figures.push((
                    "rounds of sleeps (tasks ÷ threads, rounded up)",
                    tasks.div_ceil(threads as u64).to_string(),
                ));
            }
            Ok(Outcome {
                result: format!("{tasks} tasks in {elapsed:.0} ms"),
                matches_seed: in_order.filter(|_| tasks == 3),
                threads,
                figures,
                ..Outcome::default()
            })
        })
    }
}
