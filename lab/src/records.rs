//! What a run leaves behind: plain data, kept by the page, drawn, downloaded and summed up.

use crate::catalogue::{Mode, Role};
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

/// The lane of what the page itself did during a run (replacing a stuck worker, checking
/// the pool): a freeze of the page that overlaps one of these is the page's own.
pub const PAGE_LANE: &str = "Page";

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

/// A chart of lines some experiments draw beside the timeline: latency per window,
/// a distribution. Plain numbers, so the page draws them and the download keeps them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plot {
    pub title: String,
    pub x_name: String,
    pub y_name: String,
    pub lines: Vec<Line>,
    /// x on a log scale: latencies that span 0.1 ms to 100 ms stay readable at both ends.
    pub log_x: bool,
    /// y on a log scale: costs from a fraction of a µs to tens of ms on one chart.
    pub log_y: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub name: String,
    /// (x, y) in order of x.
    pub points: Vec<(f64, f64)>,
}

impl Plot {
    pub fn new(title: &str, x_name: &str, y_name: &str, lines: Vec<Line>) -> Self {
        Plot { title: title.into(), x_name: x_name.into(), y_name: y_name.into(), lines, log_x: false, log_y: false }
    }

    pub fn with_log_x(self) -> Self {
        Plot { log_x: true, ..self }
    }

    pub fn with_log_y(self) -> Self {
        Plot { log_y: true, ..self }
    }
}

/// Overlapping (start, duration) intervals as one each, in order of start: a long task
/// inside a long animation frame is one freeze, not two.
pub fn merge_intervals(mut intervals: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    intervals.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f64, f64)> = Vec::new();
    for (start, duration) in intervals {
        match merged.last_mut() {
            Some((s, d)) if start <= *s + *d => *d = d.max(start + duration - *s),
            _ => merged.push((start, duration)),
        }
    }
    merged
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
    /// The figure a run is judged by when it is not a time to finish, e.g. a service's
    /// ("hello p99", 3.7): modes are compared by it instead.
    pub headline: Option<(&'static str, f64)>,
    /// Other figures worth a column: ("timer fired at", "312 ms").
    pub figures: Vec<(&'static str, String)>,
    /// Set when the watchdog stopped the run: its verdict and evidence.
    pub hang: Option<crate::hang::HangReport>,
}

/// One finished run, with what is needed to redraw its charts and to download it.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRecord {
    /// 1 for the first run on the page, counting on after "Clear results".
    pub number: usize,
    /// When it began, on the page's clock (`performance.now()`, ms): the runs of a page
    /// share this clock, so a trace lays them out one after another.
    pub began_ms: f64,
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
    /// Main-thread time the page spent redrawing itself during the run (ms).
    pub drawing_ms: Option<f64>,
    /// Long tasks (50 ms or more) the browser saw on the main thread, as (start, duration)
    /// on the run's axis; `None` where the browser does not report them.
    pub long_tasks: Option<Vec<(f64, f64)>>,
    /// The experiment's own charts, as they stood when the run ended.
    pub plots: Vec<Plot>,
}

/// What a run was, as far as its reasons and its breakdown go: [`RunRecord::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunKind {
    /// Work on the CPU: its chunks, threads and speedup say where its time went.
    Cpu,
    /// Judged by a headline figure rather than a time to finish (the service's hello p99, a
    /// cost per thousand): it shares the cores with the page, but its time is not chunks.
    Service,
    /// Timers fired during it (a heartbeat): judged by their lateness.
    Timers,
    /// Stopped by the watchdog: its time is a wait, then the page's check of the other
    /// threads, whose chunks are not the run's work.
    Hang,
    /// Anything else (locks, futures, …): its time is waits, not work.
    Other,
}

impl RunRecord {
    /// The kind of this run, by the first rule that holds:
    /// 1. [`RunKind::Hang`] when the watchdog stopped it (`Outcome::hang`), whatever its mode;
    /// 2. [`RunKind::Cpu`] when its mode is a baseline or the parallel side of a speedup, or it
    ///    measured a compute time (`Outcome::compute_ms`);
    /// 3. [`RunKind::Service`] when it has a headline (`Outcome::headline`), even with timers;
    /// 4. [`RunKind::Timers`] when it has timer events ([`RunRecord::worst_lateness`]);
    /// 5. [`RunKind::Other`] otherwise.
    pub fn kind(&self) -> RunKind {
        let outcome = &self.outcome;
        if outcome.hang.is_some() {
            RunKind::Hang
        } else if matches!(self.mode.role, Role::Baseline | Role::Parallel) || outcome.compute_ms.is_some() {
            RunKind::Cpu
        } else if outcome.headline.is_some() {
            RunKind::Service
        } else if self.worst_lateness().is_some() {
            RunKind::Timers
        } else {
            RunKind::Other
        }
    }

    /// The figure (ms) a mode comparison uses: the headline where the run has one, else
    /// compute time where measured, else wall time.
    pub fn time_ms(&self) -> f64 {
        self.outcome.headline.map(|h| h.1).or(self.outcome.compute_ms).unwrap_or(self.wall_ms)
    }

    /// What [`RunRecord::time_ms`] is: "hello p99", "compute time" or "wall time".
    pub fn time_name(&self) -> &'static str {
        match (self.outcome.headline, self.outcome.compute_ms) {
            (Some((name, _)), _) => name,
            (None, Some(_)) => "compute time",
            (None, None) => "wall time",
        }
    }

    /// The latest a timer of this run fired after it was due (ms), if it had timers.
    pub fn worst_lateness(&self) -> Option<f64> {
        self.events.iter().filter_map(Event::lateness).max_by(f64::total_cmp)
    }

    /// The row its timers are drawn on ("Heartbeat", "Timer"), if it had timers.
    pub fn timer_lane(&self) -> Option<&str> {
        self.events.iter().find(|e| e.due.is_some()).map(|e| e.lane.as_str())
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

    /// Chunk `index`, run by `thread` from `start_ms` to `end_ms`.
    pub fn chunk(index: usize, thread: usize, start_ms: f64, end_ms: f64) -> ChunkSpan {
        ChunkSpan { index, thread, start_ms, end_ms }
    }

    /// A run of `mode` that took `ms` (compute time) with `threads` threads.
    pub fn run(number: usize, mode: Mode, ms: f64, threads: usize) -> RunRecord {
        RunRecord {
            number,
            began_ms: 1000.0 * number as f64,
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
            drawing_ms: None,
            long_tasks: None,
            plots: Vec::new(),
        }
    }

    #[test]
    fn ticks_know_their_lateness() {
        assert_eq!(Event::tick("Heartbeat", "heartbeat 1", 50.0, 356.0).lateness(), Some(306.0));
        assert_eq!(Event::span("Work", "busy", 0.0, 300.0).lateness(), None);
        let mut r = run(1, MAIN, 300.0, 1);
        assert_eq!((r.worst_lateness(), r.timer_lane()), (None, None));
        r.events = vec![
            Event::span("Work", "busy", 0.0, 300.0),
            Event::tick("Heartbeat", "heartbeat 1", 50.0, 52.0),
            Event::tick("Heartbeat", "heartbeat 2", 100.0, 306.0),
        ];
        assert_eq!((r.worst_lateness(), r.timer_lane()), (Some(206.0), Some("Heartbeat")));
    }

    #[test]
    fn overlapping_intervals_merge() {
        let merged = merge_intervals(vec![(100.0, 50.0), (0.0, 300.0), (10.0, 60.0), (400.0, 60.0), (460.0, 10.0)]);
        assert_eq!(merged, [(0.0, 300.0), (400.0, 70.0)], "contained, then touching");
        assert!(merge_intervals(Vec::new()).is_empty());
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
        assert_eq!((b.time_ms(), b.time_name()), (b.wall_ms, "wall time"), "wall time where nothing was computed");
        b.outcome.headline = Some(("hello p99", 3.5));
        assert_eq!((b.time_ms(), b.time_name()), (3.5, "hello p99"), "a headline comes first");
    }
}
