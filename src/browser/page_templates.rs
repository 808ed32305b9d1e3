//! The catalogue's words as the built page carries them: templates that the site build
//! writes into index.html (`playground_lab::static_pages`), read here by id, so that the
//! explanations are published once, as HTML, and not compiled into the wasm.

use leptos::prelude::document;

/// The HTML inside the page's template `id`, or `None` where the page has none (a
/// test page, or a build that skipped the step).
pub fn template_html(id: &str) -> Option<String> {
    document().get_element_by_id(id).map(|template| template.inner_html())
}
