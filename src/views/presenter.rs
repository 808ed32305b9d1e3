//! Presenter mode (`?present=1`), for a room: large type and strong contrast, the
//! verdict and the chart that matters, and the keyboard in charge. The keys press the
//! same buttons a mouse would, on the page that is open; which key does what is
//! `playground_lab::presenter`'s.

use crate::browser::document_mark::mark_document;
use crate::experiments::{self, Experiment};
use leptos::ev;
use leptos::prelude::*;
use playground_lab::presenter::{Action, KEYS, action_for, step_from};
use wasm_bindgen::JsCast;

/// Handles to presenter mode. Copy: both are signals.
#[derive(Clone, Copy)]
pub struct Presenter {
    pub on: RwSignal<bool>,
    /// The key list is open.
    pub keys_shown: RwSignal<bool>,
}

/// The element `selector` finds on the open experiment's page.
fn on_open_page(selector: &str) -> Option<web_sys::HtmlElement> {
    let found = document().query_selector(&format!(".page:not([hidden]) {selector}")).ok()??;
    found.dyn_into().ok()
}

/// Checks the mode after the one checked on the open page, going round.
fn choose_next_mode() {
    let Ok(radios) = document().query_selector_all(".page:not([hidden]) input[name=mode]") else { return };
    let radios: Vec<web_sys::HtmlInputElement> =
        (0..radios.length()).filter_map(|i| radios.item(i)?.dyn_into().ok()).collect();
    let checked = radios.iter().position(|r| r.checked());
    if let Some(next) = step_from(checked, radios.len(), 1) {
        radios[next].click();
    }
}

fn toggle_fullscreen() {
    let document = document();
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(root) = document.document_element() {
        let _ = root.request_fullscreen();
    }
}

/// Whether a key press belongs to a text field being typed in, or is a shortcut of the browser's.
fn not_for_us(event: &web_sys::KeyboardEvent) -> bool {
    let typing = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.type_() == "text");
    typing || event.ctrl_key() || event.meta_key() || event.alt_key()
}

/// Presenter mode's state, its mark on the document (the style sheet's `html[data-present]`),
/// and its keys, for as long as the calling component lives.
/// `on` is the app's flag, which links set.
pub fn use_presenter(
    on: RwSignal<bool>,
    open: RwSignal<Option<&'static str>>,
    navigate: impl Fn(Option<&'static dyn Experiment>) + Copy + 'static,
    open_comparison: impl Fn() + Copy + 'static,
) -> Presenter {
    let presenter = Presenter { on, keys_shown: RwSignal::new(false) };
    mark_document("data-present", on);
    let step = move |by: isize| {
        let count = experiments::all().count();
        let here = open.get_untracked().and_then(experiments::index_of);
        if let Some(i) = step_from(here, count, by) {
            navigate(experiments::all().nth(i));
        }
    };
    let listener = window_event_listener(ev::keydown, move |event| {
        if !presenter.on.get_untracked() || not_for_us(&event) {
            return;
        }
        let Some(action) = action_for(&event.key()) else { return };
        event.prevent_default();
        match action {
            Action::Run => on_open_page("button[type=submit]").into_iter().for_each(|b| b.click()),
            Action::RunEveryMode => on_open_page("button[name=run-all]").into_iter().for_each(|b| b.click()),
            Action::NextMode => choose_next_mode(),
            Action::NextExperiment => step(1),
            Action::PreviousExperiment => step(-1),
            Action::Compare => open_comparison(),
            Action::Fullscreen => toggle_fullscreen(),
            Action::ShowKeys => presenter.keys_shown.update(|shown| *shown = !*shown),
            Action::Leave if presenter.keys_shown.get_untracked() => presenter.keys_shown.set(false),
            Action::Leave => presenter.on.set(false),
        }
    });
    on_cleanup(move || listener.remove());
    presenter
}

/// The strip that says presenter mode is on, how to leave it, and the key list.
#[component]
pub fn PresenterBar(presenter: Presenter) -> impl IntoView {
    view! {
        <Show when=move || presenter.on.get()>
            <div class="presenter-bar" data-testid="presenter-bar" role="status">
                <span>"Presenter mode: press " <kbd>"?"</kbd> " for the keys, " <kbd>"Esc"</kbd> " to leave."</span>
                <button type="button" name="presenter-keys" on:click=move |_| presenter.keys_shown.update(|s| *s = !*s)>"Keys"</button>
                <button type="button" name="leave-presenter" on:click=move |_| presenter.on.set(false)>"Leave"</button>
            </div>
            <Show when=move || presenter.keys_shown.get()>
                <section class="presenter-keys" data-testid="presenter-keys" aria-label="Presenter keys">
                    <h2>"Keys"</h2>
                    <dl>
                        {KEYS.iter().map(|(key, _, what)| view! { <div><dt><kbd>{*key}</kbd></dt><dd>{*what}</dd></div> }).collect_view()}
                    </dl>
                </section>
            </Show>
        </Show>
    }
}
