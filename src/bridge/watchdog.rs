//! The one watchdog: a run that can hang (a future nobody wakes, a deadlock, a blocked
//! event loop) counts its steps in a [`Progress`]; a run whose count stands still for the
//! stall time is declared stuck and given up, and the caller ends whatever it ran on
//! (a worker is terminated; a future on the page is dropped).

use gloo_timers::future::TimeoutFuture;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};

/// Steps a watched run has made, bumped by whichever thread runs it.
#[derive(Default)]
pub struct Progress(AtomicU64);

impl Progress {
    pub fn step(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
    pub fn steps(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// A run the watchdog gave up on: how long it had been still, after how many steps.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stuck {
    pub still_ms: f64,
    pub steps: u64,
}

/// How often the watchdog looks.
const LOOK_EVERY_MS: u32 = 50;

/// Awaits `run`, unless `progress` stands still for `stall_ms`: then `run` is dropped
/// and the answer is [`Stuck`]. The looking happens on this thread's event loop, so it
/// works as long as this thread is free (the page's main thread always is).
pub async fn watch<T>(run: impl Future<Output = T>, progress: &Progress, stall_ms: f64) -> Result<T, Stuck> {
    let still = async {
        let (mut seen, mut since) = (progress.steps(), crate::browser::clock::now_ms());
        loop {
            TimeoutFuture::new(LOOK_EVERY_MS).await;
            let now = crate::browser::clock::now_ms();
            let steps = progress.steps();
            if steps != seen {
                (seen, since) = (steps, now);
            } else if now - since >= stall_ms {
                return Stuck { still_ms: now - since, steps };
            }
        }
    };
    futures::pin_mut!(run, still);
    match futures::future::select(run, still).await {
        futures::future::Either::Left((value, _)) => Ok(value),
        futures::future::Either::Right((stuck, _)) => Err(stuck),
    }
}
