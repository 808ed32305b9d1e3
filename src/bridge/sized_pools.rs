//! Rayon pools of each size from 1 to the core count, for the speedup curve, and pools
//! made for one run (the service's).
//!
//! wasm-bindgen-rayon builds the one global pool (all cores) that every other
//! experiment uses. To measure speedup at 1, 2, … threads we need pools of those
//! sizes too; rayon builds them with a spawn handler, and their threads are web
//! workers that join the shared memory the same way the compute worker does.

use super::glue;
use crate::browser::js_error::error_text;
use playground_lab::jobs::MAX_POOL_THREADS;
use rayon::{ThreadBuilder, ThreadPool, ThreadPoolBuilder};
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Mutex, OnceLock};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Pool `n` lives at index `n - 1`. Only the main thread sets them; any thread reads.
static POOLS: [OnceLock<ThreadPool>; MAX_POOL_THREADS] = [const { OnceLock::new() }; MAX_POOL_THREADS];

/// The pool of `threads` threads, if it has been started.
pub fn pool(threads: usize) -> Option<&'static ThreadPool> {
    POOLS.get(threads.checked_sub(1)?)?.get()
}

/// Starts the pool of `threads` threads unless it is running already.
pub async fn ensure(threads: usize) -> Result<(), String> {
    if !(1..=MAX_POOL_THREADS).contains(&threads) {
        return Err(format!("a pool has 1 to {MAX_POOL_THREADS} threads, not {threads}"));
    }
    if pool(threads).is_some() {
        return Ok(());
    }
    let built = start_pool(threads, "pool").await?;
    let _ = POOLS[threads - 1].set(built);
    Ok(())
}

/// A rayon pool of `threads` web workers on this module and memory. Dropped, its threads
/// finish and their workers close themselves (`compute_worker.js`).
pub async fn start_pool(threads: usize, name: &'static str) -> Result<ThreadPool, String> {
    let (sender, receiver) = sync_channel::<ThreadBuilder>(threads);
    // The workers share one receiver; it lives as long as the page.
    let receiver: &'static Mutex<Receiver<ThreadBuilder>> = Box::leak(Box::new(Mutex::new(receiver)));
    // The threads are put in the channel before any worker waits on it: the sends neither
    // block (capacity = threads) nor meet a worker registering to wait, which would make
    // this main thread wait for a lock, and the page's main thread may not wait. (With the
    // sends after the workers' start, a 1-thread pool's job twice never started in a full
    // test run; this order leaves the main thread no lock to wait for.)
    let pool = ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(move |i| format!("{name} {threads} thread {i}"))
        .spawn_handler(move |thread| sender.send(thread).map_err(|e| std::io::Error::other(e.to_string())))
        .build()
        .map_err(|e| e.to_string())?;
    let started = glue::start_pool_workers(
        wasm_bindgen::module(),
        wasm_bindgen::memory(),
        glue::glue_url(),
        threads,
        receiver as *const _ as usize,
    );
    JsFuture::from(started).await.map_err(|e| format!("pool workers did not start: {}", error_text(e)))?;
    Ok(pool)
}

/// A pool worker's body: take one thread from the channel and run it (forever).
#[wasm_bindgen]
pub fn run_pool_thread(receiver: usize) {
    // Sound: the address is the leaked receiver made in `ensure`, alive for the page's lifetime.
    let receiver = unsafe { &*(receiver as *const Mutex<Receiver<ThreadBuilder>>) };
    let thread = receiver.lock().ok().and_then(|r| r.recv().ok());
    if let Some(thread) = thread {
        thread.run();
    }
}
