//! Async overlap (seed 000): simulated requests as timer futures, awaited one
//! after another or together with join_all.

use super::Experiment;
use crate::experiment_parts::twins::{self, js_mode};
use crate::run::live_run::{LiveRun, RunFuture};
use futures::future::join_all;
use gloo_timers::future::TimeoutFuture;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};

pub struct AsyncOverlap;

const ONE_BY_ONE: Mode = Mode::other(
    "one-by-one",
    "One after another",
    "for url in urls { fetch(url).await }: each request starts when the previous one has finished.",
);
const JOIN_ALL: Mode = Mode::other(
    "join-all",
    "Together with join_all",
    "join_all(urls.map(fetch)).await: every request starts at once and the waits overlap.",
);
const JS: Mode = js_mode(
    false,
    "Promise.all(urls.map(fetchUser)): the seed's TypeScript, its requests timers in this page's event loop.",
);
const MODES: &[Mode] = &[ONE_BY_ONE, JOIN_ALL, JS];
const REQUESTS: Whole = Whole::new("requests", "Requests", 1, 26, 3);
const DELAY: Whole = Whole::new("delay", "Each takes (ms)", 1, 5_000, 100);
const KNOBS: &[Knob] = &[REQUESTS.knob(), DELAY.knob()];

fn urls(count: u64) -> Vec<String> {
    (0..count).map(|i| format!("https://{}.example", (b'a' + i as u8) as char)).collect()
}

/// A "request": waits `delay` ms (a timer standing in for the network) and answers the URL's length.
async fn fetch(url: String, delay: u64, live: LiveRun) -> usize {
    let start = live.elapsed();
    TimeoutFuture::new(delay as u32).await;
    live.event(Event::span("Requests", url.clone(), start, live.elapsed()));
    url.len()
}

const ABOUT: About = About {
    slug: words::ASYNC_OVERLAP.slug,
    title: words::ASYNC_OVERLAP.title,
    summary: words::ASYNC_OVERLAP.summary,
    sources: &["src/experiments/overlap.rs", "src/experiment_parts/twins.js"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::No,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

impl Experiment for AsyncOverlap {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let (count, delay) = (values.get(REQUESTS), values.get(DELAY));
            let results: Vec<usize> = if mode == JS {
                twins::requests_with_promise_all(count, delay, live).await?
            } else if mode == JOIN_ALL {
                join_all(urls(count).into_iter().map(|u| fetch(u, delay, live))).await
            } else {
                let mut results = Vec::new();
                for url in urls(count) {
                    results.push(fetch(url, delay, live).await);
                }
                results
            };
            let elapsed = live.elapsed();
            live.print(format!("results = {results:?}"));
            live.print(format!("elapsed = {elapsed:.0} ms"));
            let seed = (count == 3).then(|| results == [17, 17, 17]);
            Ok(Outcome {
                result: format!("{results:?}"),
                matches_seed: seed,
                threads: 1,
                figures: vec![
                    ("elapsed", format!("{elapsed:.0} ms")),
                    ("overhead over one request", format!("{:.1} ms", elapsed - delay as f64)),
                ],
                ..Outcome::default()
            })
        })
    }
}
