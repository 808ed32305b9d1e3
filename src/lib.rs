//! The Concurrency Playground: experiments that show, in the visitor's own browser,
//! what async waiting and threads do to a page.
//!
//! Map (docs/ARCHITECTURE.md says more): [`app`] is the shell; [`views`] draw;
//! [`run`] runs experiments and keeps their records; [`experiments`] is the catalogue,
//! one file per experiment, built from [`experiment_parts`]; [`bridge`] is where work
//! leaves the main thread (compute worker, pools, threads, the watchdog); [`browser`]
//! wraps the web APIs. Everything that is not drawing or browser glue (knobs, links,
//! records, figures, verdicts and diagnoses, downloads and traces, the job protocol) is
//! in the `playground-lab` crate, and the computations in `playground-kernels`: both
//! have no web dependency and are tested natively.

// Same guard as wasm-bindgen-rayon: without atomics there is no shared memory and
// the thread pool cannot work, so fail the build instead of the page.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
compile_error!("build for the web with the flags in .cargo/config.toml (atomics and shared memory)");

pub mod app;
pub mod bridge;
pub mod browser;
pub mod experiment_parts;
pub mod experiments;
pub mod run;
pub mod views;

pub use app::App;
