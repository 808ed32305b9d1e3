//! What the compiler says (seeds 000 and 001): the programs that do not compile, each as
//! a card with its code and rustc's own message. A page of cards, not a run: the
//! messages come from compiling the snippets in the test suite (`lab/src/compile_errors.rs`).

use super::Experiment;
use crate::run::live_run::{LiveRun, RunFuture};
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::compile_errors::{COMPILE_ERRORS, CompileError};
use playground_lab::jobs::JobError;
use playground_lab::knobs::Values;

pub struct CompileErrors;

/// The catalogue wants a mode; this page shows cards instead of running one.
const CARDS: Mode = Mode::other(
    "cards",
    "The compiler's messages",
    "Nothing runs: each card is a program and what rustc says about it.",
);

const ABOUT: About = About {
    slug: words::COMPILE_ERRORS.slug,
    title: words::COMPILE_ERRORS.title,
    summary: words::COMPILE_ERRORS.summary,
    sources: &["lab/src/compile_errors.rs"],
    knobs: &[],
    modes: &[CARDS],
    needs_threads: Threads::No,
    memory_bound: false,
    headline: None,
    verdict_by_result: false,
};

impl Experiment for CompileErrors {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn cards(&self) -> Option<&'static [CompileError]> {
        Some(COMPILE_ERRORS)
    }
    fn run(&self, _mode: Mode, _values: Values, _live: LiveRun) -> RunFuture {
        Box::pin(async {
            Err(JobError::Failed("this page has no run: its cards are what the compiler printed".into()))
        })
    }
}
