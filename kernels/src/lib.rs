//! The computations behind the playground's experiments.
//!
//! Everything here is plain Rust with no web dependency: the same code runs in the
//! browser (on the main thread, in a worker, or on the rayon pool of web workers)
//! and natively, so results can be checked with `cargo test` and timings compared
//! with a native build.
//!
//! Each kernel comes in a sequential and a parallel form that must return the
//! same answer; the hot inner loop sits in its own `#[inline(never)]` function so
//! the browser's optimising compiler can tier it up between calls (V8 cannot
//! replace a function that is already running). Long kernels work in chunks
//! through a [`probe::Probe`], which times each chunk and can stop the run.
//!
//! [`uneven`] makes the uneven jobs the work-stealing experiment hands out;
//! [`hand_future`] is seed 002's future written by hand, with its ways of being woken.
//!
//! Beside the kernels: [`stats`] (medians and speedups), [`frames`] (the log of
//! animation frames) and [`params`] (numbers typed by people).

pub mod collatz;
pub mod frames;
pub mod hand_future;
pub mod hash;
pub mod heavy;
pub mod params;
pub mod pipeline;
pub mod primes;
pub mod probe;
pub mod repos;
pub mod scoped;
pub mod service;
pub mod squares;
pub mod stats;
pub mod sum;
pub mod uneven;
