//! What the results depend on, shown in one place: the header's badges, the
//! environment panel, and the notices for a page without threads or in a background tab.

use crate::browser::page_visibility::PageVisibility;
use crate::experiments;
use crate::run::engine::Engine;
use crate::run::quiet::Quiet;
use leptos::prelude::*;
use playground_lab::environment::EMBEDDED_ADVICE;
use playground_lab::environment::Readiness;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How one piece of the engine reads: on its badge, in full (the panel, the tooltip),
/// as the badge's class, and in one word (a phone's folded badge).
struct Readout {
    badge: String,
    full: String,
    class: &'static str,
    word: &'static str,
}

fn readout(state: Readiness, what: &'static str) -> Readout {
    let ready = |full: String| Readout { badge: format!("{what}: {full}"), full, class: "ok", word: "ready" };
    match state {
        Readiness::Starting => Readout {
            badge: format!("{what}: starting…"),
            full: "starting…".into(),
            class: "pending",
            word: "starting",
        },
        Readiness::Ready { threads, start_ms } if what == "Rayon pool" => {
            ready(format!("{threads} threads, started in {start_ms:.0} ms"))
        }
        Readiness::Ready { start_ms, .. } => ready(format!("ready in {start_ms:.0} ms")),
        // The badge stays short; the reason is in its tooltip and in the panel.
        Readiness::Failed(why) => Readout {
            badge: format!("{what}: unavailable"),
            full: format!("failed: {why}"),
            class: "bad",
            word: "unavailable",
        },
    }
}

/// The header's badges. On a phone each folds to a word ("pool ready") on one line, and a
/// tap on it shows the whole text; elsewhere the whole text shows and the tap does nothing.
#[component]
pub fn EnvironmentBadges(engine: Engine) -> impl IntoView {
    let env = engine.environment.get_value();
    let pool = move || readout(engine.pool.get(), "Rayon pool");
    let worker = move || readout(engine.worker.get(), "Compute worker");
    let isolated = env.cross_origin_isolated;
    view! {
        <ul class="environment" aria-label="Environment">
            <Badge class=Signal::stored(if isolated { "badge ok" } else { "badge bad" }.to_string()) testid="isolation"
                short=Signal::stored(if isolated { "isolated" } else { "not isolated" }.to_string())
                full=Signal::stored(if isolated { "Cross-origin isolated" } else { "Not cross-origin isolated: no threads" }.to_string())
                title=Signal::stored(String::new()) />
            <Badge class=Signal::stored("badge".to_string()) testid="cores"
                short=Signal::stored(format!("{} cores", env.hardware_concurrency))
                full=Signal::stored(format!("{} logical cores", env.hardware_concurrency))
                title=Signal::stored(String::new()) />
            <Badge class=Signal::derive(move || format!("badge {}", pool().class)) testid="pool"
                short=Signal::derive(move || format!("pool {}", pool().word)) full=Signal::derive(move || pool().badge)
                title=Signal::derive(move || pool().full) />
            <Badge class=Signal::derive(move || format!("badge {}", worker().class)) testid="worker"
                short=Signal::derive(move || format!("worker {}", worker().word)) full=Signal::derive(move || worker().badge)
                title=Signal::derive(move || worker().full) />
        </ul>
    }
}

/// One badge: its whole text, and the word a phone shows until it is tapped.
#[component]
fn Badge(
    class: Signal<String>,
    testid: &'static str,
    short: Signal<String>,
    full: Signal<String>,
    title: Signal<String>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <li class=class data-testid=testid title=move || Some(title.get()).filter(|t| !t.is_empty())>
            <button type="button" class="badge-button" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                <span class="badge-short">{short}</span>
                <span class="badge-full">{full}</span>
            </button>
        </li>
    }
}

/// The size of the app's wasm memory in bytes (shared by every thread).
fn wasm_memory_bytes() -> u64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    js_sys::Reflect::get(&memory.buffer(), &"byteLength".into()).ok().and_then(|b| b.as_f64()).unwrap_or(0.0) as u64
}

/// Every figure a result depends on, with what it means.
#[component]
pub fn EnvironmentPanel(engine: Engine, visibility: PageVisibility, quiet: Quiet) -> impl IntoView {
    let env = engine.environment.get_value();
    let resolution = env.timer_resolution_ms;
    let resolution_text = if resolution.is_finite() {
        format!("{:.3} ms ({:.0} µs), measured", resolution, resolution * 1000.0)
    } else {
        "not measurable (the clock did not move in 5 ms)".to_string()
    };
    let pool = move || readout(engine.pool.get(), "Rayon pool").full;
    let worker = move || readout(engine.worker.get(), "Compute worker").full;
    let differences = env.differences();
    // The wasm memory never shrinks; watching it grow (or not) over many runs shows leaks.
    let memory_bytes = RwSignal::new(wasm_memory_bytes());
    // Kept for offline use a few seconds after start (when the page is idle): read again.
    let offline = RwSignal::new(crate::browser::environment::offline_state());
    let every_second = move || {
        memory_bytes.set(wasm_memory_bytes());
        offline.set(crate::browser::environment::offline_state());
    };
    if let Ok(timer) = set_interval_with_handle(every_second, Duration::from_secs(1)) {
        on_cleanup(move || timer.clear());
    }
    let yes_no = |b: bool, yes: &'static str, no: &'static str| if b { yes } else { no };
    view! {
        <details class="environment-panel" data-testid="environment-panel" open=!env.cross_origin_isolated>
            <summary>"Environment: what these results depend on"</summary>
            <dl>
                <dt>"Cross-origin isolated"</dt>
                <dd data-testid="env-isolated">{yes_no(env.cross_origin_isolated, "yes", "no: the page has no threads")}</dd>
                <dt>"SharedArrayBuffer"</dt>
                <dd data-testid="env-sab">{yes_no(env.shared_array_buffer, "available", "withheld by the browser")}</dd>
                <dt>"Logical cores (hardwareConcurrency)"</dt>
                <dd data-testid="env-cores">{env.hardware_concurrency}</dd>
                <dt>"Rayon pool"</dt>
                <dd data-testid="env-pool">{pool}</dd>
                <dt>"Compute worker"</dt>
                <dd data-testid="env-worker">{worker}</dd>
                <dt>"WebAssembly memory"</dt>
                <dd data-testid="env-memory" data-bytes=move || memory_bytes.get().to_string()>
                    {move || format!("{:.0} MiB", memory_bytes.get() as f64 / (1024.0 * 1024.0))}
                </dd>
                <dt>"Timer resolution (performance.now)"</dt>
                <dd data-testid="env-timer" data-ms=format!("{resolution}")>
                    {resolution_text}
                    <small>" Browsers coarsen the clock: about 0.005 ms isolated, 0.1 ms or more otherwise."</small>
                </dd>
                <dt>"Isolation service worker"</dt>
                <dd data-testid="env-service-worker">{env.isolation.describe()}</dd>
                <dt>"Offline use"</dt>
                <dd data-testid="env-offline">{move || offline.get()}</dd>
                <dt>"Build"</dt>
                <dd data-testid="env-build" data-optimised=env.optimised_build.to_string()>
                    {if env.optimised_build { "optimised (release)" } else { "debug: not optimised, timings are many times too slow" }}
                </dd>
                <QuietRow quiet />
                <dt>"Browser"</dt>
                <dd data-testid="env-browser" title=env.user_agent.clone()>{env.browser.clone()}</dd>
                <dt>"What differs in this browser"</dt>
                <dd data-testid="env-notes">
                    {if differences.is_empty() {
                        "nothing the playground relies on".into_any()
                    } else {
                        view! { <ul>{differences.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul> }.into_any()
                    }}
                </dd>
                <dt>"This tab"</dt>
                <dd data-testid="env-tab">
                    {move || yes_no(visibility.visible.get(), "visible", "in the background: timers are throttled, results would mislead")}
                </dd>
            </dl>
        </details>
    }
}

/// The environment panel's row on the quiet measurement state, with its switch.
#[component]
fn QuietRow(quiet: Quiet) -> impl IntoView {
    let drawing = move || match (quiet.on.get(), quiet.live.get()) {
        (true, _) => (
            "quiet",
            "quiet now: timing the pool, the dots paused, the charts and results brought up to date once a second",
        ),
        (false, true) => {
            ("live", "live: the page keeps drawing while it times the pool, which costs the pool some of its share")
        }
        (false, false) => (
            "quiet",
            "quiet while timing the pool: during its runs and the speedup curve the dots pause, and the charts and results catch up once a second",
        ),
    };
    view! {
        <dt>"Drawing while timing the pool"</dt>
        <dd data-testid="env-quiet" data-state=move || drawing().0 data-now=move || quiet.on.get().to_string()>
            {move || drawing().1}
            <label class="env-switch">
                <input type="checkbox" name="live-drawing" bind:checked=quiet.live />
                " Keep drawing (live=1 in a link)"
            </label>
        </dd>
    }
}

/// Said plainly at the top of the page when there are no threads: what is missing,
/// what the visitor can do, and what still runs.
#[component]
pub fn ThreadsMissing(engine: Engine) -> impl IntoView {
    let env = engine.environment.get_value();
    (!env.cross_origin_isolated).then(|| {
        let runnable: Vec<&'static str> = experiments::all()
            .filter(|e| e.about().modes.iter().any(|m| !e.about().mode_needs_threads(*m)))
            .map(|e| e.about().title)
            .collect();
        view! {
            <section class="notice warn" role="status" data-testid="threads-missing">
                <h2>"Threads are off on this page"</h2>
                <p>
                    "The page is not cross-origin isolated, so the browser withholds SharedArrayBuffer, and the "
                    "rayon pool and the compute worker cannot start. Isolation service worker: "
                    {env.isolation.describe()} "."
                </p>
                <p><strong>"What you can do: "</strong>{env.isolation.advice()}</p>
                {framed().then(|| view! { <p data-testid="embedded-advice">{EMBEDDED_ADVICE}</p> })}
                <p>
                    "Meanwhile these still run, in the modes that need no threads: " {runnable.join(", ")} "."
                </p>
            </section>
        }
    })
}

/// Whether the page is shown inside another (an iframe).
fn framed() -> bool {
    let me = window();
    me.top().ok().flatten().is_some_and(|top| !js_sys::Object::is(&top, &me))
}

/// Said at the top of every page of a debug build, whose timings mislead.
#[component]
pub fn DebugBuildWarning(engine: Engine) -> impl IntoView {
    engine.environment.get_value().build_warning().map(|warning| {
        view! {
            <p class="notice warn" role="status" data-testid="debug-build">{warning}</p>
        }
    })
}

/// A warning while the tab is hidden; runs measured meanwhile are marked in their table.
#[component]
pub fn BackgroundWarning(visibility: PageVisibility) -> impl IntoView {
    view! {
        <Show when=move || !visibility.visible.get()>
            <p class="notice warn" role="status" data-testid="background-warning">
                "This tab is in the background: the browser throttles its timers, so what is measured now "
                "would mislead. Runs measured while it was hidden are marked."
            </p>
        </Show>
    }
}
