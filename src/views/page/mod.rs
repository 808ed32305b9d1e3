//! The page every experiment gets: explanation (the built page's, see
//! [`playground_lab::static_pages`]), controls, status, results, the
//! speedup curve for CPU experiments, what ran (against the seed's program), and the
//! source of the code that runs. Running
//! is the runner's ([`crate::run::runner`]), made a step after the first screen; these
//! components lay out and draw.

mod breakdown_panel;
mod cards;
mod controls;
mod predict_panel;
mod results;
mod scaling_panel;
mod share_link;
mod share_results;
mod side_by_side;
mod source_panel;
mod sweep_panel;
mod verdict_card;
mod what_ran;

use crate::browser::page_templates::fill_from_template;
use crate::experiments::Experiment;
use crate::run::handles::AppHandles;
use crate::run::mount_stages::{BELOW, CONTROLS, Later, RESULTS};
use crate::run::page_state::PageState;
use crate::run::runner::use_runner;
use cards::Cards;
use controls::Controls;
use leptos::prelude::*;
use playground_lab::knobs::Values;
use playground_lab::static_pages::{explain_compact_template, explain_template};
use predict_panel::PredictPanel;
use results::Results;
use scaling_panel::{Samples, ScalingPanel};
use share_link::ShareLink;
use source_panel::SourcePanel;
use sweep_panel::SweepPanel;
use what_ran::WhatRanBlock;

#[component]
pub fn ExperimentPage(experiment: &'static dyn Experiment, handles: AppHandles, state: PageState) -> impl IntoView {
    let about = experiment.about();
    if let Some(cards) = experiment.cards() {
        return view! {
            <article class="experiment" data-experiment=about.slug>
                <h1>{about.title}</h1>
                <Explanation slug=about.slug />
                // What ran after the cards, as on every page: it may arrive after them.
                <Later step=CONTROLS>
                    <Cards cards />
                    <WhatRanBlock slug=about.slug />
                </Later>
            </article>
        }
        .into_any();
    }
    view! {
        <article class="experiment" data-experiment=about.slug>
            <h1>{about.title}</h1>
            <Explanation slug=about.slug />
            <CompactExplanation slug=about.slug />
            // The runner too a step after the first screen: its signals and effects are
            // about a third of what the page's first task would otherwise build.
            <Later step=CONTROLS>
                <RunnablePage experiment handles state />
            </Later>
        </article>
    }
    .into_any()
}

/// What an experiment with runs adds under its words: the controls, then a step later the
/// results, then the panels below.
#[component]
fn RunnablePage(experiment: &'static dyn Experiment, handles: AppHandles, state: PageState) -> impl IntoView {
    let about = experiment.about();
    let runner = use_runner(experiment, handles, state);
    let errors = runner.errors;
    let is_cpu = experiment.cpu_task(&Values::defaults(about.knobs)).is_some();
    let scaling = Samples::new();
    view! {
        <PredictPanel about runner state on=handles.predict />
        <Controls about runner state isolated=handles.engine.environment.get_value().cross_origin_isolated />
        <label class="predict-toggle">
            <input type="checkbox" name="predict" bind:checked=handles.predict />
            " Predict before running (a question, graded from the measurement)"
        </label>
        <ShareLink about state />
        <div id=format!("{}-errors", about.slug) class="errors" role="alert">
            <For each=move || errors.get() key=|e| e.clone() let:message>
                <p class="error">{message}</p>
            </For>
        </div>
        {move || runner.other_running().map(|e| view! {
            <p class="note" data-testid="other-running">{format!("“{}” is running; its run must end before this one can start.", e.about().title)}</p>
        })}
        <div class="status-row">
            <p class="status" role="status" aria-live="polite" data-testid="status">{move || runner.progress_text()}</p>
            {move || runner.fraction_done().map(|f| view! { <progress max="1" value=f></progress> })}
        </div>
        {move || runner.live_freeze().map(|(ms, blocking)| view! {
            <p class="notice warn" role="status" data-testid="freeze-warning" data-freeze-ms=format!("{ms:.0}")>
                {if blocking {
                    format!("This run held the main thread for {ms:.0} ms: no frame could be drawn meanwhile, and clicks and keys waited.")
                } else {
                    format!("The page went {ms:.0} ms without a frame during this run, although this mode leaves the main thread free: something else held it.")
                }}
            </p>
        })}
        <Later step=RESULTS>
            <Results about runner engine=handles.engine curve=Signal::derive(move || scaling.curve()) comparison=handles.comparison />
        </Later>
        <Later step=BELOW>
            {is_cpu.then(|| view! { <ScalingPanel experiment runner engine=handles.engine samples=scaling /> })}
            {experiment.sweep().map(|sweep| view! { <SweepPanel experiment sweep runner /> })}
            <WhatRanBlock slug=about.slug />
            <SourcePanel sources=about.sources />
        </Later>
    }
}

/// The explanation, as the built page publishes it (the site build's templates); where
/// the page has none (a test page), it says so instead of showing nothing.
#[component]
fn Explanation(slug: &'static str) -> impl IntoView {
    let slot = NodeRef::new();
    fill_from_template(slot, explain_template(slug), true);
    view! { <div class="explain" node_ref=slot></div> }
}

/// The explanation's first sentences, for a phone's first screen (the style sheet shows
/// one or the other).
#[component]
fn CompactExplanation(slug: &'static str) -> impl IntoView {
    let slot = NodeRef::new();
    fill_from_template(slot, explain_compact_template(slug), false);
    view! { <div class="explain-compact" node_ref=slot></div> }
}
