//! The verdict on the runs so far, above the charts: one sentence and the measured
//! figures behind it, the reasons (diagnoses) with the numbers that triggered them,
//! and the long tasks the browser saw. The words are `playground_lab::verdict`'s;
//! this only lays them out.

use crate::browser::long_tasks;
use crate::run::engine::Engine;
use leptos::prelude::*;
use playground_lab::catalogue::About;
use playground_lab::diagnosis::Context;
use playground_lab::figures::latest_per_mode;
use playground_lab::records::RunRecord;
use playground_lab::verdict::verdict;

#[component]
pub fn VerdictCard(about: &'static About, runs: RwSignal<Vec<RunRecord>>, engine: Engine) -> impl IntoView {
    let env = engine.environment.get_value();
    // What the browser can report does not change: asked once.
    let kinds = long_tasks::entry_types().join("\" and \"");
    let judged = Memo::new(move |_| {
        runs.with(|runs| {
            let context = Context { env: &env, memory_bound: about.memory_bound, by_result: about.verdict_by_result };
            let v = verdict(runs, context)?;
            let long_tasks: Vec<(usize, &'static str, Option<Vec<(f64, f64)>>)> =
                latest_per_mode(runs).iter().map(|r| (r.number, r.mode.label, r.long_tasks.clone())).collect();
            Some((v, long_tasks))
        })
    });
    move || {
        judged.get().map(|(v, long_tasks)| {
            let (reasons, subject) = (v.reasons, v.subject);
            let class = if v.against_lesson { "verdict against" } else { "verdict" };
            view! {
                <section class=class data-testid="verdict" aria-label="Verdict" data-kind=v.kind.id()
                    data-against-lesson=v.against_lesson.to_string() data-single-samples=v.single_samples.to_string()>
                    <p class="verdict-sentence" data-testid="verdict-sentence">{v.sentence}</p>
                    <dl class="verdict-figures">
                        {v.figures.into_iter().map(|(what, value)| view! {
                            <div><dt>{what}</dt><dd>{value}</dd></div>
                        }).collect_view()}
                    </dl>
                    {v.single_samples.then(|| view! {
                        <p class="verdict-note" data-testid="single-samples">
                            "Single samples: a mode run once gives one measurement, which cannot tell noise from a real "
                            "difference. Set Repeats to 3 or more for medians with their spread."
                        </p>
                    })}
                    {(!reasons.is_empty()).then(|| view! {
                        <h2>{format!("Why (run {subject})")}</h2>
                        <ul class="diagnoses">
                            {reasons.into_iter().map(|d| view! {
                                <li data-testid="diagnosis" data-code=d.code>{d.text}</li>
                            }).collect_view()}
                        </ul>
                    })}
                    <h2>"Long tasks the browser reported"</h2>
                    <ul class="verdict-note long-tasks" data-testid="long-tasks">
                        {long_tasks.into_iter().map(|(number, label, tasks)| view! {
                            <li data-run=number data-count=tasks.as_ref().map(Vec::len)>
                                {format!("Run {number} ({label}): {}", long_tasks_text(tasks.as_deref(), &kinds))}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// `kinds`: the entry types the browser reports, as the list names them.
fn long_tasks_text(tasks: Option<&[(f64, f64)]>, kinds: &str) -> String {
    match tasks {
        None => "this browser reports no long tasks (PerformanceObserver has neither \"long-animation-frame\" nor \
                 \"longtask\"); the frame gaps measure the same freezes."
            .into(),
        Some([]) => format!("the browser reported no long task (\"{kinds}\" entries, 50 ms or more)."),
        Some(tasks) => {
            let listed: Vec<String> =
                tasks.iter().take(5).map(|(start, d)| format!("{d:.0} ms at {:.0} ms", start.max(0.0))).collect();
            let more = if tasks.len() > 5 { format!(" and {} more", tasks.len() - 5) } else { String::new() };
            let count =
                if tasks.len() == 1 { "1 long task".to_string() } else { format!("{} long tasks", tasks.len()) };
            format!("the browser reported {count} (\"{kinds}\"): {}{more}.", listed.join(", "))
        }
    }
}
