//! A text file from beside the page, or a short reason it could not be had.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text at `url` (relative to the page), or a short reason it could not be had.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    fetch_js_text(url).await.map(String::from)
}

/// The same, left a JavaScript string: for text that only goes back to the page (no copy
/// into the wasm and out again).
pub async fn fetch_js_text(url: &str) -> Result<js_sys::JsString, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response.text().map_err(|_| "its text could not be read".to_string())?;
    let text = JsFuture::from(text).await.map_err(|_| "its text could not be read".to_string())?;
    text.dyn_into().map_err(|_| "its text could not be read".to_string())
}
