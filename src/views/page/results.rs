//! The results of an experiment's page: the printed output, the charts of the run in
//! progress or the latest one, the time per mode, the pool's speedup, the table of
//! every run, and the downloads.

use super::breakdown_panel::BreakdownPanel;
use super::share_results::{ShareResults, shared_result};
use super::side_by_side::{SideBySide, multiples};
use super::verdict_card::VerdictCard;
use crate::browser::download;
use crate::run::engine::Engine;
use crate::run::handles::Comparison;
use crate::run::runner::Runner;
use crate::views::charts::{FrameGapChart, LineChart, ModeBars, TimelineChart};
use leptos::prelude::*;
use playground_lab::catalogue::{About, Role};
use playground_lab::figures::{CurvePoint, PoolSpeedup, mode_summaries, pool_speedup};
use playground_lab::records::RunRecord;
use playground_lab::thresholds::FROZEN_FRAME_GAP_MS;
use playground_lab::verdict::{above_ideal, with_spread};
use playground_lab::{costs, export, service, trace, twins};

#[component]
pub fn Results(
    about: &'static About,
    runner: Runner,
    engine: Engine,
    #[prop(into)] curve: Signal<Vec<CurvePoint>>,
    comparison: Comparison,
) -> impl IntoView {
    let runs = runner.runs;
    // What the person calls this device, for the results link and the JSON download alike.
    let device_name = RwSignal::new(String::new());
    let shown = Memo::new(move |_| runner.shown());
    let lanes = Signal::derive(move || shown.get().map(|s| s.lanes).unwrap_or_default());
    let gaps = Signal::derive(move || shown.get().map(|s| s.frame_gaps).unwrap_or_default());
    let span = Signal::derive(move || shown.get().map_or(1.0, |s| s.span_ms));
    let plots = Signal::derive(move || shown.get().map(|s| s.plots).unwrap_or_default());
    // Charts are made when their number changes, and redrawn in place as their lines grow.
    let plot_count = Memo::new(move |_| plots.with(Vec::len));
    let hello_by_mode = Memo::new(move |_| runs.with(|r| service::hello_by_mode(r)));
    // One-line charts (a cost per unit, a queue over time) of every mode on one chart.
    let plots_by_mode = Memo::new(move |_| runs.with(|r| costs::plots_by_mode(r)));
    let mode_rows = Signal::derive(move || {
        runs.with(|runs| {
            mode_summaries(runs, about.modes)
                .into_iter()
                .map(|(m, s)| (format!("{} ({} run{})", m.label, s.count, if s.count == 1 { "" } else { "s" }), s))
                .collect::<Vec<_>>()
        })
    });
    // After runs of several modes, each mode's charts side by side replace the latest run's.
    let multiples = Memo::new(move |_| runs.with(|r| multiples(r)));
    let single_charts = move || runner.is_running() || multiples.with(Vec::is_empty);
    let latest = Signal::derive(move || if runner.is_running() { None } else { runs.with(|r| r.last().cloned()) });
    view! {
        <section class="results" aria-label="Results">
            <Show when=move || shown.with(Option::is_some)>
                <Output runner />
            </Show>
            <VerdictCard about runs engine />
            {move || runs.with(|r| twins::comparison(r)).map(|text| view! {
                <p class="notice twin-note" data-testid="twin-note">{text}</p>
            })}
            <Show when=move || shown.with(Option::is_some) && single_charts()>
                <TimelineChart lanes span_ms=span caption="Timeline of the run (rows: timers, work, and each thread's chunks)" />
                <FrameGapChart gaps span_ms=span />
            </Show>
            <Show when=move || !single_charts()>
                <SideBySide runs=multiples />
            </Show>
            {move || (0..plot_count.get()).map(|i| view! {
                <LineChart plot=Signal::derive(move || plots.with(|p| p.get(i).cloned().unwrap_or_default())) />
            }).collect_view()}
            {move || hello_by_mode.get().map(|plot| view! { <LineChart plot=Signal::stored(plot) /> })}
            {move || plots_by_mode.get().into_iter().map(|plot| view! { <LineChart plot=Signal::stored(plot) /> }).collect_view()}
            <BreakdownPanel run=latest />
            <Show when=move || mode_rows.with(|r| !r.is_empty())>
                <ModeBars rows=mode_rows caption=mode_bars_caption(&runs.get_untracked()) />
            </Show>
            {move || runs.with(|r| pool_speedup(r)).map(|s| view! {
                <p class="speedup" data-testid="speedup" data-speedup=format!("{:.3}", s.speedup.speedup) data-threads=s.threads>
                    {speedup_text(&s, about)}
                </p>
            })}
            {(!engine.environment.get_value().optimised_build).then(|| view! {
                <p class="notice warn" data-testid="debug-build-timings">
                    "Debug build: these timings are tens of times too slow (see the note at the top of the page)."
                </p>
            })}
            <RunTable runs />
            <Downloads about runs engine curve device_name />
            <ShareResults about runs engine curve comparison name=device_name />
        </section>
    }
}

/// The speedup in words, naming its modes and how many runs are behind each median.
fn speedup_text(s: &PoolSpeedup, about: &About) -> String {
    let (x, n) = (s.speedup.speedup, s.threads);
    let label = |role| about.mode_with_role(role).map_or("", |m| m.label);
    let (parallel, baseline) = (label(Role::Parallel), label(Role::Baseline));
    let mut text = format!(
        "{parallel} on {n} threads against {baseline} (the sequential code): {x:.2}× faster, {:.0} % of the ideal \
         {n}×. {baseline}: {}; {parallel}: {}.",
        s.speedup.efficiency * 100.0,
        with_spread(&s.baseline),
        with_spread(&s.parallel)
    );
    if s.speedup.efficiency > 1.0 {
        text.push_str(&above_ideal(s));
    }
    text
}

/// What a download button saves.
#[derive(Clone, Copy)]
enum File {
    /// Everything: runs with their events and chunks, and the environment.
    Json,
    /// One row a run.
    Csv,
    /// A Chrome Trace Event file for Perfetto and chrome://tracing.
    Trace,
}

/// The runs as files.
#[component]
fn Downloads(
    about: &'static About,
    runs: RwSignal<Vec<RunRecord>>,
    engine: Engine,
    curve: Signal<Vec<CurvePoint>>,
    device_name: RwSignal<String>,
) -> impl IntoView {
    let save = move |file: File| {
        let (env, pool) = (engine.environment.get_value(), engine.pool.get_untracked());
        let slug = about.slug;
        runs.with_untracked(|runs| match file {
            File::Json => download::save(
                &format!("{slug}-runs.json"),
                &export::runs_json(
                    slug,
                    runs,
                    &env,
                    &pool,
                    shared_result(about, runs, engine, &curve.get_untracked(), &device_name.get_untracked()).as_ref(),
                ),
                "application/json",
            ),
            File::Csv => {
                download::save(&format!("{slug}-runs.csv"), &export::runs_csv(slug, runs, &env, &pool), "text/csv")
            }
            File::Trace => {
                download::save(&format!("{slug}-trace.json"), &trace::chrome_trace(slug, runs), "application/json")
            }
        });
    };
    view! {
        <Show when=move || runs.with(|r| !r.is_empty())>
            <div class="actions">
                <button type="button" name="download-json" on:click=move |_| save(File::Json)>"Download JSON"</button>
                <button type="button" name="download-csv" on:click=move |_| save(File::Csv)>"Download CSV"</button>
                <button type="button" name="download-trace" data-testid="export-trace" on:click=move |_| save(File::Trace)
                    title="A Chrome Trace Event file: open it in ui.perfetto.dev or chrome://tracing">
                    "Download trace (Perfetto)"
                </button>
            </div>
            <p class="chart-note">
                "The trace opens as a timeline in ui.perfetto.dev or chrome://tracing. Recording in the DevTools "
                "Performance panel? Each run's spans are in its Timings track too."
            </p>
        </Show>
    }
}

/// The latest output: the printed lines of the run in progress, or the last result.
#[component]
fn Output(runner: Runner) -> impl IntoView {
    let last = move || if runner.is_running() { None } else { runner.runs.with(|r| r.last().cloned()) };
    view! {
        <div class="output">
            <pre class="log" data-testid="log" tabindex="0" aria-label="Output">{move || runner.live.log.get().join("\n")}</pre>
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
    let figure_names = move || runs.with(|r| RunRecord::figure_names(r));
    view! {
        <Show when=move || runs.with(|r| !r.is_empty())>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Every run (scrolls sideways)">
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
                        runs.get().into_iter().rev().map(|run| view! { <RunRow run names=names.clone() /> }).collect_view()
                    }}
                </tbody>
            </table>
            </div>
        </Show>
    }
}

/// One run's row; its data attributes are what the tests and the benchmark read.
#[component]
fn RunRow(run: RunRecord, names: Vec<&'static str>) -> impl IntoView {
    let figures = names.iter().map(|n| run.figure(n).to_string()).collect::<Vec<_>>();
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
            <td class:frozen=run.frame_gap_ms.is_some_and(|g| g >= FROZEN_FRAME_GAP_MS)>{run.frame_gap_ms.map_or("–".into(), |g| format!("{g:.0} ms"))}</td>
            {figures.into_iter().map(|f| view! { <td>{f}</td> }).collect_view()}
        </tr>
    }
}

/// What the bars per mode show: the runs' headline (a service's hello p99) if they have
/// one, else time.
fn mode_bars_caption(runs: &[RunRecord]) -> String {
    match runs.last().and_then(|r| r.outcome.headline) {
        Some((name, _)) => format!("{name} per mode: median bar, min–max whisker (lower is better)"),
        None => "Time per mode, runs with the latest parameters: median bar, min–max whisker (compute time where measured, else wall time)".into(),
    }
}
