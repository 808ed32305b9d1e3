//! Mounts the app. Everything else lives in the library.

fn main() {
    concurrency_playground::bridge::execute::install_panic_hook();
    // Replace the static "loading" note from index.html.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(concurrency_playground::App);
    concurrency_playground::browser::clock::mark("playground-interactive");
}
