//! Work handed from async code to the rayon pool with `rayon::spawn` and awaited through a
//! oneshot (seed 002's pattern: the page's thread never blocks), timed on the pool thread
//! that ran it.

use crate::bridge::board::shared_now_ms;
use futures::channel::oneshot;
use playground_lab::jobs::JobError;

/// What a pool thread gave back: the value, when its work began and ended (the clock
/// every thread shares) and which pool thread ran it (1-based).
pub struct OnPool<T> {
    pub value: T,
    pub start: f64,
    pub end: f64,
    pub thread: usize,
}

/// Runs `work` on a pool thread and awaits its answer.
pub async fn on_pool<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<OnPool<T>, JobError> {
    let (send, receive) = oneshot::channel();
    rayon::spawn(move || {
        let start = shared_now_ms();
        let value = work();
        let thread = rayon::current_thread_index().map_or(0, |i| i + 1);
        let _ = send.send(OnPool { value, start, end: shared_now_ms(), thread });
    });
    receive.await.map_err(|_| JobError::Failed("the pool dropped the job".into()))
}
