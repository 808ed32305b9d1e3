//! The speedup curve: the same CPU job on one worker, then on rayon pools of
//! 1, 2, … threads, with the ideal line and an Amdahl's-law fit.

use crate::bridge::{self, Placement};
use crate::experiments::Experiment;
use crate::run::engine::Engine;
use crate::run::runner::Runner;
use crate::views::charts::{Series, SpeedupChart};
use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_kernels::stats::amdahl_fit;
use playground_lab::figures::{CurvePoint, PoolSamples, add_sample, speedup_curve};
use playground_lab::jobs::{Job, JobError, Task};

/// Where the measurements go as they come in. Created by the page, which also shares
/// the curve in its results links.
#[derive(Clone, Copy)]
pub struct Samples {
    baseline: RwSignal<Vec<f64>>,
    pools: RwSignal<Vec<PoolSamples>>,
    note: RwSignal<String>,
}

impl Samples {
    pub fn new() -> Self {
        Samples {
            baseline: RwSignal::new(Vec::new()),
            pools: RwSignal::new(Vec::new()),
            note: RwSignal::new(String::new()),
        }
    }

    /// The speedup curve so far (tracked).
    pub fn curve(&self) -> Vec<CurvePoint> {
        speedup_curve(&self.baseline.get(), &self.pools.get())
    }
}

/// `repeats` runs of `task` on one worker, then at every pool size up to `max_threads`.
async fn measure(task: Task, repeats: usize, max_threads: usize, samples: Samples) -> Result<(), JobError> {
    for i in 0..repeats {
        samples.note.set(format!("One worker, run {} of {repeats}…", i + 1));
        // Each job timed on a settled page, as a run is: the chart's redraw for the
        // previous point is not in it.
        crate::browser::clock::settled().await;
        let out = bridge::run(Job::sequential(task.clone()), Placement::Worker).await?;
        samples.baseline.update(|b| b.push(out.kernel_ms));
    }
    for threads in 1..=max_threads {
        for i in 0..repeats {
            samples.note.set(format!("Pool of {threads} thread(s), run {} of {repeats}…", i + 1));
            crate::browser::clock::settled().await;
            let out = bridge::run_on_pool_of(task.clone(), threads).await?;
            samples.pools.update(|p| add_sample(p, threads, out.kernel_ms));
        }
    }
    Ok(())
}

#[component]
pub fn ScalingPanel(
    experiment: &'static dyn Experiment,
    runner: Runner,
    engine: Engine,
    samples: Samples,
) -> impl IntoView {
    let max_threads = engine.environment.get_value().pool_threads();

    let start = move |_| {
        let Some((values, repeats)) = runner.begin_measuring() else { return };
        let Some(task) = experiment.cpu_task(&values) else { return runner.release() };
        samples.baseline.set(Vec::new());
        samples.pools.set(Vec::new());
        let repeats = repeats.max(3) as usize;
        spawn_local(async move {
            samples.note.set(match runner.quietly(measure(task, repeats, max_threads, samples)).await {
                Ok(()) => format!("Done: {repeats} runs at each size, medians with min–max."),
                Err(e) => format!("Stopped: {e}."),
            });
            runner.release();
        });
    };

    let points = Signal::derive(move || samples.curve());
    let series = Signal::derive(move || vec![Series { name: String::new(), points: points.get() }]);
    let fit = Signal::derive(move || {
        amdahl_fit(&points.get().iter().map(|p| (p.threads as f64, p.speedup)).collect::<Vec<_>>())
    });
    view! {
        <section class="scaling" aria-label="Speedup curve">
            <h2>"Speedup curve"</h2>
            <p>
                "The same job on one web worker, then with rayon on pools of 1 to " {max_threads}
                " threads (this browser reports " {engine.environment.get_value().hardware_concurrency}
                " logical cores). Each point is the one-worker median divided by the pool's median; the dashed line is "
                "perfect scaling, the curve is Amdahl's law fitted to the points."
            </p>
            <button type="button" name="measure-scaling" disabled=move || runner.busy() on:click=start>
                "Measure the speedup curve"
            </button>
            <p class="status" role="status" aria-live="polite" data-testid="scaling-status">{move || samples.note.get()}</p>
            <Show when=move || !points.with(Vec::is_empty)>
                <SpeedupChart series fit max_threads=Signal::stored(max_threads) />
                <p class="speedup" data-testid="amdahl" data-parallel-fraction=move || fit.get().map(|p| format!("{p:.4}"))>
                    {move || fit.get().map(|p| format!(
                        "Amdahl fit: {:.1}% of the work runs in parallel, so no number of threads can beat {:.1}×.",
                        p * 100.0, if p >= 1.0 { f64::INFINITY } else { 1.0 / (1.0 - p) }))}
                </p>
            </Show>
        </section>
    }
}
