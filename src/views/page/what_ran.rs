//! "What ran": the seed program an experiment ports, what runs here instead and why,
//! where the seed is wrong, which figures are measured and which computed, and the seed's
//! own words it tests. The text is the catalogue's ([`playground_lab::what_ran`]).

use leptos::prelude::*;
use playground_lab::what_ran::{WhatRan, what_ran};

#[component]
pub fn WhatRanBlock(slug: &'static str) -> impl IntoView {
    what_ran(slug).map(|w| {
        let heading = format!("{slug}-what-ran");
        view! {
            <section class="what-ran" data-testid="what-ran" aria-labelledby=heading.clone()>
                <h2 id=heading.clone()>"What ran"</h2>
                <dl>
                    <dt>"The seed's program"</dt>
                    {w.programs.iter().map(|p| view! {
                        <dd>{format!("seed {} ({}): {}", p.seed.number, p.seed.title, p.program)}</dd>
                    }).collect_view()}
                    <dt>"What runs here"</dt>
                    <dd>{w.runs_here}</dd>
                    <dt>"What differs, and why"</dt>
                    <dd>{w.differs}</dd>
                    {w.seed_wrong.map(|text| view! {
                        <dt>"Where the seed is wrong"</dt>
                        <dd class="seed-wrong" data-testid="seed-wrong">{text}</dd>
                    })}
                    <dt>"Measured"</dt>
                    <dd data-testid="measured">{w.measured.join("; ")}</dd>
                    {(!w.computed.is_empty()).then(|| view! {
                        <dt>"Computed, not measured"</dt>
                        <dd data-testid="computed">{w.computed.join("; ")}</dd>
                    })}
                </dl>
                <Quotes what_ran=w />
            </section>
        }
    })
}

#[component]
fn Quotes(what_ran: &'static WhatRan) -> impl IntoView {
    what_ran
        .quotes
        .iter()
        .map(|q| {
            view! {
                <figure class="seed-quote" data-testid="seed-quote">
                    <blockquote><p>{format!("“{}”", q.words)}</p></blockquote>
                    <figcaption>{format!("seed {}, {}", q.seed.number, q.seed.title)}</figcaption>
                </figure>
            }
        })
        .collect_view()
}
