//! Mounting in steps. The first screen (the words the built page already showed as
//! HTML, under the same header and list) mounts in the app's first task; the rest of
//! the page follows one step a frame, so that no single task holds a phone's main thread
//! for the whole page. Measured with Lighthouse's mobile profile: docs/benchmark.md.

use crate::browser::clock;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The steps after the first screen: the header's badges and pulse; the page's controls;
/// its results; the panels below them (speedup curve, sweep, what ran, the source).
pub const HEADER: u8 = 1;
pub const CONTROLS: u8 = 2;
pub const RESULTS: u8 = 3;
pub const BELOW: u8 = 4;

/// How far the mount has got (tracked).
#[derive(Clone, Copy)]
pub struct MountStages(ReadSignal<u8>);

impl MountStages {
    /// Starts stepping, a step after each paint: created once, at the top of the app.
    pub fn start() -> Self {
        let (stage, set_stage) = signal(0);
        spawn_local(async move {
            for next in HEADER..=BELOW {
                clock::after_next_paint().await;
                set_stage.set(next);
                clock::mark(&format!("playground-mount-step-{next}"));
            }
        });
        let stages = MountStages(stage);
        provide_context(stages);
        stages
    }

    pub fn reached(&self, step: u8) -> bool {
        self.0.get() >= step
    }

    /// Whether the whole page is mounted: a link's run waits for it, so that mounting is
    /// not part of what the run measures.
    pub fn done(&self) -> bool {
        self.reached(BELOW)
    }

    /// Resolves once the whole page is mounted (checked after each paint).
    pub async fn mounted(self) {
        while self.0.get_untracked() < BELOW {
            clock::after_next_paint().await;
        }
    }
}

/// Its children once the mount has reached `step` (at once where no app started the
/// steps, as on a test page); until then `placeholder`, HTML that keeps their room (the
/// first screen's, `playground_lab::static_pages`), if any.
#[component]
pub fn Later(step: u8, children: ChildrenFn, #[prop(optional)] placeholder: Option<&'static str>) -> impl IntoView {
    let stages = use_context::<MountStages>();
    let fallback = move || placeholder.map(|html| view! { <div class="placeholder-slot" inner_html=html></div> });
    view! { <Show when=move || stages.is_none_or(|s| s.reached(step)) fallback>{children()}</Show> }
}
