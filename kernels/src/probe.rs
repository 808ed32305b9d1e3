//! How a kernel reports from inside: which thread ran which chunk and when, how far
//! it has got, and whether it should stop.
//!
//! Kernels split their work into chunks and run each through [`Probe::chunk`]. The
//! web build's probe stamps chunks with a clock shared by all threads and lets the
//! page cancel; natively, [`NoProbe`] and [`RecordingProbe`] stand in.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// One chunk of work, as it ran.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ChunkSpan {
    pub index: usize,
    /// 0 for the thread that called the kernel, 1 + rayon's index for a pool thread.
    pub thread: usize,
    pub start_ms: f64,
    pub end_ms: f64,
}

/// The run was stopped before it finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cancelled;

pub trait Probe: Sync {
    /// Milliseconds on a clock that all threads share.
    fn now_ms(&self) -> f64;
    /// Called after each chunk.
    fn record(&self, span: ChunkSpan);
    /// Checked before each chunk.
    fn should_stop(&self) -> bool;

    /// Runs chunk `index` of a kernel, timing it, unless the run was cancelled.
    fn chunk<T>(&self, index: usize, work: impl FnOnce() -> T) -> Result<T, Cancelled>
    where
        Self: Sized,
    {
        if self.should_stop() {
            return Err(Cancelled);
        }
        let start_ms = self.now_ms();
        let value = work();
        let thread = rayon::current_thread_index().map_or(0, |i| i + 1);
        self.record(ChunkSpan { index, thread, start_ms, end_ms: self.now_ms() });
        Ok(value)
    }
}

/// A probe that records nothing and never stops.
pub struct NoProbe;

impl Probe for NoProbe {
    fn now_ms(&self) -> f64 {
        0.0
    }
    fn record(&self, _: ChunkSpan) {}
    fn should_stop(&self) -> bool {
        false
    }
}

/// Keeps every span, and stops after a given number of chunks (for tests and native runs).
pub struct RecordingProbe {
    started: std::time::Instant,
    pub spans: Mutex<Vec<ChunkSpan>>,
    stop_after: AtomicUsize,
    stopped: AtomicBool,
}

impl RecordingProbe {
    pub fn new() -> Self {
        Self::stopping_after(usize::MAX)
    }
    pub fn stopping_after(chunks: usize) -> Self {
        RecordingProbe {
            started: std::time::Instant::now(),
            spans: Mutex::new(Vec::new()),
            stop_after: AtomicUsize::new(chunks),
            stopped: AtomicBool::new(false),
        }
    }
    pub fn spans(&self) -> Vec<ChunkSpan> {
        self.spans.lock().unwrap().clone()
    }
}

impl Default for RecordingProbe {
    fn default() -> Self {
        Self::new()
    }
}

impl Probe for RecordingProbe {
    fn now_ms(&self) -> f64 {
        self.started.elapsed().as_secs_f64() * 1e3
    }
    fn record(&self, span: ChunkSpan) {
        let mut spans = self.spans.lock().unwrap();
        spans.push(span);
        if spans.len() >= self.stop_after.load(Ordering::Relaxed) {
            self.stopped.store(true, Ordering::Relaxed);
        }
    }
    fn should_stop(&self) -> bool {
        self.stopped.load(Ordering::Relaxed)
    }
}

/// How many ranges [`split`] makes.
pub fn split_count(len: u64, parts: u64) -> u64 {
    split_sizes(len, parts).1
}

/// (range size, range count) for [`split`].
fn split_sizes(len: u64, parts: u64) -> (u64, u64) {
    let parts = parts.clamp(1, len.max(1));
    let size = len.div_ceil(parts).max(1);
    (size, len.div_ceil(size))
}

/// Splits `0..len` into about `parts` contiguous ranges, for chunked kernels.
pub fn split(len: u64, parts: u64) -> impl Iterator<Item = std::ops::Range<u64>> + Clone {
    let (size, count) = split_sizes(len, parts);
    (0..count).map(move |i| i * size..((i + 1) * size).min(len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_covers_the_range_once() {
        for (len, parts) in [(10, 3), (1, 8), (0, 4), (1_000_000, 256), (7, 7), (5, 100)] {
            let ranges: Vec<_> = split(len, parts).collect();
            let covered: Vec<u64> = ranges.iter().flat_map(|r| r.clone()).collect();
            assert_eq!(covered, (0..len).collect::<Vec<_>>(), "{len} in {parts}");
            assert!(ranges.len() as u64 <= parts.max(1));
            assert_eq!(split_count(len, parts), ranges.len() as u64);
        }
    }

    #[test]
    fn a_probe_stops_the_chunks_after_it() {
        let probe = RecordingProbe::stopping_after(2);
        let results: Vec<_> = (0..5).map(|i| probe.chunk(i, || i)).collect();
        assert_eq!(results, vec![Ok(0), Ok(1), Err(Cancelled), Err(Cancelled), Err(Cancelled)]);
        assert_eq!(probe.spans().len(), 2);
    }
}
