//! The width an element is shown at, kept up to date by a `ResizeObserver`: charts
//! draw in CSS pixels at that width, so their text keeps its size on a phone instead
//! of shrinking with a fixed-width drawing.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{ResizeObserver, ResizeObserverEntry};

/// The width (CSS px) of the element `node` is attached to; `initial` until it is measured.
pub fn use_element_width<E>(node: NodeRef<E>, initial: f64) -> ReadSignal<f64>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let (width, set_width) = signal(initial);
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let last = entries.iter().filter_map(|e| e.dyn_into::<ResizeObserverEntry>().ok()).last();
        if let Some(entry) = last {
            let shown = entry.content_rect().width();
            // Hidden pages measure 0: keep the last real width.
            if shown > 0.0 && (shown - width.get_untracked()).abs() >= 1.0 {
                set_width.set(shown.round());
            }
        }
    });
    let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else { return width };
    let watched = observer.clone();
    Effect::new(move |_| {
        if let Some(element) = node.get() {
            watched.observe(element.unchecked_ref());
        }
    });
    let held = send_wrapper::SendWrapper::new((observer, on_resize));
    on_cleanup(move || held.take().0.disconnect());
    width
}
