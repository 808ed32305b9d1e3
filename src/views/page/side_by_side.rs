//! Modes side by side: after runs of several modes with the same parameters, each
//! mode's latest timeline and frame strip, one above the other on one time axis, so
//! "blocked" and "offloaded" are on screen together.

use crate::views::charts::{FrameGapChart, TimelineChart};
use leptos::prelude::*;
use playground_lab::figures::latest_per_mode;
use playground_lab::records::RunRecord;
use playground_lab::timeline;

/// Each mode's latest run with the latest parameters, when there are two modes or more.
pub fn multiples(runs: &[RunRecord]) -> Vec<RunRecord> {
    let picked = latest_per_mode(runs);
    if picked.len() < 2 { Vec::new() } else { picked.into_iter().cloned().collect() }
}

#[component]
pub fn SideBySide(#[prop(into)] runs: Signal<Vec<RunRecord>>) -> impl IntoView {
    move || {
        let runs = runs.get();
        // One axis for all, in time and in frame gaps: the longest run and gap set them.
        let span = runs.iter().map(|r| r.wall_ms).fold(1.0, f64::max) * 1.04;
        let top = runs.iter().flat_map(|r| r.frame_gaps.iter().map(|g| g.1)).fold(100.0, f64::max);
        let multiples = runs
            .into_iter()
            .map(|run| {
                let lanes = timeline::lanes(&run.events, &run.spans, run.mode.blocks_main_thread);
                let heading = format!("{} (run {}): {:.0} ms", run.mode.label, run.number, run.wall_ms);
                view! {
                    <div class="multiple" data-testid="side-by-side-mode" data-mode=run.mode.id data-run=run.number>
                        <h3>{heading}</h3>
                        <TimelineChart lanes=Signal::stored(lanes) span_ms=Signal::stored(span)
                            caption="Timeline (rows: timers, work, and each thread's chunks)" />
                        <FrameGapChart gaps=Signal::stored(run.frame_gaps) span_ms=Signal::stored(span) top_ms=top />
                    </div>
                }
            })
            .collect_view();
        view! {
            <section class="side-by-side" data-testid="side-by-side" aria-label="Modes side by side">
                <h2>"Modes side by side, on one time axis"</h2>
                {multiples}
            </section>
        }
    }
}
