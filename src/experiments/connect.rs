//! Awaiting the network (seed 001's `TcpStream::connect(…).await`): a browser cannot
//! open a TCP socket, so the stand-in is the nearest honest thing, a `fetch` of a small
//! file of the site (its icon) awaited by a task, beside a heartbeat, and then beside a
//! busy loop on the same thread.

use super::Experiment;
use super::heartbeat::{lateness_figures, start_heartbeat};
use crate::bridge::execute::spin_for;
use crate::browser::js_error::error_text;
use crate::run::live_run::{LiveRun, RunFuture};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

pub struct Connect;

const AWAIT: Mode = Mode::other(
    "fetch",
    "await a fetch (the stand-in for connect)",
    "A task awaits a fetch of a small file of this site (its icon) while a heartbeat ticks: the wait holds no thread, so the \
     ticks stay on time.",
);
const BESIDE_BUSY: Mode = Mode::on_main_thread(
    "fetch-beside-busy",
    "await a fetch, beside a busy loop",
    "The same fetch, then a busy loop on the same thread: the response arrives while the loop runs, but the task \
     that awaits it can only resume when the thread is free.",
);
const MODES: &[Mode] = &[AWAIT, BESIDE_BUSY];

const BUSY: Whole = Whole::new("busy", "Busy loop after the fetch starts (ms)", 0, 5_000, 300);
const TICKS: Whole = Whole::new("ticks", "Heartbeat ticks (every 50 ms)", 1, 40, 6);
const KNOBS: &[Knob] = &[BUSY.knob(), TICKS.knob()];
const PERIOD_MS: u64 = 50;
/// The figure the modes are compared by: how long the response was complete before the
/// task that awaited it could resume.
const READY_WAIT: &str = "a ready task's wait";

const ABOUT: About = About {
    slug: words::CONNECT.slug,
    title: words::CONNECT.title,
    summary: words::CONNECT.summary,
    sources: &["src/experiments/connect.rs"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::No,
    memory_bound: false,
    // Nothing is offloaded here: the modes differ in how long a ready task waited for its
    // thread, not in where the work ran, so that is what they are compared by.
    headline: Some(READY_WAIT),
    verdict_by_result: false,
};

#[wasm_bindgen(inline_js = "
export function fetchOwnPage(tag) {
  // Small on purpose: a body larger than the browser's buffer waits for the page's busy
  // thread to read it, and then its end no longer says when the network had answered.
  const icon = document.querySelector('link[rel=icon]');
  const url = new URL(icon ? icon.href : location.href);
  url.searchParams.set('connect', tag);
  const started = performance.now();
  return fetch(url, { cache: 'no-store' })
    .then(response => response.arrayBuffer().then(body => ({ response, body })))
    .then(({ response, body }) => {
      const timing = performance.getEntriesByName(url.href, 'resource').at(-1);
      return JSON.stringify({
        started, status: response.status, bytes: body.byteLength,
        responseEnd: timing ? timing.responseEnd : null, resumed: performance.now(),
      });
    });
}")]
extern "C" {
    /// Fetches the site's icon (made unique by `tag`): when it started, its
    /// status and size, when the browser had the whole response (Resource Timing), and
    /// when the code after the await ran (page clock, ms).
    #[wasm_bindgen(js_name = fetchOwnPage)]
    fn fetch_own_page(tag: &str) -> js_sys::Promise;
}

struct Fetched {
    started: f64,
    status: u64,
    bytes: u64,
    response_end: Option<f64>,
    resumed: f64,
}

impl Fetched {
    fn read(text: &str) -> Option<Fetched> {
        let v: serde_json::Value = serde_json::from_str(text).ok()?;
        Some(Fetched {
            started: v["started"].as_f64()?,
            status: v["status"].as_u64()?,
            bytes: v["bytes"].as_u64()?,
            response_end: v["responseEnd"].as_f64(),
            resumed: v["resumed"].as_f64()?,
        })
    }
}

impl Experiment for Connect {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let heartbeat = start_heartbeat(PERIOD_MS, values.get(TICKS), live);
            let tag = format!("{:.0}", live.origin * 1e3);
            let fetch = JsFuture::from(fetch_own_page(&tag));
            let busy = if mode == BESIDE_BUSY { values.get(BUSY) } else { 0 };
            let busy_start = live.elapsed();
            if busy > 0 {
                spin_for(busy as f64);
                live.event(Event::span("Page thread", "busy loop", busy_start, live.elapsed()));
            }
            let text = fetch.await.map_err(|e| JobError::Failed(format!("the fetch failed: {}", error_text(e))))?;
            let text = text.as_string().unwrap_or_default();
            let f = Fetched::read(&text).ok_or_else(|| JobError::Failed(format!("the fetch's answer: {text}")))?;
            let (started, resumed) = (f.started - live.origin, f.resumed - live.origin);
            let arrived = f.response_end.map(|end| end - live.origin);
            live.event(Event::span("Fetch (the browser)", "request → response", started, arrived.unwrap_or(resumed)));
            live.event(Event::span("Task awaiting it", "awaiting", started, resumed));
            live.print(format!("fetched {} bytes (HTTP {}), resumed at {resumed:.0} ms", f.bytes, f.status));
            let _ = heartbeat.await;
            let mut figures = vec![("resumed at", format!("{resumed:.1} ms"))];
            if let Some(arrived) = arrived {
                figures.push(("response complete at", format!("{arrived:.1} ms")));
                figures.push((READY_WAIT, format!("{:.1} ms", (resumed - arrived).max(0.0))));
            }
            figures.extend(lateness_figures(&live));
            Ok(Outcome {
                result: format!("HTTP {}, {} bytes", f.status, f.bytes),
                threads: 1,
                figures,
                headline: arrived.map(|arrived| (READY_WAIT, (resumed - arrived).max(0.0))),
                ..Outcome::default()
            })
        })
    }
}
