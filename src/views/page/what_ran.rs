//! "What ran": the seed program an experiment ports, what runs here instead and why,
//! where the seed is wrong, which figures are measured and which computed, and the seed's
//! own words it tests. The text is the catalogue's ([`playground_lab::what_ran`]),
//! published as HTML by the site build ([`playground_lab::static_pages`]) and read from the
//! page, so it is not in the wasm.

use crate::browser::page_templates::template_html;
use leptos::prelude::*;
use playground_lab::static_pages::what_ran_template;

#[component]
pub fn WhatRanBlock(slug: &'static str) -> impl IntoView {
    template_html(&what_ran_template(slug)).map(|html| view! { <div class="what-ran-slot" inner_html=html></div> })
}
