//! The Concurrency Playground: experiments that show, in the visitor's own browser,
//! what async waiting and threads do to a page.
//!
//! Map: [`app`] is the shell, [`experiments`] declares the experiments,
//! [`bridge`] sends work off the main thread, [`jobs`] is what runs there,
//! [`engine`] starts the rayon pool and the compute worker, [`live`] is the
//! shared board running jobs report to, [`responsiveness`]
//! measures the main thread's frames. The computations themselves live in the
//! `playground-kernels` crate, which has no web dependency.

// Same guard as wasm-bindgen-rayon: without atomics there is no shared memory and
// the thread pool cannot work, so fail the build instead of the page.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
compile_error!("build for the web with the flags in .cargo/config.toml (atomics and shared memory)");

pub mod address_bar;
pub mod app;
pub mod bridge;
pub mod charts;
pub mod clock;
pub mod download;
pub mod engine;
pub mod environment_panel;
pub mod experiments;
pub mod isolation;
pub mod jobs;
pub mod live;
pub mod page_visibility;
pub mod responsiveness;
pub mod scenario;
pub mod sized_pools;

pub use app::App;
