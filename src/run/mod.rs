//! Running an experiment: the engine it runs on (pool and compute worker), what a run
//! reports through while it goes ([`live_run`]), the page's frames and quiet state,
//! and the runner that starts, repeats, cancels and records runs, one at a time.
//! [`runner`] is the one file here that knows the catalogue (`experiments`).

pub mod engine;
pub mod frame_monitor;
pub mod handles;
pub mod live_run;
pub mod mount_stages;
pub mod page_state;
pub mod quiet;
pub mod runner;
