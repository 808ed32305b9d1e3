//! Offloading a slow hash (seed 000): its Rust slow_hash and its TypeScript
//! hashPasswords (a real SHA-256, in JavaScript and with Rust's sha2) while a heartbeat
//! ticks, on the main thread or offloaded.

use super::Experiment;
use super::heartbeat::{BLOCKING, OFFLOADED, blocking_work, lateness_figures, start_heartbeat};
use crate::experiment_parts::twins::{self, HashPasswords, js_mode};
use crate::run::live_run::{LiveRun, RunFuture};
use playground_kernels::hash::{MAX_PASSWORD_CHARS, MAX_PASSWORDS, MAX_UPDATES};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::{Answer, JobError, Task};
use playground_lab::knobs::{Knob, Text, Values, Whole};
use playground_lab::records::{Event, Outcome};

pub struct SlowHash;

const JS: Mode = js_mode(
    true,
    "The seed's TypeScript hashPasswords in JavaScript: each password's SHA-256 updated 200,000 times, synchronously \
     on this page's event loop, beside a setTimeout heartbeat.",
);
const JS_WORKER: Mode = Mode::other(
    "js-worker",
    "JavaScript in a worker (postMessage)",
    "The same JavaScript hashPasswords posted to a web worker and its answer posted back: Node's worker_threads, in \
     the browser.",
);
const SHA_WORKER: Mode = Mode::other(
    "sha256-worker",
    "Rust sha2, in a web worker",
    "hashPasswords' work in Rust with the sha2 crate (the same SHA-256, the same updates), offloaded to a web worker: \
     the JavaScript twins' like for like.",
);
const SHA_MAIN: Mode = Mode::on_main_thread(
    "sha256-main-thread",
    "Rust sha2, on the main thread",
    "The same Rust SHA-256 on the page's thread: it blocks the heartbeat as the JavaScript loop does, for as long as it \
     takes.",
);
const MODES: &[Mode] = &[OFFLOADED, BLOCKING, JS, JS_WORKER, SHA_WORKER, SHA_MAIN];
const PASSWORD: Text = Text::new("password", "Password", MAX_PASSWORD_CHARS, "hunter2");
const COST: Whole = Whole::new("cost", "slow_hash takes (ms)", 0, 5_000, 150);
/// Seed 000's hashPasswords updates each hash 200,000 times.
const UPDATES: Whole = Whole::new("updates", "SHA-256 updates per password", 0, MAX_UPDATES, 200_000);
const PASSWORDS: Whole = Whole::new("passwords", "Passwords in hashPasswords' list", 1, MAX_PASSWORDS, 4);
const TICKS: Whole = Whole::new("ticks", "Heartbeat ticks", 1, 20, 2);
const PERIOD: Whole = Whole::new("period", "Heartbeat period (ms)", 1, 1_000, 50);
const KNOBS: &[Knob] = &[PASSWORD.knob(), COST.knob(), UPDATES.knob(), PASSWORDS.knob(), TICKS.knob(), PERIOD.knob()];

const ABOUT: About = About {
    slug: words::SLOW_HASH.slug,
    title: words::SLOW_HASH.title,
    summary: words::SLOW_HASH.summary,
    sources: &["kernels/src/hash.rs", "src/experiment_parts/twins.js"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

/// What any mode's hash leaves, once its heartbeat is done: the hash (the slow_hash
/// checked against the seed's for "hunter2"), when it was done, the heartbeat's
/// lateness, and `more` figures.
fn hash_outcome(
    hash: String,
    matches_seed: Option<bool>,
    end: f64,
    live: LiveRun,
    more: Vec<(&'static str, String)>,
) -> Outcome {
    let mut figures = vec![("hash done at", format!("{end:.0} ms"))];
    figures.extend(lateness_figures(&live));
    figures.extend(more);
    Outcome { result: hash, matches_seed, threads: 1, figures, ..Outcome::default() }
}

/// The JavaScript twins: hashPasswords on the page's thread or in a worker, the
/// heartbeat beside it; the digest, and how long crossing to the worker and back took.
async fn javascript(password: String, values: &Values, in_worker: bool, live: LiveRun) -> Result<Outcome, JobError> {
    let (ticks, period) = (values.get(TICKS), values.get(PERIOD));
    let work = HashPasswords { password: &password, updates: values.get(UPDATES), passwords: values.get(PASSWORDS) };
    let h = twins::hash_beside_heartbeat(work, period, ticks, in_worker, live).await?;
    let crossings = h.crossings_ms().map_or(Vec::new(), |(there, back)| {
        vec![("postMessage to the worker", format!("{there:.1} ms")), ("answer back", format!("{back:.1} ms"))]
    });
    let end = live.on_axis(h.hash_end);
    live.print(format!("sha256 = {} at {end:.0} ms", h.hash));
    Ok(hash_outcome(h.hash, None, end, live, crossings))
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
            let sha = mode == SHA_WORKER || mode == SHA_MAIN;
            let task = if sha {
                Task::Sha256 {
                    password: password.clone(),
                    updates: values.get(UPDATES),
                    passwords: values.get(PASSWORDS),
                }
            } else {
                Task::SlowHash { password: password.clone(), ms: cost as f64 }
            };
            let (start, end, output) = blocking_work(task, mode, live).await?;
            let (hash, matches_seed) = match output.map(|o| o.answer) {
                Some(Answer::Hash { hash }) => {
                    (hash.to_string(), (password == "hunter2").then_some(hash == 95_755_137_202))
                }
                Some(Answer::Digest { hex }) => (hex, None),
                _ => return Err(JobError::Failed("the hash job gave no hash".into())),
            };
            let thread = if mode.blocks_main_thread { "main thread" } else { "web worker" };
            let (what, label) = if sha { ("SHA-256", "sha256") } else { ("Hash", "slow hash") };
            live.event(Event::span(format!("{what} ({thread})"), label, start, end));
            live.print(format!("{label} = {hash} at {end:.0} ms"));
            let _ = heartbeat.await;
            Ok(hash_outcome(hash, matches_seed, end, live, Vec::new()))
        })
    }
}
