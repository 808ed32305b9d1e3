//! "What ran": the seed program an experiment ports, what runs here instead and why,
//! where the seed is wrong, which figures are measured and which computed, and the seed's
//! own words it tests. The text is the catalogue's ([`playground_lab::what_ran`]),
//! published as HTML by the site build ([`playground_lab::static_pages`]) in a file the
//! app fetches as it mounts, so it is neither in the wasm nor in a first visit's download.

use crate::browser::page_templates::{PageDetails, fill_from_template, has_template};
use leptos::prelude::*;
use playground_lab::static_pages::what_ran_template;

/// What ran, once the page's details are in (fetched since the mount began; on a slow
/// link they may come after the page's last step); where they could not be had, why.
#[component]
pub fn WhatRanBlock(slug: &'static str) -> impl IntoView {
    let details = use_context::<PageDetails>();
    move || {
        let failure = details.and_then(|d| d.failure()); // tracked: runs again once they are in
        let id = what_ran_template(slug);
        if has_template(&id) {
            let slot = NodeRef::new();
            fill_from_template(slot, id, false);
            view! { <div class="what-ran-slot" node_ref=slot></div> }.into_any()
        } else {
            failure.map(|why| view! {
                <p class="note" data-testid="what-ran-missing">{format!("What ran could not be loaded ({why}); reload the page to try again.")}</p>
            }).into_any()
        }
    }
}
