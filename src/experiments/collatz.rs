//! Collatz longest chain below N, three ways: on the main thread, in a web worker,
//! and with rayon on the pool of web workers.

use super::Experiment;
use crate::app::Shared;
use crate::bridge::{self, Mode};
use crate::clock;
use crate::jobs::{Answer, Job, Task};
use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_kernels::collatz::{MAX_LIMIT, MIN_LIMIT};
use playground_kernels::params::{group_thousands, parse_whole};
use playground_kernels::stats::{Speedup, Summary};

pub struct Collatz;

impl Experiment for Collatz {
    fn slug(&self) -> &'static str {
        "collatz"
    }
    fn title(&self) -> &'static str {
        "Collatz longest chain"
    }
    fn summary(&self) -> &'static str {
        "Pure CPU work: find the start below N with the longest Collatz chain, on the main \
         thread, in a worker, and on all cores with rayon."
    }
    fn view(&self, shared: Shared) -> AnyView {
        view! { <CollatzPage shared /> }.into_any()
    }
}

/// On the main thread a run freezes the page for its whole length; beyond this
/// that is seconds, so larger N is for the worker modes.
const MAX_MAIN_THREAD_LIMIT: u64 = 5_000_000;
const MAX_REPEATS: u64 = 20;

#[derive(Clone, Debug, PartialEq)]
struct Run {
    number: usize,
    mode: Mode,
    limit: u64,
    start: u64,
    steps: u32,
    kernel_ms: f64,
    wall_ms: f64,
    /// Longest time the page drew no frame while the run was going.
    frame_gap_ms: Option<f64>,
    threads: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Running { mode: Mode, done: usize, total: usize },
    Failed(String),
}

/// Validated parameters, or one message per bad field.
fn read_params(limit: &str, repeats: &str, modes: &[Mode]) -> Result<(u64, u64), Vec<String>> {
    let limit = parse_whole("N", limit, MIN_LIMIT, MAX_LIMIT);
    let repeats = parse_whole("Repeats", repeats, 1, MAX_REPEATS);
    let mut errors: Vec<String> = [&limit, &repeats].iter().filter_map(|r| r.as_ref().err().cloned()).collect();
    if let Ok(n) = limit {
        if n > MAX_MAIN_THREAD_LIMIT && modes.contains(&Mode::MainThread) {
            errors.push(format!(
                "On the main thread N is limited to {}: more would freeze the page for seconds. \
                 Use a worker mode for larger N.",
                group_thousands(MAX_MAIN_THREAD_LIMIT)
            ));
        }
    }
    match (limit, repeats) {
        (Ok(l), Ok(r)) if errors.is_empty() => Ok((l, r)),
        _ => Err(errors),
    }
}

#[component]
fn CollatzPage(shared: Shared) -> impl IntoView {
    let limit_text = RwSignal::new("1,000,000".to_string());
    let repeats_text = RwSignal::new("3".to_string());
    let mode = RwSignal::new(Mode::Pool);
    let runs = RwSignal::new(Vec::<Run>::new());
    let status = RwSignal::new(Status::Idle);
    let errors = RwSignal::new(Vec::<String>::new());
    let busy = move || matches!(status.get(), Status::Running { .. });

    let start_runs = move |modes: Vec<Mode>| {
        let (limit, repeats) = match read_params(&limit_text.get_untracked(), &repeats_text.get_untracked(), &modes) {
            Ok(params) => params,
            Err(messages) => return errors.set(messages),
        };
        if modes.iter().any(|m| !m.blocks_main_thread()) {
            if let Some(reason) = shared.engine.not_ready_reason() {
                return errors.set(vec![format!("Cannot run off the main thread: {reason}.")]);
            }
        }
        errors.set(Vec::new());
        spawn_local(async move {
            let total = modes.len() * repeats as usize;
            // Interleave the modes so a machine that slows down mid-way affects them alike.
            let plan: Vec<Mode> = (0..repeats).flat_map(|_| modes.iter().copied()).collect();
            for (done, &mode) in plan.iter().enumerate() {
                status.set(Status::Running { mode, done, total });
                let job = Job { task: Task::Collatz { limit }, parallel: false };
                let began = clock::now_ms();
                let output = bridge::run(job, mode).await;
                let wall_ms = clock::now_ms() - began;
                // The frame that ends a main-thread freeze comes after the run.
                clock::next_frame().await;
                let frame_gap_ms = shared.frames.longest_gap_during(began, began + wall_ms);
                match output {
                    Ok(out) => {
                        let Answer::Collatz { start, steps } = out.answer;
                        runs.update(|runs| {
                            runs.push(Run {
                                number: runs.len() + 1,
                                mode,
                                limit,
                                start,
                                steps,
                                kernel_ms: out.kernel_ms,
                                wall_ms,
                                frame_gap_ms,
                                threads: out.threads,
                            })
                        });
                    }
                    Err(why) => return status.set(Status::Failed(why)),
                }
            }
            status.set(Status::Idle);
        });
    };

    view! {
        <article class="experiment" data-experiment="collatz">
            <h1>"Collatz longest chain"</h1>
            <div class="explain">
                <p>
                    "Take a number; halve it if it is even, otherwise triple it and add one; repeat until "
                    "you reach 1. Which start below " <var>"N"</var> " takes the most steps? Below 100,000 "
                    "it is 77,031 (350 steps); below a million, 837,799 (524 steps)."
                </p>
                <p>
                    "This is CPU-bound work: there is nothing to wait for, so " <code>"async"</code>
                    " cannot make it faster and cannot keep the page alive while it runs. Only another "
                    "thread can. On the " <strong>"main thread"</strong> " the page freezes: watch the "
                    "dots at the top. In a " <strong>"web worker"</strong> " the same loop runs while the "
                    "page keeps drawing. With " <strong>"rayon"</strong> " the starts are split across a "
                    "pool of workers, one per core, with a one-word change: "
                    <code>"into_par_iter()"</code> "."
                </p>
            </div>

            <form class="controls" on:submit=move |ev| { ev.prevent_default(); start_runs(vec![mode.get_untracked()]) }>
                <label>
                    <span>"N (starts below it are tried)"</span>
                    <input type="text" inputmode="numeric" name="limit" bind:value=limit_text
                        aria-describedby="collatz-errors" />
                </label>
                <label>
                    <span>"Repeats"</span>
                    <input type="text" inputmode="numeric" name="repeats" bind:value=repeats_text
                        aria-describedby="collatz-errors" />
                </label>
                <fieldset class="modes">
                    <legend>"Where it runs"</legend>
                    {Mode::ALL
                        .into_iter()
                        .map(|m| view! {
                            <label class="mode">
                                <input type="radio" name="mode" value=format!("{m:?}")
                                    prop:checked=move || mode.get() == m
                                    on:change=move |_| mode.set(m) />
                                <span><strong>{m.label()}</strong> " " <small>{m.explanation()}</small></span>
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <div class="actions">
                    <button type="submit" class="primary" disabled=busy>"Run"</button>
                    <button type="button" disabled=busy on:click=move |_| start_runs(Mode::ALL.to_vec())>
                        "Run all three modes"
                    </button>
                    <button type="button" disabled=move || busy() || runs.with(Vec::is_empty)
                        on:click=move |_| runs.set(Vec::new())>"Clear results"</button>
                </div>
            </form>

            <div id="collatz-errors" class="errors" role="alert">
                <For each=move || errors.get() key=|e| e.clone() let:message>
                    <p class="error">{message}</p>
                </For>
            </div>
            <p class="status" role="status" aria-live="polite" data-testid="status">
                {move || match status.get() {
                    Status::Idle => String::new(),
                    Status::Running { mode, done, total } => format!("Running {} ({} of {total})…", mode.label(), done + 1),
                    Status::Failed(why) => format!("The run failed: {why}"),
                }}
            </p>

            <Summaries runs />
            <RunTable runs />
        </article>
    }
}

/// Medians per mode for the latest N, and the speedup of the pool over the worker.
#[component]
fn Summaries(runs: RwSignal<Vec<Run>>) -> impl IntoView {
    let rows = move || {
        let runs = runs.get();
        let limit = runs.last()?.limit;
        let of_mode = |mode: Mode| runs.iter().filter(move |r| r.limit == limit && r.mode == mode);
        let summaries: Vec<(Mode, Summary, Option<f64>, usize)> = Mode::ALL
            .into_iter()
            .filter_map(|mode| {
                let kernel = Summary::of(of_mode(mode).map(|r| r.kernel_ms))?;
                let gap = of_mode(mode).filter_map(|r| r.frame_gap_ms).max_by(f64::total_cmp);
                let threads = of_mode(mode).map(|r| r.threads).max().unwrap_or(1);
                Some((mode, kernel, gap, threads))
            })
            .collect();
        let median_of = |m: Mode| summaries.iter().find(|s| s.0 == m).map(|s| (s.1.median, s.3));
        let speedup = match (median_of(Mode::Worker), median_of(Mode::Pool)) {
            (Some((seq, _)), Some((par, threads))) => Speedup::new(seq, par, threads).map(|s| (s, threads)),
            _ => None,
        };
        let answers: Vec<(u64, u32)> = runs.iter().filter(|r| r.limit == limit).map(|r| (r.start, r.steps)).collect();
        let agree = answers.windows(2).all(|w| w[0] == w[1]);
        Some((limit, summaries, speedup, answers[0], agree))
    };
    view! {
        {move || rows().map(|(limit, summaries, speedup, (start, steps), agree)| view! {
            <section class="summary" aria-label="Summary">
                <p class="answer" data-testid="answer" data-start=start data-steps=steps>
                    "Below " {group_thousands(limit)} ", the longest chain starts at "
                    <strong>{group_thousands(start)}</strong> " and takes " <strong>{steps}</strong> " steps."
                    {(!agree).then(|| view! { <span class="error">" The runs disagree: see the table."</span> })}
                </p>
                <table>
                    <caption>"Time per mode for N = " {group_thousands(limit)} " (median, with min–max)"</caption>
                    <thead><tr><th scope="col">"Mode"</th><th scope="col">"Runs"</th><th scope="col">"Compute time"</th><th scope="col">"Longest frame gap"</th></tr></thead>
                    <tbody>
                        {summaries.into_iter().map(|(mode, s, gap, _)| view! {
                            <tr data-mode=format!("{mode:?}")>
                                <th scope="row">{mode.label()}</th>
                                <td>{s.count}</td>
                                <td>{format!("{:.1} ms ({:.1}–{:.1})", s.median, s.min, s.max)}</td>
                                <td>{gap.map_or("–".into(), |g| format!("{g:.0} ms"))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="speedup" data-testid="speedup"
                    data-speedup=speedup.map(|(s, _)| format!("{:.3}", s.speedup))>
                    {match speedup {
                        Some((s, threads)) => format!(
                            "Rayon pool vs web worker: {:.2}× faster on {threads} threads, {:.0}% of the ideal {threads}×.",
                            s.speedup, s.efficiency * 100.0),
                        None => "Run both the web worker and the rayon pool to see the speedup.".to_string(),
                    }}
                </p>
            </section>
        })}
    }
}

#[component]
fn RunTable(runs: RwSignal<Vec<Run>>) -> impl IntoView {
    view! {
        <Show when=move || runs.with(|r| !r.is_empty())>
            <table class="runs">
                <caption>"Every run"</caption>
                <thead>
                    <tr>
                        <th scope="col">"#"</th><th scope="col">"Mode"</th><th scope="col">"N"</th>
                        <th scope="col">"Longest chain"</th><th scope="col">"Threads"</th>
                        <th scope="col">"Compute"</th><th scope="col">"Wall"</th><th scope="col">"Longest frame gap"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || runs.get().into_iter().rev() key=|r| r.number let:run>
                        <tr data-testid="run" data-mode=format!("{:?}", run.mode) data-start=run.start
                            data-steps=run.steps data-kernel-ms=format!("{:.3}", run.kernel_ms)
                            data-frame-gap-ms=run.frame_gap_ms.map(|g| format!("{g:.1}"))>
                            <td>{run.number}</td>
                            <td>{run.mode.label()}</td>
                            <td>{group_thousands(run.limit)}</td>
                            <td>{format!("{} ({} steps)", group_thousands(run.start), run.steps)}</td>
                            <td>{run.threads}</td>
                            <td>{format!("{:.1} ms", run.kernel_ms)}</td>
                            <td>{format!("{:.1} ms", run.wall_ms)}</td>
                            <td class:frozen=run.frame_gap_ms.is_some_and(|g| g >= 50.0)>
                                {run.frame_gap_ms.map_or("–".into(), |g| format!("{g:.0} ms"))}
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </Show>
    }
}
