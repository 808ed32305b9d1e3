//! The main thread's pulse, measured: [`use_frame_monitor`] records the start of every
//! animation frame, and a freeze is a long gap between two frames. What draws it is
//! `views::responsiveness`.

use crate::browser::animation_frames::run_every_frame;
use crate::browser::clock;
use crate::run::quiet::Quiet;
use leptos::prelude::*;
use playground_kernels::frames::FrameLog;

/// Ten seconds of frames at 60 Hz.
const FRAMES_KEPT: usize = 600;

/// How often the views that sum the frames up redraw: five times a second reads the
/// same as sixty and leaves the main thread's time to the experiments (paint is not free).
const REDRAW_MS: f64 = 200.0;
/// The same while the page is quiet: once a second (quiet runs' results join the table
/// at these redraws too).
const QUIET_REDRAW_MS: f64 = 1000.0;

/// Handles to the frame log of the page's main thread.
#[derive(Clone, Copy)]
pub struct FrameMonitor {
    log: StoredValue<FrameLog>,
    /// Changes five times a second while frames arrive: views that sum the frames up
    /// read it to redraw. Nothing reactive runs every frame (measured: the idle page went
    /// from 0.29 to 0.24 cores when the per-frame signal went).
    pub redraw: ReadSignal<u64>,
    /// Main-thread time spent redrawing on `redraw` since the page started (ms).
    drawing_ms: StoredValue<f64>,
}

impl FrameMonitor {
    /// The longest time the page went without a frame during `[from, to]` (ms).
    pub fn longest_gap_during(&self, from: f64, to: f64) -> Option<f64> {
        self.log.with_value(|log| log.longest_gap_during(from, to))
    }

    /// Gaps whose interval overlaps `[from, to]`, as (frame time, gap) pairs.
    pub fn gaps_during(&self, from: f64, to: f64) -> Vec<(f64, f64)> {
        self.log.with_value(|log| log.gaps_during(from, to).collect())
    }

    /// The latest `count` gaps, oldest first.
    pub fn recent_gaps(&self, count: usize) -> Vec<f64> {
        self.log.with_value(|log| {
            let gaps: Vec<f64> = log.gaps().map(|(_, gap)| gap).collect();
            gaps[gaps.len().saturating_sub(count)..].to_vec()
        })
    }

    /// Main-thread time the page has spent redrawing what reads `redraw`, since it
    /// started (ms): the page's own share of the cores while a run goes.
    pub fn drawing_ms_total(&self) -> f64 {
        self.drawing_ms.get_value()
    }

    /// Frames drawn since the page started.
    pub fn frames_drawn(&self) -> u64 {
        self.log.with_value(FrameLog::recorded)
    }
}

/// Starts recording animation frames for as long as the calling component lives. While
/// the page is `quiet` what reads `redraw` redraws once a second.
pub fn use_frame_monitor(quiet: Quiet) -> FrameMonitor {
    let log = StoredValue::new(FrameLog::new(FRAMES_KEPT));
    let (redraw, set_redraw) = signal(0u64);
    let last_redraw = StoredValue::new(f64::NEG_INFINITY);
    let drawing_ms = StoredValue::new(0.0);
    let stop = run_every_frame(move || {
        // When the callback really runs, not the frame's nominal start time that the
        // browser passes in: a frame delayed by a busy main thread must count as late.
        let time = clock::now_ms();
        log.update_value(|log| log.record(time));
        // Due by the time since the last redraw (not by slots of the clock, which jump
        // when the rate changes between quiet and live).
        let every = if quiet.now() { QUIET_REDRAW_MS } else { REDRAW_MS };
        if time - last_redraw.get_value() >= every {
            last_redraw.set_value(time);
            let start = clock::now_ms();
            set_redraw.set(redraw.get_untracked() + 1);
            // The views that read `redraw` run as tasks queued by that `set`; this task is
            // queued after them, so it ends the measurement when they are done.
            leptos::task::spawn_local(async move {
                drawing_ms.update_value(|d| *d += clock::now_ms() - start);
            });
        }
    });
    on_cleanup(stop);
    FrameMonitor { log, redraw, drawing_ms }
}
