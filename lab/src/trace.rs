//! Runs as a Chrome Trace Event file (`{"traceEvents": [...]}`), which Perfetto
//! (ui.perfetto.dev) and chrome://tracing open as a timeline: each run a process, each
//! row of its timeline a named thread, every chunk, timer tick, request and piece of
//! work a complete ("X") event in microseconds on the page's clock.

use crate::records::RunRecord;
use crate::thresholds::FROZEN_FRAME_GAP_MS;
use crate::timeline::{thread_name, threads_of};
use serde_json::{Value as Json, json};

/// The rows of one run, named in order of first use; a row's thread id is its place + 1.
struct Rows {
    pid: usize,
    names: Vec<String>,
}

impl Rows {
    fn tid(&mut self, name: &str) -> usize {
        match self.names.iter().position(|n| n == name) {
            Some(i) => i + 1,
            None => {
                self.names.push(name.to_string());
                self.names.len()
            }
        }
    }

    fn metadata(&self, title: &str, number: usize) -> Vec<Json> {
        let mut events = vec![
            json!({ "ph": "M", "name": "process_name", "pid": self.pid, "tid": 0, "args": { "name": title } }),
            json!({ "ph": "M", "name": "process_sort_index", "pid": self.pid, "tid": 0, "args": { "sort_index": number } }),
        ];
        for (i, name) in self.names.iter().enumerate() {
            events.push(
                json!({ "ph": "M", "name": "thread_name", "pid": self.pid, "tid": i + 1, "args": { "name": name } }),
            );
            events.push(json!({ "ph": "M", "name": "thread_sort_index", "pid": self.pid, "tid": i + 1, "args": { "sort_index": i } }));
        }
        events
    }
}

/// A complete event from `start` to `end` (ms on the run's axis).
fn complete(
    run: &RunRecord,
    pid: usize,
    tid: usize,
    name: &str,
    category: &str,
    (start, end): (f64, f64),
    args: Json,
) -> Json {
    json!({
        "ph": "X",
        "name": name,
        "cat": category,
        "pid": pid,
        "tid": tid,
        "ts": ((run.began_ms + start) * 1000.0).round(),
        "dur": ((end - start).max(0.0) * 1000.0).round(),
        "args": args,
    })
}

fn run_events(run: &RunRecord) -> Vec<Json> {
    let mut rows = Rows { pid: run.number, names: Vec::new() };
    let pid = run.number;
    let mut events = Vec::new();
    for e in &run.events {
        let tid = rows.tid(&e.lane);
        events.push(match e.due {
            // A tick is drawn from when it was due to when it fired: its length is its lateness.
            Some(due) => complete(run, pid, tid, &e.label, "tick", (due, e.start), json!({ "late_ms": e.start - due })),
            None => complete(run, pid, tid, &e.label, "work", (e.start, e.end), json!({})),
        });
    }
    // Thread rows in thread order, as the timeline draws them.
    for t in threads_of(&run.spans) {
        rows.tid(&thread_name(t, run.mode.blocks_main_thread));
    }
    for s in &run.spans {
        let tid = rows.tid(&thread_name(s.thread, run.mode.blocks_main_thread));
        let name = format!("chunk {}", s.index);
        events.push(complete(run, pid, tid, &name, "chunk", (s.start_ms, s.end_ms), json!({ "index": s.index })));
    }
    for &(at, gap) in run.frame_gaps.iter().filter(|g| g.1 >= FROZEN_FRAME_GAP_MS) {
        let tid = rows.tid("Page frames");
        events.push(complete(run, pid, tid, "no frame (frozen)", "freeze", (at - gap, at), json!({ "gap_ms": gap })));
    }
    for &(start, duration) in run.long_tasks.iter().flatten() {
        let tid = rows.tid("Long tasks (main thread)");
        events.push(complete(run, pid, tid, "long task", "long-task", (start, start + duration), json!({})));
    }
    let title = format!("Run {}: {} ({})", run.number, run.mode.label, run.values.display());
    let mut all = rows.metadata(&title, run.number);
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
        assert_eq!(chunks[1]["ts"], 5_001_000.0, "µs on the page's clock");
        assert_eq!(chunks[1]["dur"], 1500.0);
        let tick = complete.iter().find(|e| e["cat"] == "tick").unwrap();
        assert_eq!((tick["ts"].as_f64(), tick["dur"].as_f64()), (Some(1_050_000.0), Some(255_000.0)));
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
    fn no_runs_is_an_empty_trace() {
        assert!(parse(&chrome_trace("collatz", &[])).is_empty());
    }
}
