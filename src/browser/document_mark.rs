//! A mark on the document element for a page-wide view, so the style sheet can
//! change the whole page with one selector.

use leptos::prelude::*;

/// Keeps an attribute on the document element while `on` holds: the style sheet's hook
/// for page-wide views (`html[data-present]`, `html[data-embed]`).
pub fn mark_document(attribute: &'static str, on: RwSignal<bool>) {
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = if on.get() { root.set_attribute(attribute, "") } else { root.remove_attribute(attribute) };
        }
    });
}
