//! Time on the page: `performance.now()` in whichever thread we are, and futures
//! that wait for the browser to draw.

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // `performance` exists in windows and workers alike; web-sys only reaches it
    // through `window()`, which a worker does not have.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
    #[wasm_bindgen(catch, js_namespace = performance, js_name = mark)]
    fn performance_mark(name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = performance, js_name = measure)]
    fn performance_measure(name: &str, options: &js_sys::Object) -> Result<JsValue, JsValue>;
}

/// Marks a moment on the page's performance timeline (the benchmark reads these).
pub fn mark(name: &str) {
    let _ = performance_mark(name);
}

/// Puts a span from `start` to `end` (page clock, ms) on the page's performance timeline:
/// the DevTools Performance panel draws it in its Timings track.
pub fn measure(name: &str, start: f64, end: f64) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&options, &"end".into(), &end.max(start).into());
    let _ = performance_measure(name, &options);
}

/// Milliseconds since this thread's time origin, with sub-millisecond resolution
/// when the page is cross-origin isolated.
pub fn now_ms() -> f64 {
    performance_now()
}

/// Resolves at the start of the next animation frame.
pub async fn next_frame() {
    let (tx, rx) = futures::channel::oneshot::channel::<()>();
    leptos::prelude::request_animation_frame(move || {
        let _ = tx.send(());
    });
    let _ = rx.await;
}

/// Resolves once the browser has painted the current state of the page: a frame
/// starts, it is drawn, and the task after it runs. Blocking work started here
/// cannot hide the change that announced it.
pub async fn after_next_paint() {
    next_frame().await;
    TimeoutFuture::new(0).await;
}

/// Resolves once the page has drawn what changed and the compositor has had a frame to
/// raster it: where a timed measurement starts, so the page's own drawing of what came
/// before stays out of it. Two paints, not one: on 2 cores the compositor's raster of
/// the frame after a change took CPU from the first milliseconds of a pool run (`heavy`,
/// 8 × 50,000,000: efficiency 0.71-0.77 after one paint, 0.84 after two, 0.78-0.83 after
/// three; docs/benchmark.md).
pub async fn settled() {
    after_next_paint().await;
    after_next_paint().await;
}
