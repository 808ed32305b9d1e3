//! The shell: header with the environment and the responsiveness indicator, the
//! chapters of experiments, and the page of the one that is open. The address bar
//! follows what is on screen, and Back/Forward and links set it.

use crate::browser::address_bar;
use crate::browser::document_mark::mark_document;
use crate::browser::long_tasks::use_long_tasks;
use crate::browser::page_templates::{PageDetails, copy_template_into, fill_from_template};
use crate::browser::page_visibility::use_page_visibility;
use crate::experiments::{self, Experiment};
use crate::run::engine::use_engine;
use crate::run::frame_monitor::use_frame_monitor;
use crate::run::handles::AppHandles;
use crate::run::handles::Comparison;
use crate::run::mount_stages::{BELOW, HEADER, Later, MountStages};
use crate::run::page_state::PageState;
use crate::run::quiet::Quiet;
use crate::views::compare_view::CompareView;
use crate::views::environment_panel::{
    BackgroundWarning, DebugBuildWarning, EnvironmentBadges, EnvironmentPanel, ThreadsMissing,
};
use crate::views::page::ExperimentPage;
use crate::views::presenter::{PresenterBar, use_presenter};
use crate::views::responsiveness::ResponsivenessIndicator;
use leptos::prelude::*;
use playground_lab::comparison;
use playground_lab::scenario::{self, PageFlags, Settings};
use playground_lab::static_pages::{self, CHAPTERS_TEMPLATE, HOME_TEMPLATE};
use wasm_bindgen::prelude::*;

/// What each experiment's page shows, one entry per experiment in [`experiments::all`]
/// order, created at the top so a link can set a page before it exists.
#[derive(Clone, Copy)]
struct PageStates(StoredValue<Vec<PageState>>);

impl PageStates {
    fn new() -> Self {
        PageStates(StoredValue::new(
            experiments::all().map(|e| PageState::new(Settings::defaults(e.about()))).collect(),
        ))
    }
    fn of(&self, experiment: &dyn Experiment) -> PageState {
        let index = experiments::index_of(experiment.about().slug).unwrap_or(0);
        self.0.with_value(|states| states[index])
    }
    /// The query for what `experiment`'s page shows, and presenter mode (tracked: an
    /// effect reading it follows edits).
    fn query(&self, experiment: Option<&'static dyn Experiment>, flags: PageFlags) -> String {
        let mut pairs = match experiment {
            Some(e) => scenario::pairs(e.about(), &self.of(e).get(), None),
            None => Vec::new(),
        };
        pairs.extend(scenario::page_pairs(flags));
        address_bar::query_string(&pairs)
    }
}

/// The open experiment's slug, if any.
type Open = RwSignal<Option<&'static str>>;

/// The page-wide flags links carry, beside predicting (which pages read, in [`AppHandles`]).
#[derive(Clone, Copy)]
struct Flags {
    present: RwSignal<bool>,
    embed: RwSignal<bool>,
    /// The experiment the first link asked to run (`run=1` or `run=all`): while it is
    /// open, a phone shows its run first (the style sheet's `html[data-run-link]`).
    run_link: RwSignal<Option<&'static str>>,
}

impl Flags {
    /// All of them, tracked.
    fn read(&self, handles: AppHandles) -> PageFlags {
        PageFlags {
            present: self.present.get(),
            predict: handles.predict.get(),
            embed: self.embed.get(),
            live: handles.quiet.live.get(),
        }
    }
}

/// Where the app is: what the address bar's query names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Home,
    Experiment(&'static str),
    Compare,
}

impl Place {
    fn of(open: Option<&'static str>, comparing: bool) -> Place {
        match (comparing, open) {
            (true, _) => Place::Compare,
            (false, Some(slug)) => Place::Experiment(slug),
            (false, None) => Place::Home,
        }
    }
}

/// The address for a place: its query (tracked: an effect reading it follows edits)
/// and, for the Compare view, the fragment with its results.
fn address_of(place: Place, states: PageStates, flags: Flags, handles: AppHandles) -> (String, String) {
    match place {
        Place::Compare => {
            let mut pairs = vec![(comparison::COMPARE.to_string(), "1".to_string())];
            pairs.extend(scenario::page_pairs(flags.read(handles)));
            let items = handles.comparison.items;
            (address_bar::query_string(&pairs), items.with(|items| comparison::fragment(items)))
        }
        Place::Experiment(slug) => (states.query(experiments::find(slug), flags.read(handles)), String::new()),
        Place::Home => (states.query(None, flags.read(handles)), String::new()),
    }
}

/// Reads the address into the pages (on load, and on Back/Forward), and keeps the
/// address following what is on screen: going to another place adds a history entry,
/// edits (knobs, results compared) change it in place.
/// (The run flag is dropped once read, so reloading does not start the run again.)
fn sync_address(states: PageStates, open: Open, flags: Flags, notices: RwSignal<Vec<String>>, handles: AppHandles) {
    let Flags { present, embed, run_link } = flags;
    let comparison = handles.comparison;
    let shown_place = StoredValue::new(Place::Home);
    let follow_address = move |first_load: bool| {
        let reading = scenario::read(&address_bar::query_pairs(), experiments::find_about);
        present.set(reading.flags.present);
        handles.predict.set(reading.flags.predict);
        embed.set(reading.flags.embed);
        handles.quiet.live.set(reading.flags.live);
        let experiment = reading.experiment.and_then(|a| experiments::find(a.slug));
        if let (Some(e), Some(settings)) = (experiment, reading.settings) {
            states.of(e).set(e.about(), settings);
        }
        if first_load {
            let autorun = experiment.zip(reading.autorun).map(|(e, a)| (e.about().slug, a));
            run_link.set(autorun.map(|(slug, _)| slug));
            handles.autorun.set(autorun);
        }
        if reading.compare {
            comparison.replace(comparison::read_fragment(
                &address_bar::fragment(),
                "This link",
                &experiments::find_about,
            ));
        }
        notices.set(reading.notices);
        let slug = experiment.map(|e| e.about().slug);
        shown_place.set_value(Place::of(slug, reading.compare));
        comparison.open.set(reading.compare);
        open.set(slug);
    };
    follow_address(true);
    let on_popstate = Closure::<dyn Fn()>::new(move || follow_address(false));
    let _ = window().add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    on_popstate.forget(); // lives as long as the page
    Effect::new(move |_| {
        let place = Place::of(open.get(), comparison.open.get());
        let (query, fragment) = address_of(place, states, flags, handles);
        let moved = shown_place.get_value() != place;
        shown_place.set_value(place);
        address_bar::show(&query, &fragment, moved)
    });
}

#[component]
pub fn App() -> impl IntoView {
    let quiet = Quiet::new();
    let stages = MountStages::start();
    PageDetails::load();
    let handles = AppHandles {
        engine: use_engine(stages),
        frames: use_frame_monitor(quiet),
        quiet,
        long_tasks: use_long_tasks(),
        visibility: use_page_visibility(),
        running: RwSignal::new(None),
        autorun: RwSignal::new(None),
        predict: RwSignal::new(false),
        comparison: Comparison::new(),
        stages,
    };
    let states = PageStates::new();
    let open: Open = RwSignal::new(None);
    let notices = RwSignal::new(Vec::<String>::new());
    let flags = Flags { present: RwSignal::new(false), embed: RwSignal::new(false), run_link: RwSignal::new(None) };
    let present = flags.present;
    sync_address(states, open, flags, notices, handles);
    mark_document("data-embed", flags.embed);
    let on_run_link = RwSignal::new(false);
    Effect::new(move |_| on_run_link.set(flags.run_link.get().is_some_and(|slug| open.get() == Some(slug))));
    mark_document("data-run-link", on_run_link);
    mark_document("data-quiet", quiet.on);

    // Pages once opened stay (hidden when another is open), so what was typed and
    // measured there, and a run still going, survive a visit elsewhere.
    let visited = RwSignal::new(Vec::<&'static str>::new());
    Effect::new(move |_| {
        if let Some(slug) = open.get().filter(|slug| !visited.with_untracked(|v| v.contains(slug))) {
            visited.update(|v| v.push(slug));
        }
    });
    let comparison = handles.comparison;
    let navigate = move |experiment: Option<&'static dyn Experiment>| {
        notices.set(Vec::new());
        comparison.open.set(false);
        open.set(experiment.map(|e| e.about().slug));
    };
    let open_comparison = move || {
        notices.set(Vec::new());
        comparison.open.set(true);
    };
    let presenter = use_presenter(present, open, navigate, open_comparison);
    let compare_link = Signal::derive(move || {
        let (query, fragment) = address_of(Place::Compare, states, flags, handles);
        format!("{}#{fragment}", address_bar::address_with(&query))
    });

    view! {
        <PresenterBar presenter />
        <Show when=move || flags.embed.get()>
            <p class="embed-bar">
                <a data-testid="embed-open" target="_blank" rel="noopener"
                    href=move || states.query(open.get().and_then(experiments::find), PageFlags { embed: false, ..flags.read(handles) })>
                    "Open in the Concurrency Playground ↗"
                </a>
            </p>
        </Show>
        <header class="top">
            <a class="brand" href="?" on:click=move |ev| { ev.prevent_default(); navigate(None) }>
                "Concurrency Playground"
            </a>
            <a class="compare-open" href="?compare=1" data-testid="open-compare" aria-current=move || comparison.open.get().then_some("page")
                on:click=move |ev| { ev.prevent_default(); open_comparison() }>
                "Compare devices"
            </a>
            // A step after the first screen (its room kept): they are not what a visitor reads first.
            <Later step=HEADER placeholder=static_pages::PLACEHOLDERS_TOP>
                <EnvironmentBadges engine=handles.engine />
                <ResponsivenessIndicator monitor=handles.frames quiet />
            </Later>
        </header>
        <div class="layout">
            <Sidebar open navigate />
            <main id="content">
                <LinkNotices notices />
                <ThreadsMissing engine=handles.engine />
                <DebugBuildWarning engine=handles.engine />
                <BackgroundWarning visibility=handles.visibility />
                <Later step=BELOW placeholder=static_pages::PLACEHOLDER_ENVIRONMENT>
                    <EnvironmentPanel engine=handles.engine visibility=handles.visibility quiet=handles.quiet />
                </Later>
                <Show when=move || comparison.open.get()>
                    <CompareView comparison link=compare_link />
                </Show>
                <Show when=move || !comparison.open.get() && open.get().and_then(experiments::find).is_none()>
                    <Home navigate />
                </Show>
                <For each=move || visited.get() key=|slug| *slug let:slug>
                    <div class="page" hidden=move || comparison.open.get() || open.get() != Some(slug)>
                        {experiments::find(slug).map(|e| view! { <ExperimentPage experiment=e handles state=states.of(e) /> })}
                    </div>
                </For>
            </main>
        </div>
    }
}

/// The chapters and their experiments, as the built page lists them (the site build's
/// template: the markup the visitor saw while the app loaded), with the open one marked.
/// On a phone they are one row that scrolls sideways, kept so that the open one is in view.
#[component]
fn Sidebar(
    open: Open,
    navigate: impl Fn(Option<&'static dyn Experiment>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let row = NodeRef::<leptos::html::Div>::new();
    // The list itself first (the built page's), then the open item marked, in this order.
    Effect::new(move |filled: Option<bool>| {
        let (Some(row), open) = (row.get(), open.get()) else { return false };
        if filled != Some(true) {
            copy_template_into(&row, CHAPTERS_TEMPLATE, true);
        }
        mark_current(&row, open);
        let Some(slug) = open else { return true };
        // At the next frame, where the browser lays the page out anyway: read now, in the
        // mount's task, the layout would be done twice (the open page is added after this).
        // index.html's first screen centres the item the same way, so nothing jumps.
        request_animation_frame(move || {
            if let Ok(Some(item)) = row.query_selector(&format!("[data-slug=\"{slug}\"]")) {
                let item: web_sys::HtmlElement = item.unchecked_into();
                let left = item.get_bounding_client_rect().left() - row.get_bounding_client_rect().left()
                    + row.scroll_left() as f64;
                row.set_scroll_left(left as i32 - (row.client_width() - item.offset_width()) / 2);
            }
        });
        true
    });
    view! {
        <nav class="experiments" aria-label="Experiments">
            <h2>"Experiments"</h2>
            <div class="chapter-row" node_ref=row on:click=move |ev| open_clicked(ev, navigate)></div>
        </nav>
    }
}

/// Marks the open experiment's link in the list (and no other).
fn mark_current(row: &web_sys::HtmlDivElement, open: Option<&'static str>) {
    let Ok(links) = row.query_selector_all("a[data-slug]") else { return };
    for link in (0..links.length()).filter_map(|i| links.item(i)?.dyn_into::<web_sys::Element>().ok()) {
        let current = open.is_some() && link.get_attribute("data-slug").as_deref() == open;
        let _ = link.class_list().toggle_with_force("current", current);
        let _ =
            if current { link.set_attribute("aria-current", "page") } else { link.remove_attribute("aria-current") };
    }
}

/// A click on an experiment's link (in the list or on the home page) opens it in place;
/// with a modifier key or another button it is left to the browser (a new tab or window).
fn open_clicked(ev: leptos::ev::MouseEvent, navigate: impl Fn(Option<&'static dyn Experiment>)) {
    if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0 {
        return;
    }
    let slug = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("a[data-slug]").ok().flatten())
        .and_then(|a| a.get_attribute("data-slug"));
    if let Some(experiment) = slug.as_deref().and_then(experiments::find) {
        ev.prevent_default();
        navigate(Some(experiment));
    }
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

/// The home page, as the built page publishes it (the site build's template: the same
/// words the visitor read while the app loaded); a click on an experiment opens it in place.
#[component]
fn Home(navigate: impl Fn(Option<&'static dyn Experiment>) + Copy + Send + Sync + 'static) -> impl IntoView {
    let slot = NodeRef::new();
    fill_from_template(slot, HOME_TEMPLATE.to_string(), true);
    view! { <div class="home-slot" node_ref=slot on:click=move |ev| open_clicked(ev, navigate)></div> }
}
