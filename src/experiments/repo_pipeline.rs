//! Seed 002's GitHub pipeline: a producer queues repositories, consumer threads fetch
//! each one's issues and pull requests (simulated network delays) and process them on
//! rayon's pool, and the results come back through a channel. Run as the seed lays it
//! out (threads that block while they fetch, the seed's block_on inside block_in_place),
//! and as one event loop that awaits every fetch at once.

use super::Experiment;
use crate::bridge::board::shared_now_ms;
use crate::bridge::threads;
use crate::experiment_parts::on_pool::on_pool;
use crate::run::live_run::{LiveRun, RunFuture};
use futures::future::{join, join_all, try_join_all};
use gloo_timers::future::TimeoutFuture;
use playground_kernels::repos::{MAX_REPOS, issues_of, process_data, pull_requests_of, repo_names};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub struct RepoPipeline;

const CONSUMER_THREADS: Mode = Mode::other(
    "consumer-threads",
    "Consumer threads (the seed's layout)",
    "A producer thread queues the repositories in a crossbeam channel; each consumer thread (a web worker) takes one, \
     waits out the issues' fetch, then the pull requests' (the seed's block_on, one after the other), processes them \
     with par_iter on the pool and sends the result back.",
);
const ONE_EVENT_LOOP: Mode = Mode::other(
    "one-event-loop",
    "One event loop",
    "The page's event loop awaits every fetch of every repository at once (timer futures standing in for the \
     network), then hands each repository's data to the pool with rayon::spawn and awaits the result.",
);
const MODES: &[Mode] = &[CONSUMER_THREADS, ONE_EVENT_LOOP];

const REPOS: Whole = Whole::new("repos", "Repositories", 1, MAX_REPOS, 3);
const CONSUMERS: Whole = Whole::new("consumers", "Consumer threads", 1, 8, 2);
/// The seed's fetches sleep 1 s each.
const DELAY: Whole = Whole::new("delay", "Each fetch's network delay (ms)", 0, 5_000, 1_000);
const KNOBS: &[Knob] = &[REPOS.knob(), CONSUMERS.knob(), DELAY.knob()];

const ABOUT: About = About {
    slug: words::REPO_PIPELINE.slug,
    title: words::REPO_PIPELINE.title,
    summary: words::REPO_PIPELINE.summary,
    sources: &["src/experiments/repo_pipeline.rs", "src/experiment_parts/on_pool.rs", "kernels/src/repos.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::OffMainThread,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

/// A span some thread recorded, on the shared clock: its timeline row and label.
type Step = (String, String, f64, f64);

/// One consumer thread: takes repositories until the queue is closed and empty.
fn consume(
    number: u64,
    queue: crossbeam_channel::Receiver<String>,
    results: crossbeam_channel::Sender<(String, Vec<String>)>,
    steps: Arc<Mutex<Vec<Step>>>,
    delay_ms: u64,
) {
    let lane = format!("Consumer {number} (web worker)");
    let record = |label: String, start: f64| {
        steps.lock().unwrap_or_else(|e| e.into_inner()).push((lane.clone(), label, start, shared_now_ms()));
    };
    while let Ok(repo) = queue.recv() {
        // The seed's block_on(fetch_…): this thread waits out the fetch's delay.
        let fetch = |what: &str, answer: fn(&str) -> Vec<String>| {
            let start = shared_now_ms();
            std::thread::sleep(Duration::from_millis(delay_ms));
            record(format!("fetch {what} of {repo}"), start);
            answer(&repo)
        };
        let combined = [fetch("issues", issues_of), fetch("pull requests", pull_requests_of)].concat();
        let start = shared_now_ms();
        let processed = process_data(combined);
        record(format!("process {repo} (par_iter)"), start);
        let _ = results.send((repo, processed));
    }
}

/// The seed's layout: a producer thread, `consumers` consumer threads, the page joining them all.
async fn with_threads(
    repos: Vec<String>,
    consumers: u64,
    delay_ms: u64,
    live: LiveRun,
) -> Result<Vec<(String, Vec<String>)>, JobError> {
    let (queue_in, queue) = crossbeam_channel::unbounded();
    let (results_in, results) = crossbeam_channel::unbounded();
    let steps = Arc::new(Mutex::new(Vec::new()));
    let producer = threads::spawn(move || {
        for repo in repos {
            let _ = queue_in.send(repo);
        }
        // The sender drops here: once the queue is empty, the consumers' recv ends.
    });
    let workers: Vec<_> = (1..=consumers)
        .map(|n| {
            let (queue, results_in, steps) = (queue.clone(), results_in.clone(), steps.clone());
            threads::spawn(move || consume(n, queue, results_in, steps, delay_ms))
        })
        .collect();
    // Only the consumers hold senders now: the results channel closes with the last of them.
    drop(results_in);
    let (produced, consumed) = join(producer, try_join_all(workers)).await;
    produced.and(consumed.map(|_| ())).map_err(JobError::Failed)?;
    for (lane, label, start, end) in steps.lock().unwrap_or_else(|e| e.into_inner()).drain(..) {
        live.event(Event::span(lane, label, live.on_axis(start), live.on_axis(end)));
    }
    Ok(results.try_iter().collect())
}

/// One fetch as a timer future on the page's event loop.
async fn fetch(repo: &str, what: &str, answer: fn(&str) -> Vec<String>, delay_ms: u64, live: LiveRun) -> Vec<String> {
    let start = live.elapsed();
    TimeoutFuture::new(delay_ms as u32).await;
    live.event(Event::span(format!("Fetches of {repo}"), format!("fetch {what}"), start, live.elapsed()));
    answer(repo)
}

/// Every fetch awaited together, each repository's items processed on the pool once fetched.
async fn on_one_event_loop(
    repos: Vec<String>,
    delay_ms: u64,
    live: LiveRun,
) -> Result<Vec<(String, Vec<String>)>, JobError> {
    let each = repos.into_iter().map(|repo| async move {
        let (issues, prs) = join(
            fetch(&repo, "issues", issues_of, delay_ms, live),
            fetch(&repo, "pull requests", pull_requests_of, delay_ms, live),
        )
        .await;
        let combined = [issues, prs].concat();
        let done = on_pool(move || process_data(combined)).await?;
        live.event(Event::span(
            "Pool (par_iter)",
            format!("process {repo}"),
            live.on_axis(done.start),
            live.on_axis(done.end),
        ));
        Ok::<_, JobError>((repo, done.value))
    });
    join_all(each).await.into_iter().collect()
}

impl Experiment for RepoPipeline {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let repos = repo_names(values.get(REPOS));
            let delay = values.get(DELAY);
            for repo in &repos {
                live.print(format!("Queueing tasks for repo: {repo}"));
            }
            let results = if mode == CONSUMER_THREADS {
                with_threads(repos.clone(), values.get(CONSUMERS), delay, live).await?
            } else {
                on_one_event_loop(repos.clone(), delay, live).await?
            };
            for (_, processed) in &results {
                live.print(format!("Final result: {processed:?}"));
            }
            let items: usize = results.iter().map(|(_, p)| p.len()).sum();
            let all_there = results.len() == repos.len() && repos.iter().all(|r| results.iter().any(|(s, _)| s == r));
            if !all_there {
                return Err(JobError::Failed(format!("{} of {} repositories came back", results.len(), repos.len())));
            }
            let threads = if mode == CONSUMER_THREADS { values.get(CONSUMERS) as usize } else { 1 };
            Ok(Outcome {
                result: format!("{} repositories, {items} items processed", results.len()),
                threads,
                figures: vec![("fetch delay", format!("{delay} ms")), ("items", items.to_string())],
                ..Outcome::default()
            })
        })
    }
}
