//! What an experiment is made of: knobs, modes, a run that reports live, and its outcome.

use crate::jobs::JobError;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use playground_kernels::params::parse_whole;

/// What the list and the page show about an experiment: plain data.
pub struct About {
    /// Stable identifier, used in links.
    pub slug: &'static str,
    pub title: &'static str,
    /// One sentence for the list of experiments.
    pub summary: &'static str,
    /// Paragraphs: what to look for, and why it happens.
    pub explanation: &'static [&'static str],
    /// File name and text of the code that runs (included from the real source file).
    pub source_name: &'static str,
    pub source: &'static str,
    pub knobs: &'static [Knob],
    pub modes: &'static [ModeSpec],
    /// Whether it needs the rayon pool or the compute worker.
    pub needs_threads: bool,
}

impl About {
    /// Whether `mode` needs the compute worker or the rayon pool. Modes that run on
    /// the page's main thread need neither, so they run even without threads.
    pub fn mode_needs_threads(&self, mode: ModeSpec) -> bool {
        self.needs_threads && !mode.blocks_main_thread
    }
}

/// A parameter a person can set.
#[derive(Clone, Copy, Debug)]
pub struct Knob {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: KnobKind,
}

#[derive(Clone, Copy, Debug)]
pub enum KnobKind {
    Whole { min: u64, max: u64, default: u64 },
    Text { max_chars: usize, default: &'static str },
}

impl Knob {
    pub const fn whole(key: &'static str, label: &'static str, min: u64, max: u64, default: u64) -> Self {
        Knob { key, label, kind: KnobKind::Whole { min, max, default } }
    }
    pub const fn text(key: &'static str, label: &'static str, max_chars: usize, default: &'static str) -> Self {
        Knob { key, label, kind: KnobKind::Text { max_chars, default } }
    }
    pub fn default_text(&self) -> String {
        match self.kind {
            KnobKind::Whole { default, .. } => playground_kernels::params::group_thousands(default),
            KnobKind::Text { default, .. } => default.to_string(),
        }
    }
    /// The text to show instead of a rejected `text` (from a link): the nearest value
    /// in range for a number, the default for garbage, the allowed length for text.
    pub fn safe_text(&self, text: &str) -> String {
        match self.kind {
            KnobKind::Whole { min, max, default } => {
                playground_kernels::params::group_thousands(playground_kernels::params::nearest_whole(
                    text, min, max, default,
                ))
            }
            KnobKind::Text { max_chars, .. } => text.chars().take(max_chars).collect(),
        }
    }
    /// How a valid value is written in a link: plain digits for a number.
    pub fn link_text(&self, text: &str) -> String {
        match self.parse(text) {
            Ok(Value::Whole(n)) => n.to_string(),
            _ => text.to_string(),
        }
    }
    /// Whether two texts are both valid and mean the same value ("30,000,000" and "30000000").
    pub fn same_value(&self, a: &str, b: &str) -> bool {
        self.parse(a).is_ok_and(|value| self.parse(b) == Ok(value))
    }
    pub fn parse(&self, text: &str) -> Result<Value, String> {
        match self.kind {
            KnobKind::Whole { min, max, .. } => parse_whole(self.label, text, min, max).map(Value::Whole),
            KnobKind::Text { max_chars, .. } => {
                let count = text.chars().count();
                if count > max_chars {
                    Err(format!("{} is {count} characters long: the most is {max_chars}", self.label))
                } else {
                    Ok(Value::Text(text.to_string()))
                }
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Whole(u64),
    Text(String),
}

/// Parsed knob values, by key.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Values(pub Vec<(&'static str, Value)>);

impl Values {
    /// Every knob at its default.
    pub fn defaults(knobs: &[Knob]) -> Self {
        Values(knobs.iter().filter_map(|k| Some((k.key, k.parse(&k.default_text()).ok()?))).collect())
    }

    pub fn whole(&self, key: &str) -> u64 {
        match self.0.iter().find(|(k, _)| *k == key) {
            Some((_, Value::Whole(v))) => *v,
            _ => panic!("no whole-number knob {key}"),
        }
    }
    pub fn text(&self, key: &str) -> String {
        match self.0.iter().find(|(k, _)| *k == key) {
            Some((_, Value::Text(v))) => v.clone(),
            _ => panic!("no text knob {key}"),
        }
    }
    pub fn display(&self) -> String {
        self.0
            .iter()
            .map(|(k, v)| match v {
                Value::Whole(n) => format!("{k}={n}"),
                Value::Text(t) => format!("{k}={t:?}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// One way to run an experiment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModeSpec {
    pub id: &'static str,
    pub label: &'static str,
    pub explanation: &'static str,
    /// Runs work on the page's main thread: the page is expected to freeze.
    pub blocks_main_thread: bool,
}

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

/// Handles a running experiment reports through; the page draws them as they change.
#[derive(Clone, Copy)]
pub struct Live {
    /// `performance.now()` when the run began: time zero of its axis.
    pub origin: f64,
    pub events: RwSignal<Vec<Event>>,
    /// Lines of output, like the seed programs print.
    pub log: RwSignal<Vec<String>>,
    /// Chunks the CPU job now running has in all, for its progress bar.
    pub chunks: RwSignal<Option<usize>>,
}

impl Live {
    /// Milliseconds since the run began.
    pub fn elapsed(&self) -> f64 {
        crate::clock::now_ms() - self.origin
    }
    pub fn event(&self, event: Event) {
        self.events.update(|e| e.push(event));
    }
    pub fn print(&self, line: impl Into<String>) {
        self.log.update(|l| l.push(line.into()));
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

pub type RunFuture = LocalBoxFuture<'static, Result<Outcome, JobError>>;
