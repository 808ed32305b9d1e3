//! The address bar: reading the query string and writing it without reloading.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The current query's pairs, percent-decoded, in order (repeated keys kept).
pub fn query_pairs() -> Vec<(String, String)> {
    let search = window().location().search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else { return Vec::new() };
    let Ok(Some(entries)) = js_sys::try_iter(&params) else { return Vec::new() };
    entries
        .flatten()
        .filter_map(|entry| {
            let pair = js_sys::Array::from(&entry);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// `?key=value&…`, encoded as a form would be; empty for no pairs.
pub fn query_string(pairs: &[(String, String)]) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new() else { return String::new() };
    for (key, value) in pairs {
        params.append(key, value);
    }
    let query = String::from(params.to_string());
    if query.is_empty() { query } else { format!("?{query}") }
}

/// This page's address with `query` (from [`query_string`]) in place of the current one.
pub fn address_with(query: &str) -> String {
    let location = window().location();
    format!("{}{}{query}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// The fragment, without its `#` (the Compare view keeps its results there).
pub fn fragment() -> String {
    window().location().hash().unwrap_or_default().trim_start_matches('#').to_string()
}

/// Shows `query` and `fragment` (empty for none) in the address bar: a new history
/// entry when `push`, else in place (so changing a knob does not flood the history).
/// Does nothing if they are already there.
pub fn show(query: &str, fragment: &str, push: bool) {
    let location = window().location();
    let hash = if fragment.is_empty() { String::new() } else { format!("#{fragment}") };
    if location.search().unwrap_or_default() == query && location.hash().unwrap_or_default() == hash {
        return;
    }
    let url = format!("{}{query}{hash}", location.pathname().unwrap_or_default());
    let Ok(history) = window().history() else { return };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}
