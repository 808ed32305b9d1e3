//! The form of an experiment's page: its knobs, repeats, modes, and the buttons.

use crate::run::page_state::PageState;
use crate::run::runner::Runner;
use leptos::prelude::*;
use playground_lab::catalogue::{About, Mode};

#[component]
pub fn Controls(about: &'static About, runner: Runner, state: PageState, isolated: bool) -> impl IntoView {
    let (mode, modes) = (state.mode, about.modes);
    let knob_inputs = about
        .knobs
        .iter()
        .zip(state.knobs.get_value())
        .map(|(knob, text)| {
            view! {
                <label>
                    <span>{knob.label}</span>
                    <input type="text" name=knob.key bind:value=text aria-describedby=format!("{}-errors", about.slug)
                        inputmode=if knob.is_number() { "numeric" } else { "text" } />
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="controls" on:submit=move |ev| { ev.prevent_default(); runner.start(vec![mode.get_untracked()]) }>
            {knob_inputs}
            <label>
                <span>"Repeats"</span>
                <input type="text" inputmode="numeric" name="repeats" bind:value=state.repeats />
            </label>
            <fieldset class="modes">
                <legend>"Mode"</legend>
                {modes.iter().map(|m| view! { <ModeChoice about mode=*m chosen=mode isolated /> }).collect_view()}
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || runner.busy()>"Run"</button>
                {(modes.len() > 1).then(|| view! {
                    <button type="button" name="run-all" disabled=move || runner.busy() on:click=move |_| runner.start(modes.to_vec())>"Run every mode"</button>
                })}
                <button type="button" name="cancel" disabled=move || !runner.running_here() on:click=move |_| runner.cancel()>"Cancel"</button>
                <button type="button" name="clear" disabled=move || runner.running_here() || runner.runs.with(Vec::is_empty)
                    on:click=move |_| runner.clear()>"Clear results"</button>
            </div>
        </form>
    }
}

/// One mode's radio button, with its explanation and, without threads, a note.
#[component]
fn ModeChoice(about: &'static About, mode: Mode, chosen: RwSignal<Mode>, isolated: bool) -> impl IntoView {
    view! {
        <label class="mode">
            <input type="radio" name="mode" value=mode.id prop:checked=move || chosen.get() == mode on:change=move |_| chosen.set(mode) />
            <span><strong>{mode.label}</strong> " " <small>{mode.explanation}</small>
                {(about.mode_needs_threads(mode) && !isolated)
                    .then(|| view! { <small class="needs-threads">" Needs threads, which this page does not have."</small> })}
            </span>
        </label>
    }
}
