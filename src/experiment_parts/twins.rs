//! The `js` modes: the seeds' TypeScript programs as plain JavaScript (`twins.js`), run
//! in the page beside their Rust twins and put on the same timeline.

use crate::browser::js_error::error_text;
use crate::run::live_run::LiveRun;
use js_sys::Promise;
use playground_lab::catalogue::{Mode, Role};
use playground_lab::jobs::JobError;
use playground_lab::records::Event;
use playground_lab::twins::{self, HashReply, OverlapReply, TimerReply};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/experiment_parts/twins.js")]
extern "C" {
    #[wasm_bindgen(js_name = timerVsBusy)]
    fn timer_vs_busy(due: u32, busy: u32) -> Promise;
    #[wasm_bindgen(js_name = promiseAll)]
    fn promise_all(count: u32, delay: u32) -> Promise;
    #[wasm_bindgen(js_name = hashOnThisThread)]
    fn hash_on_this_thread(password: &str, updates: u32, passwords: u32, period: u32, ticks: u32) -> Promise;
    #[wasm_bindgen(js_name = hashInWorker)]
    fn hash_in_worker(password: &str, updates: u32, passwords: u32, period: u32, ticks: u32) -> Promise;
}

/// A `js` mode: the same program in JavaScript, on the page's thread.
pub const fn js_mode(blocks_main_thread: bool, explanation: &'static str) -> Mode {
    Mode { id: "js", label: "JavaScript (the seed's program)", explanation, blocks_main_thread, role: Role::Other }
}

/// A twin's answer, as the text it sent.
async fn answer(promise: Promise) -> Result<String, JobError> {
    let text = JsFuture::from(promise).await.map_err(|e| JobError::Failed(error_text(e)))?;
    Ok(text.as_string().unwrap_or_default())
}

/// seed 000's Node program: a timer, then a busy loop. Returns (busy loop done, timer fired) on the run's axis.
pub async fn timer_then_busy_loop(due: u64, busy: u64, live: LiveRun) -> Result<(f64, f64), JobError> {
    let t: TimerReply =
        twins::read(&answer(timer_vs_busy(due as u32, busy as u32)).await?).map_err(JobError::Failed)?;
    let (start, end, fired) = (live.on_axis(t.start), live.on_axis(t.busy_end), live.on_axis(t.fired));
    live.event(Event::span("JS busy loop", "while (Date.now() < spinUntil)", start, end));
    live.event(Event::tick("Timer", "setTimeout", start + due as f64, fired));
    Ok((end, fired))
}

/// seed 000's `Promise.all`: the lengths of the URLs, in order.
pub async fn requests_with_promise_all(count: u64, delay: u64, live: LiveRun) -> Result<Vec<usize>, JobError> {
    let o: OverlapReply =
        twins::read(&answer(promise_all(count as u32, delay as u32)).await?).map_err(JobError::Failed)?;
    for r in &o.requests {
        live.event(Event::span("JS requests", r.url.clone(), live.on_axis(r.start), live.on_axis(r.end)));
    }
    Ok(o.requests.iter().map(|r| r.length).collect())
}

/// What seed 000's hashPasswords is given: `passwords` copies of the password, each
/// hashed with `updates` updates.
pub struct HashPasswords<'a> {
    pub password: &'a str,
    pub updates: u64,
    pub passwords: u64,
}

/// seed 000's hashPasswords beside a heartbeat, blocking the event loop or in a worker.
pub async fn hash_beside_heartbeat(
    work: HashPasswords<'_>,
    period: u64,
    ticks: u64,
    in_worker: bool,
    live: LiveRun,
) -> Result<HashReply, JobError> {
    let (u, n, p, t) = (work.updates as u32, work.passwords as u32, period as u32, ticks as u32);
    let promise = if in_worker {
        hash_in_worker(work.password, u, n, p, t)
    } else {
        hash_on_this_thread(work.password, u, n, p, t)
    };
    let h: HashReply = twins::read(&answer(promise).await?).map_err(JobError::Failed)?;
    let lane = if in_worker { "JS hash (worker)" } else { "JS hash" };
    live.event(Event::span(lane, "hashPasswords", live.on_axis(h.hash_start), live.on_axis(h.hash_end)));
    // Due on the n × period schedule, as the Rust heartbeat's ticks are.
    for (n, fired) in (1..).zip(&h.ticks) {
        let due = live.on_axis(h.start) + (n * period) as f64;
        live.event(Event::tick("Heartbeat", format!("heartbeat {n}"), due, live.on_axis(*fired)));
    }
    Ok(h)
}
