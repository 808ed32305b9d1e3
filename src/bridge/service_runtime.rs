//! The service's runtime thread: a web worker started for one run of the `service`
//! experiment, running its request loop as async tasks on the worker's own event loop
//! and handing hashes and lookups to the blocking pool or the CPU pool as the mode says.
//!
//! The page and the worker share a [`ServiceBoard`]: the requests to serve, and one
//! slot per request that the thread that answers it fills in. The page reads the slots
//! live without ever taking a lock (the main thread may not wait), and Cancel is a flag
//! every loop checks between iterations, so a load stops within milliseconds (a lookup
//! already sleeping ends its sleep first: up to the lookup's time).

use super::board::shared_now_ms;
use super::{glue, sized_pools};
use crate::browser::js_error::error_text;
use crate::browser::yielding::{Means, yield_by};
use futures::channel::oneshot;
use gloo_timers::future::TimeoutFuture;
use playground_kernels::service::{LookupError, Stretch, User, fetch_user_blocking, stretch_hash};
use playground_lab::service::{Answered, Kind, Request, Status};
use rayon::ThreadPool;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Where a handler's slow work runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offload {
    /// On the runtime thread, in the handler: every other request waits.
    Inline,
    /// On the blocking pool, awaited through a oneshot (tokio's `spawn_blocking`).
    SpawnBlocking,
    /// A blocking-pool thread hands the hash to the CPU pool with `install` (seed 003's CPU_POOL).
    RayonInstall,
    /// The handler calls the CPU pool's `install` itself, on the runtime thread: the hash
    /// runs on the pool, but `install` holds the runtime thread until it is done (seed
    /// 003's warning, run).
    InstallInHandler,
    /// On the runtime thread, giving it back every `every` iterations of the hash.
    Yielding { every: u64 },
}

/// What one run serves, and how.
pub struct ServiceSetup {
    pub requests: Vec<Request>,
    pub offload: Offload,
    pub hash_ms: f64,
    pub lookup_ms: f64,
    pub password: String,
    /// Threads of the CPU pool, if the mode has one.
    pub cpu_threads: usize,
}

/// Threads of the blocking pool: tokio's grows to 512 on demand; this one is fixed, as
/// a page cannot start hundreds of workers (each is a whole JavaScript realm).
pub const BLOCKING_THREADS: usize = 4;

/// The pool `spawn_blocking` sends work to, and seed 003's CPU_POOL (one thread a core).
pub struct ServicePools {
    pub blocking: ThreadPool,
    pub cpu: ThreadPool,
}

impl ServicePools {
    pub async fn start(cpu_threads: usize) -> Result<Self, String> {
        let blocking = sized_pools::start_pool(BLOCKING_THREADS, "blocking").await?;
        let cpu = sized_pools::start_pool(cpu_threads, "cpu").await?;
        Ok(ServicePools { blocking, cpu })
    }
}

/// The requests and their answers, shared by the page and the threads that serve them.
pub struct ServiceBoard {
    pub setup: ServiceSetup,
    /// When the service began (shared clock, f64 bits; 0 before): request times count from it.
    start: AtomicU64,
    /// How long one iteration of the hash took on the runtime thread (µs, f64 bits).
    iteration_us: AtomicU64,
    /// Per request: 0 until answered, then the [`Status`] code (written after `done`).
    status: Box<[AtomicU32]>,
    /// Per request: when it was answered (ms after the start, f64 bits).
    done: Box<[AtomicU64]>,
    /// Per hash or lookup: when its work began (ms after the start, f64 bits; 0 = not yet).
    begun: Box<[AtomicU64]>,
    cancel: AtomicBool,
    /// The offloading modes' pools, started for this run: the runtime worker takes them
    /// and they end with it, never dropped on the page's thread (ending a rayon pool takes
    /// a lock, and the main thread may not wait).
    pools: Mutex<Option<ServicePools>>,
    /// Whether the runtime worker took its reference to the board (see [`run`]).
    taken: AtomicBool,
}

fn slots<T>(n: usize, make: impl Fn() -> T) -> Box<[T]> {
    (0..n).map(|_| make()).collect()
}

fn load_f64(cell: &AtomicU64) -> f64 {
    f64::from_bits(cell.load(Ordering::Acquire))
}

impl ServiceBoard {
    pub fn new(setup: ServiceSetup, pools: Option<ServicePools>) -> Arc<Self> {
        let n = setup.requests.len();
        Arc::new(ServiceBoard {
            setup,
            start: AtomicU64::new(0),
            iteration_us: AtomicU64::new(0),
            status: slots(n, || AtomicU32::new(0)),
            done: slots(n, || AtomicU64::new(0)),
            begun: slots(n, || AtomicU64::new(0)),
            cancel: AtomicBool::new(false),
            pools: Mutex::new(pools),
            taken: AtomicBool::new(false),
        })
    }

    /// Asks every loop of the run to stop at its next check.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// When the service began, on the shared clock, once it has.
    pub fn started_at(&self) -> Option<f64> {
        Some(load_f64(&self.start)).filter(|t| *t > 0.0)
    }

    /// Ms since the service began (0 before it did).
    fn now(&self) -> f64 {
        self.started_at().map_or(0.0, |start| shared_now_ms() - start)
    }

    pub fn iteration_us(&self) -> Option<f64> {
        Some(load_f64(&self.iteration_us)).filter(|t| *t > 0.0)
    }

    /// Every request's answer so far.
    pub fn answers(&self) -> Vec<Option<Answered>> {
        self.status
            .iter()
            .zip(self.done.iter())
            .map(|(status, done)| {
                let status = Status::from_code(status.load(Ordering::Acquire))?;
                Some(Answered { done_ms: load_f64(done), status })
            })
            .collect()
    }

    /// When each request's work began, if it has.
    pub fn begun(&self) -> Vec<Option<f64>> {
        self.begun.iter().map(|b| Some(load_f64(b)).filter(|t| *t > 0.0)).collect()
    }

    fn begin(&self, i: usize) {
        self.begun[i].store(self.now().max(1e-3).to_bits(), Ordering::Release);
    }

    fn answer(&self, i: usize, status: Status) {
        self.done[i].store(self.now().to_bits(), Ordering::Release);
        self.status[i].store(status.code(), Ordering::Release);
    }
}

/// Page side: serves the board's requests on a new runtime worker until every one is
/// answered, the drain time is over, or the run is cancelled; the worker is ended either way.
pub async fn run(board: &Arc<ServiceBoard>) -> Result<(), String> {
    // The worker takes over this reference (see `serve_requests`).
    let shared = Arc::into_raw(board.clone()) as usize;
    let done = glue::run_service_worker(wasm_bindgen::module(), wasm_bindgen::memory(), glue::glue_url(), shared);
    let (tell, told) = oneshot::channel();
    let board = board.clone();
    // Detached, so it completes even when Cancel drops the run: once the worker has been
    // ended, a reference it never took is reclaimed here.
    wasm_bindgen_futures::spawn_local(async move {
        let served = JsFuture::from(done).await.map(drop).map_err(error_text);
        if !board.taken.load(Ordering::SeqCst) {
            // Sound: made above, and the worker, now terminated, never took it.
            drop(unsafe { Arc::from_raw(shared as *const ServiceBoard) });
        }
        let _ = tell.send(served);
    });
    told.await.unwrap_or_else(|_| Err("the service worker's answer was lost".into()))
}

/// Stops the run's loops when dropped (Cancel drops the run).
pub struct CancelOnDrop(pub Arc<ServiceBoard>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// The longest the request loop waits without looking at the cancel flag (ms).
const CANCEL_CHECK_MS: f64 = 50.0;

/// After the last arrival, how long answers may still take before the rest count as unanswered.
const DRAIN_MS: f64 = 10_000.0;

/// The runtime worker's entry point: `board` is a reference made by [`run`]. Returns
/// whether every task of this thread is done, so its stack can be given back.
#[wasm_bindgen]
pub async fn serve_requests(board: usize) -> bool {
    // Sound: `run` made exactly one reference for this call, and reclaims it only if
    // `taken` stays false.
    let board = unsafe { Arc::from_raw(board as *const ServiceBoard) };
    board.taken.store(true, Ordering::SeqCst);
    serve(board).await
}

/// The request loop: each request is dispatched when it is due (or as soon after as the
/// thread is free) as a task of its own, then the answers are awaited.
async fn serve(board: Arc<ServiceBoard>) -> bool {
    let pools = board.pools.lock().ok().and_then(|mut pools| pools.take()).map(Arc::new);
    let iterations = hash_iterations(&board);
    board.start.store(shared_now_ms().to_bits(), Ordering::Release);
    let open = Rc::new(Cell::new(0usize));
    for i in 0..board.setup.requests.len() {
        // Never early (a timer may fire a fraction of a millisecond before it is due), and
        // in steps of at most CANCEL_CHECK_MS, so Cancel is seen during a long quiet spell.
        loop {
            let wait = board.setup.requests[i].at_ms - board.now();
            if wait <= 0.0 || board.cancelled() {
                break;
            }
            TimeoutFuture::new(wait.ceil().min(CANCEL_CHECK_MS) as u32).await;
        }
        if board.cancelled() {
            break;
        }
        open.set(open.get() + 1);
        let (board, open, pools) = (board.clone(), open.clone(), pools.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(status) = handle(i, &board, &pools, iterations).await {
                board.answer(i, status);
            }
            open.set(open.get() - 1);
        });
    }
    let deadline = board.now() + DRAIN_MS;
    while open.get() > 0 && !board.cancelled() && board.now() < deadline {
        TimeoutFuture::new(10).await;
    }
    // Whatever still runs stops at its next check (a lookup under way ends when its
    // sleep does); wait for it, so no task of this thread is left when the worker ends.
    board.cancel();
    let stop = board.now() + DRAIN_MS;
    while open.get() > 0 && board.now() < stop {
        TimeoutFuture::new(5).await;
    }
    // The pools end here, or in the last job that held them.
    drop(pools);
    open.get() == 0
}

/// The hash's iteration count for its cost in ms, timed on this thread before the load starts.
fn hash_iterations(board: &ServiceBoard) -> u64 {
    // A warm-up round first (the browser compiles the loop lazily), then the fastest of
    // three rounds of at least 5 ms each: a short sample is at the clock's mercy.
    let mut hash = Stretch::new("calibration");
    let mut best = f64::INFINITY;
    for round in 0..4 {
        let began = shared_now_ms();
        let mut iterations = 0u64;
        while shared_now_ms() - began < 5.0 {
            hash.run(10);
            iterations += 10;
        }
        if round > 0 {
            best = best.min((shared_now_ms() - began) / iterations as f64);
        }
    }
    std::hint::black_box(hash.finish());
    let per_iteration_ms = best.max(1e-4);
    board.iteration_us.store((per_iteration_ms * 1e3).to_bits(), Ordering::Release);
    (board.setup.hash_ms / per_iteration_ms).round() as u64
}

/// One request's handler: its status, or `None` if the run was cancelled under it.
/// The run's pools, shared by the runtime's tasks and the jobs they hand out.
type Pools = Option<Arc<ServicePools>>;

async fn handle(i: usize, board: &Arc<ServiceBoard>, pools: &Pools, iterations: u64) -> Option<Status> {
    let request = board.setup.requests[i];
    match request.kind {
        Kind::Hello => Some(Status::Ok),
        Kind::Hash => hash(i, board, pools, iterations).await.map(|_| Status::Ok),
        Kind::Lookup => lookup(i, request.user, board, pools).await.map(|found| Status::of(&found)),
    }
}

async fn hash(i: usize, board: &Arc<ServiceBoard>, pools: &Pools, iterations: u64) -> Option<u64> {
    let stretch = move |b: &ServiceBoard| {
        b.begin(i);
        stretch_hash(&b.setup.password, iterations, || b.cancelled())
    };
    match board.setup.offload {
        Offload::Inline => stretch(board),
        Offload::Yielding { every } => {
            board.begin(i);
            let mut hash = Stretch::new(&board.setup.password);
            let mut left = iterations;
            while left > 0 {
                if board.cancelled() {
                    return None;
                }
                let slice = left.min(every.max(1));
                hash.run(slice);
                left -= slice;
                if left > 0 {
                    yield_by(Means::MessageChannel).await;
                }
            }
            Some(hash.finish())
        }
        Offload::SpawnBlocking => spawn_blocking(board, pools, move |b, _| stretch(b)).await.flatten(),
        Offload::RayonInstall => {
            spawn_blocking(board, pools, move |b, pools| pools.cpu.install(|| stretch(b))).await.flatten()
        }
        Offload::InstallInHandler => pools.as_ref().and_then(|p| p.cpu.install(|| stretch(board))),
    }
}

/// A lookup through the blocking driver: on the runtime thread where the mode hashes
/// there (a blocking call cannot yield), else on the blocking pool.
async fn lookup(i: usize, user: u32, board: &Arc<ServiceBoard>, pools: &Pools) -> Option<Result<User, LookupError>> {
    let fetch = move |b: &ServiceBoard| {
        b.begin(i);
        fetch_user_blocking(user, b.setup.lookup_ms)
    };
    match board.setup.offload {
        Offload::Inline | Offload::Yielding { .. } => (!board.cancelled()).then(|| fetch(board)),
        Offload::SpawnBlocking | Offload::RayonInstall | Offload::InstallInHandler => {
            spawn_blocking(board, pools, move |b, _| fetch(b)).await
        }
    }
}

/// Runs `work` on the blocking pool and awaits its result: `None` if the run was
/// cancelled before the job began, or the mode has no pools.
async fn spawn_blocking<T: Send + 'static>(
    board: &Arc<ServiceBoard>,
    pools: &Pools,
    work: impl FnOnce(&ServiceBoard, &ServicePools) -> T + Send + 'static,
) -> Option<T> {
    let pools = pools.clone()?;
    let (answer, answered) = oneshot::channel();
    let board = board.clone();
    let blocking = pools.clone();
    blocking.blocking.spawn(move || {
        let _ = answer.send((!board.cancelled()).then(|| work(&board, &pools)));
    });
    answered.await.ok().flatten()
}
