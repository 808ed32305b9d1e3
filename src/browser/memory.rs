//! What the page can read of its own memory: the wasm memory's size (it only ever
//! grows; freed memory is reused inside it) and, in Chromium, the JavaScript heap
//! (`performance.memory`, non-standard and coarse; other browsers do not have it).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Bytes of the shared wasm memory now.
pub fn wasm_bytes() -> f64 {
    let buffer = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>().buffer();
    js_sys::Reflect::get(&buffer, &JsValue::from_str("byteLength")).ok().and_then(|b| b.as_f64()).unwrap_or(0.0)
}

/// Bytes of JavaScript heap in use, where the browser says (`performance.memory`).
pub fn js_heap_bytes() -> Option<f64> {
    let performance = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance")).ok()?;
    let memory = js_sys::Reflect::get(&performance, &JsValue::from_str("memory")).ok()?;
    js_sys::Reflect::get(&memory, &JsValue::from_str("usedJSHeapSize")).ok()?.as_f64()
}
