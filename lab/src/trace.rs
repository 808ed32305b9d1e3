//! Runs as a Chrome Trace Event file (`{"traceEvents": [...]}`), which Perfetto
//! (ui.perfetto.dev) and chrome://tracing open as a timeline: each run a process, each
//! row of its timeline a named thread, every chunk, timer tick, request and piece of
//! work a complete ("X") event in microseconds on the page's clock.

use crate::records::RunRecord;
use crate::thresholds::FROZEN_FRAME_GAP_MS;
use crate::timeline::{thread_name, threads_of};
use serde_json::{Value as Json, json};

/// Something a run did: on which row, from when to when (µs on the page's clock). The
/// trace file is made of these, and so are the page's `performance.measure` entries.
pub struct Span {
    pub row: String,
    pub name: String,
    pub category: &'static str,
    pub start_us: i64,
    pub end_us: i64,
    pub args: Json,
}

impl Span {
    /// From `start` to `end`, ms on the run's axis. Both ends are rounded, not the
    /// length, so spans that touch still touch.
    fn new(
        run: &RunRecord,
        row: &str,
        name: String,
        category: &'static str,
        (start, end): (f64, f64),
        args: Json,
    ) -> Span {
        let us = |t: f64| ((run.began_ms + t) * 1000.0).round() as i64;
        Span { row: row.to_string(), name, category, start_us: us(start), end_us: us(end.max(start)), args }
    }
}

/// Every span of a run (ticks from due to fired, work, chunks, freezes, long tasks),
/// rows in the order the timeline draws them.
pub fn spans_of(run: &RunRecord) -> Vec<Span> {
    let mut spans: Vec<Span> = run
        .events
        .iter()
        .map(|e| match e.due {
            // A tick is drawn from when it was due to when it fired: its length is its lateness.
            Some(due) => {
                Span::new(run, &e.lane, e.label.clone(), "tick", (due, e.start), json!({ "late_ms": e.start - due }))
            }
            None => Span::new(run, &e.lane, e.label.clone(), "work", (e.start, e.end), json!({})),
        })
        .collect();
    for thread in threads_of(&run.spans) {
        let row = thread_name(thread, run.mode.blocks_main_thread);
        spans.extend(run.spans.iter().filter(|s| s.thread == thread).map(|s| {
            Span::new(
                run,
                &row,
                format!("chunk {}", s.index),
                "chunk",
                (s.start_ms, s.end_ms),
                json!({ "index": s.index }),
            )
        }));
    }
    for &(at, gap) in run.frame_gaps.iter().filter(|g| g.1 >= FROZEN_FRAME_GAP_MS) {
        let name = "no frame (frozen)".to_string();
        spans.push(Span::new(run, "Page frames", name, "freeze", (at - gap, at), json!({ "gap_ms": gap })));
    }
    for &(start, duration) in run.long_tasks.iter().flatten() {
        let row = "Long tasks (main thread)";
        spans.push(Span::new(run, row, "long task".into(), "long-task", (start, start + duration), json!({})));
    }
    spans
}

/// The thread rows of a run: a row's spans that overlap (timer ticks while the thread
/// was blocked, requests in flight together) go on extra rows "Heartbeat (2)", …, as
/// trace viewers drop complete events that partly overlap on one thread.
#[derive(Default)]
struct Rows {
    /// (name, end of its last span in µs)
    rows: Vec<(String, i64)>,
}

impl Rows {
    /// The thread id (place + 1) of the first row of `span.row` free at its start.
    fn place(&mut self, span: &Span) -> usize {
        let mut copy = 1;
        loop {
            let name = if copy == 1 { span.row.clone() } else { format!("{} ({copy})", span.row) };
            match self.rows.iter().position(|(n, _)| *n == name) {
                Some(i) if self.rows[i].1 <= span.start_us => {
                    self.rows[i].1 = span.end_us;
                    return i + 1;
                }
                Some(_) => copy += 1,
                None => {
                    self.rows.push((name, span.end_us));
                    return self.rows.len();
                }
            }
        }
    }

    fn metadata(&self, pid: usize, title: &str, number: usize) -> Vec<Json> {
        let meta = |tid: usize, name: &str, args: Json| json!({ "ph": "M", "ts": 0, "pid": pid, "tid": tid, "name": name, "args": args });
        let mut events = vec![
            meta(0, "process_name", json!({ "name": title })),
            meta(0, "process_sort_index", json!({ "sort_index": number })),
        ];
        for (i, (name, _)) in self.rows.iter().enumerate() {
            events.push(meta(i + 1, "thread_name", json!({ "name": name })));
            events.push(meta(i + 1, "thread_sort_index", json!({ "sort_index": i })));
        }
        events
    }
}

fn run_events(run: &RunRecord) -> Vec<Json> {
    let pid = run.number;
    let spans = spans_of(run);
    let mut names: Vec<&str> = Vec::new();
    for s in &spans {
        if !names.contains(&s.row.as_str()) {
            names.push(&s.row);
        }
    }
    let mut rows = Rows::default();
    let mut events = Vec::new();
    for name in names {
        let mut own: Vec<&Span> = spans.iter().filter(|s| s.row == name).collect();
        own.sort_by_key(|s| s.start_us);
        for s in own {
            let tid = rows.place(s);
            events.push(json!({
                "ph": "X", "name": s.name, "cat": s.category, "pid": pid, "tid": tid,
                "ts": s.start_us, "dur": s.end_us - s.start_us, "args": s.args,
            }));
        }
    }
    let title = format!("Run {}: {} ({})", run.number, run.mode.label, run.values.display());
    let mut all = rows.metadata(pid, &title, run.number);
    all.extend(events);
    all
}

/// The trace of `runs` (oldest first), as the text of a `.json` file.
pub fn chrome_trace(slug: &str, runs: &[RunRecord]) -> String {
    let events: Vec<Json> = runs.iter().flat_map(run_events).collect();
    let trace = json!({
        "traceEvents": events,
        "displayTimeUnit": "ms",
        "otherData": { "experiment": slug, "clock": "performance.now() of the page, in microseconds" },
    });
    serde_json::to_string(&trace).expect("a trace is plain JSON")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::tests::{MAIN, POOL};
    use crate::records::Event;
    use crate::records::tests::{chunk, run};

    fn parse(text: &str) -> Vec<Json> {
        let v: Json = serde_json::from_str(text).unwrap();
        v["traceEvents"].as_array().unwrap().clone()
    }

    #[test]
    fn every_row_used_is_named_and_every_chunk_is_there() {
        let mut pool = run(2, POOL, 10.0, 2);
        pool.began_ms = 5000.0;
        // Thread 2 runs the first chunk; the rows still go in thread order.
        pool.spans = (0..6).map(|i| chunk(i, 2 - i % 2, i as f64, i as f64 + 1.5)).collect();
        let mut main = run(1, MAIN, 300.0, 1);
        main.events = vec![
            Event::span("Work (main thread)", "blocking work", 0.0, 300.0),
            Event::tick("Heartbeat", "heartbeat 1", 50.0, 305.0),
        ];
        main.frame_gaps = vec![(16.0, 16.0), (310.0, 294.0)];
        main.long_tasks = Some(vec![(0.5, 300.0)]);
        let events = parse(&chrome_trace("collatz", &[main, pool]));
        let complete: Vec<&Json> = events.iter().filter(|e| e["ph"] == "X").collect();
        for e in &complete {
            let named =
                events.iter().any(|m| m["name"] == "thread_name" && m["pid"] == e["pid"] && m["tid"] == e["tid"]);
            assert!(named, "unnamed row for {e}");
        }
        let chunks: Vec<&&Json> = complete.iter().filter(|e| e["cat"] == "chunk").collect();
        assert_eq!(chunks.len(), 6);
        assert!(chunks.iter().all(|e| e["pid"] == 2));
        let first = chunks.iter().find(|e| e["args"]["index"] == 1).unwrap();
        assert_eq!(
            (first["ts"].as_i64(), first["dur"].as_i64()),
            (Some(5_001_000), Some(1500)),
            "µs on the page's clock"
        );
        let tick = complete.iter().find(|e| e["cat"] == "tick").unwrap();
        assert_eq!((tick["ts"].as_i64(), tick["dur"].as_i64()), (Some(1_050_000), Some(255_000)));
        assert_eq!(complete.iter().filter(|e| e["cat"] == "freeze").count(), 1, "only gaps of a freeze");
        assert_eq!(complete.iter().filter(|e| e["cat"] == "long-task").count(), 1);
        let names: Vec<&str> = events
            .iter()
            .filter(|e| e["name"] == "thread_name" && e["pid"] == 2)
            .map(|e| e["args"]["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["Pool thread 1", "Pool thread 2"]);
    }

    #[test]
    fn overlapping_spans_get_rows_of_their_own_and_touching_ones_share() {
        let mut blocked = run(1, MAIN, 300.0, 1);
        blocked.events = (1..=3)
            .map(|n| Event::tick("Heartbeat", format!("heartbeat {n}"), 50.0 * n as f64, 305.0 + n as f64))
            .collect();
        // Chunks that touch at a fraction of a µs stay on one row.
        blocked.spans = vec![chunk(0, 0, 0.0, 1.0004), chunk(1, 0, 1.0004, 2.0)];
        let events = parse(&chrome_trace("heartbeat", &[blocked]));
        let rows: Vec<&str> =
            events.iter().filter(|e| e["name"] == "thread_name").map(|e| e["args"]["name"].as_str().unwrap()).collect();
        assert_eq!(rows, ["Heartbeat", "Heartbeat (2)", "Heartbeat (3)", "Main thread"]);
        let complete: Vec<&Json> = events.iter().filter(|e| e["ph"] == "X").collect();
        for a in &complete {
            for b in complete.iter().filter(|b| b["tid"] == a["tid"] && !std::ptr::eq(**b, *a)) {
                let (a0, a1) = (a["ts"].as_i64().unwrap(), a["ts"].as_i64().unwrap() + a["dur"].as_i64().unwrap());
                let (b0, b1) = (b["ts"].as_i64().unwrap(), b["ts"].as_i64().unwrap() + b["dur"].as_i64().unwrap());
                assert!(a1 <= b0 || b1 <= a0, "{a} and {b} overlap on one row");
            }
        }
        assert!(events.iter().filter(|e| e["ph"] == "M").all(|e| e["ts"] == 0));
    }

    #[test]
    fn no_runs_is_an_empty_trace() {
        assert!(parse(&chrome_trace("collatz", &[])).is_empty());
    }
}
