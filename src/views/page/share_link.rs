//! The link to what is on screen, a button that copies it, and the run flag.

use crate::browser::address_bar;
use crate::run::page_state::PageState;
use crate::views::copyable_link::CopyableLink;
use leptos::prelude::*;
use playground_lab::catalogue::About;
use playground_lab::scenario::{self, Autorun};

#[component]
pub fn ShareLink(about: &'static About, state: PageState) -> impl IntoView {
    let start_at_once = RwSignal::new(false);
    let link = Memo::new(move |_| {
        let autorun = start_at_once.get().then_some(Autorun::Mode);
        address_bar::address_with(&address_bar::query_string(&scenario::pairs(about, &state.get(), autorun)))
    });
    view! {
        <div class="share">
            <CopyableLink link label="Link to this scenario" name="share-link" />
            <label class="start-at-once">
                <input type="checkbox" name="start-at-once" bind:checked=start_at_once />
                " Start the run when the link is opened"
            </label>
        </div>
    }
}
