//! The sweep over sizes: every mode at every size of the experiment's [`Sweep`],
//! repeated, drawn as time against size on log axes.

use crate::experiments::{Experiment, Sweep};
use crate::run::runner::Runner;
use crate::views::charts::{LogLogChart, SizeLine};
use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_kernels::stats::Summary;
use playground_lab::catalogue::Mode;
use playground_lab::figures::sweep_lines;
use playground_lab::jobs::JobError;

/// `repeats` measurements of every mode at every size, smallest sizes first.
async fn measure(
    sweep: &'static Sweep,
    modes: &'static [Mode],
    repeats: usize,
    samples: RwSignal<Vec<(Mode, u64, f64)>>,
    seconds: RwSignal<Vec<(Mode, u64, f64)>>,
    note: RwSignal<String>,
) -> Result<(), JobError> {
    for &size in sweep.sizes {
        for &mode in modes {
            for i in 0..repeats {
                note.set(format!("{} at {}, run {} of {repeats}…", mode.label, (sweep.size_text)(size), i + 1));
                // The chart redrawn with the last point first, so its drawing is not measured.
                crate::browser::clock::settled().await;
                let measured = (sweep.measure)(mode, size).await?;
                samples.update(|s| s.push((mode, size, measured.ms)));
                if let Some(second) = measured.second {
                    seconds.update(|s| s.push((mode, size, second)));
                }
            }
        }
    }
    Ok(())
}

/// "round trip (ms)" → "Round trip (ms)".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| first.to_uppercase().chain(chars).collect())
}

/// The same points as a rate: `amount(size)` per second, the fastest run the highest.
fn as_rates(lines: Vec<SizeLine>, amount: fn(u64) -> f64) -> Vec<SizeLine> {
    let per_second = move |size: u64, ms: f64| amount(size) / (ms.max(1e-6) / 1e3);
    let rate = move |(size, s): (u64, Summary)| {
        let summary = Summary {
            count: s.count,
            median: per_second(size, s.median),
            min: per_second(size, s.max),
            max: per_second(size, s.min),
        };
        (size, summary)
    };
    lines.into_iter().map(|(name, points)| (name, points.into_iter().map(rate).collect())).collect()
}

#[component]
pub fn SweepPanel(experiment: &'static dyn Experiment, sweep: &'static Sweep, runner: Runner) -> impl IntoView {
    let about = experiment.about();
    let samples = RwSignal::new(Vec::<(Mode, u64, f64)>::new());
    let seconds = RwSignal::new(Vec::<(Mode, u64, f64)>::new());
    let note = RwSignal::new(String::new());
    let start = move |_| {
        let Some((_, repeats)) = runner.begin_measuring() else { return };
        let repeats = repeats.max(3) as usize;
        samples.set(Vec::new());
        seconds.set(Vec::new());
        spawn_local(async move {
            note.set(match runner.cancellable(measure(sweep, about.modes, repeats, samples, seconds, note)).await {
                Some(Ok(())) => format!("Done: {repeats} runs of each mode at each size, medians with min–max."),
                Some(Err(e)) => format!("Stopped: {e}."),
                None => "Cancelled: the points measured so far are drawn.".to_string(),
            });
            runner.release();
        });
    };
    let lines_of = move |samples: RwSignal<Vec<(Mode, u64, f64)>>| {
        Signal::derive(move || {
            samples
                .with(|s| sweep_lines(s, about.modes))
                .into_iter()
                .map(|(mode, points)| (mode.label.to_string(), points))
                .collect::<Vec<_>>()
        })
    };
    let lines = lines_of(samples);
    let second_lines = lines_of(seconds);
    let rates = Signal::derive(move || sweep.rate.map(|(_, amount)| as_rates(lines.get(), amount)));
    let drawn = match (sweep.rate, sweep.second) {
        (Some((rate, _)), _) => format!("{} and {rate}", sweep.measured),
        (None, Some(second)) => format!("{} and {second}", sweep.measured),
        (None, None) => sweep.measured.to_string(),
    };
    let sizes = sweep.sizes.iter().map(|s| (sweep.size_text)(*s)).collect::<Vec<_>>().join(", ");
    view! {
        <section class="scaling sweep" aria-label="Across sizes">
            <h2>"Across sizes"</h2>
            <p>{format!("Every mode at {sizes}, each at least three times; {drawn} against {} on log axes.", sweep.size_name)}</p>
            <button type="button" name="measure-sweep" disabled=move || runner.busy() on:click=start>"Measure across sizes"</button>
            <p class="status" role="status" aria-live="polite" data-testid="sweep-status">{move || note.get()}</p>
            <Show when=move || samples.with(|s| !s.is_empty())>
                <LogLogChart lines sizes=sweep.sizes size_text=sweep.size_text
                    caption=format!("{} against {}, per mode (median, min–max whisker)", capitalised(sweep.measured), sweep.size_name) size_name=sweep.size_name measured=sweep.measured />
                {sweep.rate.map(|(name, _)| view! {
                    <LogLogChart lines=Signal::derive(move || rates.get().unwrap_or_default()) sizes=sweep.sizes size_text=sweep.size_text
                        caption=format!("The same as a rate against {}, per mode", sweep.size_name) size_name=sweep.size_name measured=name />
                })}
                {sweep.second.map(|name| view! {
                    <LogLogChart lines=second_lines sizes=sweep.sizes size_text=sweep.size_text
                        caption=format!("{} against {}, per mode: the other side of the trade-off", capitalised(name), sweep.size_name) size_name=sweep.size_name measured=name />
                })}
            </Show>
        </section>
    }
}
