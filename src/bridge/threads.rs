//! The browser's `std::thread::spawn`: a new web worker joins the shared memory, runs
//! one closure and ends. What a thread costs here is what a worker costs: a fresh
//! JavaScript realm that loads and instantiates the module before it runs a line.

use super::glue;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

type Work = Box<dyn FnOnce() + Send>;

/// Runs `work` on a new worker; resolves when it has returned and the worker has ended.
/// If the worker cannot start, the closure is never run (and its box is not freed).
pub async fn spawn(work: impl FnOnce() + Send + 'static) -> Result<(), String> {
    let work: Box<Work> = Box::new(Box::new(work));
    let address = Box::into_raw(work) as usize;
    let done = glue::run_on_new_thread(wasm_bindgen::module(), wasm_bindgen::memory(), glue::glue_url(), address);
    JsFuture::from(done).await.map(drop).map_err(glue::error_text)
}

/// The worker's side of [`spawn`].
#[wasm_bindgen]
pub fn run_thread_work(work: usize) {
    // Sound: `spawn` leaked exactly this box for exactly this call.
    let work = unsafe { Box::from_raw(work as *mut Work) };
    work();
}

/// Milliseconds for `count` postMessage round trips between the page and a new worker.
pub async fn echo_round_trips(count: u32) -> Result<f64, String> {
    let ms = JsFuture::from(glue::echo_round_trips(count)).await.map_err(glue::error_text)?;
    ms.as_f64().ok_or_else(|| "the echo worker sent no time".to_string())
}
