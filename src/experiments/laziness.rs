//! Lazy futures, eager promises (seed 000): a Rust future does nothing until it is
//! polled; a JavaScript Promise starts its work the moment it is made.

use super::Experiment;
use crate::run::live_run::{LiveRun, RunFuture};
use gloo_timers::future::TimeoutFuture;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

pub struct Laziness;

const RUST_FUTURE: Mode = Mode::other(
    "rust-future",
    "Rust future",
    "An async block is made, then left alone for the wait; only the .await after it runs its body.",
);
const JS_PROMISE: Mode = Mode::other(
    "js-promise",
    "JavaScript Promise",
    "new Promise(…) runs its executor at once: the work starts while the code that made it goes on.",
);
const MODES: &[Mode] = &[RUST_FUTURE, JS_PROMISE];

const IDLE: Whole = Whole::new("idle", "Wait between making it and awaiting it (ms)", 0, 5_000, 200);
const WORK: Whole = Whole::new("work", "Its own work: a timer of (ms)", 0, 5_000, 100);
const KNOBS: &[Knob] = &[IDLE.knob(), WORK.knob()];

const ABOUT: About = About {
    slug: words::LAZINESS.slug,
    title: words::LAZINESS.title,
    summary: words::LAZINESS.summary,
    sources: &["src/experiments/laziness.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::No,
    memory_bound: false,
    headline: None,
    verdict_by_result: true,
};

#[wasm_bindgen(inline_js = "
export function eagerPromise(workMs, started) {
  return new Promise(resolve => {
    started(performance.now());
    setTimeout(resolve, workMs);
  });
}")]
extern "C" {
    /// A Promise whose executor reports when it ran, then resolves after `work_ms`.
    #[wasm_bindgen(js_name = eagerPromise)]
    fn eager_promise(work_ms: u32, started: &Closure<dyn FnMut(f64)>) -> js_sys::Promise;
}

impl Experiment for Laziness {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let (idle, work) = (values.get(IDLE) as u32, values.get(WORK) as u32);
            let started = Rc::new(Cell::new(None::<f64>));
            let made = live.elapsed();
            let before_await;
            if mode == RUST_FUTURE {
                let body_started = started.clone();
                let future = async move {
                    body_started.set(Some(live.elapsed()));
                    TimeoutFuture::new(work).await;
                };
                TimeoutFuture::new(idle).await;
                before_await = started.get().is_some();
                future.await;
            } else {
                let body_started = started.clone();
                let origin = live.origin;
                let report = Closure::<dyn FnMut(f64)>::new(move |at: f64| body_started.set(Some(at - origin)));
                let promise = eager_promise(work, &report);
                TimeoutFuture::new(idle).await;
                before_await = started.get().is_some();
                JsFuture::from(promise).await.map_err(|_| JobError::Failed("the promise rejected".into()))?;
            }
            let finished = live.elapsed();
            let began = started.get().ok_or_else(|| JobError::Failed("the body never ran".into()))?;
            live.event(Event::span("Made", "made", made, made));
            live.event(Event::span("Body", "its work", began, finished));
            live.print(format!("made at {made:.1} ms; side effect before the await: {}", u8::from(before_await)));
            live.print(format!("body started at {began:.1} ms, finished at {finished:.1} ms"));
            Ok(Outcome {
                result: format!(
                    "body started {:.0} ms after it was made ({})",
                    began - made,
                    if before_await { "eager" } else { "lazy" }
                ),
                threads: 1,
                figures: vec![
                    ("side effect before the await", u8::from(before_await).to_string()),
                    ("made (ms)", format!("{made:.1}")),
                    ("body started (ms)", format!("{began:.1}")),
                    ("finished (ms)", format!("{finished:.1}")),
                ],
                ..Outcome::default()
            })
        })
    }
}
