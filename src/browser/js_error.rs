//! What a JavaScript exception says, as text: the one way every binding here reports a
//! rejected promise or a thrown value.

use wasm_bindgen::{JsCast, JsValue};

/// The text of a JS error (or whatever was thrown).
pub fn error_text(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
