//! A text file from beside the page, or a short reason it could not be had.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text at `url` (relative to the page), or a short reason it could not be had.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response.text().map_err(|_| "its text could not be read".to_string())?;
    let text = JsFuture::from(text).await.map_err(|_| "its text could not be read".to_string())?;
    text.as_string().ok_or_else(|| "its text could not be read".to_string())
}
