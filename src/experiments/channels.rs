//! Producer and consumers (seed 002's Crossbeam / Tokio / Rayon table): one producer,
//! K consumers doing CPU work per item, a bounded channel between them. On pool threads
//! with crossbeam the consumers run in parallel; as tasks on one thread with a futures
//! channel they take turns. Back-pressure shows as the queue length over time.

use super::Experiment;
use crate::bridge::sized_pools;
use crate::run::live_run::{LiveRun, RunFuture};
use futures::channel::oneshot;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use playground_kernels::params::group_thousands;
use playground_kernels::uneven::job_work;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::costs::{ChannelSample, channel_plots};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use tokio::sync::{Mutex as AsyncMutex, mpsc};

pub struct Channels;

const CROSSBEAM: Mode = Mode::other(
    "crossbeam-threads",
    "crossbeam, pool threads",
    "The producer and each consumer on a thread of their own pool, through a bounded crossbeam channel: the consumers compute in parallel.",
);
const ASYNC_TASKS: Mode = Mode::on_main_thread(
    "async-tasks",
    "tokio mpsc, tasks on one thread",
    "The producer and each consumer as tasks on the page's thread, through a bounded tokio::sync::mpsc channel: concurrent, not parallel (the page is busy while they compute).",
);
const MODES: &[Mode] = &[CROSSBEAM, ASYNC_TASKS];

const ITEMS: Whole = Whole::new("items", "Items", 1, 100_000, 2_000);
const WORK: Whole = Whole::new("work", "Work per item (Collatz starts)", 1, 100_000, 500);
const CAPACITY: Whole = Whole::new("capacity", "Channel capacity", 1, 10_000, 16);
const CONSUMERS: Whole = Whole::new("consumers", "Consumers", 1, 15, 2);
const KNOBS: &[Knob] = &[ITEMS.knob(), WORK.knob(), CAPACITY.knob(), CONSUMERS.knob()];
/// Items × work: the Collatz starts computed in all (a few seconds on one core).
const MAX_STARTS: u64 = 20_000_000;
/// How often the queue is looked at.
const SAMPLE_MS: f64 = 20.0;

const ABOUT: About = About {
    slug: words::CHANNELS.slug,
    title: words::CHANNELS.title,
    summary: words::CHANNELS.summary,
    sources: &["src/experiments/channels.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

/// The starts item `i` computes on.
fn starts(item: u64, work: u64) -> std::ops::Range<u64> {
    item * work + 1..(item + 1) * work + 1
}

/// What every party adds to as it goes: read by the page while they run.
#[derive(Default)]
struct Tally {
    produced: AtomicU64,
    consumed: AtomicU64,
    /// The sum of the consumed items' indices: each consumed once iff it ends at n(n-1)/2.
    index_sum: AtomicU64,
    steps: AtomicU64,
    cancel: AtomicBool,
}

impl Tally {
    fn consume(&self, item: u64, work: u64) {
        self.steps.fetch_add(job_work(starts(item, work)), Ordering::Relaxed);
        self.index_sum.fetch_add(item, Ordering::Relaxed);
        self.consumed.fetch_add(1, Ordering::AcqRel);
    }
    fn sample(&self, at_ms: f64, queued: u64) -> ChannelSample {
        ChannelSample { at_ms, queued, consumed: self.consumed.load(Ordering::Acquire) }
    }
}

/// Sets the cancel flag when the run is dropped (Cancel), so the threads stop too.
struct CancelOnDrop(Arc<Tally>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel.store(true, Ordering::Relaxed);
    }
}

struct Setup {
    items: u64,
    work: u64,
    capacity: usize,
    consumers: usize,
}

/// Producer and consumers on a pool of their own, through crossbeam; the page samples
/// the queue every `SAMPLE_MS` until every consumer is done.
async fn on_threads(setup: &Setup, tally: Arc<Tally>, live: LiveRun) -> Result<Vec<ChannelSample>, JobError> {
    let pool = sized_pools::start_pool(setup.consumers + 1, "channels").await.map_err(JobError::Failed)?;
    let (sender, receiver) = crossbeam_channel::bounded::<u64>(setup.capacity);
    let (work, items) = (setup.work, setup.items);
    let mut finished = Vec::new();
    for c in 0..setup.consumers {
        let (receiver, tally, (done, end)) = (receiver.clone(), tally.clone(), oneshot::channel());
        finished.push(end);
        pool.spawn(move || {
            let start = crate::bridge::board::shared_now_ms();
            for item in receiver.iter().take_while(|_| !tally.cancel.load(Ordering::Relaxed)) {
                tally.consume(item, work);
            }
            let _ = done.send((c, start, crate::bridge::board::shared_now_ms()));
        });
    }
    let producer_tally = tally.clone();
    pool.spawn(move || {
        for item in (0..items).take_while(|_| !producer_tally.cancel.load(Ordering::Relaxed)) {
            if sender.send(item).is_err() {
                break;
            }
            producer_tally.produced.fetch_add(1, Ordering::Relaxed);
        }
    });
    let mut samples = Vec::new();
    let all_done = futures::future::join_all(finished);
    futures::pin_mut!(all_done);
    let spans = loop {
        samples.push(tally.sample(live.elapsed(), receiver.len() as u64));
        live.plots.set(channel_plots(&samples, 100.0));
        let tick = TimeoutFuture::new(SAMPLE_MS as u32);
        match futures::future::select(all_done.as_mut(), tick).await {
            futures::future::Either::Left((spans, _)) => break spans,
            futures::future::Either::Right(_) => {}
        }
    };
    samples.push(tally.sample(live.elapsed(), 0));
    for (c, start, end) in spans.into_iter().flatten() {
        live.event(Event::span(format!("Consumer {}", c + 1), "consuming", live.on_axis(start), live.on_axis(end)));
    }
    Ok(samples)
}

/// Producer and consumers as tasks on this thread, through tokio's mpsc (the seeds'
/// channel for async tasks). The consumers share the receiver behind tokio's async lock,
/// the usual way to share one.
async fn as_tasks(setup: &Setup, tally: Arc<Tally>, live: LiveRun) -> Vec<ChannelSample> {
    let (sender, receiver) = mpsc::channel::<u64>(setup.capacity.max(1));
    let receiver = Rc::new(AsyncMutex::new(receiver));
    let samples = Rc::new(RefCell::new(vec![tally.sample(0.0, 0)]));
    let note = {
        let (tally, samples) = (tally.clone(), samples.clone());
        move || {
            let now = live.elapsed();
            let mut samples = samples.borrow_mut();
            if samples.last().is_none_or(|s: &ChannelSample| now - s.at_ms >= SAMPLE_MS) {
                // A send that waited for room counts as produced only when the producer resumes,
                // which can be after a consumer has already taken that item: then none is queued.
                let queued =
                    tally.produced.load(Ordering::Relaxed).saturating_sub(tally.consumed.load(Ordering::Relaxed));
                samples.push(tally.sample(now, queued));
            }
        }
    };
    let producer = {
        let (tally, note) = (tally.clone(), note.clone());
        async move {
            for item in 0..setup.items {
                if tally.cancel.load(Ordering::Relaxed) || sender.send(item).await.is_err() {
                    break;
                }
                tally.produced.fetch_add(1, Ordering::Relaxed);
                note();
            }
        }
    };
    let consumers = (0..setup.consumers).map(|c| {
        let (receiver, tally, note, work) = (receiver.clone(), tally.clone(), note.clone(), setup.work);
        async move {
            let start = live.elapsed();
            loop {
                let next = receiver.lock().await.recv().await;
                let Some(item) = next.filter(|_| !tally.cancel.load(Ordering::Relaxed)) else { break };
                tally.consume(item, work);
                note();
            }
            live.event(Event::span(format!("Consumer {}", c + 1), "consuming", start, live.elapsed()));
        }
    });
    tokio::join!(producer, futures::future::join_all(consumers));
    let mut samples = samples.take();
    samples.push(tally.sample(live.elapsed(), 0));
    samples
}

impl Experiment for Channels {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn check(&self, values: &Values, _mode: Mode) -> Vec<String> {
        let starts = values.get(ITEMS) * values.get(WORK);
        if starts > MAX_STARTS {
            vec![format!(
                "Items × work is {} Collatz starts; keep it to {} or fewer (a few seconds on one core).",
                group_thousands(starts),
                group_thousands(MAX_STARTS)
            )]
        } else {
            Vec::new()
        }
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let setup = Setup {
                items: values.get(ITEMS),
                work: values.get(WORK),
                capacity: values.get(CAPACITY) as usize,
                consumers: values.get(CONSUMERS) as usize,
            };
            let tally = Arc::new(Tally::default());
            let _cancel = CancelOnDrop(tally.clone());
            let samples = if mode == CROSSBEAM {
                on_threads(&setup, tally.clone(), live).await?
            } else {
                as_tasks(&setup, tally.clone(), live).await
            };
            live.plots.set(channel_plots(&samples, 100.0));
            outcome(&setup, &tally, &samples, mode, live)
        })
    }
}

fn outcome(
    setup: &Setup,
    tally: &Tally,
    samples: &[ChannelSample],
    mode: Mode,
    live: LiveRun,
) -> Result<Outcome, JobError> {
    let consumed = tally.consumed.load(Ordering::Acquire);
    let once =
        consumed == setup.items && tally.index_sum.load(Ordering::Acquire) == setup.items * (setup.items - 1) / 2;
    // From the first look at the queue (after the pool has started) to the last.
    let ms = samples.last().zip(samples.first()).map_or(0.0, |(last, first)| last.at_ms - first.at_ms);
    let fullest = samples.iter().map(|s| s.queued).max().unwrap_or(0);
    let rate = consumed as f64 * 1e3 / ms.max(1e-9);
    live.print(format!("{consumed} items consumed in {ms:.0} ms ({rate:.0} per second)"));
    live.print(format!("every item consumed exactly once: {once}"));
    Ok(Outcome {
        result: format!(
            "{}{} items in {ms:.0} ms: {} per second",
            if once { "" } else { "WRONG: an item was lost or consumed twice. " },
            group_thousands(consumed),
            group_thousands(rate as u64)
        ),
        matches_seed: None,
        compute_ms: Some(ms),
        threads: if mode == CROSSBEAM { setup.consumers + 1 } else { 1 },
        figures: vec![
            ("items per second", format!("{rate:.0}")),
            ("every item once", once.to_string()),
            ("fullest queue", format!("{fullest} of {}", setup.capacity)),
            ("chain steps in all", group_thousands(tally.steps.load(Ordering::Acquire))),
        ],
        headline: None,
        hang: None,
    })
}
