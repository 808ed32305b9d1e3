//! The page every experiment gets: explanation, knobs, modes, Run / Cancel, live
//! charts, the table of runs, downloads, and the source of the code that runs.

use super::Experiment;
use super::kit::{About, Event, Knob, Live, ModeSpec, Outcome, Values};
use super::scaling::ScalingPanel;
use crate::app::Shared;
use crate::charts::{FrameGapChart, Lane, ModeBars, TimelineChart};
use crate::engine::Readiness;
use crate::jobs::JobError;
use crate::live::{BOARD, to_local_ms};
use crate::scenario::{Autorun, MAX_REPEATS, REPEATS_KNOB, Settings};
use crate::{address_bar, bridge, clock, download, scenario};
use futures::future::{AbortHandle, Abortable};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use playground_kernels::params::parse_whole;
use playground_kernels::probe::ChunkSpan;
use playground_kernels::stats::{Speedup, Summary};

/// What a page shows that a link carries (see [`crate::scenario`]): the text in each
/// knob's input, the mode and the repeats. Created by the app, so links can set it.
#[derive(Clone, Copy)]
pub struct PageState {
    pub knobs: StoredValue<Vec<RwSignal<String>>>,
    pub mode: RwSignal<ModeSpec>,
    pub repeats: RwSignal<String>,
}

impl PageState {
    pub fn new(settings: Settings) -> Self {
        PageState {
            knobs: StoredValue::new(settings.knobs.into_iter().map(RwSignal::new).collect()),
            mode: RwSignal::new(settings.mode),
            repeats: RwSignal::new(settings.repeats),
        }
    }
    /// The settings, tracked: a reactive context that reads them follows every change.
    pub fn get(&self) -> Settings {
        Settings {
            knobs: self.knobs.with_value(|k| k.iter().map(|t| t.get()).collect()),
            mode: self.mode.get(),
            repeats: self.repeats.get(),
        }
    }
    /// Shows `settings`, keeping any text that already means the same value (so
    /// Back does not turn a typed "30,000,000" into the link's "30000000").
    pub fn set(&self, about: &About, settings: Settings) {
        let keep_or_set = |knob: &Knob, signal: RwSignal<String>, text: String| {
            if !knob.same_value(&signal.get_untracked(), &text) {
                signal.set(text);
            }
        };
        self.knobs.with_value(|k| {
            for ((signal, text), knob) in k.iter().zip(settings.knobs).zip(about.knobs) {
                keep_or_set(knob, *signal, text);
            }
        });
        self.mode.set(settings.mode);
        keep_or_set(&REPEATS_KNOB, self.repeats, settings.repeats);
    }
}

/// One finished run, with what is needed to redraw its charts and to download it.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRecord {
    pub number: usize,
    pub mode: ModeSpec,
    pub values: Values,
    pub outcome: Outcome,
    pub wall_ms: f64,
    pub frame_gap_ms: Option<f64>,
    pub events: Vec<Event>,
    /// Chunk spans on the run's axis (ms since it began).
    pub spans: Vec<ChunkSpan>,
    pub frame_gaps: Vec<(f64, f64)>,
    /// The tab was in the background for some of the run: its timers were throttled.
    pub hidden: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Running { mode: ModeSpec, done: usize, total: usize },
    Stopped(String),
}

/// Spans on the shared clock → the run's axis, in this thread's terms.
fn spans_on_axis(spans: &[ChunkSpan], origin: f64) -> Vec<ChunkSpan> {
    spans
        .iter()
        .map(|s| ChunkSpan { start_ms: to_local_ms(s.start_ms) - origin, end_ms: to_local_ms(s.end_ms) - origin, ..*s })
        .collect()
}

/// Events and chunk spans as timeline lanes: event lanes in order of appearance,
/// then one lane per thread that ran chunks.
fn lanes_of(events: &[Event], spans: &[ChunkSpan], main_runs_chunks: bool) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    for e in events {
        let lane = match lanes.iter_mut().position(|l| l.name == e.lane) {
            Some(i) => &mut lanes[i],
            None => {
                lanes.push(Lane { name: e.lane.clone(), ..Lane::default() });
                lanes.last_mut().unwrap()
            }
        };
        match e.due {
            Some(due) => lane.ticks.push((due, e.start, e.label.clone())),
            None => lane.bars.push((e.start, e.end, e.label.clone())),
        }
    }
    let mut threads: Vec<usize> = spans.iter().map(|s| s.thread).collect();
    threads.sort_unstable();
    threads.dedup();
    for t in threads {
        let name = match t {
            0 if main_runs_chunks => "Main thread".to_string(),
            0 => "Compute worker".to_string(),
            n => format!("Pool thread {n}"),
        };
        let bars = spans
            .iter()
            .filter(|s| s.thread == t)
            .map(|s| (s.start_ms, s.end_ms, format!("chunk {}", s.index)))
            .collect();
        lanes.push(Lane { name, bars, ticks: Vec::new() });
    }
    lanes
}

/// The pool's speedup over the single worker, from the medians of the latest parameters' runs.
fn speedup(runs: &[RunRecord]) -> Option<(Speedup, usize)> {
    let latest = &runs.last()?.values;
    let median = |id: &str| {
        Summary::of(runs.iter().filter(|r| r.mode.id == id && &r.values == latest).filter_map(|r| r.outcome.compute_ms))
    };
    let threads = runs.iter().filter(|r| r.mode.id == "pool").map(|r| r.outcome.threads).max()?;
    Speedup::new(median("worker")?.median, median("pool")?.median, threads).map(|s| (s, threads))
}

#[component]
pub fn ExperimentPage(experiment: &'static dyn Experiment, shared: Shared, state: PageState) -> impl IntoView {
    let about = experiment.about();
    let knobs = about.knobs;
    let modes = about.modes;
    let (knob_texts, repeats_text, mode) = (state.knobs, state.repeats, state.mode);
    let runs = RwSignal::new(Vec::<RunRecord>::new());
    let status = RwSignal::new(Status::Idle);
    let errors = RwSignal::new(Vec::<String>::new());
    let live = Live {
        origin: 0.0,
        events: RwSignal::new(Vec::new()),
        log: RwSignal::new(Vec::new()),
        chunks: RwSignal::new(None),
    };
    let origin = RwSignal::new(0.0);
    let abort = StoredValue::new_local(None::<AbortHandle>);
    let slug = experiment.about().slug;
    // Busy while this page runs, and while another experiment does (one run at a time).
    let busy = move || shared.running.get().is_some();
    let running_here = move || shared.running.get() == Some(slug);
    let other_running = move || shared.running.get().filter(|s| *s != slug).and_then(super::find);

    let read_values = move |chosen: &[ModeSpec]| -> Result<(Values, u64), Vec<String>> {
        let mut values = Values::default();
        let mut errs = Vec::new();
        for (knob, text) in knobs.iter().zip(knob_texts.get_value()) {
            match knob.parse(&text.get_untracked()) {
                Ok(v) => values.0.push((knob.key, v)),
                Err(e) => errs.push(e),
            }
        }
        let repeats =
            parse_whole(REPEATS_KNOB.label, &repeats_text.get_untracked(), 1, MAX_REPEATS).map_err(|e| errs.push(e)).ok();
        if errs.is_empty() {
            for m in chosen {
                errs.extend(experiment.check(&values, *m));
            }
        }
        match repeats {
            Some(r) if errs.is_empty() => Ok((values, r)),
            _ => Err(errs),
        }
    };

    let start = move |chosen: Vec<ModeSpec>| {
        let (values, repeats) = match read_values(&chosen) {
            Ok(ok) => ok,
            Err(messages) => return errors.set(messages),
        };
        let mut notes = Vec::new();
        let mut chosen = chosen;
        if let Some(reason) = shared.engine.not_ready_reason() {
            let (runnable, skipped): (Vec<ModeSpec>, Vec<ModeSpec>) =
                chosen.iter().partition(|m| !about.mode_needs_threads(**m));
            if runnable.is_empty() {
                return errors.set(vec![format!("Cannot run this mode yet: {reason}.")]);
            }
            if !skipped.is_empty() {
                let names: Vec<&str> = skipped.iter().map(|m| m.label).collect();
                notes.push(format!("Skipped {}, which needs threads: {reason}.", names.join(", ")));
            }
            chosen = runnable;
        }
        if shared.running.get_untracked().is_some() {
            return errors.set(vec!["Another run is going; wait for it or cancel it first.".into()]);
        }
        errors.set(notes);
        shared.running.set(Some(slug));
        spawn_local(async move {
            let plan: Vec<ModeSpec> = (0..repeats).flat_map(|_| chosen.iter().copied()).collect();
            let total = plan.len();
            let end = 'plan: {
                for (done, mode) in plan.into_iter().enumerate() {
                    status.set(Status::Running { mode, done, total });
                    live.events.set(Vec::new());
                    live.log.set(Vec::new());
                    live.chunks.set(None);
                    BOARD.reset();
                    if mode.blocks_main_thread {
                        // Let the page show "running" before the freeze, and start the clock after.
                        clock::after_next_paint().await;
                    }
                    let visibility_stamp = shared.visibility.stamp();
                    let began = clock::now_ms();
                    origin.set(began);
                    let run_live = Live { origin: began, ..live };
                    let (handle, registration) = AbortHandle::new_pair();
                    abort.set_value(Some(handle));
                    let result = Abortable::new(experiment.run(mode, values.clone(), run_live), registration).await;
                    abort.set_value(None);
                    let wall_ms = clock::now_ms() - began;
                    // The frame that ends a main-thread freeze comes after the run.
                    clock::next_frame().await;
                    let frame_gaps: Vec<(f64, f64)> = shared
                        .frames
                        .gaps_during(began, began + wall_ms)
                        .into_iter()
                        .map(|(t, g)| (t - began, g))
                        .collect();
                    let outcome = match result {
                        Ok(Ok(outcome)) => outcome,
                        Ok(Err(JobError::Cancelled)) | Err(_) => {
                            break 'plan Status::Stopped(
                                "Cancelled. The page and the pool are ready for the next run.".into(),
                            );
                        }
                        Ok(Err(JobError::Failed(why))) => {
                            break 'plan Status::Stopped(format!("The run failed: {why}"));
                        }
                    };
                    let spans = spans_on_axis(&BOARD.all_spans(), began);
                    runs.update(|runs| {
                        runs.push(RunRecord {
                            number: runs.len() + 1,
                            mode,
                            values: values.clone(),
                            outcome,
                            wall_ms,
                            frame_gap_ms: frame_gaps.iter().map(|g| g.1).max_by(f64::total_cmp),
                            events: live.events.get_untracked(),
                            spans,
                            frame_gaps,
                            hidden: shared.visibility.hidden_since(visibility_stamp),
                        })
                    });
                }
                Status::Idle
            };
            let end = match (end, bridge::fault_left_armed()) {
                (Status::Idle, Some(notice)) => Status::Stopped(notice),
                (end, _) => end,
            };
            status.set(end);
            shared.running.set(None);
        });
    };
    // A link's run flag: start once this page is open and visible (a background tab's
    // throttled timers would spoil the run) and the engine has settled.
    Effect::new(move |_| {
        let Some((wanted, autorun)) = shared.autorun.get() else { return };
        if wanted != slug || !shared.visibility.visible.get() {
            return;
        }
        let chosen = match autorun {
            Autorun::Mode => vec![mode.get_untracked()],
            Autorun::EveryMode => modes.to_vec(),
        };
        let engine_settling = [shared.engine.pool.get(), shared.engine.worker.get()].contains(&Readiness::Starting);
        if engine_settling && chosen.iter().any(|m| about.mode_needs_threads(*m)) {
            return; // runs again when the engine's state changes
        }
        shared.autorun.set(None);
        start(chosen);
    });

    let cancel = move |_| {
        bridge::cancel();
        if let Some(handle) = abort.get_value() {
            handle.abort();
        }
    };

    // Live charts redraw five times a second, not every frame: rebuilding hundreds of SVG
    // elements each frame would take the main thread's time from the pool's threads
    // (on 2 cores it cut the measured speedup from about 1.6× to 1.2×).
    let redraw = shared.frames.redraw;
    // What the charts show: the run in progress, else the latest run.
    let shown = Memo::new(move |_| {
        if let Status::Running { mode, .. } = status.get() {
            redraw.track();
            let o = origin.get_untracked();
            let now = clock::now_ms() - o;
            let spans = BOARD.try_spans().map(|s| spans_on_axis(&s, o)).unwrap_or_default();
            let gaps: Vec<(f64, f64)> =
                shared.frames.gaps_during(o, o + now).into_iter().map(|(t, g)| (t - o, g)).collect();
            Some((lanes_of(&live.events.get(), &spans, mode.blocks_main_thread), gaps, now * 1.04))
        } else {
            // A little room on the right, so the last tick is not on the edge.
            runs.with(|r| {
                r.last().map(|r| {
                    (lanes_of(&r.events, &r.spans, r.mode.blocks_main_thread), r.frame_gaps.clone(), r.wall_ms * 1.04)
                })
            })
        }
    });
    let lanes = Signal::derive(move || shown.get().map(|s| s.0).unwrap_or_default());
    let gaps = Signal::derive(move || shown.get().map(|s| s.1).unwrap_or_default());
    let span = Signal::derive(move || shown.get().map_or(1.0, |s| s.2));
    let mode_rows = Signal::derive(move || {
        runs.with(|runs| {
            modes
                .iter()
                .filter_map(|m| {
                    let times = runs.iter().filter(|r| r.mode == *m).map(|r| r.outcome.compute_ms.unwrap_or(r.wall_ms));
                    Summary::of(times).map(|s| (m.label.to_string(), s))
                })
                .collect::<Vec<_>>()
        })
    });
    let progress = move || {
        redraw.track();
        match status.get() {
            Status::Running { mode, done, total } => {
                let chunks = live
                    .chunks
                    .get()
                    .map(|all| format!(", {} of {all} chunks", BOARD.chunks_done().min(all)))
                    .unwrap_or_default();
                format!(
                    "Running {} ({} of {total}){chunks}, {:.1} s…",
                    mode.label,
                    done + 1,
                    (clock::now_ms() - origin.get_untracked()) / 1000.0
                )
            }
            Status::Stopped(why) => why,
            Status::Idle => String::new(),
        }
    };
    let fraction = move || match (status.get(), live.chunks.get()) {
        (Status::Running { .. }, Some(all)) if all > 0 => {
            redraw.track();
            Some(BOARD.chunks_done().min(all) as f64 / all as f64)
        }
        _ => None,
    };

    let environment = shared.engine;

    view! {
        <article class="experiment" data-experiment=slug>
            <h1>{experiment.about().title}</h1>
            <div class="explain">{experiment.about().explanation.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}</div>

            <form class="controls" on:submit=move |ev| { ev.prevent_default(); start(vec![mode.get_untracked()]) }>
                {knobs.iter().zip(knob_texts.get_value()).map(|(knob, text)| view! {
                    <label>
                        <span>{knob.label}</span>
                        <input type="text" name=knob.key bind:value=text aria-describedby=format!("{slug}-errors")
                            inputmode=if matches!(knob.kind, super::kit::KnobKind::Whole { .. }) { "numeric" } else { "text" } />
                    </label>
                }).collect_view()}
                <label>
                    <span>"Repeats"</span>
                    <input type="text" inputmode="numeric" name="repeats" bind:value=repeats_text />
                </label>
                <fieldset class="modes">
                    <legend>"Mode"</legend>
                    {modes.iter().map(|m| {
                        let m = *m;
                        view! {
                            <label class="mode">
                                <input type="radio" name="mode" value=m.id prop:checked=move || mode.get() == m on:change=move |_| mode.set(m) />
                                <span><strong>{m.label}</strong> " " <small>{m.explanation}</small>
                                    {(about.mode_needs_threads(m) && !environment.environment.get_value().cross_origin_isolated)
                                        .then(|| view! { <small class="needs-threads">" Needs threads, which this page does not have."</small> })}
                                </span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="actions">
                    <button type="submit" class="primary" disabled=busy>"Run"</button>
                    {(modes.len() > 1).then(|| view! {
                        <button type="button" name="run-all" disabled=busy on:click=move |_| start(modes.to_vec())>"Run every mode"</button>
                    })}
                    <button type="button" name="cancel" disabled=move || !running_here() on:click=cancel>"Cancel"</button>
                    <button type="button" name="clear" disabled=move || running_here() || runs.with(Vec::is_empty) on:click=move |_| runs.set(Vec::new())>"Clear results"</button>
                </div>
            </form>

            <ShareLink experiment state />

            <div id=format!("{slug}-errors") class="errors" role="alert">
                <For each=move || errors.get() key=|e| e.clone() let:message>
                    <p class="error">{message}</p>
                </For>
            </div>
            {move || other_running().map(|e| view! {
                <p class="note" data-testid="other-running">{format!("“{}” is running; its run must end before this one can start.", e.about().title)}</p>
            })}
            <div class="status-row">
                <p class="status" role="status" aria-live="polite" data-testid="status">{progress}</p>
                {move || fraction().map(|f| view! { <progress max="1" value=f></progress> })}
            </div>

            <section class="results" aria-label="Results">
                <Show when=move || shown.with(Option::is_some)>
                    <Output runs live status />
                    <TimelineChart lanes span_ms=span caption="Timeline of the run (rows: timers, work, and each thread's chunks)" />
                    <FrameGapChart gaps span_ms=span />
                </Show>
                <Show when=move || mode_rows.with(|r| !r.is_empty())>
                    <ModeBars rows=mode_rows caption="Time per mode: median bar, min–max whisker (compute time where measured, else wall time)" />
                </Show>
                {move || speedup(&runs.get()).map(|(s, threads)| view! {
                    <p class="speedup" data-testid="speedup" data-speedup=format!("{:.3}", s.speedup) data-threads=threads>
                        {format!("Rayon pool vs one thread: {:.2}× faster on {threads} threads, {:.0}% of the ideal {threads}× (medians).", s.speedup, s.efficiency * 100.0)}
                    </p>
                })}
                <RunTable runs />
                <Show when=move || runs.with(|r| !r.is_empty())>
                    <div class="actions">
                        <button type="button" name="download-json" on:click=move |_| download::runs_json(experiment, &runs.get_untracked(), environment)>"Download JSON"</button>
                        <button type="button" name="download-csv" on:click=move |_| download::runs_csv(experiment, &runs.get_untracked(), environment)>"Download CSV"</button>
                    </div>
                </Show>
            </section>

            {experiment.cpu_task(&Values::defaults(knobs)).is_some().then(|| view! {
                <ScalingPanel experiment engine=environment read_values=move || read_values(&[]) errors running=shared.running />
            })}

            <details class="source">
                <summary>{format!("The Rust that runs: {}", experiment.about().source_name)}</summary>
                <pre><code>{experiment.about().source}</code></pre>
            </details>
        </article>
    }
}

/// The latest output: the printed lines of the run in progress, or the last result.
#[component]
fn Output(runs: RwSignal<Vec<RunRecord>>, live: Live, status: RwSignal<Status>) -> impl IntoView {
    let lines = move || live.log.get();
    let last =
        move || if matches!(status.get(), Status::Running { .. }) { None } else { runs.with(|r| r.last().cloned()) };
    view! {
        <div class="output">
            <pre class="log" data-testid="log">{move || lines().join("\n")}</pre>
            {move || last().map(|r| view! {
                <p class="answer" data-testid="answer" data-result=r.outcome.result.clone()
                    data-matches-seed=r.outcome.matches_seed.map(|m| m.to_string())>
                    "Result: " <strong>{r.outcome.result.clone()}</strong>
                    {match r.outcome.matches_seed {
                        Some(true) => " (matches the seed program)",
                        Some(false) => " (differs from the seed program!)",
                        None => "",
                    }}
                </p>
            })}
        </div>
    }
}

#[component]
fn RunTable(runs: RwSignal<Vec<RunRecord>>) -> impl IntoView {
    let figure_names = move || {
        let mut names: Vec<&'static str> = Vec::new();
        runs.with(|runs| {
            for r in runs {
                for (n, _) in &r.outcome.figures {
                    if !names.contains(n) {
                        names.push(n)
                    }
                }
            }
        });
        names
    };
    view! {
        <Show when=move || runs.with(|r| !r.is_empty())>
            <div class="table-scroll">
            <table class="runs">
                <caption>"Every run"</caption>
                <thead><tr>
                    <th scope="col">"#"</th><th scope="col">"Mode"</th><th scope="col">"Parameters"</th><th scope="col">"Result"</th>
                    <th scope="col">"Threads"</th><th scope="col">"Compute"</th><th scope="col">"Wall"</th><th scope="col">"Longest frame gap"</th>
                    {move || figure_names().into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {move || {
                        let names = figure_names();
                        runs.get().into_iter().rev().map(|run| {
                            let figures = names.iter().map(|n| run.outcome.figures.iter().find(|f| f.0 == *n).map(|f| f.1.clone()).unwrap_or_default()).collect::<Vec<_>>();
                            view! {
                                <tr data-testid="run" data-mode=run.mode.id data-result=run.outcome.result.clone()
                                    data-compute-ms=run.outcome.compute_ms.map(|c| format!("{c:.3}"))
                                    data-wall-ms=format!("{:.3}", run.wall_ms)
                                    data-frame-gap-ms=run.frame_gap_ms.map(|g| format!("{g:.1}"))
                                    data-matches-seed=run.outcome.matches_seed.map(|m| m.to_string())
                                    data-hidden=run.hidden.to_string()>
                                    <td>
                                        {run.number}
                                        {run.hidden.then(|| view! {
                                            <span class="hidden-mark" title="Measured while the tab was in the background: timers were throttled">" (tab hidden)"</span>
                                        })}
                                    </td>
                                    <td>{run.mode.label}</td>
                                    <td class="params">{run.values.display()}</td>
                                    <td class="result">{run.outcome.result.clone()}</td>
                                    <td>{run.outcome.threads}</td>
                                    <td>{run.outcome.compute_ms.map_or("–".into(), |c| format!("{c:.1} ms"))}</td>
                                    <td>{format!("{:.1} ms", run.wall_ms)}</td>
                                    <td class:frozen=run.frame_gap_ms.is_some_and(|g| g >= 50.0)>{run.frame_gap_ms.map_or("–".into(), |g| format!("{g:.0} ms"))}</td>
                                    {figures.into_iter().map(|f| view! { <td>{f}</td> }).collect_view()}
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
            </div>
        </Show>
    }
}

/// The link to what is on screen, a button that copies it, and the run flag.
#[component]
fn ShareLink(experiment: &'static dyn Experiment, state: PageState) -> impl IntoView {
    let start_at_once = RwSignal::new(false);
    let copied = RwSignal::new(String::new());
    let link = Memo::new(move |_| {
        let autorun = start_at_once.get().then_some(Autorun::Mode);
        address_bar::address_with(&address_bar::query_string(&scenario::pairs(experiment, &state.get(), autorun)))
    });
    let input = NodeRef::<leptos::html::Input>::new();
    let copy = move |_| {
        let text = link.get_untracked();
        copied.set("Copying…".into());
        // navigator.clipboard is missing outside secure contexts: check before calling it.
        let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into())
            .ok()
            .filter(|c| c.is_object())
            .map(|c| c.unchecked_into::<web_sys::Clipboard>());
        leptos::task::spawn_local(async move {
            let done = match clipboard {
                Some(clipboard) => wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await.map(drop),
                None => Err(wasm_bindgen::JsValue::NULL),
            };
            copied.set(match done {
                Ok(_) => "Link copied.".into(),
                Err(_) => {
                    // Clipboard refused (no permission, not https): select it for Ctrl+C instead.
                    if let Some(input) = input.get_untracked() {
                        input.select();
                    }
                    "This browser did not allow copying: the link is selected, press Ctrl+C (⌘C).".into()
                }
            });
        });
    };
    Effect::new(move |_| {
        let _ = link.get(); // a changed link is not the copied one (get: a lazy Memo must be read)
        copied.set(String::new());
    });
    view! {
        <div class="share">
            <label class="share-link">
                <span>"Link to this scenario"</span>
                <input type="text" readonly name="share-link" node_ref=input prop:value=link
                    on:focus=move |ev| { let _ = event_target::<web_sys::HtmlInputElement>(&ev).select(); } />
            </label>
            <button type="button" name="copy-link" on:click=copy>"Copy link"</button>
            <label class="start-at-once">
                <input type="checkbox" name="start-at-once" bind:checked=start_at_once />
                " Start the run when the link is opened"
            </label>
            <span class="copied" role="status" data-testid="copied">{move || copied.get()}</span>
        </div>
    }
}
