//! The shell: header with the environment and the responsiveness indicator, the
//! list of experiments, and the page of the one that is open.

use crate::engine::{Engine, Readiness, use_engine};
use crate::experiments::page::ExperimentPage;
use crate::experiments::{self, Experiment};
use crate::responsiveness::{FrameMonitor, ResponsivenessIndicator, use_frame_monitor};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Handles every experiment page receives.
#[derive(Clone, Copy)]
pub struct Shared {
    pub engine: Engine,
    pub frames: FrameMonitor,
    /// The experiment that is running, if any. One run at a time: they would share the
    /// cores, the compute worker and the live board, and measure each other.
    pub running: RwSignal<Option<&'static str>>,
}

/// The query key that names the open experiment: `?experiment=collatz`.
const EXPERIMENT_KEY: &str = "experiment";

fn experiment_in_url() -> Option<&'static dyn Experiment> {
    let search = window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    experiments::find(&params.get(EXPERIMENT_KEY)?)
}

fn link_to(experiment: Option<&dyn Experiment>) -> String {
    match experiment {
        Some(e) => format!("?{EXPERIMENT_KEY}={}", e.about().slug),
        None => "?".to_string(),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let shared = Shared { engine: use_engine(), frames: use_frame_monitor(), running: RwSignal::new(None) };
    let (open, set_open) = signal(experiment_in_url().map(|e| e.about().slug));
    // Pages once opened stay (hidden when another is open), so what was typed and
    // measured there, and a run still going, survive a visit elsewhere.
    let visited = RwSignal::new(Vec::<&'static str>::new());
    Effect::new(move |_| {
        if let Some(slug) = open.get() {
            if !visited.with_untracked(|v| v.contains(&slug)) {
                visited.update(|v| v.push(slug));
            }
        }
    });

    // Back and forward move between experiments.
    let on_popstate = Closure::<dyn Fn()>::new(move || set_open.set(experiment_in_url().map(|e| e.about().slug)));
    let _ = window().add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    on_popstate.forget(); // lives as long as the page

    let navigate = move |experiment: Option<&'static dyn Experiment>| {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&link_to(experiment)));
        }
        set_open.set(experiment.map(|e| e.about().slug));
    };

    view! {
        <header class="top">
            <a class="brand" href="?" on:click=move |ev| { ev.prevent_default(); navigate(None) }>
                "Concurrency Playground"
            </a>
            <EnvironmentBadges engine=shared.engine />
            <ResponsivenessIndicator monitor=shared.frames />
        </header>
        <div class="layout">
            <nav class="experiments" aria-label="Experiments">
                <h2>"Experiments"</h2>
                <ul>
                    {experiments::ALL
                        .iter()
                        .map(|&e| {
                            let current = move || open.get() == Some(e.about().slug);
                            view! {
                                <li>
                                    <a href=link_to(Some(e)) class:current=current
                                        aria-current=move || current().then_some("page")
                                        on:click=move |ev| { ev.prevent_default(); navigate(Some(e)) }>
                                        {e.about().title}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <main id="content">
                <Show when=move || open.get().and_then(experiments::find).is_none()>
                    <Home navigate />
                </Show>
                <For each=move || visited.get() key=|slug| *slug let:slug>
                    <div class="page" hidden=move || open.get() != Some(slug)>
                        {experiments::find(slug).map(|e| view! { <ExperimentPage experiment=e shared /> })}
                    </div>
                </For>
            </main>
        </div>
    }
}

#[component]
fn Home(navigate: impl Fn(Option<&'static dyn Experiment>) + Copy + Send + Sync + 'static) -> impl IntoView {
    view! {
        <section class="home">
            <h1>"See what async and threads do, measured in your browser"</h1>
            <p>
                "Each experiment runs real Rust, compiled to WebAssembly, in this tab. Some work runs on "
                "the page's main thread, the one that also draws the page; some is offloaded to web "
                "workers; some is spread over a rayon thread pool made of web workers. Watch the "
                <strong>"Main thread"</strong> " dot of the pulse panel: when it stops while the "
                <strong>"Compositor"</strong> " dot keeps moving, the page is frozen."
            </p>
            <ul class="cards">
                {experiments::ALL
                    .iter()
                    .map(|&e| view! {
                        <li class="card">
                            <h2><a href=link_to(Some(e)) on:click=move |ev| { ev.prevent_default(); navigate(Some(e)) }>{e.about().title}</a></h2>
                            <p>{e.about().summary}</p>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn EnvironmentBadges(engine: Engine) -> impl IntoView {
    let env = engine.environment.get_value();
    let readiness = |state: Readiness, what: &'static str| match state {
        Readiness::Starting => (format!("{what}: starting…"), "pending"),
        Readiness::Ready { threads, start_ms } if what == "Rayon pool" => {
            (format!("{what}: {threads} threads, started in {start_ms:.0} ms"), "ok")
        }
        Readiness::Ready { start_ms, .. } => (format!("{what}: ready in {start_ms:.0} ms"), "ok"),
        Readiness::Failed(why) => (format!("{what}: failed ({why})"), "bad"),
    };
    let pool = move || readiness(engine.pool.get(), "Rayon pool");
    let worker = move || readiness(engine.worker.get(), "Compute worker");
    view! {
        <ul class="environment" aria-label="Environment">
            <li class=if env.cross_origin_isolated { "badge ok" } else { "badge bad" } data-testid="isolation">
                {if env.cross_origin_isolated { "Cross-origin isolated" } else { "Not cross-origin isolated: no threads" }}
            </li>
            <li class="badge" data-testid="cores">{format!("{} logical cores", env.hardware_concurrency)}</li>
            <li class=move || format!("badge {}", pool().1) data-testid="pool">{move || pool().0}</li>
            <li class=move || format!("badge {}", worker().1) data-testid="worker">{move || worker().0}</li>
        </ul>
    }
}
