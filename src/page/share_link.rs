//! The link to what is on screen, a button that copies it, and the run flag.

use crate::address_bar;
use crate::page_state::PageState;
use leptos::prelude::*;
use playground_lab::catalogue::About;
use playground_lab::scenario::{self, Autorun};
use wasm_bindgen::JsCast;

/// Copies `text` to the clipboard; `Err` when the browser refuses (or has no clipboard:
/// `navigator.clipboard` is missing outside secure contexts, so it is checked first).
async fn copy_to_clipboard(text: &str) -> Result<(), ()> {
    let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into())
        .ok()
        .filter(|c| c.is_object())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>())
        .ok_or(())?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.map(drop).map_err(drop)
}

#[component]
pub fn ShareLink(about: &'static About, state: PageState) -> impl IntoView {
    let start_at_once = RwSignal::new(false);
    let copied = RwSignal::new(String::new());
    let link = Memo::new(move |_| {
        let autorun = start_at_once.get().then_some(Autorun::Mode);
        address_bar::address_with(&address_bar::query_string(&scenario::pairs(about, &state.get(), autorun)))
    });
    let input = NodeRef::<leptos::html::Input>::new();
    let copy = move |_| {
        let text = link.get_untracked();
        copied.set("Copying…".into());
        leptos::task::spawn_local(async move {
            copied.set(match copy_to_clipboard(&text).await {
                Ok(()) => "Link copied.".into(),
                Err(()) => {
                    // Clipboard refused (no permission, not https): select it for Ctrl+C instead.
                    if let Some(input) = input.get_untracked() {
                        input.select();
                    }
                    "This browser did not allow copying: the link is selected, press Ctrl+C (⌘C).".into()
                }
            });
        });
    };
    Effect::new(move |_| {
        let _ = link.get(); // a changed link is not the copied one (get: a lazy Memo must be read)
        copied.set(String::new());
    });
    view! {
        <div class="share">
            <label class="share-link">
                <span>"Link to this scenario"</span>
                <input type="text" readonly name="share-link" node_ref=input prop:value=link
                    on:focus=move |ev| { let _ = event_target::<web_sys::HtmlInputElement>(&ev).select(); } />
            </label>
            <button type="button" name="copy-link" on:click=copy>"Copy link"</button>
            <label class="start-at-once">
                <input type="checkbox" name="start-at-once" bind:checked=start_at_once />
                " Start the run when the link is opened"
            </label>
            <span class="copied" role="status" data-testid="copied">{move || copied.get()}</span>
        </div>
    }
}
