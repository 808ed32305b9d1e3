//! The machinery experiments run on: the rayon pool of web workers and the compute
//! worker that drives it. Both start when the app starts; their state is shown in
//! the header and checked before a run.

use crate::isolation::IsolationState;
use crate::{bridge, clock};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The most pool threads we start, whatever the browser reports.
pub const MAX_POOL_THREADS: usize = 16;

/// What the page's results depend on, read once at start.
#[derive(Clone, Debug, PartialEq)]
pub struct Environment {
    /// COOP/COEP in force: without it there is no SharedArrayBuffer and no threads.
    pub cross_origin_isolated: bool,
    /// Whether the global `SharedArrayBuffer` exists (browsers withhold it without isolation).
    pub shared_array_buffer: bool,
    pub hardware_concurrency: usize,
    pub user_agent: String,
    /// "Firefox 153", from the user agent.
    pub browser: String,
    /// The smallest step `performance.now()` takes here, in ms: browsers coarsen it
    /// (about 0.005 ms when isolated, 0.1 ms when not), and it bounds what a timing can resolve.
    pub timer_resolution_ms: f64,
    /// How isolation was reached, or why not (the isolation service worker's state).
    pub isolation: IsolationState,
    /// Whether `Atomics.waitAsync` exists (Chromium has it; some engines do not).
    pub atomics_wait_async: bool,
}

impl Environment {
    pub fn read() -> Self {
        let global = js_sys::global();
        let isolated = js_sys::Reflect::get(&global, &JsValue::from_str("crossOriginIsolated"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        let shared_array_buffer = js_sys::Reflect::has(&global, &JsValue::from_str("SharedArrayBuffer")).unwrap_or(false);
        let navigator = window().navigator();
        let user_agent = navigator.user_agent().unwrap_or_default();
        Environment {
            cross_origin_isolated: isolated,
            shared_array_buffer,
            hardware_concurrency: (navigator.hardware_concurrency() as usize).max(1),
            browser: browser_of(&user_agent),
            user_agent,
            timer_resolution_ms: timer_resolution_ms(),
            isolation: IsolationState::read(),
            atomics_wait_async: js_sys::Reflect::get(&global, &JsValue::from_str("Atomics"))
                .and_then(|atomics| js_sys::Reflect::has(&atomics, &JsValue::from_str("waitAsync")))
                .unwrap_or(false),
        }
    }

    /// What differs here from the engine the playground was first measured in
    /// (Chromium), in a sentence each: what is missing and what that changes.
    pub fn differences(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.atomics_wait_async {
            notes.push(
                "No Atomics.waitAsync in this browser: async Rust code waiting on shared memory \
                 (wasm-bindgen-futures) waits through a helper web worker instead."
                    .to_string(),
            );
        }
        if self.cross_origin_isolated && self.timer_resolution_ms > 0.01 {
            notes.push(format!(
                "performance.now() moves in steps of {:.3} ms here (Chromium: 0.005 ms): shorter \
                 timings are rounded to that.",
                self.timer_resolution_ms
            ));
        }
        notes
    }

    /// One pool thread per core: the pool runs the parallel work while the compute
    /// worker that drives it mostly waits.
    pub fn pool_threads(&self) -> usize {
        self.hardware_concurrency.clamp(1, MAX_POOL_THREADS)
    }
}

/// The browser and its major version, from a user agent string ("Chromium 156").
pub fn browser_of(user_agent: &str) -> String {
    // Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
    const TOKENS: &[(&str, &str)] = &[
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("HeadlessChrome/", "Chromium (headless)"),
        ("Chrome/", "Chrome"),
        ("Version/", "Safari"),
    ];
    for (token, name) in TOKENS {
        if let Some(at) = user_agent.find(token) {
            let major: String =
                user_agent[at + token.len()..].chars().take_while(char::is_ascii_digit).collect();
            return if major.is_empty() { name.to_string() } else { format!("{name} {major}") };
        }
    }
    "an unknown browser".to_string()
}

/// Measures the smallest step of `performance.now()` by reading it in a tight loop
/// for at most 5 ms.
fn timer_resolution_ms() -> f64 {
    let start = clock::now_ms();
    let (mut last, mut smallest) = (start, f64::INFINITY);
    for _ in 0..200_000 {
        let now = clock::now_ms();
        if now > last {
            smallest = smallest.min(now - last);
            last = now;
        }
        if now - start > 5.0 {
            break;
        }
    }
    smallest
}

/// Start-up state of one piece of the engine.
#[derive(Clone, Debug, PartialEq)]
pub enum Readiness {
    Starting,
    Ready { threads: usize, start_ms: f64 },
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct Engine {
    pub environment: StoredValue<Environment>,
    pub pool: ReadSignal<Readiness>,
    pub worker: ReadSignal<Readiness>,
}

impl Engine {
    /// Why a job cannot run off the main thread yet, if it cannot.
    pub fn not_ready_reason(&self) -> Option<String> {
        for (name, state) in [("rayon pool", self.pool.get()), ("compute worker", self.worker.get())] {
            match state {
                Readiness::Ready { .. } => {}
                Readiness::Starting => return Some(format!("the {name} is still starting")),
                Readiness::Failed(why) => return Some(format!("the {name} failed to start: {why}")),
            }
        }
        None
    }
}

/// Starts the pool and the compute worker (once, at the top of the app).
pub fn use_engine() -> Engine {
    let environment = Environment::read();
    let (pool, set_pool) = signal(Readiness::Starting);
    let (worker, set_worker) = signal(Readiness::Starting);
    if !environment.cross_origin_isolated {
        let why = "this page is not cross-origin isolated, so the browser offers no \
                   SharedArrayBuffer and no threads"
            .to_string();
        set_pool.set(Readiness::Failed(why.clone()));
        set_worker.set(Readiness::Failed(why));
    } else {
        let threads = environment.pool_threads();
        // One after the other: started together, the compute worker took ~125 ms (median of
        // 10 loads) while the pool's workers loaded; after the pool, ~55 ms. The pool's own
        // start (~170 ms) did not change, and both are ready sooner.
        spawn_local(async move {
            let started = clock::now_ms();
            let result = JsFuture::from(wasm_bindgen_rayon::init_thread_pool(threads)).await;
            set_pool.set(match result {
                Ok(_) => {
                    clock::mark("playground-pool-ready");
                    Readiness::Ready { threads, start_ms: clock::now_ms() - started }
                }
                Err(e) => Readiness::Failed(format!("{e:?}")),
            });
            let started = clock::now_ms();
            set_worker.set(match bridge::start_worker().await {
                Ok(()) => Readiness::Ready { threads: 1, start_ms: clock::now_ms() - started },
                Err(why) => Readiness::Failed(why),
            });
        });
    }
    Engine { environment: StoredValue::new(environment), pool, worker }
}
