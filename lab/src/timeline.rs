//! A run's events and chunk spans as the rows of its timeline chart.

use crate::records::Event;
use playground_kernels::probe::ChunkSpan;

/// A row of a timeline: intervals and timer ticks, in ms on the run's axis.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Lane {
    pub name: String,
    /// (start, end, label)
    pub bars: Vec<(f64, f64, String)>,
    /// (due, fired, label)
    pub ticks: Vec<(f64, f64, String)>,
}

/// The name of the row of the thread that ran chunks: 0 is the thread that called
/// the kernel (the page's, or the compute worker), others are pool threads.
pub fn thread_name(thread: usize, main_runs_chunks: bool) -> String {
    match thread {
        0 if main_runs_chunks => "Main thread".to_string(),
        0 => "Compute worker".to_string(),
        n => format!("Pool thread {n}"),
    }
}

/// Event lanes in order of appearance, then one lane per thread that ran chunks.
pub fn lanes(events: &[Event], spans: &[ChunkSpan], main_runs_chunks: bool) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    for e in events {
        let index = match lanes.iter().position(|l| l.name == e.lane) {
            Some(i) => i,
            None => {
                lanes.push(Lane { name: e.lane.clone(), ..Lane::default() });
                lanes.len() - 1
            }
        };
        match e.due {
            Some(due) => lanes[index].ticks.push((due, e.start, e.label.clone())),
            None => lanes[index].bars.push((e.start, e.end, e.label.clone())),
        }
    }
    for t in threads_of(spans) {
        let bars = spans
            .iter()
            .filter(|s| s.thread == t)
            .map(|s| (s.start_ms, s.end_ms, format!("chunk {}", s.index)))
            .collect();
        lanes.push(Lane { name: thread_name(t, main_runs_chunks), bars, ticks: Vec::new() });
    }
    lanes
}

/// The threads that ran `spans`, in order: 0 (the caller) first, then pool threads.
pub fn threads_of(spans: &[ChunkSpan]) -> Vec<usize> {
    let mut threads: Vec<usize> = spans.iter().map(|s| s.thread).collect();
    threads.sort_unstable();
    threads.dedup();
    threads
}

/// Spans moved onto another time axis: `offset_ms` is subtracted from both ends.
pub fn shifted(spans: &[ChunkSpan], offset_ms: f64) -> Vec<ChunkSpan> {
    spans.iter().map(|s| ChunkSpan { start_ms: s.start_ms - offset_ms, end_ms: s.end_ms - offset_ms, ..*s }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::tests::chunk as span;

    #[test]
    fn events_then_threads_each_in_its_own_lane() {
        let events = [
            Event::tick("Heartbeat", "heartbeat 1", 50.0, 356.0),
            Event::span("Work (main thread)", "blocking work", 0.0, 305.0),
            Event::tick("Heartbeat", "heartbeat 2", 100.0, 409.0),
        ];
        let spans = [span(1, 2, 0.0, 5.0), span(0, 1, 0.0, 4.0), span(2, 1, 4.0, 9.0)];
        let lanes = lanes(&events, &spans, false);
        let names: Vec<&str> = lanes.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Heartbeat", "Work (main thread)", "Pool thread 1", "Pool thread 2"]);
        assert_eq!(lanes[0].ticks.len(), 2);
        assert_eq!(lanes[0].ticks[1], (100.0, 409.0, "heartbeat 2".to_string()));
        assert_eq!(lanes[1].bars, [(0.0, 305.0, "blocking work".to_string())]);
        assert_eq!(lanes[2].bars.len(), 2, "thread 1 ran chunks 0 and 2");
    }

    #[test]
    fn thread_zero_is_the_caller() {
        assert_eq!(lanes(&[], &[span(0, 0, 0.0, 1.0)], true)[0].name, "Main thread");
        assert_eq!(lanes(&[], &[span(0, 0, 0.0, 1.0)], false)[0].name, "Compute worker");
        assert!(lanes(&[], &[], false).is_empty());
    }

    #[test]
    fn spans_shift_onto_the_run_axis() {
        let moved = shifted(&[span(3, 1, 1000.0, 1010.0)], 990.0);
        assert_eq!(moved, [span(3, 1, 10.0, 20.0)]);
    }
}
