//! The catalogue's words as the built page carries them: templates that the site build
//! writes into index.html (`playground_lab::static_pages`), read here by id, so that the
//! explanations are published once, as HTML, and not compiled into the wasm.

use leptos::prelude::document;

/// The HTML inside the page's template `id`, or `None` where the page has none (a
/// test page, or a build that skipped the step).
pub fn template_html(id: &str) -> Option<String> {
    document().get_element_by_id(id).map(|template| template.inner_html())
}

/// The template's HTML, or where the page has none, a line that says why the words are
/// missing (a page built without the site build's step, or a test page).
pub fn template_html_or_note(id: &str) -> String {
    template_html(id)
        .unwrap_or_else(|| "<p>(This page was built without the catalogue's words: see scripts/build-site.sh.)</p>".into())
}
