//! A log of animation-frame times: the main thread's pulse.
//!
//! Every frame the page records when it started. While the main thread is busy no
//! frame starts, so a freeze shows up as one long gap between two frames.

use std::collections::VecDeque;

/// The most recent frame start times, in milliseconds, oldest first.
#[derive(Clone, Debug)]
pub struct FrameLog {
    times: VecDeque<f64>,
    capacity: usize,
    /// Frames recorded since the log was made, including those dropped since.
    recorded: u64,
}

impl FrameLog {
    /// Keeps the last `capacity` frames (at 60 Hz, 600 frames is ten seconds).
    pub fn new(capacity: usize) -> Self {
        assert!(capacity >= 2, "a gap needs two frames");
        FrameLog { times: VecDeque::with_capacity(capacity), capacity, recorded: 0 }
    }

    /// Records a frame. Times must not go backwards; one that does is ignored.
    pub fn record(&mut self, time_ms: f64) {
        if self.times.back().is_some_and(|&last| time_ms < last) {
            return;
        }
        if self.times.len() == self.capacity {
            self.times.pop_front();
        }
        self.times.push_back(time_ms);
        self.recorded += 1;
    }

    /// How many frames were recorded in all.
    pub fn recorded(&self) -> u64 {
        self.recorded
    }

    pub fn last_frame(&self) -> Option<f64> {
        self.times.back().copied()
    }

    /// Gaps between consecutive frames, oldest first, each with the time its frame started.
    pub fn gaps(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.times.iter().zip(self.times.iter().skip(1)).map(|(&a, &b)| (b, b - a))
    }

    /// Gaps whose interval overlaps `[from, to]`, each with the time its frame started.
    pub fn gaps_during(&self, from: f64, to: f64) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.gaps().filter(move |&(end, gap)| end >= from && end - gap <= to)
    }

    /// The longest gap between two frames whose interval overlaps `[from, to]`:
    /// how long the page went without drawing during that span. A span that
    /// started and ended between two frames reports the whole gap around it.
    pub fn longest_gap_during(&self, from: f64, to: f64) -> Option<f64> {
        self.gaps_during(from, to).map(|(_, gap)| gap).max_by(f64::total_cmp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log_of(times: &[f64]) -> FrameLog {
        let mut log = FrameLog::new(100);
        times.iter().for_each(|&t| log.record(t));
        log
    }

    #[test]
    fn a_freeze_is_one_long_gap() {
        // Smooth 16 ms frames, then nothing from 48 to 360 while the main thread was busy.
        let log = log_of(&[0.0, 16.0, 32.0, 48.0, 360.0, 376.0]);
        assert_eq!(log.longest_gap_during(50.0, 350.0), Some(312.0));
        assert_eq!(log.longest_gap_during(0.0, 40.0), Some(16.0));
        assert_eq!(log.longest_gap_during(365.0, 370.0), Some(16.0));
    }

    #[test]
    fn capacity_drops_the_oldest_frames() {
        let mut log = FrameLog::new(3);
        for t in [0.0, 100.0, 110.0, 120.0] {
            log.record(t);
        }
        assert_eq!(log.gaps().map(|(_, g)| g).collect::<Vec<_>>(), vec![10.0, 10.0]);
        assert_eq!(log.last_frame(), Some(120.0));
        assert_eq!(log.recorded(), 4);
    }

    #[test]
    fn no_frames_in_span_and_time_going_backwards() {
        let mut log = log_of(&[0.0, 16.0]);
        log.record(5.0);
        assert_eq!(log.last_frame(), Some(16.0));
        assert_eq!(log.recorded(), 2, "a frame going backwards is not counted");
        assert_eq!(log.longest_gap_during(100.0, 200.0), None);
        assert_eq!(FrameLog::new(2).longest_gap_during(0.0, 1.0), None);
    }
}
