//! Yielding the thread back to the event loop, by each of the browser's means. The
//! means differ in what they let run in the gap: a task-queue yield lets timers, input
//! and frames through; a microtask lets nothing but other microtasks through.
//!
//! One surprise, measured: in this threaded build a Rust future never resumes in a
//! microtask. Its waker flips an atomic and the task sleeps in `Atomics.waitAsync`
//! (wasm-bindgen-futures' multithreaded executor), which settles as a new task; so
//! awaiting a settled promise from Rust lets timers in. Work that must stay in
//! microtasks runs as one JavaScript async function ([`sliced_work_in_microtasks`]).
//! For the same reason Rust's zero timeouts are never nested, so the browser's 4 ms clamp
//! on nested timeouts shows only in a JavaScript chain ([`javascript_timeout_chain`]).

use crate::browser::js_error::error_text;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/browser/yielding.js")]
extern "C" {
    #[wasm_bindgen(js_name = hasSchedulerYield)]
    fn has_scheduler_yield() -> bool;
    #[wasm_bindgen(js_name = yieldVia)]
    fn yield_via(means: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = nestedTimeoutGaps)]
    fn nested_timeout_gaps(count: u32) -> js_sys::Promise;
    #[wasm_bindgen(js_name = slicedWorkWithMicrotasks)]
    fn sliced_work_with_microtasks(work: f64, slice: f64) -> js_sys::Promise;
}

/// How a piece of work gives its thread back between slices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Means {
    /// `setTimeout(0)`: a task, clamped to 4 ms once nested five deep.
    SetTimeout,
    /// A MessageChannel post: a task with no clamp.
    MessageChannel,
    /// `scheduler.yield()` where the browser has it (else a MessageChannel post): a task
    /// whose continuation is meant to run ahead of the others.
    SchedulerYield,
    /// Awaiting an already settled promise: a microtask, which timers and frames never get between.
    Microtask,
}

impl Means {
    fn key(self) -> &'static str {
        match self {
            Means::SetTimeout => "set-timeout",
            Means::MessageChannel => "message-channel",
            Means::SchedulerYield => "scheduler-yield",
            Means::Microtask => "microtask",
        }
    }

    /// What ran in this browser, as a person reads it.
    pub fn name(self) -> &'static str {
        match self {
            Means::SetTimeout => "setTimeout(0)",
            Means::MessageChannel => "a MessageChannel post",
            Means::SchedulerYield if has_scheduler_yield() => "scheduler.yield()",
            Means::SchedulerYield => "a MessageChannel post (this browser has no scheduler.yield)",
            Means::Microtask => "await Promise.resolve()",
        }
    }
}

/// Gives the thread back by `means`, and resumes once it has had its turn.
pub async fn yield_by(means: Means) {
    // The promises above never reject.
    let _ = JsFuture::from(yield_via(means.key())).await;
}

/// The gaps (ms) before each of `count` zero-delay timeouts chained in JavaScript, each
/// set from the previous one's callback: where the browser's 4 ms clamp shows.
pub async fn javascript_timeout_chain(count: u32) -> Vec<f64> {
    let gaps = JsFuture::from(nested_timeout_gaps(count)).await.ok();
    gaps.and_then(|g| g.dyn_into::<js_sys::Float64Array>().ok()).map(|a| a.to_vec()).unwrap_or_default()
}

/// Busy work done in slices with microtask "yields" between them, as JavaScript ran it:
/// start, end, each yield's length and each slice's (start, end), on this thread's clock (ms).
pub struct MicrotaskSlices {
    pub start: f64,
    pub end: f64,
    pub yields: Vec<f64>,
    pub slices: Vec<(f64, f64)>,
}

/// `work` ms of busy work in slices of `slice` ms, awaiting a settled promise between slices.
pub async fn sliced_work_in_microtasks(work: f64, slice: f64) -> Result<MicrotaskSlices, String> {
    let done = JsFuture::from(sliced_work_with_microtasks(work, slice)).await.map_err(error_text)?;
    let number = |key: &str| js_sys::Reflect::get(&done, &key.into()).ok().and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
    let numbers = |key: &str| {
        js_sys::Reflect::get(&done, &key.into())
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Float64Array>().ok())
            .map(|a| a.to_vec())
            .unwrap_or_default()
    };
    Ok(MicrotaskSlices {
        start: number("start"),
        end: number("end"),
        yields: numbers("yields"),
        slices: numbers("slices").chunks_exact(2).map(|p| (p[0], p[1])).collect(),
    })
}
