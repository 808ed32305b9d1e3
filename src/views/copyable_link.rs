//! A link shown in a read-only field with a button that copies it, and what happened.
//! Used for scenario links, results links and the Compare view's own link.

use leptos::prelude::*;
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

/// `name` names the field (`input[name=…]`) and, with `copy-` before it, the button.
#[component]
pub fn CopyableLink(
    #[prop(into)] link: Signal<String>,
    label: &'static str,
    name: &'static str,
    #[prop(default = "Copy link")] button: &'static str,
) -> impl IntoView {
    let copied = RwSignal::new(String::new());
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
        link.track(); // a changed link is not the copied one
        copied.set(String::new());
    });
    view! {
        <label class="share-link">
            <span>{label}</span>
            <input type="text" readonly name=name node_ref=input prop:value=link
                on:focus=move |ev| { let _ = event_target::<web_sys::HtmlInputElement>(&ev).select(); } />
        </label>
        <button type="button" name=format!("copy-{name}") on:click=copy>{button}</button>
        <span class="copied" role="status" data-testid=format!("copied-{name}")>{move || copied.get()}</span>
    }
}
