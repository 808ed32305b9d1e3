//! The main thread's pulse, shown: [`ResponsivenessIndicator`] draws the frame monitor's
//! gaps beside a CSS animation that the browser's compositor runs on its own, so when the
//! page's main thread is blocked one dot stops while the other keeps moving.

use crate::browser::animation_frames::run_every_frame;
use crate::browser::clock;
use crate::run::frame_monitor::FrameMonitor;
use crate::run::quiet::Quiet;
use leptos::prelude::*;
use playground_lab::thresholds::{FROZEN_FRAME_GAP_MS, SLOW_FRAME_GAP_MS};

/// Gaps drawn in the strip.
const STRIP_GAPS: usize = 120;
/// One lap of the moving dots, in ms.
const LAP_MS: f64 = 2000.0;

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
