//! Predict, then run: the page's question before a run, the answer locked in, and the
//! grade once runs made after it hold the measurement. The question and the grading
//! are `playground_lab::predict`'s.

use crate::run::page_state::PageState;
use crate::run::runner::Runner;
use leptos::prelude::*;
use playground_lab::catalogue::About;
use playground_lab::predict::{Answer, Question, question_for};

/// A locked-in prediction: the question, the answer, and how many runs the page had then.
#[derive(Clone, Copy, PartialEq)]
struct Locked {
    question: Question,
    answer: Answer,
    runs_before: usize,
}

fn answer_text(answer: Answer) -> String {
    match answer {
        Answer::Times(x) => format!("{x:.2}× faster"),
        Answer::Freezes(true) => "it will freeze".into(),
        Answer::Freezes(false) => "it will not freeze".into(),
        Answer::Mode(m) => format!("“{}” first", m.label),
    }
}

#[component]
pub fn PredictPanel(about: &'static About, runner: Runner, state: PageState, on: RwSignal<bool>) -> impl IntoView {
    let locked = RwSignal::new(None::<Locked>);
    let question = Memo::new(move |_| question_for(about, state.mode.get()));
    let typed = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let lock = move |answer: Answer| {
        problem.set(None);
        let runs_before = runner.runs.with_untracked(Vec::len);
        locked.set(Some(Locked { question: question.get_untracked(), answer, runs_before }));
    };
    let grade = move || {
        let l = locked.get()?;
        runner.runs.with(|runs| l.question.grade(l.answer, runs.get(l.runs_before..).unwrap_or_default()))
    };
    let choices = move || {
        match question.get() {
        Question::Speedup { .. } => view! {
            <input type="text" inputmode="decimal" name="prediction" placeholder="e.g. 1.8" bind:value=typed />
            <button type="button" name="lock-prediction" on:click=move |_| match Question::read_times(&typed.get_untracked()) {
                Ok(answer) => lock(answer),
                Err(why) => problem.set(Some(why)),
            }>"Lock in"</button>
        }.into_any(),
        Question::Freeze { .. } => view! {
            <button type="button" name="predict-freeze" value="yes" on:click=move |_| lock(Answer::Freezes(true))>"Yes, it will freeze"</button>
            <button type="button" name="predict-freeze" value="no" on:click=move |_| lock(Answer::Freezes(false))>"No, it will not"</button>
        }.into_any(),
        Question::Fastest | Question::Lowest { .. } => about.modes.iter().map(|m| {
            let m = *m;
            view! { <button type="button" name="predict-mode" value=m.id on:click=move |_| lock(Answer::Mode(m))>{m.label}</button> }
        }).collect_view().into_any(),
    }
    };
    view! {
        <Show when=move || on.get()>
            <section class="predict" data-testid="predict" aria-label="Predict, then run">
                {move || match locked.get() {
                    None => view! {
                        <p class="predict-question"><strong>"Predict first: "</strong>{question.get().text()}</p>
                        <div class="predict-choices">{choices}</div>
                        {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                    }.into_any(),
                    Some(l) => view! {
                        <p class="predict-question">
                            {format!("{} You said: {}. ", l.question.text(), answer_text(l.answer))}
                            {if l.question.needs_every_mode() { "Now press Run every mode." } else { "Now press Run." }}
                        </p>
                        {move || grade().map(|g| view! {
                            <p class="predict-grade" class:right=g.right data-testid="prediction-grade" data-right=g.right.to_string()>{g.text}</p>
                        })}
                        <button type="button" name="predict-again" on:click=move |_| locked.set(None)>"Ask again"</button>
                    }.into_any(),
                }}
            </section>
        </Show>
    }
}
