//! Offloading a slow hash (exercise 2): a deliberately slow hash of a password
//! while a heartbeat ticks, on the main thread or offloaded.

use super::Experiment;
use super::heartbeat::{BLOCKING, OFFLOADED, blocking_work, lateness_figures, start_heartbeat};
use crate::experiment_parts::twins::{self, js_mode};
use crate::run::live_run::{LiveRun, RunFuture};
use playground_kernels::hash::MAX_PASSWORD_CHARS;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::{Answer, JobError, Task};
use playground_lab::knobs::{Knob, Text, Values, Whole};
use playground_lab::records::{Event, Outcome};

pub struct SlowHash;

const JS: Mode = js_mode(
    true,
    "The seed's hashPasswords in JavaScript: a synchronous loop on this page's event loop, beside a setTimeout heartbeat.",
);
const JS_WORKER: Mode = Mode::other(
    "js-worker",
    "JavaScript in a worker (postMessage)",
    "The same JavaScript hash posted to a web worker and its answer posted back: Node's worker_threads, in the browser.",
);
const MODES: &[Mode] = &[OFFLOADED, BLOCKING, JS, JS_WORKER];
const PASSWORD: Text = Text::new("password", "Password", MAX_PASSWORD_CHARS, "hunter2");
const COST: Whole = Whole::new("cost", "Hash takes (ms)", 0, 5_000, 150);
const TICKS: Whole = Whole::new("ticks", "Heartbeat ticks", 1, 20, 2);
const PERIOD: Whole = Whole::new("period", "Heartbeat period (ms)", 1, 1_000, 50);
const KNOBS: &[Knob] = &[PASSWORD.knob(), COST.knob(), TICKS.knob(), PERIOD.knob()];

const ABOUT: About = About {
    slug: "slow-hash",
    title: "Offloading a slow hash",
    summary: "A 150 ms password hash while a heartbeat ticks: offloaded, the ticks stay on time; on the main thread they wait.",
    explanation: &[
        "Password hashes (bcrypt, argon2) are slow on purpose. Computed on the thread that also serves timers and \
             the page, one hash stalls everything for its whole length. Here the \"hash\" holds its thread for 150 ms \
             and then folds the password's bytes (hash × 31 + byte).",
        "Offloaded to a web worker, as the seed does with spawn_blocking: heartbeat 1 at about 52 ms, heartbeat 2 \
             at about 104 ms, and the hash (95755137202 for \"hunter2\") at about 152 ms. On the main thread the \
             heartbeat only starts once the hash is done.",
        "The two JavaScript modes are the seed's TypeScript side: the hash as a synchronous loop on the event \
             loop (the heartbeat stalls exactly as with Rust on the main thread), and the same code posted to a web \
             worker, Node's worker_threads in the browser. That worker has a heap of its own, so the job and its \
             answer cross by postMessage; the table shows how long each crossing took.",
    ],
    sources: &["kernels/src/hash.rs", "src/experiment_parts/twins.js"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

/// The JavaScript twins: the hash on the page's thread or in a worker, the heartbeat
/// beside it; the hash, and how long crossing to the worker and back took.
/// What any mode's hash leaves, once its heartbeat is done: the hash (checked against
/// the seed's for "hunter2"), when it was done, the heartbeat's lateness, and `more` figures.
fn hash_outcome(password: &str, hash: u64, end: f64, live: LiveRun, more: Vec<(&'static str, String)>) -> Outcome {
    let mut figures = vec![("hash done at", format!("{end:.0} ms"))];
    figures.extend(lateness_figures(&live));
    figures.extend(more);
    Outcome {
        result: hash.to_string(),
        matches_seed: (password == "hunter2").then_some(hash == 95_755_137_202),
        threads: 1,
        figures,
        ..Outcome::default()
    }
}

async fn javascript(password: String, values: &Values, in_worker: bool, live: LiveRun) -> Result<Outcome, JobError> {
    let (cost, ticks, period) = (values.get(COST), values.get(TICKS), values.get(PERIOD));
    let h = twins::hash_beside_heartbeat(&password, cost, period, ticks, in_worker, live).await?;
    let hash =
        h.hash.parse().map_err(|_| JobError::Failed(format!("the JavaScript hash {:?} is not a number", h.hash)))?;
    let crossings = h.crossings_ms().map_or(Vec::new(), |(there, back)| {
        vec![("postMessage to the worker", format!("{there:.1} ms")), ("answer back", format!("{back:.1} ms"))]
    });
    let end = live.on_axis(h.hash_end);
    live.print(format!("hash = {hash} at {end:.0} ms"));
    Ok(hash_outcome(&password, hash, end, live, crossings))
}

impl Experiment for SlowHash {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let password = values.get(PASSWORD);
            if mode == JS || mode == JS_WORKER {
                return javascript(password, &values, mode == JS_WORKER, live).await;
            }
            let (cost, ticks, period) = (values.get(COST), values.get(TICKS), values.get(PERIOD));
            let heartbeat = start_heartbeat(period, ticks, live);
            let task = Task::SlowHash { password: password.clone(), ms: cost as f64 };
            let (start, end, output) = blocking_work(task, mode, live).await?;
            let Some(Answer::Hash { hash }) = output.map(|o| o.answer) else {
                return Err(JobError::Failed("the hash job gave no hash".into()));
            };
            let lane = if mode.blocks_main_thread { "Hash (main thread)" } else { "Hash (web worker)" };
            live.event(Event::span(lane, "slow hash", start, end));
            live.print(format!("hash = {hash} at {end:.0} ms"));
            let _ = heartbeat.await;
            Ok(hash_outcome(&password, hash, end, live, Vec::new()))
        })
    }
}
