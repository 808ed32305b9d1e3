//! The playground's logic, apart from the page that draws it (as egui's demo keeps
//! `egui_demo_lib` apart from its app): plain data and pure functions with no Leptos
//! and no web-sys, so all of it is tested natively with `cargo test`.
//!
//! - [`knobs`]: the parameters a person sets, typed handles a run reads them through;
//! - [`catalogue`]: what an experiment declares (its [`catalogue::About`]) and its modes;
//! - [`scenario`]: links to a scenario, read (never failing) and written;
//! - [`records`]: what a run leaves behind, and [`figures`] derived from records;
//! - [`timeline`]: a run's events and chunks as the rows of its timeline;
//! - [`export`]: the JSON and CSV downloads; [`shared_result`]: a run's figures in a
//!   link, and [`comparison`]: results from several devices side by side;
//! - [`jobs`]: what the page sends to a worker thread, and what comes back; [`handoff`]:
//!   what handing data to a worker measured;
//! - [`environment`]: what the results depend on (browser, cores, isolation);
//! - [`verdict`]: a sentence on each run from its measurements, [`diagnosis`] the
//!   reasons behind it, [`breakdown`] where a parallel run's time went, with the lines
//!   between "fine" and "not" in [`thresholds`];
//! - [`trace`]: runs as a Chrome Trace Event file for Perfetto and chrome://tracing;
//! - [`compile_errors`]: the seeds' programs that do not compile, with rustc's message;
//! - [`costs`]: what a task, a job, a worker or a round trip costs, and how busy
//!   each thread was;
//! - [`service`]: a web service's load, answers and latency figures;
//! - [`twins`]: what the seeds' JavaScript programs, run beside their Rust twins, answer;
//! - [`presenter`]: presenter mode's keys and where they lead; [`predict`]: the
//!   question before a run, graded from what it measured.
//!
//! The computations themselves are in `playground-kernels`.

pub mod breakdown;
pub mod catalogue;
pub mod comparison;
pub mod compile_errors;
pub mod costs;
pub mod diagnosis;
pub mod docs_table;
pub mod environment;
pub mod export;
pub mod figures;
pub mod handoff;
pub mod hang;
pub mod jobs;
pub mod knobs;
pub mod predict;
pub mod presenter;
pub mod records;
pub mod scenario;
pub mod service;
pub mod shared_result;
pub mod static_pages;
pub mod thresholds;
pub mod timeline;
pub mod trace;
pub mod twins;
pub mod verdict;
pub mod what_ran;
pub mod words;
