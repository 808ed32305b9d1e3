//! The app-wide handles every experiment page receives, created once by the app.

use crate::browser::long_tasks::LongTasks;
use crate::browser::page_visibility::PageVisibility;
use crate::run::engine::Engine;
use crate::run::frame_monitor::FrameMonitor;
use crate::run::mount_stages::MountStages;
use crate::run::quiet::Quiet;
use leptos::prelude::*;
use playground_lab::comparison::{self, Imported, Item};
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
    /// How far the page has mounted (the first screen first, the rest a step a frame).
    pub stages: MountStages,
}

/// The results being compared and what went wrong with the latest import. Created by
/// the app: the view's link fills it, and experiment pages add their own results.
#[derive(Clone, Copy)]
pub struct Comparison {
    pub items: RwSignal<Vec<Item>>,
    pub problems: RwSignal<Vec<String>>,
    /// The view is open (instead of an experiment or the home page).
    pub open: RwSignal<bool>,
}

impl Comparison {
    pub fn new() -> Self {
        Comparison { items: RwSignal::new(Vec::new()), problems: RwSignal::new(Vec::new()), open: RwSignal::new(false) }
    }

    /// Adds what was read; its problems join those of the same import.
    pub fn add(&self, imported: Imported) {
        let mut problems = Vec::new();
        self.items.update(|items| problems = comparison::add(items, imported));
        self.problems.update(|p| p.extend(problems));
    }

    /// What the view's own link holds, replacing everything.
    pub fn replace(&self, imported: Imported) {
        self.items.set(imported.items);
        self.problems.set(imported.problems);
    }
}

impl Default for Comparison {
    fn default() -> Self {
        Self::new()
    }
}
