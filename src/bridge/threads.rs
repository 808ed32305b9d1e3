//! The browser's `std::thread::spawn`: a new web worker joins the shared memory, runs
//! one closure and ends. What a thread costs here is what a worker costs: a fresh
//! JavaScript realm that loads and instantiates the module before it runs a line.

use super::glue;
use crate::bridge::watchdog::{Liveness, Watch, watch};
use crate::browser::js_error::error_text;
use futures::future::LocalBoxFuture;
use playground_lab::hang::{HangReport, Limits, Thread};
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

type Work = Box<dyn FnOnce() + Send>;
/// Async work: made on the new thread, run on its event loop.
type AsyncWork = Box<dyn FnOnce() -> LocalBoxFuture<'static, ()> + Send>;

/// Numbers the threads started here, so one can be ended by its number.
static NEXT_THREAD: AtomicU32 = AtomicU32::new(1);

/// Runs `work` on a new worker; resolves when it has returned and the worker has ended.
/// If the worker cannot start, the closure is never run (and its box is not freed).
pub async fn spawn(work: impl FnOnce() + Send + 'static) -> Result<(), String> {
    let work: Box<Work> = Box::new(Box::new(work));
    start(Box::into_raw(work) as usize, false).0.await
}

/// Runs the future `work` makes on a new worker's event loop, under the watchdog (see
/// [`watch`]): the worker is pinged, and `on_it` holds what its tasks wait for. Stuck: the
/// worker is terminated and the answer is the watchdog's report. A worker ended that way
/// keeps its stack in the shared memory (a thread cannot give it back from outside); that is
/// the price of a hang, paid once per hang.
pub async fn spawn_watched(
    work: impl FnOnce() -> LocalBoxFuture<'static, ()> + Send + 'static,
    on_it: &Watch,
    limits: Limits,
    waiting: impl Fn(&str),
) -> Result<Result<(), String>, HangReport> {
    let work: Box<AsyncWork> = Box::new(Box::new(work));
    watched(Box::into_raw(work) as usize, true, on_it, limits, waiting).await
}

/// Like [`spawn`], for synchronous work that may block its thread forever (a deadlock,
/// `block_on` of a future that can never complete): watched as [`spawn_watched`] is.
pub async fn spawn_blocking_watched(
    work: impl FnOnce() + Send + 'static,
    on_it: &Watch,
    limits: Limits,
    waiting: impl Fn(&str),
) -> Result<Result<(), String>, HangReport> {
    let work: Box<Work> = Box::new(Box::new(work));
    watched(Box::into_raw(work) as usize, false, on_it, limits, waiting).await
}

async fn watched(
    address: usize,
    is_async: bool,
    on_it: &Watch,
    limits: Limits,
    waiting: impl Fn(&str),
) -> Result<Result<(), String>, HangReport> {
    let (done, id) = start(address, is_async);
    // Stuck, or the run dropped (Cancel): the worker is ended either way.
    let _end = EndOnDrop(id);
    watch(done, on_it, &Pinged(id), limits, waiting).await
}

/// A worker started here, pinged through its message queue.
struct Pinged(u32);

impl Liveness for Pinged {
    fn ping(&self) {
        glue::ping_thread(self.0);
    }
    fn thread(&self) -> Thread {
        let at = glue::thread_answered_at(self.0);
        Thread::Worker { last_answer_ms: (!at.is_nan()).then_some(at) }
    }
}

/// Terminates the worker numbered so when dropped (a no-op once it has ended by itself).
struct EndOnDrop(u32);

impl Drop for EndOnDrop {
    fn drop(&mut self) {
        glue::terminate_thread(self.0);
    }
}

/// Starts a worker on the work at `address`; its end, and its number.
fn start(address: usize, is_async: bool) -> (impl std::future::Future<Output = Result<(), String>>, u32) {
    let id = NEXT_THREAD.fetch_add(1, Ordering::Relaxed);
    let done = glue::run_on_new_thread(
        wasm_bindgen::module(),
        wasm_bindgen::memory(),
        glue::glue_url(),
        address,
        is_async,
        id,
    );
    (async move { JsFuture::from(done).await.map(drop).map_err(error_text) }, id)
}

/// The worker's side of [`spawn`].
#[wasm_bindgen]
pub fn run_thread_work(work: usize) {
    // Sound: `spawn` leaked exactly this box for exactly this call.
    let work = unsafe { Box::from_raw(work as *mut Work) };
    work();
}

/// The worker's side of [`spawn_watched`]: makes the future here and awaits it.
#[wasm_bindgen]
pub async fn run_thread_task(work: usize) {
    // Sound: `spawn_watched` leaked exactly this box for exactly this call.
    let work = unsafe { Box::from_raw(work as *mut AsyncWork) };
    work().await;
}

/// Milliseconds for `count` postMessage round trips between the page and a new worker.
pub async fn echo_round_trips(count: u32) -> Result<f64, String> {
    let ms = JsFuture::from(glue::echo_round_trips(count)).await.map_err(error_text)?;
    ms.as_f64().ok_or_else(|| "the echo worker sent no time".to_string())
}
