//! A web service under load (seed 003, with seed 002's rule for how often to yield):
//! requests arrive open-loop at a set rate on a runtime thread of its own; most say
//! hello, some hash a password, some look a user up through a blocking driver; the modes
//! differ only in where that slow work runs.

use super::Experiment;
use crate::bridge::service_runtime::{
    self, BLOCKING_THREADS, CancelOnDrop, Offload, ServiceBoard, ServicePools, ServiceSetup,
};
use crate::run::live_run::{LiveRun, RunFuture};
use futures::future::{Either, select};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use playground_kernels::hash::MAX_PASSWORD_CHARS;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::{JobError, MAX_POOL_THREADS};
use playground_lab::knobs::{Knob, Text, Values, Whole};
use playground_lab::records::{Event, Outcome};
use playground_lab::service::{
    Answered, Kind, Load, Report, arrivals, distribution_plot, window_ms, window_plots, windows,
};

pub struct Service;

// The seed's service is actix-web on tokio. Neither runs in a browser (no sockets, no
// tokio blocking pool), so each mode says what it runs on here.
const INLINE: Mode = Mode::other(
    "inline",
    "Hash inline, in the handler",
    "The handler hashes on the runtime thread (here a web worker running the request loop as async tasks on its \
     event loop): every request that arrives meanwhile waits for it.",
);
const SPAWN_BLOCKING: Mode = Mode::other(
    "spawn-blocking",
    "spawn_blocking (a blocking pool)",
    "Stands in for tokio::task::spawn_blocking, which a browser cannot run: the hash and the lookups go to a pool of \
     4 web workers (a rayon pool, fixed in size where tokio's grows), and the handler awaits the answer through a \
     oneshot. The runtime thread stays free.",
);
const RAYON_INSTALL: Mode = Mode::other(
    "rayon-install",
    "spawn_blocking + CPU_POOL.install",
    "Seed 003's rayon route: a thread of the blocking pool above (the stand-in for spawn_blocking) hands the hash to a \
     real rayon pool of one web worker a core with install, and the answer comes back through a oneshot.",
);
const YIELDING: Mode = Mode::other(
    "yielding",
    "Hash inline, yielding every k iterations",
    "The hash stays on the runtime thread but gives it back every k iterations: hello recovers, the hash gets slower. \
     Lookups still block (a blocking driver cannot yield).",
);
const INSTALL_IN_HANDLER: Mode = Mode::other(
    "install-in-handler",
    "CPU_POOL.install in the handler (the mistake)",
    "What seed 003 warns against: the async handler calls the rayon pool's install itself. The hash runs on the pool, \
     but install holds the runtime thread until it is done, so hello waits as if the hash were inline. Lookups go \
     to the blocking pool.",
);
const MODES: &[Mode] = &[INLINE, SPAWN_BLOCKING, RAYON_INSTALL, YIELDING, INSTALL_IN_HANDLER];

const RATE: Whole = Whole::new("rate", "Requests per second", 1, 2_000, 100);
const HASH_SHARE: Whole = Whole::new("hash", "Requests that hash (%)", 0, 100, 10);
const COST: Whole = Whole::new("cost", "Hash cost (ms)", 0, 500, 40);
/// None by default: a 1 s lookup on the runtime thread (inline, yielding) would hide
/// what the hash does to hello, which is what the modes differ in.
const LOOKUP_SHARE: Whole = Whole::new("lookup", "Requests that look a user up (%)", 0, 100, 0);
/// Seed 003's fetch_user_blocking sleeps 1 s.
const LOOKUP_MS: Whole = Whole::new("lookup_ms", "Lookup takes (ms)", 0, 5_000, 1_000);
const EVERY: Whole = Whole::new("every", "Yield every (iterations, yielding mode)", 1, 100_000, 25);
const DURATION: Whole = Whole::new("duration", "Duration (s)", 1, 30, 5);
const SEED: Whole = Whole::new("seed", "Seed of the arrivals", 0, 1_000_000, 1);
const PASSWORD: Text = Text::new("password", "Password", MAX_PASSWORD_CHARS, "hunter2");
const KNOBS: &[Knob] = &[
    RATE.knob(),
    HASH_SHARE.knob(),
    COST.knob(),
    LOOKUP_SHARE.knob(),
    LOOKUP_MS.knob(),
    EVERY.knob(),
    DURATION.knob(),
    SEED.knob(),
    PASSWORD.knob(),
];

const ABOUT: About = About {
    slug: words::SERVICE.slug,
    title: words::SERVICE.title,
    summary: words::SERVICE.summary,
    // The arrivals and the percentiles are plain logic in lab/src/service.rs; what runs
    // in the threads is shown.
    sources: &["src/bridge/service_runtime.rs", "kernels/src/service.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: Some("hello p99"),
    verdict_by_result: false,
};

fn load(values: &Values) -> Load {
    Load {
        rate_per_s: values.get(RATE) as f64,
        duration_ms: values.get(DURATION) as f64 * 1e3,
        hash_percent: values.get(HASH_SHARE),
        lookup_percent: values.get(LOOKUP_SHARE),
        seed: values.get(SEED),
    }
}

fn offload(mode: Mode, values: &Values) -> Offload {
    match mode.id {
        "spawn-blocking" => Offload::SpawnBlocking,
        "rayon-install" => Offload::RayonInstall,
        "install-in-handler" => Offload::InstallInHandler,
        "yielding" => Offload::Yielding { every: values.get(EVERY) },
        _ => Offload::Inline,
    }
}

/// The row of the timeline a request's slow work ran on.
fn lane(offload: Offload, kind: Kind) -> &'static str {
    match (offload, kind) {
        (Offload::Inline | Offload::Yielding { .. }, _) => "Runtime thread",
        (Offload::RayonInstall | Offload::InstallInHandler, Kind::Hash) => "CPU pool (install)",
        _ => "Blocking pool",
    }
}

/// Spans drawn on the timeline at most (the latest): enough to see the pattern, few enough to draw live.
const MAX_SPANS: usize = 300;

/// The hashes and lookups that have begun, as spans on the run's axis (`offset`: where the service's time zero is).
fn work_spans(board: &ServiceBoard, answers: &[Option<Answered>], offset: f64, now: f64) -> Vec<Event> {
    let requests = &board.setup.requests;
    let mut spans = board
        .begun()
        .into_iter()
        .enumerate()
        .filter_map(|(i, begun)| {
            let begun = begun?;
            let end = answers[i].map_or(now, |a| a.done_ms);
            let kind = requests[i].kind;
            Some(Event::span(lane(board.setup.offload, kind), kind.name(), offset + begun, offset + end))
        })
        .collect::<Vec<_>>();
    spans.split_off(spans.len().saturating_sub(MAX_SPANS))
}

/// Redraws the live charts from the board, every few hundred ms while the service runs.
async fn draw_live(board: &ServiceBoard, live: LiveRun, window_ms: f64) {
    loop {
        TimeoutFuture::new(250).await;
        let Some(start) = board.started_at() else { continue };
        let offset = live.on_axis(start);
        let now = live.elapsed() - offset;
        let answers = board.answers();
        live.plots.set(window_plots(&windows(&board.setup.requests, &answers, now, window_ms)));
        live.events.set(work_spans(board, &answers, offset, now));
    }
}

impl Experiment for Service {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn check(&self, values: &Values, _mode: Mode) -> Vec<String> {
        load(values).check().err().into_iter().collect()
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let load = load(&values);
            load.check().map_err(JobError::Failed)?;
            let offload = offload(mode, &values);
            let cores = crate::browser::environment::cores().clamp(1, MAX_POOL_THREADS);
            let pools = match offload {
                Offload::SpawnBlocking | Offload::RayonInstall | Offload::InstallInHandler => {
                    live.print(format!(
                        "starting this run's pools: {BLOCKING_THREADS} blocking threads and a CPU pool of {cores}…"
                    ));
                    Some(ServicePools::start(cores).await.map_err(JobError::Failed)?)
                }
                Offload::Inline | Offload::Yielding { .. } => None,
            };
            let requests = arrivals(&load);
            live.print(format!(
                "{} requests over {:.0} s, arriving from the seed {}",
                requests.len(),
                load.duration_ms / 1e3,
                load.seed
            ));
            let board = ServiceBoard::new(
                ServiceSetup {
                    requests,
                    offload,
                    hash_ms: values.get(COST) as f64,
                    lookup_ms: values.get(LOOKUP_MS) as f64,
                    password: values.get(PASSWORD),
                    cpu_threads: cores,
                },
                pools,
            );
            // Cancel drops this future: the guard then stops the service's loops.
            let board = CancelOnDrop(board);
            let board = &board.0;
            let window_ms = window_ms(&load);
            let served = select(Box::pin(service_runtime::run(&board)), Box::pin(draw_live(board, live, window_ms)));
            if let Either::Left((Err(why), _)) = served.await {
                return Err(JobError::Failed(why));
            }
            Ok(finish(&board, live, window_ms))
        })
    }
}

/// The charts, the printed lines and the run table's figures once the service is done.
fn finish(board: &ServiceBoard, live: LiveRun, window_ms: f64) -> Outcome {
    let requests = &board.setup.requests;
    let answers = board.answers();
    let end = answers.iter().flatten().map(|a| a.done_ms).fold(requests.last().map_or(0.0, |r| r.at_ms), f64::max);
    let offset = board.started_at().map_or(0.0, |s| live.on_axis(s));
    let mut plots = window_plots(&windows(requests, &answers, end, window_ms));
    plots.push(distribution_plot(requests, &answers));
    live.plots.set(plots);
    live.events.set(work_spans(board, &answers, offset, end));
    let report = Report::of(requests, &answers, end);
    for (i, answer) in answers.iter().enumerate().filter(|(_, a)| a.is_some_and(|a| a.status.is_error())).take(5) {
        let error = playground_kernels::service::lookup_rule(requests[i].user).err();
        if let (Some(error), Some(answer)) = (error, answer) {
            live.print(format!("request {}: {error} (answered at {:.0} ms)", i + 1, answer.done_ms));
        }
    }
    let hello = report.hello.map_or("no hello answered".to_string(), |p| {
        format!("hello p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms", p.p50, p.p95, p.p99)
    });
    live.print(format!("{hello}; {} of {} requests answered", report.answered, report.requests));
    let mut figures = report.figures();
    figures.push(("errors expected", report.expected_errors.to_string()));
    if let Some(us) = board.iteration_us() {
        figures.push(("hash iteration", format!("{us:.1} µs")));
    }
    let threads = match board.setup.offload {
        Offload::RayonInstall | Offload::InstallInHandler => board.setup.cpu_threads,
        Offload::SpawnBlocking => BLOCKING_THREADS,
        Offload::Inline | Offload::Yielding { .. } => 1,
    };
    let headline = report.hello.map(|p| ("hello p99", p.p99));
    Outcome { result: hello, threads, figures, headline, ..Outcome::default() }
}
