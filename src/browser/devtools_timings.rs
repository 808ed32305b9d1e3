//! A finished run's spans as `performance.measure` entries, so a person recording in
//! the DevTools Performance panel sees the playground's chunks, timers and work in
//! its Timings track, on the same clock as everything else the browser recorded. The
//! spans are the trace file's (`playground_lab::trace::spans_of`).

use crate::browser::clock;
use playground_lab::records::RunRecord;
use playground_lab::trace::spans_of;

/// Enough to see a run's shape; more would only slow the panel down.
const MOST_PER_RUN: usize = 1000;

pub fn measure_run(run: &RunRecord) {
    for span in spans_of(run).into_iter().take(MOST_PER_RUN) {
        let name = format!("playground run {} · {} · {}", run.number, span.row, span.name);
        clock::measure(&name, span.start_us as f64 / 1000.0, span.end_us as f64 / 1000.0);
    }
}
