//! The app-wide handles every experiment page receives, created once by the app.

use crate::compare_view::Comparison;
use crate::engine::Engine;
use crate::long_tasks::LongTasks;
use crate::page_visibility::PageVisibility;
use crate::quiet::Quiet;
use crate::responsiveness::FrameMonitor;
use leptos::prelude::*;
use playground_lab::scenario::Autorun;

#[derive(Clone, Copy)]
pub struct AppHandles {
    /// The rayon pool and the compute worker, and the environment they run in.
    pub engine: Engine,
    /// The main thread's animation frames.
    pub frames: FrameMonitor,
    /// Whether the page draws less while it times the pool, and whether it does now.
    pub quiet: Quiet,
    /// Long tasks as the browser reports them (where it does).
    pub long_tasks: LongTasks,
    pub visibility: PageVisibility,
    /// The experiment that is running, if any. One run at a time across the whole app:
    /// runs would share the cores, the compute worker and the live board, and measure
    /// each other.
    pub running: RwSignal<Option<&'static str>>,
    /// A link's request to start a run as soon as that experiment's page is ready.
    pub autorun: RwSignal<Option<(&'static str, Autorun)>>,
    /// Predict, then run: pages ask their question before a run (`predict=1`).
    pub predict: RwSignal<bool>,
    /// The results being compared across devices; pages add theirs.
    pub comparison: Comparison,
}
