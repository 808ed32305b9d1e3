//! "The Rust that runs": the experiment's own source files, fetched from beside the page
//! (`source/<path>`, copied there by scripts/shown-sources.mjs) the first time the panel is
//! opened. The text is not in the wasm: 200 KB that most visits never open.

use crate::browser::fetch_text::fetch_text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

/// One shown file: its path in the repository and its text, or why it could not be loaded.
type Loaded = (&'static str, Result<String, String>);

#[component]
pub fn SourcePanel(sources: &'static [&'static str]) -> impl IntoView {
    let loaded = RwSignal::new(None::<Vec<Loaded>>);
    let requested = StoredValue::new(false);
    let on_toggle = move |event: leptos::ev::Event| {
        let opened =
            event.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
        if opened && !requested.get_value() {
            requested.set_value(true);
            loaded.set(None);
            spawn_local(async move {
                let mut files = Vec::with_capacity(sources.len());
                for path in sources {
                    files.push((*path, fetch_text(&format!("source/{path}")).await));
                }
                // A file that did not load is asked for again when the panel is next opened.
                requested.set_value(files.iter().all(|(_, text)| text.is_ok()));
                loaded.set(Some(files));
            });
        }
    };
    view! {
        <details class="source" data-testid="source" on:toggle=on_toggle>
            <summary>{format!("The Rust that runs: {}", sources.join(" and "))}</summary>
            {move || match loaded.get() {
                None => view! { <p class="note">"Loading the source…"</p> }.into_any(),
                Some(files) => files.into_iter().map(|(path, text)| match text {
                    Ok(text) => view! {
                        <p class="source-file" data-testid="source-file">{path}</p>
                        <pre tabindex="0"><code>{text}</code></pre>
                    }.into_any(),
                    Err(why) => view! {
                        <p class="error" data-testid="source-error">{format!("{path} could not be loaded ({why}). Close and open this panel to try again; the file is also in the project's repository under that path.")}</p>
                    }.into_any(),
                }).collect_view().into_any(),
            }}
        </details>
    }
}
