//! From the pool back to async (seed 002, `parallel_sum`): start work on the rayon
//! pool with rayon::spawn, send the answer through a oneshot channel, await it.

use super::Experiment;
use crate::bridge::board::shared_now_ms;
use crate::run::live_run::{LiveRun, RunFuture};
use playground_kernels::sum::{MAX_LEN, sum_parallel, sum_sequential};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use tokio::sync::oneshot;

pub struct PoolToAsync;

const ONE_THREAD: Mode = Mode::other(
    "spawn",
    "rayon::spawn, one thread",
    "The sum runs as one task on one pool thread; the page awaits the oneshot receiver.",
);
const PAR_ITER: Mode = Mode::other(
    "spawn-par-iter",
    "rayon::spawn with par_iter inside",
    "The spawned task sums with par_iter, so the whole pool helps; the page still only awaits.",
);
const MODES: &[Mode] = &[ONE_THREAD, PAR_ITER];
const LEN: Whole = Whole::new("len", "Numbers (all ones)", 1, MAX_LEN, 1024 * 1024);
const KNOBS: &[Knob] = &[LEN.knob()];

/// The seed's `parallel_sum`: the page's async code never blocks; it awaits the channel.
async fn parallel_sum(nums: Vec<i32>, par_iter: bool) -> Result<(i64, f64, f64), JobError> {
    let (send, recv) = oneshot::channel();
    rayon::spawn(move || {
        let start = shared_now_ms();
        let sum = if par_iter { sum_parallel(&nums) } else { sum_sequential(&nums) };
        let _ = send.send((sum, start, shared_now_ms()));
    });
    recv.await.map_err(|_| JobError::Failed("the pool dropped the job".into()))
}

const ABOUT: About = About {
    slug: words::POOL_TO_ASYNC.slug,
    title: words::POOL_TO_ASYNC.title,
    summary: words::POOL_TO_ASYNC.summary,
    sources: &["src/experiments/pool_to_async.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

impl Experiment for PoolToAsync {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let len = values.get(LEN);
            let nums = vec![1i32; len as usize];
            let (sum, start, end) = parallel_sum(nums, mode == PAR_ITER).await?;
            live.event(Event::span("Pool", "sum", live.on_axis(start), live.on_axis(end)));
            live.print(format!("{sum}"));
            Ok(Outcome {
                headline: None,
                hang: None,
                result: sum.to_string(),
                matches_seed: (len == 1024 * 1024).then_some(sum == 1_048_576),
                compute_ms: Some(end - start),
                threads: if mode == PAR_ITER { rayon::current_num_threads() } else { 1 },
                figures: Vec::new(),
            })
        })
    }
}
