//! Long tasks (50 ms or more on the main thread) as the browser itself reports them,
//! through a `PerformanceObserver`: a second witness beside the page's own frame log.
//! Both kinds of entry are observed where the browser has them, and overlapping ones
//! merged: measured in Chromium, a 250 ms kernel run from a wasm future produced a long
//! animation frame but no "longtask" entry, and a plain busy loop the other way round.
//! Where a browser has neither, runs say so instead of "none".

use leptos::prelude::*;
use playground_lab::records::merge_intervals;
use wasm_bindgen::prelude::*;
use web_sys::{PerformanceEntry, PerformanceObserver, PerformanceObserverEntryList, PerformanceObserverInit};

/// Long tasks kept: a few minutes of a busy page.
const KEPT: usize = 500;

#[derive(Clone, Copy)]
pub struct LongTasks {
    /// (start, duration) on the page's clock, oldest first; `None` where unsupported.
    log: StoredValue<Option<Vec<(f64, f64)>>>,
    observer: StoredValue<Option<PerformanceObserver>, LocalStorage>,
}

impl LongTasks {
    /// The long tasks that overlap `[from, to]` (page clock), or `None` where the browser
    /// does not report long tasks.
    pub fn during(&self, from: f64, to: f64) -> Option<Vec<(f64, f64)>> {
        // The browser delivers entries a little later; a task that just ended is only
        // in the observer's queue yet.
        if let Some(observer) = self.observer.get_value() {
            record(self.log, &observer.take_records());
        }
        self.log.with_value(|log| {
            // At least 1 ms inside the run: the task that ended as the run began is not the run's.
            let inside = log.as_ref()?.iter().copied().filter(|(start, d)| start + d > from + 1.0 && *start < to);
            Some(merge_intervals(inside.collect()))
        })
    }
}

fn record(log: StoredValue<Option<Vec<(f64, f64)>>>, entries: &js_sys::Array) {
    log.update_value(|log| {
        let Some(tasks) = log else { return };
        for entry in entries.iter().filter_map(|e| e.dyn_into::<PerformanceEntry>().ok()) {
            tasks.push((entry.start_time(), entry.duration()));
        }
        let excess = tasks.len().saturating_sub(KEPT);
        tasks.drain(..excess);
    });
}

/// The entry types observed here, of "long-animation-frame" and "longtask"; empty
/// where the browser has neither.
pub fn entry_types() -> Vec<&'static str> {
    let types = js_sys::Reflect::get(&js_sys::global(), &"PerformanceObserver".into())
        .and_then(|observer| js_sys::Reflect::get(&observer, &"supportedEntryTypes".into()));
    let Some(types) = types.ok().and_then(|t| t.dyn_into::<js_sys::Array>().ok()) else { return Vec::new() };
    ["long-animation-frame", "longtask"].into_iter().filter(|t| types.includes(&(*t).into(), 0)).collect()
}

/// Starts listening for long tasks for as long as the calling component lives.
pub fn use_long_tasks() -> LongTasks {
    let kinds = entry_types();
    let log = StoredValue::new((!kinds.is_empty()).then(Vec::new));
    let tasks = LongTasks { log, observer: StoredValue::new_local(None) };
    if kinds.is_empty() {
        return tasks;
    }
    let on_entries =
        Closure::<dyn FnMut(PerformanceObserverEntryList)>::new(move |list: PerformanceObserverEntryList| {
            record(log, &list.get_entries());
        });
    let Ok(observer) = PerformanceObserver::new(on_entries.as_ref().unchecked_ref()) else {
        log.set_value(None);
        return tasks;
    };
    observer
        .observe(&PerformanceObserverInit::new(&kinds.iter().map(|k| JsValue::from(*k)).collect::<js_sys::Array>()));
    tasks.observer.set_value(Some(observer.clone()));
    // The observer and its callback live as long as the page's root: disconnect on cleanup.
    let held = send_wrapper::SendWrapper::new((observer, on_entries));
    on_cleanup(move || held.take().0.disconnect());
    tasks
}
