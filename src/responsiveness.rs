//! The main thread's pulse, measured and shown.
//!
//! [`use_frame_monitor`] records the start of every animation frame; a freeze is a
//! long gap between two frames. [`ResponsivenessIndicator`] draws it beside a CSS
//! animation that the browser's compositor runs on its own, so when the page's
//! main thread is blocked one dot stops while the other keeps moving.

use crate::clock;
use crate::quiet::Quiet;
use leptos::prelude::*;
use playground_kernels::frames::FrameLog;
use playground_lab::thresholds::{FROZEN_FRAME_GAP_MS, SLOW_FRAME_GAP_MS};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Ten seconds of frames at 60 Hz.
const FRAMES_KEPT: usize = 600;
/// Gaps drawn in the strip.
const STRIP_GAPS: usize = 120;
/// One lap of the moving dots, in ms.
const LAP_MS: f64 = 2000.0;

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

/// Calls `on_frame` once per animation frame until the returned stop is called.
fn run_every_frame(mut on_frame: impl FnMut() + 'static) -> impl FnOnce() + Send + Sync {
    type FrameCallback = Closure<dyn FnMut(f64)>;
    let callback: Rc<RefCell<Option<FrameCallback>>> = Rc::new(RefCell::new(None));
    let request_id = Rc::new(Cell::new(0));
    let request = {
        let callback = callback.clone();
        let request_id = request_id.clone();
        move || {
            if let Some(cb) = callback.borrow().as_ref() {
                let id = window().request_animation_frame(cb.as_ref().unchecked_ref()).unwrap_or(0);
                request_id.set(id);
            }
        }
    };
    let again = request.clone();
    *callback.borrow_mut() = Some(Closure::new(move |_: f64| {
        on_frame();
        again();
    }));
    request();
    // The stop runs in a reactive cleanup, which wants Send + Sync; this app is
    // single-threaded on the page, so the Rc handles are only touched here.
    let stop = send_wrapper::SendWrapper::new(move || {
        let _ = window().cancel_animation_frame(request_id.get());
        // Dropping the closure breaks the cycle it holds on itself.
        callback.borrow_mut().take();
    });
    move || (stop.take())()
}

#[component]
pub fn ResponsivenessIndicator(monitor: FrameMonitor, quiet: Quiet) -> impl IntoView {
    // The dot moves every frame, written straight to its style: no signal, no effect, and
    // (with `will-change` in the stylesheet) no repaint, only the compositor moving a layer.
    let main_dot = NodeRef::<leptos::html::Span>::new();
    let stop = run_every_frame(move || {
        if let Some(dot) = main_dot.get_untracked().filter(|_| !quiet.now()) {
            let x = (clock::now_ms() % LAP_MS) / LAP_MS * 100.0 * 9.0;
            let _ = web_sys::HtmlElement::style(&dot).set_property("transform", &format!("translateX({x:.1}%)"));
        }
    });
    on_cleanup(stop);
    // One bar per gap; height grows with the gap, capped at 100 ms.
    let bars = Memo::new(move |_| {
        monitor.redraw.track();
        let gaps = monitor.recent_gaps(STRIP_GAPS);
        let offset = STRIP_GAPS - gaps.len();
        let (mut smooth, mut slow, mut frozen) = (String::new(), String::new(), String::new());
        for (i, gap) in gaps.iter().enumerate() {
            let height = gap.min(100.0) / 100.0 * 40.0;
            let path = if *gap >= FROZEN_FRAME_GAP_MS {
                &mut frozen
            } else if *gap >= SLOW_FRAME_GAP_MS {
                &mut slow
            } else {
                &mut smooth
            };
            path.push_str(&format!("M{}.5 40v-{height:.1}", offset + i));
        }
        (smooth, slow, frozen)
    });
    let longest = move || {
        monitor.redraw.track();
        let now = clock::now_ms();
        monitor.longest_gap_during(now - 2000.0, now).map_or("–".to_string(), |g| format!("{g:.0} ms"))
    };
    view! {
        <section class="pulse" aria-label="Responsiveness of the page">
            <div class="pulse-lane">
                <span class="pulse-label">"Main thread"</span>
                <span class="pulse-track"><span class="pulse-dot main" node_ref=main_dot></span></span>
            </div>
            <div class="pulse-lane">
                <span class="pulse-label">"Compositor"</span>
                <span class="pulse-track"><span class="pulse-dot compositor"></span></span>
            </div>
            <svg class="pulse-strip" viewBox="0 0 120 40" preserveAspectRatio="none" role="img"
                aria-label="Gaps between the page's animation frames; tall red bars are freezes">
                <line class="pulse-budget" x1="0" x2="120" y1="33.3" y2="33.3"></line>
                <path class="gap smooth" d=move || bars.get().0></path>
                <path class="gap slow" d=move || bars.get().1></path>
                <path class="gap frozen" d=move || bars.get().2></path>
            </svg>
            <Show when=move || quiet.on.get()>
                <p class="pulse-quiet" role="status" data-testid="quiet-note">
                    "Quiet while timing the pool: the dots pause, and the charts and the results table catch up once a second. Not frozen."
                </p>
            </Show>
            <span class="pulse-longest" title="Longest gap between frames in the last 2 seconds">
                // The frames drawn so far, shown five times a second: under reduced motion the
                // dot stands still, and this still shows whether the main thread is drawing.
                "frames " <strong class="frame-count" data-testid="frame-count">{move || {
                    monitor.redraw.track();
                    monitor.frames_drawn()
                }}</strong>
                " · longest gap (2 s): " <strong data-testid="longest-gap">{longest}</strong>
            </span>
        </section>
    }
}
