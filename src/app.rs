//! The shell: header with the environment and the responsiveness indicator, the
//! list of experiments, and the page of the one that is open.

use crate::address_bar;
use crate::engine::{Engine, use_engine};
use crate::environment_panel::{BackgroundWarning, EnvironmentBadges, EnvironmentPanel, ThreadsMissing};
use crate::experiments::page::{ExperimentPage, PageState};
use crate::experiments::{self, Experiment};
use crate::page_visibility::{PageVisibility, use_page_visibility};
use crate::responsiveness::{FrameMonitor, ResponsivenessIndicator, use_frame_monitor};
use crate::scenario::{self, Autorun, Settings};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Handles every experiment page receives.
#[derive(Clone, Copy)]
pub struct Shared {
    pub engine: Engine,
    pub frames: FrameMonitor,
    pub visibility: PageVisibility,
    /// The experiment that is running, if any. One run at a time: they would share the
    /// cores, the compute worker and the live board, and measure each other.
    pub running: RwSignal<Option<&'static str>>,
    /// A link's request to start a run as soon as that experiment's page is ready.
    pub autorun: RwSignal<Option<(&'static str, Autorun)>>,
}

fn index_of(experiment: &dyn Experiment) -> usize {
    experiments::ALL.iter().position(|e| e.about().slug == experiment.about().slug).unwrap_or(0)
}

#[component]
pub fn App() -> impl IntoView {
    let shared = Shared {
        engine: use_engine(),
        frames: use_frame_monitor(),
        visibility: use_page_visibility(),
        running: RwSignal::new(None),
        autorun: RwSignal::new(None),
    };
    // What each experiment's page shows, created here so a link can set it before the
    // page exists and the address bar can follow it (one entry per experiment, as in ALL).
    let states: StoredValue<Vec<PageState>> =
        StoredValue::new(experiments::ALL.iter().map(|e| PageState::new(Settings::defaults(e.about()))).collect());
    let state_of = move |e: &dyn Experiment| states.with_value(|s| s[index_of(e)]);
    let (open, set_open) = signal(None::<&'static str>);
    // On a phone the list of experiments is one row that scrolls sideways: keep the open
    // one in view. (Elsewhere the list does not scroll sideways, and this changes nothing.)
    let experiment_list = NodeRef::<leptos::html::Ul>::new();
    Effect::new(move |_| {
        let index = open.get().and_then(experiments::find).map(index_of);
        let (Some(list), Some(index)) = (experiment_list.get(), index) else { return };
        if let Ok(Some(item)) = list.query_selector(&format!("li:nth-child({})", index + 1)) {
            let item: web_sys::HtmlElement = item.unchecked_into();
            list.set_scroll_left(item.offset_left() - (list.client_width() - item.offset_width()) / 2);
        }
    });
    let notices = RwSignal::new(Vec::<String>::new());

    // Opening the page, and back/forward: the address says what to show.
    let follow_address = move |first_load: bool| {
        let reading = scenario::read(&address_bar::query_pairs());
        if let (Some(e), Some(settings)) = (reading.experiment, reading.settings) {
            state_of(e).set(e.about(), settings);
        }
        if first_load {
            shared.autorun.set(reading.experiment.zip(reading.autorun).map(|(e, a)| (e.about().slug, a)));
        }
        notices.set(reading.notices);
        set_open.set(reading.experiment.map(|e| e.about().slug));
    };
    follow_address(true);
    let on_popstate = Closure::<dyn Fn()>::new(move || follow_address(false));
    let _ = window().add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    on_popstate.forget(); // lives as long as the page

    // The address bar follows what is on screen, in place: knob edits add no history entries.
    // (The run flag is dropped once read, so reloading does not start the run again.)
    // The query for what `experiment`'s page shows (tracked: an effect reading it follows edits).
    let query_of = move |experiment: Option<&'static dyn Experiment>| match experiment {
        Some(e) => address_bar::query_string(&scenario::pairs(e, &state_of(e).get(), None)),
        None => String::new(),
    };
    Effect::new(move |_| {
        address_bar::show(&query_of(open.get().and_then(experiments::find)), false);
    });

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

    let navigate = move |experiment: Option<&'static dyn Experiment>| {
        address_bar::show(&untrack(|| query_of(experiment)), true);
        notices.set(Vec::new());
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
                <ul node_ref=experiment_list>
                    {experiments::ALL
                        .iter()
                        .map(|&e| {
                            let current = move || open.get() == Some(e.about().slug);
                            view! {
                                <li>
                                    <a href=link_to(e) class:current=current
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
                <LinkNotices notices />
                <ThreadsMissing engine=shared.engine />
                <BackgroundWarning visibility=shared.visibility />
                <EnvironmentPanel engine=shared.engine visibility=shared.visibility />
                <Show when=move || open.get().and_then(experiments::find).is_none()>
                    <Home navigate />
                </Show>
                <For each=move || visited.get() key=|slug| *slug let:slug>
                    <div class="page" hidden=move || open.get() != Some(slug)>
                        {experiments::find(slug).map(|e| view! { <ExperimentPage experiment=e shared state=state_of(e) /> })}
                    </div>
                </For>
            </main>
        </div>
    }
}

/// A plain link to an experiment at its defaults, for the list (clicks are handled in place).
fn link_to(experiment: &dyn Experiment) -> String {
    format!("?{}={}", scenario::EXPERIMENT, experiment.about().slug)
}

/// What could not be used from the link that opened the page, value by value.
#[component]
fn LinkNotices(notices: RwSignal<Vec<String>>) -> impl IntoView {
    view! {
        <Show when=move || notices.with(|n| !n.is_empty())>
            <section class="notice warn link-notices" role="status" data-testid="link-notices">
                <h2>"Some of this link could not be used"</h2>
                <ul>
                    {move || notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
                <button type="button" name="dismiss-notices" on:click=move |_| notices.set(Vec::new())>"Dismiss"</button>
            </section>
        </Show>
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
                            <h2><a href=link_to(e) on:click=move |ev| { ev.prevent_default(); navigate(Some(e)) }>{e.about().title}</a></h2>
                            <p>{e.about().summary}</p>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
