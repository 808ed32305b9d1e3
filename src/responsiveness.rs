//! The main thread's pulse, measured and shown.
//!
//! [`use_frame_monitor`] records the start of every animation frame; a freeze is a
//! long gap between two frames. [`ResponsivenessIndicator`] draws it beside a CSS
//! animation that the browser's compositor runs on its own, so when the page's
//! main thread is blocked one dot stops while the other keeps moving.

use crate::clock;
use leptos::prelude::*;
use playground_kernels::frames::FrameLog;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Ten seconds of frames at 60 Hz.
const FRAMES_KEPT: usize = 600;
/// Gaps drawn in the strip.
const STRIP_GAPS: usize = 120;
/// One lap of the moving dots, in ms.
const LAP_MS: f64 = 2000.0;

/// Handles to the frame log of the page's main thread.
#[derive(Clone, Copy)]
pub struct FrameMonitor {
    log: StoredValue<FrameLog>,
    /// Start time of the latest frame; changes every frame, so views that read it redraw.
    pub last_frame: ReadSignal<f64>,
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
}

/// Starts recording animation frames for as long as the calling component lives.
pub fn use_frame_monitor() -> FrameMonitor {
    let log = StoredValue::new(FrameLog::new(FRAMES_KEPT));
    let (last_frame, set_last_frame) = signal(clock::now_ms());
    let stop = run_every_frame(move || {
        // When the callback really runs, not the frame's nominal start time that the
        // browser passes in: a frame delayed by a busy main thread must count as late.
        let time = clock::now_ms();
        log.update_value(|log| log.record(time));
        set_last_frame.set(time);
    });
    on_cleanup(stop);
    FrameMonitor { log, last_frame }
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
pub fn ResponsivenessIndicator(monitor: FrameMonitor) -> impl IntoView {
    let dot_x = move || {
        let t = monitor.last_frame.get();
        format!("transform: translateX({:.1}%)", (t % LAP_MS) / LAP_MS * 100.0 * 9.0)
    };
    // The dot moves every frame; the rest redraws five times a second, which reads the
    // same and leaves the main thread's time to the experiments (paint is not free).
    let slow_tick = Memo::new(move |_| (monitor.last_frame.get() / 200.0) as i64);
    // One bar per gap; height grows with the gap, capped at 100 ms.
    let bars = Memo::new(move |_| {
        let _ = slow_tick.get(); // get, not track: a lazy Memo must be read to recompute
        let gaps = monitor.recent_gaps(STRIP_GAPS);
        let offset = STRIP_GAPS - gaps.len();
        let (mut smooth, mut slow, mut frozen) = (String::new(), String::new(), String::new());
        for (i, gap) in gaps.iter().enumerate() {
            let height = gap.min(100.0) / 100.0 * 40.0;
            let path = if *gap >= 50.0 {
                &mut frozen
            } else if *gap >= 25.0 {
                &mut slow
            } else {
                &mut smooth
            };
            path.push_str(&format!("M{}.5 40v-{height:.1}", offset + i));
        }
        (smooth, slow, frozen)
    });
    // A number that changes every frame: under reduced motion the dot stands still,
    // and this still shows whether the main thread is drawing.
    let frames = RwSignal::new(0u64);
    Effect::new(move |_| {
        monitor.last_frame.track();
        frames.update(|n| *n += 1);
    });
    let longest = move || {
        let _ = slow_tick.get(); // get, not track: a lazy Memo must be read to recompute
        let now = clock::now_ms();
        monitor.longest_gap_during(now - 2000.0, now).map_or("–".to_string(), |g| format!("{g:.0} ms"))
    };
    view! {
        <section class="pulse" aria-label="Responsiveness of the page">
            <div class="pulse-lane">
                <span class="pulse-label">"Main thread"</span>
                <span class="pulse-track"><span class="pulse-dot main" style=dot_x></span></span>
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
            <span class="pulse-longest" title="Longest gap between frames in the last 2 seconds">
                "frames " <strong class="frame-count" data-testid="frame-count">{move || {
                    let _ = slow_tick.get(); // get, not track: a lazy Memo must be read to recompute
                    frames.get_untracked()
                }}</strong>
                " · longest gap (2 s): " <strong data-testid="longest-gap">{longest}</strong>
            </span>
        </section>
    }
}
