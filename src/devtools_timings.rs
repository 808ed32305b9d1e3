//! A finished run's spans as `performance.measure` entries, so a person recording in
//! the DevTools Performance panel sees the playground's chunks, timers and work in
//! its Timings track, on the same clock as everything else the browser recorded.

use crate::clock;
use playground_lab::records::RunRecord;
use playground_lab::timeline::thread_name;

/// Enough to see a run's shape; more would only slow the panel down.
const MOST_PER_RUN: usize = 1000;

pub fn measure_run(run: &RunRecord) {
    let at = |t: f64| run.began_ms + t;
    let events = run.events.iter().map(|e| {
        let (start, end) = match e.due {
            Some(due) => (due, e.start),
            None => (e.start, e.end),
        };
        (format!("{} · {}", e.lane, e.label), start, end)
    });
    let chunks = run.spans.iter().map(|s| {
        let lane = thread_name(s.thread, run.mode.blocks_main_thread);
        (format!("{lane} · chunk {}", s.index), s.start_ms, s.end_ms)
    });
    for (name, start, end) in events.chain(chunks).take(MOST_PER_RUN) {
        clock::measure(&format!("playground run {} · {name}", run.number), at(start), at(end));
    }
}
