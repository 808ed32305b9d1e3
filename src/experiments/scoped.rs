//! Borrowing across threads (seed 002's Crossbeam / Tokio / Rayon table): other threads
//! sum a vector that one thread owns. `rayon::scope` and `rayon::join` borrow it;
//! `rayon::spawn` needs `'static` data, so the parts are copied first.
//! The summing is `playground_kernels::scoped`.

use super::Experiment;
use crate::bridge::board::shared_now_ms;
use crate::run::live_run::{LiveRun, RunFuture};
use futures::StreamExt;
use futures::channel::{mpsc, oneshot};
use playground_kernels::scoped::{numbers, owned_parts, sum_join, sum_scope};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};

pub struct Scoped;

const SCOPE: Mode = Mode::other(
    "rayon-scope",
    "rayon::scope (borrows)",
    "One task per thread, each borrowing its slice; the scope returns when all are done, so borrowing is safe.",
);
const JOIN: Mode = Mode::other(
    "rayon-join",
    "rayon::join (borrows)",
    "Split in two, sum the halves perhaps on two threads, add; join returns when both are done.",
);
const SPAWN: Mode = Mode::other(
    "spawn-owned",
    "rayon::spawn (owns a copy)",
    "spawn returns at once, so each task must own its numbers: the parts are copied into them first.",
);
const MODES: &[Mode] = &[SCOPE, JOIN, SPAWN];
const LEN: Whole = Whole::new("len", "Numbers to sum", 1, 8 * 1024 * 1024, 4 * 1024 * 1024);
const KNOBS: &[Knob] = &[LEN.knob()];

/// What a run measured: the sum, when the summing began and ended (shared clock), and
/// the bytes copied to make it possible.
struct Summed {
    sum: u64,
    start: f64,
    /// When the copy for `rayon::spawn` was done (the start, for the borrowing modes).
    copied_at: f64,
    end: f64,
    copied: u64,
}

/// `scope` or `join` on a pool thread that owns the vector: it may block while the
/// others help, and the page awaits the answer.
async fn borrowed(len: usize, scope: bool) -> Result<Summed, JobError> {
    let (send, recv) = oneshot::channel();
    rayon::spawn(move || {
        let numbers = numbers(len); // this thread's, borrowed by the others below
        let threads = rayon::current_num_threads();
        let start = shared_now_ms();
        let sum = if scope { sum_scope(&numbers, threads) } else { sum_join(&numbers, len / (4 * threads) + 1) };
        let _ = send.send(Summed { sum, start, copied_at: start, end: shared_now_ms(), copied: 0 });
    });
    recv.await.map_err(|_| JobError::Failed("a pool thread panicked".into()))
}

/// `rayon::spawn` from the page, which owns the vector: the tasks outlive this call, so
/// each gets a copy of its part (`'static`), and the page awaits their sums.
async fn owned(len: usize) -> Result<Summed, JobError> {
    let numbers = numbers(len);
    let start = shared_now_ms();
    let parts = owned_parts(&numbers, rayon::current_num_threads());
    let copied = (parts.iter().map(Vec::len).sum::<usize>() * size_of::<u64>()) as u64;
    let copied_at = shared_now_ms();
    let (send, mut sums) = mpsc::unbounded();
    let count = parts.len();
    for part in parts {
        let send = send.clone();
        rayon::spawn(move || {
            let _ = send.unbounded_send(part.iter().sum::<u64>());
        });
    }
    let mut sum = 0;
    for _ in 0..count {
        sum += sums.next().await.ok_or_else(|| JobError::Failed("a pool thread panicked".into()))?;
    }
    Ok(Summed { sum, start, copied_at, end: shared_now_ms(), copied })
}

const ABOUT: About = About {
    slug: words::SCOPED.slug,
    title: words::SCOPED.title,
    summary: words::SCOPED.summary,
    sources: &["src/experiments/scoped.rs", "kernels/src/scoped.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

impl Experiment for Scoped {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let len = values.get(LEN) as usize;
            let done = if mode == SPAWN { owned(len).await? } else { borrowed(len, mode == SCOPE).await? };
            let want = len as u64 * (len as u64 + 1) / 2;
            if done.sum != want {
                return Err(JobError::Failed(format!("the sum is {} instead of {want}", done.sum)));
            }
            if done.copied > 0 {
                live.event(Event::span(
                    "Page",
                    "copy the parts",
                    live.on_axis(done.start),
                    live.on_axis(done.copied_at),
                ));
            }
            live.event(Event::span("Pool", "sum", live.on_axis(done.copied_at), live.on_axis(done.end)));
            live.print(format!("sum of 1..={len}: {}; {} bytes copied", done.sum, done.copied));
            Ok(Outcome {
                headline: None,
                hang: None,
                result: format!("sum {}", done.sum),
                matches_seed: None,
                compute_ms: Some(done.end - done.start),
                threads: rayon::current_num_threads(),
                figures: vec![("bytes copied", done.copied.to_string())],
            })
        })
    }
}
