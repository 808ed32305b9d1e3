//! The catalogue's words as the built page carries them: templates that the site build
//! writes into index.html (`playground_lab::static_pages`), read here by id, so that the
//! explanations are published once, as HTML, and not compiled into the wasm. What ran,
//! which no first screen shows, is in a second file that the app fetches as it mounts
//! ([`PageDetails`]), so that a first visit does not wait for it.

use crate::browser::fetch_text::fetch_text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_lab::static_pages::DETAILS_FILE;

/// The HTML inside the page's template `id`, or `None` where the page has none (a
/// test page, or a build that skipped the step).
pub fn template_html(id: &str) -> Option<String> {
    document().get_element_by_id(id).map(|template| template.inner_html())
}

/// The template's HTML, or where the page has none, a line that says why the words are
/// missing (a page built without the site build's step, or a test page).
pub fn template_html_or_note(id: &str) -> String {
    template_html(id).unwrap_or_else(|| {
        "<p>(This page was built without the catalogue's words: see scripts/build-site.sh.)</p>".into()
    })
}

/// The page's second file of templates ([`DETAILS_FILE`], written by the site build):
/// fetched once, as the app starts, and added to the document, where [`template_html`]
/// finds its templates.
#[derive(Clone, Copy)]
pub struct PageDetails(RwSignal<Option<Result<(), String>>>);

impl PageDetails {
    /// Starts the fetch (once, at the top of the app) and provides the handle.
    pub fn load() {
        let state = RwSignal::new(None);
        spawn_local(async move { state.set(Some(add_details().await)) });
        provide_context(PageDetails(state));
    }

    /// Why the file could not be had, once that is known (tracked).
    pub fn failure(&self) -> Option<String> {
        self.0.get().and_then(Result::err)
    }
}

async fn add_details() -> Result<(), String> {
    let html = fetch_text(DETAILS_FILE).await.map_err(|why| format!("{DETAILS_FILE}: {why}"))?;
    let holder = document().create_element("div").map_err(|_| "cannot add it to the page".to_string())?;
    let _ = holder.set_attribute("hidden", "");
    holder.set_inner_html(&html);
    document()
        .body()
        .ok_or("the page has no body")?
        .append_with_node_1(&holder)
        .map_err(|_| "cannot add it to the page".to_string())
}
