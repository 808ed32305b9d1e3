//! "The Rust that runs": the experiment's own source files, fetched from beside the page
//! (`source/<path>`, copied there by scripts/shown-sources.mjs) the first time the panel is
//! opened. The text is not in the wasm: 200 KB that most visits never open.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{JsFuture, spawn_local};

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

/// The text at `url` (relative to the page), or a short reason it could not be had.
async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response.text().map_err(|_| "its text could not be read".to_string())?;
    let text = JsFuture::from(text).await.map_err(|_| "its text could not be read".to_string())?;
    text.as_string().ok_or_else(|| "its text could not be read".to_string())
}
