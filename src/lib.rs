//! The Concurrency Playground: experiments that show, in the visitor's own browser,
//! what async waiting and threads do to a page.
//!
//! Map: [`app`] is the shell; [`experiments`] is the catalogue, one file per
//! experiment; [`runner`] runs them and keeps their records; [`page`] lays out an
//! experiment's page and [`charts`] draws; [`bridge`] is where work leaves the main
//! thread (compute worker, job execution, pools, the shared live board); [`engine`]
//! starts the pool and the worker; [`responsiveness`] measures the main thread's
//! frames, [`long_tasks`] hears the browser's own reports of freezes, and
//! [`devtools_timings`] puts runs on the DevTools Performance panel. Everything that
//! is not drawing or browser glue (knobs, links, records, figures, verdicts and
//! diagnoses, downloads and traces, the job protocol) is in the `playground-lab`
//! crate, and the computations in `playground-kernels`: both have no web dependency
//! and are tested natively.

// Same guard as wasm-bindgen-rayon: without atomics there is no shared memory and
// the thread pool cannot work, so fail the build instead of the page.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
compile_error!("build for the web with the flags in .cargo/config.toml (atomics and shared memory)");

pub mod address_bar;
pub mod app;
pub mod bridge;
pub mod charts;
pub mod clock;
pub mod compare_view;
pub mod copyable_link;
pub mod devtools_timings;
pub mod document_mark;
pub mod download;
pub mod element_width;
pub mod engine;
pub mod environment;
pub mod environment_panel;
pub mod experiments;
pub mod handles;
pub mod live_run;
pub mod long_tasks;
pub mod memory;
pub mod page;
pub mod page_state;
pub mod page_visibility;
pub mod presenter;
pub mod quiet;
pub mod responsiveness;
pub mod runner;
pub mod watchdog;
pub mod yielding;

pub use app::App;
