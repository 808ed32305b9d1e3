//! A page of cards instead of runs: each a program and what the compiler says about it.

use leptos::prelude::*;
use playground_lab::compile_errors::CompileError;

#[component]
pub fn Cards(cards: &'static [CompileError]) -> impl IntoView {
    view! {
        <section class="compile-cards" aria-label="Programs and the compiler's messages">
            {cards.iter().map(|card| view! {
                <article class="compile-card" data-testid="compile-card" data-file=card.file>
                    <h2>{card.title}</h2>
                    <p>{card.lesson}</p>
                    <pre class="code" tabindex="0"><code>{card.code}</code></pre>
                    <p class="card-label">"rustc says:"</p>
                    <pre class="compiler" data-testid="compiler-message" tabindex="0"><code>{card.message}</code></pre>
                </article>
            }).collect_view()}
        </section>
    }
}
