//! The machinery experiments run on: the rayon pool of web workers and the compute
//! worker that drives it. Both start when the app starts; their state is shown in
//! the header and checked before a run.

use crate::browser::environment::read_environment;
use crate::browser::js_error::error_text;
use crate::{bridge, browser::clock};
use crate::run::mount_stages::MountStages;
use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_lab::environment::{Environment, Readiness};
use wasm_bindgen_futures::JsFuture;

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

    /// Whether the pool or the worker is still starting.
    pub fn settling(&self) -> bool {
        [self.pool.get(), self.worker.get()].contains(&Readiness::Starting)
    }
}

/// Put on the page's timeline once the page is mounted and the pool and the compute worker
/// have settled: index.html keeps the site for offline use only after it, so that the
/// service worker's download of the whole site does not compete with the app's own start
/// (on Lighthouse's mobile profile it added ~200 ms of blocking time: docs/benchmark.md).
pub const STARTED_MARK: &str = "playground-started";

/// Starts the pool and the compute worker (once, at the top of the app).
pub fn use_engine(stages: MountStages) -> Engine {
    let environment = read_environment();
    let (pool, set_pool) = signal(Readiness::Starting);
    let (worker, set_worker) = signal(Readiness::Starting);
    if !environment.cross_origin_isolated {
        let why = "this page is not cross-origin isolated, so the browser offers no \
                   SharedArrayBuffer and no threads"
            .to_string();
        set_pool.set(Readiness::Failed(why.clone()));
        set_worker.set(Readiness::Failed(why));
        spawn_local(async move {
            stages.mounted().await;
            clock::mark(STARTED_MARK);
        });
    } else {
        let threads = environment.pool_threads();
        // One after the other: started together, the compute worker took ~125 ms (median of
        // 10 loads) while the pool's workers loaded; after the pool, ~55 ms. The pool's own
        // start (~170 ms) did not change, and both are ready sooner.
        spawn_local(async move {
            // Once the page is mounted: the page shows first, and the pool's workers are not
            // created while the main thread is still building and painting it. 12 loads each:
            // pool start 141-161 ms (median) after the first paint against 176 before it
            // (docs/benchmark.md); after the whole mount, see docs/benchmark.md's first visit.
            stages.mounted().await;
            let started = clock::now_ms();
            let result = JsFuture::from(wasm_bindgen_rayon::init_thread_pool(threads)).await;
            set_pool.set(match result {
                Ok(_) => {
                    clock::mark("playground-pool-ready");
                    Readiness::Ready { threads, start_ms: clock::now_ms() - started }
                }
                Err(e) => Readiness::Failed(error_text(e)),
            });
            let started = clock::now_ms();
            set_worker.set(match bridge::start_worker().await {
                Ok(()) => Readiness::Ready { threads: 1, start_ms: clock::now_ms() - started },
                Err(why) => Readiness::Failed(why),
            });
            clock::mark(STARTED_MARK);
        });
    }
    Engine { environment: StoredValue::new(environment), pool, worker }
}
