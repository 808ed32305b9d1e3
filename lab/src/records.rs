//! What a run leaves behind: plain data, kept by the page, drawn, downloaded and summed up.

use crate::catalogue::Mode;
use crate::knobs::Values;
use playground_kernels::probe::ChunkSpan;

/// Something that happened during a run, on the run's own time axis (ms since it began).
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The row it is drawn on, e.g. "Heartbeat" or "Work (main thread)".
    pub lane: String,
    pub label: String,
    pub start: f64,
    /// Equal to `start` for an instant.
    pub end: f64,
    /// For a timer: when it was due. Lateness is `start - due`.
    pub due: Option<f64>,
}

impl Event {
    pub fn span(lane: impl Into<String>, label: impl Into<String>, start: f64, end: f64) -> Self {
        Event { lane: lane.into(), label: label.into(), start, end, due: None }
    }
    pub fn tick(lane: impl Into<String>, label: impl Into<String>, due: f64, fired: f64) -> Self {
        Event { lane: lane.into(), label: label.into(), start: fired, end: fired, due: Some(due) }
    }
    pub fn lateness(&self) -> Option<f64> {
        self.due.map(|d| self.start - d)
    }
}

/// What a finished run reports.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Outcome {
    /// The answer, as the seed program would print it.
    pub result: String,
    /// Whether it equals the seed's printed result, when the knobs match the seed's.
    pub matches_seed: Option<bool>,
    /// Time spent computing on the thread(s) that did the work, if it was a CPU job.
    pub compute_ms: Option<f64>,
    pub threads: usize,
    /// Other figures worth a column: ("timer fired at", "312 ms").
    pub figures: Vec<(&'static str, String)>,
}

/// One finished run, with what is needed to redraw its charts and to download it.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRecord {
    /// 1 for the first run on the page, counting on after "Clear results".
    pub number: usize,
    pub mode: Mode,
    pub values: Values,
    pub outcome: Outcome,
    pub wall_ms: f64,
    /// The longest time the page went without a frame during the run.
    pub frame_gap_ms: Option<f64>,
    pub events: Vec<Event>,
    /// Chunk spans on the run's axis (ms since it began).
    pub spans: Vec<ChunkSpan>,
    /// (frame time, gap before it) on the run's axis.
    pub frame_gaps: Vec<(f64, f64)>,
    /// The tab was in the background for some of the run: its timers were throttled.
    pub hidden: bool,
}

impl RunRecord {
    /// The time a mode comparison uses: compute time where measured, else wall time.
    pub fn time_ms(&self) -> f64 {
        self.outcome.compute_ms.unwrap_or(self.wall_ms)
    }

    /// The names of the extra figures over `runs`, in order of first appearance: the
    /// extra columns of the table of runs.
    pub fn figure_names(runs: &[RunRecord]) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = Vec::new();
        for (name, _) in runs.iter().flat_map(|r| &r.outcome.figures) {
            if !names.contains(name) {
                names.push(name);
            }
        }
        names
    }

    /// The run's value of the figure `name`, or "" if it has none.
    pub fn figure(&self, name: &str) -> &str {
        self.outcome.figures.iter().find(|f| f.0 == name).map_or("", |f| f.1.as_str())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::catalogue::tests::{MAIN, N};

    /// A run of `mode` that took `ms` (compute time) with `threads` threads.
    pub fn run(number: usize, mode: Mode, ms: f64, threads: usize) -> RunRecord {
        RunRecord {
            number,
            mode,
            values: Values(vec![(N.0.key, crate::knobs::Value::Whole(1_000_000))]),
            outcome: Outcome {
                result: "837,799 (524 steps)".into(),
                compute_ms: Some(ms),
                threads,
                ..Outcome::default()
            },
            wall_ms: ms + 5.0,
            frame_gap_ms: Some(17.0),
            events: Vec::new(),
            spans: Vec::new(),
            frame_gaps: Vec::new(),
            hidden: false,
        }
    }

    #[test]
    fn ticks_know_their_lateness() {
        assert_eq!(Event::tick("Heartbeat", "heartbeat 1", 50.0, 356.0).lateness(), Some(306.0));
        assert_eq!(Event::span("Work", "busy", 0.0, 300.0).lateness(), None);
    }

    #[test]
    fn figure_columns_in_order_of_first_appearance() {
        let mut a = run(1, MAIN, 10.0, 1);
        a.outcome.figures = vec![("start", "77031".into()), ("steps", "350".into())];
        let mut b = run(2, MAIN, 10.0, 1);
        b.outcome.figures = vec![("steps", "350".into()), ("elapsed", "5 ms".into())];
        assert_eq!(RunRecord::figure_names(&[a.clone(), b.clone()]), ["start", "steps", "elapsed"]);
        assert_eq!(b.figure("start"), "");
        assert_eq!(a.figure("start"), "77031");
        b.outcome.compute_ms = None;
        assert_eq!(b.time_ms(), b.wall_ms, "wall time where nothing was computed");
    }
}
