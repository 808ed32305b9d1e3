//! The quiet measurement state. While the page times the pool for a speedup (a run whose
//! mode [`runs_quietly`](playground_lab::catalogue::Mode::runs_quietly), or the speedup
//! curve), it draws less: the dots stand still and the strip, progress and live charts
//! redraw once a second instead of five times. On 2 cores the page's drawing took about
//! half a core from the pool being timed (docs/benchmark.md). A plan of quiet runs stays
//! quiet from one to the next, and their results join the table together, once a second:
//! redrawing the table and charts after each run of a few tens of milliseconds took the
//! cores from the next one. Every frame is still recorded, so a freeze still shows.
//! `live=1` in a link, or the switch in the environment panel, keeps drawing live.

use leptos::prelude::*;
use playground_lab::catalogue::Mode;

#[derive(Clone, Copy)]
pub struct Quiet {
    /// Keep drawing while the pool is timed (`live=1`).
    pub live: RwSignal<bool>,
    /// The page is quiet now.
    pub on: RwSignal<bool>,
}

impl Quiet {
    pub fn new() -> Self {
        Quiet { live: RwSignal::new(false), on: RwSignal::new(false) }
    }

    /// Whether runs of `mode` are timed with the page quiet: they time the pool, and
    /// drawing is not to stay live.
    pub fn is_quiet_for(&self, mode: Mode) -> bool {
        mode.runs_quietly() && !self.live.get_untracked()
    }

    /// Quiet for a run of `mode` if it is timed quietly, else live; says which.
    pub fn set_for(&self, mode: Mode) -> bool {
        let quiet = self.is_quiet_for(mode);
        if quiet {
            self.begin()
        } else {
            self.end()
        }
        quiet
    }

    /// Goes quiet while the pool is timed, unless drawing is to stay live.
    pub fn begin(&self) {
        if !self.live.get_untracked() {
            self.on.set(true);
        }
    }

    pub fn end(&self) {
        self.on.set(false);
    }

    /// Whether the page is quiet now, untracked: read in every frame.
    pub fn now(&self) -> bool {
        self.on.get_untracked()
    }
}

impl Default for Quiet {
    fn default() -> Self {
        Self::new()
    }
}
