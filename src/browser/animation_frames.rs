//! A callback on every animation frame, for as long as the caller keeps it.

use leptos::prelude::window;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Calls `on_frame` once per animation frame until the returned stop is called.
pub fn run_every_frame(mut on_frame: impl FnMut() + 'static) -> impl FnOnce() + Send + Sync {
    type FrameCallback = Closure<dyn FnMut(f64)>;
    let callback: Rc<RefCell<Option<FrameCallback>>> = Rc::new(RefCell::new(None));
    let request_id = Rc::new(Cell::new(0));
    let request = {
        let callback = callback.clone();
        let request_id = request_id.clone();
        move || {
            if let Some(cb) = callback.borrow().as_ref() {
                let id = window().request_animation_frame(cb.as_ref().unchecked_ref()).unwrap_or(0);
                request_id.set(id);
            }
        }
    };
    let again = request.clone();
    *callback.borrow_mut() = Some(Closure::new(move |_: f64| {
        on_frame();
        again();
    }));
    request();
    // The stop runs in a reactive cleanup, which wants Send + Sync; this app is
    // single-threaded on the page, so the Rc handles are only touched here.
    let stop = send_wrapper::SendWrapper::new(move || {
        let _ = window().cancel_animation_frame(request_id.get());
        // Dropping the closure breaks the cycle it holds on itself.
        callback.borrow_mut().take();
    });
    move || (stop.take())()
}
