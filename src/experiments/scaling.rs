//! The speedup curve: the same CPU job on one worker, then on rayon pools of
//! 1, 2, … threads, with the ideal line and an Amdahl's-law fit.

use super::Experiment;
use super::kit::Values;
use crate::bridge;
use crate::charts::SpeedupChart;
use crate::engine::Engine;
use crate::jobs::{Job, JobError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_kernels::stats::{Summary, amdahl_fit};

/// Measured compute times at one pool size.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolSamples {
    pub threads: usize,
    pub times_ms: Vec<f64>,
}

/// (threads, median speedup, lowest, highest) against the median one-worker time.
pub fn speedups(baseline: &[f64], pools: &[PoolSamples]) -> Vec<(usize, f64, f64, f64)> {
    let Some(base) = Summary::of(baseline.iter().copied()) else { return Vec::new() };
    pools
        .iter()
        .filter_map(|p| {
            let s = Summary::of(p.times_ms.iter().copied())?;
            Some((p.threads, base.median / s.median, base.median / s.max, base.median / s.min))
        })
        .collect()
}

#[component]
pub fn ScalingPanel(
    experiment: &'static dyn Experiment,
    engine: Engine,
    /// Reads the knobs; `Err` holds the messages to show.
    read_values: impl Fn() -> Result<(Values, u64), Vec<String>> + Copy + Send + Sync + 'static,
    errors: RwSignal<Vec<String>>,
    /// The app's one-run-at-a-time slot (see `Shared::running`).
    running: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let baseline = RwSignal::new(Vec::<f64>::new());
    let pools = RwSignal::new(Vec::<PoolSamples>::new());
    let note = RwSignal::new(String::new());
    let max_threads = engine.environment.get_value().pool_threads();

    let measure = move |_| {
        let (values, repeats) = match read_values() {
            Ok(ok) => ok,
            Err(messages) => return errors.set(messages),
        };
        let Some(task) = experiment.cpu_task(&values) else { return };
        if let Some(reason) = engine.not_ready_reason() {
            return errors.set(vec![format!("Cannot measure yet: {reason}.")]);
        }
        if running.get_untracked().is_some() {
            return errors.set(vec!["Another run is going; wait for it or cancel it first.".into()]);
        }
        errors.set(Vec::new());
        running.set(Some(experiment.about().slug));
        baseline.set(Vec::new());
        pools.set(Vec::new());
        let repeats = repeats.max(3) as usize;
        spawn_local(async move {
            let result: Result<(), JobError> = async {
                for i in 0..repeats {
                    note.set(format!("One worker, run {} of {repeats}…", i + 1));
                    let job = Job { task: task.clone(), parallel: false, pool_threads: None };
                    let out = bridge::run(job, bridge::Mode::Worker).await?;
                    baseline.update(|b| b.push(out.kernel_ms));
                }
                for threads in 1..=max_threads {
                    for i in 0..repeats {
                        note.set(format!("Pool of {threads} thread(s), run {} of {repeats}…", i + 1));
                        let out = bridge::run_on_pool_of(task.clone(), threads).await?;
                        pools.update(|p| match p.iter_mut().find(|p| p.threads == threads) {
                            Some(p) => p.times_ms.push(out.kernel_ms),
                            None => p.push(PoolSamples { threads, times_ms: vec![out.kernel_ms] }),
                        });
                    }
                }
                Ok(())
            }
            .await;
            note.set(match result {
                Ok(()) => format!("Done: {repeats} runs at each size, medians with min–max."),
                Err(e) => format!("Stopped: {e}."),
            });
            running.set(None);
        });
    };

    let points = Signal::derive(move || speedups(&baseline.get(), &pools.get()));
    let fit = Signal::derive(move || amdahl_fit(&points.get().iter().map(|p| (p.0 as f64, p.1)).collect::<Vec<_>>()));
    view! {
        <section class="scaling" aria-label="Speedup curve">
            <h2>"Speedup curve"</h2>
            <p>
                "The same job on one web worker, then with rayon on pools of 1 to " {max_threads}
                " threads (this browser reports " {engine.environment.get_value().hardware_concurrency}
                " logical cores). Each point is the one-worker median divided by the pool's median; the dashed line is "
                "perfect scaling, the curve is Amdahl's law fitted to the points."
            </p>
            <button type="button" name="measure-scaling" disabled=move || running.get().is_some() on:click=measure>
                "Measure the speedup curve"
            </button>
            <p class="status" role="status" aria-live="polite" data-testid="scaling-status">{move || note.get()}</p>
            <Show when=move || !points.with(Vec::is_empty)>
                <SpeedupChart points fit max_threads />
                <p class="speedup" data-testid="amdahl" data-parallel-fraction=move || fit.get().map(|p| format!("{p:.4}"))>
                    {move || fit.get().map(|p| format!(
                        "Amdahl fit: {:.1}% of the work runs in parallel, so no number of threads can beat {:.1}×.",
                        p * 100.0, if p >= 1.0 { f64::INFINITY } else { 1.0 / (1.0 - p) }))}
                </p>
            </Show>
        </section>
    }
}
