//! The catalogue's words as the built page carries them: templates that the site build
//! writes into index.html (`playground_lab::static_pages`), copied here by id, so that the
//! explanations are published once, as HTML, and not compiled into the wasm. What ran,
//! which no first screen shows, is in a second file that the app fetches as it mounts
//! ([`PageDetails`]), so that a first visit does not wait for it.

use crate::browser::fetch_text::fetch_js_text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use playground_lab::static_pages::DETAILS_FILE;

/// Whether the page has the template `id` (not a test page, nor a build that skipped the
/// site build's step).
pub fn has_template(id: &str) -> bool {
    document().get_element_by_id(id).is_some()
}

/// Fills `slot`, once it is mounted, with a copy of the page's template `id` (see
/// [`copy_template_into`]).
pub fn fill_from_template(slot: NodeRef<leptos::html::Div>, id: String, say_missing: bool) {
    slot.on_load(move |slot| copy_template_into(&slot, &id, say_missing));
}

/// Appends to `element` a copy of the page's template `id`: nodes the browser parsed with
/// the page, cloned, so no HTML passes through the wasm or is parsed again. Where the page
/// has no such template, [`MISSING`] if `say_missing`.
pub fn copy_template_into(element: &web_sys::Element, id: &str, say_missing: bool) {
    let copy = document()
        .get_element_by_id(id)
        .and_then(|t| t.dyn_into::<web_sys::HtmlTemplateElement>().ok())
        .and_then(|t| t.content().clone_node_with_deep(true).ok());
    match copy {
        Some(copy) => drop(element.append_child(&copy)),
        None if say_missing => element.set_inner_html(MISSING),
        None => {}
    }
}

/// Where the words would be on a page built without the site build's step (a test page).
pub const MISSING: &str = "<p>(This page was built without the catalogue's words: see scripts/build-site.sh.)</p>";

/// The page's second file of templates ([`DETAILS_FILE`], written by the site build):
/// fetched once, as the app starts, and added to the document, where
/// [`fill_from_template`] finds its templates.
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
    let html = fetch_js_text(DETAILS_FILE).await.map_err(|why| format!("{DETAILS_FILE}: {why}"))?;
    let holder = document().create_element("div").map_err(|_| "cannot add it to the page".to_string())?;
    let _ = holder.set_attribute("hidden", "");
    let _ = js_sys::Reflect::set(&holder, &"innerHTML".into(), &html);
    document()
        .body()
        .ok_or("the page has no body")?
        .append_with_node_1(&holder)
        .map_err(|_| "cannot add it to the page".to_string())
}
