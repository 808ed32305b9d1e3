//! Mounts the app. Everything else lives in the library.

use concurrency_playground::browser::clock;

fn main() {
    concurrency_playground::bridge::execute::install_panic_hook();
    // The module's start and the mount are tasks of their own, so that neither makes the
    // other's task long on a slow phone (docs/benchmark.md, first visit).
    wasm_bindgen_futures::spawn_local(async {
        clock::after_next_paint().await;
        clock::mark("playground-mount-start");
        // The app takes the place of index.html's first screen (the same words, laid out
        // alike), in this one task, so nothing jumps.
        if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
            boot.remove();
        }
        leptos::mount::mount_to_body(concurrency_playground::App);
        clock::mark("playground-interactive");
    });
}
