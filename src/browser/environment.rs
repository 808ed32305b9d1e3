//! Reading what the results depend on from the browser, once at start. What the
//! readings mean (and the text the page shows for them) is in `playground_lab::environment`.

use crate::browser::clock;
use leptos::prelude::window;
use playground_lab::environment::{Environment, IsolationState, browser_of};
use wasm_bindgen::JsValue;

fn global_flag(name: &str) -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(name)).ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

fn global_has(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::has(object, &JsValue::from_str(name)).unwrap_or(false)
}

/// The logical cores the browser reports (at least one).
pub fn cores() -> usize {
    (window().navigator().hardware_concurrency() as usize).max(1)
}

/// Reads this page's environment.
pub fn read_environment() -> Environment {
    let global = js_sys::global();
    let navigator = window().navigator();
    let user_agent = navigator.user_agent().unwrap_or_default();
    let atomics = js_sys::Reflect::get(&global, &JsValue::from_str("Atomics")).unwrap_or(JsValue::UNDEFINED);
    Environment {
        cross_origin_isolated: global_flag("crossOriginIsolated"),
        shared_array_buffer: global_has(&global, "SharedArrayBuffer"),
        hardware_concurrency: cores(),
        browser: browser_of(&user_agent),
        user_agent,
        timer_resolution_ms: timer_resolution_ms(),
        isolation: read_isolation(),
        atomics_wait_async: atomics.is_object() && global_has(&atomics, "waitAsync"),
        optimised_build: !cfg!(debug_assertions),
    }
}

/// What index.html's start-up script reported about isolation (`window.playgroundIsolation`).
/// The app starts only once that script has settled, so one reading at start is final.
fn read_isolation() -> IsolationState {
    let report = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("playgroundIsolation"))
        .unwrap_or(JsValue::UNDEFINED);
    let field = |name: &str| {
        js_sys::Reflect::get(&report, &JsValue::from_str(name)).ok().and_then(|v| v.as_string()).unwrap_or_default()
    };
    IsolationState::from_report(&field("state"), field("detail"))
}

/// Whether the page is kept for offline use, in words, from what index.html's start-up
/// script reports (`window.playgroundOffline`); it changes once the worker has the site.
pub fn offline_state() -> String {
    let report =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("playgroundOffline")).unwrap_or(JsValue::UNDEFINED);
    let field = |name: &str| {
        js_sys::Reflect::get(&report, &JsValue::from_str(name)).ok().and_then(|v| v.as_string()).unwrap_or_default()
    };
    playground_lab::environment::offline_text(&field("state"), &field("version"), &field("detail"))
}

/// Measures the smallest step of `performance.now()` by reading it in a tight loop, over
/// 20 steps of the clock or at most 5 ms. (It ran the whole 5 ms before: a fifth of a
/// phone's start-up task, for a figure that 20 steps already give.)
fn timer_resolution_ms() -> f64 {
    const STEPS: u32 = 20;
    let start = clock::now_ms();
    let (mut last, mut smallest, mut steps) = (start, f64::INFINITY, 0);
    for _ in 0..200_000 {
        let now = clock::now_ms();
        if now > last {
            smallest = smallest.min(now - last);
            last = now;
            steps += 1;
        }
        if steps >= STEPS || now - start > 5.0 {
            break;
        }
    }
    smallest
}
