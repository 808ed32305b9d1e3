//! Shards then sum of squares (exercise 3): fetch shards concurrently, then sum
//! their squares with rayon: async waiting feeding parallel computing.

use super::Experiment;
use crate::experiment_parts::cpu::{self, POOL, WORKER};
use crate::run::live_run::{LiveRun, RunFuture};
use futures::future::join_all;
use gloo_timers::future::TimeoutFuture;
use playground_kernels::squares::{MAX_SHARD_SIZE, MAX_SHARDS, exact_sum_of_squares_below, shard};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Role, Threads};
use playground_lab::jobs::{Answer, SharedNumbers, Task};
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::Event;

pub struct ShardsThenSquares;

const CONCURRENT: Mode = Mode {
    id: "pool",
    label: "join_all, then rayon",
    explanation: "Fetch every shard at once (the waits overlap), then sum the squares on the rayon pool.",
    blocks_main_thread: false,
    role: Role::Parallel,
};
const SERIAL: Mode = Mode {
    id: "worker",
    label: "One by one, then one thread",
    explanation: "Fetch the shards one after another, then sum on a single worker: both halves done the slow way.",
    blocks_main_thread: false,
    role: Role::Baseline,
};
const MODES: &[Mode] = &[CONCURRENT, SERIAL];
const SHARDS: Whole = Whole::new("shards", "Shards", 1, MAX_SHARDS, 4);
const SIZE: Whole = Whole::new("size", "Numbers per shard", 1, MAX_SHARD_SIZE, 250_000);
const FETCH: Whole = Whole::new("fetch", "Each fetch takes (ms)", 0, 5_000, 50);
const KNOBS: &[Knob] = &[SHARDS.knob(), SIZE.knob(), FETCH.knob()];

async fn fetch_shard(id: u64, size: u64, delay: u64, live: LiveRun) -> Vec<u64> {
    let start = live.elapsed();
    TimeoutFuture::new(delay as u32).await;
    live.event(Event::span("Fetches", format!("shard {id}"), start, live.elapsed()));
    shard(id, size)
}

const ABOUT: About = About {
    slug: words::SHARDS.slug,
    title: words::SHARDS.title,
    summary: words::SHARDS.summary,
    sources: &["kernels/src/squares.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: true,
    headline: None,
    verdict_by_result: false,
};

impl Experiment for ShardsThenSquares {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let (count, size, delay) = (values.get(SHARDS), values.get(SIZE), values.get(FETCH));
            let shards = if mode == CONCURRENT {
                join_all((0..count).map(|id| fetch_shard(id, size, delay, live))).await
            } else {
                let mut shards = Vec::new();
                for id in 0..count {
                    shards.push(fetch_shard(id, size, delay, live).await);
                }
                shards
            };
            let fetched = live.elapsed();
            live.print(format!("fetched {count} shards at {fetched:.0} ms"));
            let all: Vec<u64> = shards.into_iter().flatten().collect();
            let cpu_mode = if mode == CONCURRENT { POOL } else { WORKER };
            let output = cpu::run(Task::SumOfSquares { data: SharedNumbers::new(all) }, cpu_mode, 0, live).await?;
            let Answer::Total { total } = output.answer else { return Err(output.unexpected()) };
            let elapsed = live.elapsed();
            live.print(format!("sum of squares = {total}"));
            // Like the seed's release build, the u64 sum wraps silently past about
            // 3,000,000 numbers; the page says so, with the exact sum beside it.
            let exact = exact_sum_of_squares_below(count * size);
            let wrapped = exact > u128::from(u64::MAX);
            let result = if wrapped {
                live.print(format!(
                    "the sum wrapped: it does not fit in 64 bits, so {total} is the exact sum {exact} modulo 2^64"
                ));
                format!("{total} (wrapped: the exact sum is {exact})")
            } else {
                total.to_string()
            };
            live.print(format!("elapsed = {elapsed:.0} ms"));
            let mut outcome = cpu::outcome(
                &output,
                result,
                ((count, size) == (4, 250_000)).then_some(total == 333_332_833_333_500_000),
            );
            outcome.figures = vec![("fetched at", format!("{fetched:.0} ms")), ("elapsed", format!("{elapsed:.0} ms"))];
            if wrapped {
                outcome.figures.push(("exact sum", exact.to_string()));
            }
            Ok(outcome)
        })
    }
}
