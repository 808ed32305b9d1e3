//! What a run in progress shows as it goes: the handles an experiment's run reports
//! through (events for the timeline, printed lines, the chunk count for the progress
//! bar), drawn by the page while the run goes on.

use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use playground_lab::jobs::JobError;
use playground_lab::records::{Event, Outcome, Plot};

/// A run's future: its outcome, or why it stopped.
pub type RunFuture = LocalBoxFuture<'static, Result<Outcome, JobError>>;

#[derive(Clone, Copy)]
pub struct LiveRun {
    /// `performance.now()` when the run began: time zero of its axis.
    pub origin: f64,
    pub events: RwSignal<Vec<Event>>,
    /// Lines of output, like the seed programs print.
    pub log: RwSignal<Vec<String>>,
    /// Chunks the CPU job now running has in all, for its progress bar.
    pub chunks: RwSignal<Option<usize>>,
    /// The experiment's own charts (latency per window, …), redrawn as it updates them.
    pub plots: RwSignal<Vec<Plot>>,
}

impl LiveRun {
    pub fn new() -> Self {
        LiveRun {
            origin: 0.0,
            events: RwSignal::new(Vec::new()),
            log: RwSignal::new(Vec::new()),
            chunks: RwSignal::new(None),
            plots: RwSignal::new(Vec::new()),
        }
    }
    /// The same handles, for a run that began at `origin`.
    pub fn starting_at(self, origin: f64) -> Self {
        LiveRun { origin, ..self }
    }
    /// Empties the handles for the next run. Only what holds something is set, so what
    /// draws an empty handle is not redrawn between runs that report nothing there.
    pub fn clear(&self) {
        clear_unless_empty(self.events);
        clear_unless_empty(self.log);
        if self.chunks.get_untracked().is_some() {
            self.chunks.set(None);
        }
        clear_unless_empty(self.plots);
    }
    /// Milliseconds since the run began.
    pub fn elapsed(&self) -> f64 {
        crate::browser::clock::now_ms() - self.origin
    }
    /// Turns a time on the clock every thread shares into the run's axis.
    pub fn on_axis(&self, shared_ms: f64) -> f64 {
        crate::bridge::board::to_local_ms(shared_ms) - self.origin
    }
    pub fn event(&self, event: Event) {
        self.events.update(|e| e.push(event));
    }
    pub fn print(&self, line: impl Into<String>) {
        self.log.update(|l| l.push(line.into()));
    }
}

fn clear_unless_empty<T: Send + Sync + 'static>(list: RwSignal<Vec<T>>) {
    if list.with_untracked(|l| !l.is_empty()) {
        list.set(Vec::new());
    }
}

impl Default for LiveRun {
    fn default() -> Self {
        Self::new()
    }
}
