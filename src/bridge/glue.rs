//! The one binding to `compute_worker.js`, and the URL of the wasm-bindgen glue that
//! every worker imports to join the module.

use js_sys::{JsString, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/bridge/compute_worker.js")]
extern "C" {
    /// Starts the compute worker on this module and memory; resolves once it is ready.
    #[wasm_bindgen(js_name = startComputeWorker)]
    pub fn start_compute_worker(module: JsValue, memory: JsValue, main_js: JsString) -> Promise;
    /// Posts a job (JSON) to the compute worker; resolves with its reply (JSON).
    #[wasm_bindgen(js_name = runOnComputeWorker)]
    pub fn run_on_compute_worker(job: &str) -> Promise;
    /// Starts `count` workers that each run one thread of a sized pool (see `sized_pools`).
    #[wasm_bindgen(js_name = startPoolWorkers)]
    pub fn start_pool_workers(
        module: JsValue,
        memory: JsValue,
        main_js: JsString,
        count: usize,
        receiver: usize,
    ) -> Promise;
    /// Serves a service board (`service_runtime`) on a new worker; resolves once it is
    /// done, with the worker ended.
    #[wasm_bindgen(js_name = runServiceWorker)]
    pub fn run_service_worker(module: JsValue, memory: JsValue, main_js: JsString, board: usize) -> Promise;
    /// Runs the closure at `work` (`threads`) on a new worker numbered `id`, awaiting the
    /// future it makes if `is_async`; resolves once it has run, with the worker ended.
    #[wasm_bindgen(js_name = runOnNewThread)]
    pub fn run_on_new_thread(
        module: JsValue,
        memory: JsValue,
        main_js: JsString,
        work: usize,
        is_async: bool,
        id: u32,
    ) -> Promise;
    /// Terminates the worker numbered `id` (a stuck one); its promise rejects.
    #[wasm_bindgen(js_name = terminateThread)]
    pub fn terminate_thread(id: u32);
    /// Asks the worker numbered `id` to answer through its message queue (the watchdog's ping).
    #[wasm_bindgen(js_name = pingThread)]
    pub fn ping_thread(id: u32);
    /// When that worker last answered a ping, on the shared clock (NaN: not yet).
    #[wasm_bindgen(js_name = threadAnsweredAt)]
    pub fn thread_answered_at(id: u32) -> f64;
    /// Bounces a message `count` times between the page and a fresh echo worker;
    /// resolves with the milliseconds it took.
    #[wasm_bindgen(js_name = echoRoundTrips)]
    pub fn echo_round_trips(count: u32) -> Promise;
    /// Tells this thread's copy of the script the message of the panic about to trap.
    #[wasm_bindgen(js_name = notePanic)]
    pub fn note_panic(message: &str);
}

/// The URL of the wasm-bindgen glue module, which workers import to instantiate the
/// same module. Read from the glue's own `import.meta.url`, so it holds whatever
/// hashed name the build gave the file.
pub fn glue_url() -> JsString {
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
        static GLUE_URL: JsString;
    }
    GLUE_URL.with(Clone::clone)
}
