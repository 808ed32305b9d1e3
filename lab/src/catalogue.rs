//! What an experiment declares about itself, as plain data: its names, knobs and modes
//! (its explanation is in [`crate::words`], published as HTML rather than compiled in).
//! The app's catalogue (`src/experiments/`) pairs each [`About`] with the code that runs.

use crate::knobs::Knob;

/// What the app needs about an experiment. Its slug, title and summary are copied from its
/// [`crate::words::Words`] (`slug: words::COLLATZ.slug`), not a reference to them: a
/// reference would compile the whole explanation into the wasm, which reads it from the page.
#[derive(Debug)]
pub struct About {
    /// Stable identifier, used in links: public format, never renamed.
    pub slug: &'static str,
    pub title: &'static str,
    /// One sentence for the list of experiments.
    pub summary: &'static str,
    /// The files of the code that runs, as paths in the repository. The page fetches them
    /// when the source is opened (`source/<path>` beside the page, copied there by
    /// scripts/shown-sources.mjs at build time), so the text is not part of the wasm.
    pub sources: &'static [&'static str],
    pub knobs: &'static [Knob],
    pub modes: &'static [Mode],
    /// Which of its modes need the rayon pool or the compute worker.
    pub needs_threads: Threads,
    /// Its kernel reads more memory than it computes on, so threads share the memory
    /// bus and scale poorly: a diagnosis names it (sum of squares).
    pub memory_bound: bool,
    /// The figure its modes are compared by when it is not a time to finish, e.g. the
    /// service's "hello p99" (each run's `Outcome::headline` holds its value): what the
    /// prediction asks about.
    pub headline: Option<&'static str>,
    /// Its modes show different behaviours, not one measure to rank them by (a future that
    /// finishes against one that is stuck): the verdict gives each mode's result instead.
    pub verdict_by_result: bool,
}

/// Which modes of an experiment need threads (the pool or the compute worker): without
/// them (no cross-origin isolation, or the pool still starting) the others still run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Threads {
    /// None: everything runs on the page's main thread.
    No,
    /// Every mode that does not run on the main thread.
    OffMainThread,
    /// Only the modes with these ids (the rest run on the main thread's event loop).
    Modes(&'static [&'static str]),
}

/// What part a mode plays when modes are compared: the speedup is the parallel
/// mode's time against the baseline's, whatever the modes are called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Sequential, off the main thread: what a speedup is measured against.
    Baseline,
    /// Spread over the rayon pool.
    Parallel,
    /// Neither (the main thread, timers, …): no part in a speedup.
    Other,
}

/// One way to run an experiment. Its `id` is public link format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mode {
    pub id: &'static str,
    pub label: &'static str,
    pub explanation: &'static str,
    /// Runs work on the page's main thread: the page is expected to freeze.
    pub blocks_main_thread: bool,
    pub role: Role,
}

impl Mode {
    /// A mode that takes no part in a speedup and leaves the main thread free.
    pub const fn other(id: &'static str, label: &'static str, explanation: &'static str) -> Mode {
        Mode { id, label, explanation, blocks_main_thread: false, role: Role::Other }
    }

    /// A mode that runs its work on the page's main thread (the page is expected to freeze).
    pub const fn on_main_thread(id: &'static str, label: &'static str, explanation: &'static str) -> Mode {
        Mode { id, label, explanation, blocks_main_thread: true, role: Role::Other }
    }

    /// Whether the page goes quiet while this mode runs: the parallel side of a speedup,
    /// timed on every core, where the page's own drawing would take a share of them (the dots
    /// pause, the charts redraw once a second). The sequential baseline on one worker keeps
    /// drawing: that the page stays alive meanwhile is part of its lesson, and it leaves a
    /// core free. `live=1` turns the quiet off.
    pub fn runs_quietly(&self) -> bool {
        self.role == Role::Parallel
    }
}

impl About {
    /// Whether `mode` needs the compute worker or the rayon pool. Modes that run on
    /// the page's main thread need neither, so they run even without threads.
    pub fn mode_needs_threads(&self, mode: Mode) -> bool {
        match self.needs_threads {
            Threads::No => false,
            Threads::OffMainThread => !mode.blocks_main_thread,
            Threads::Modes(ids) => ids.contains(&mode.id),
        }
    }

    pub fn mode(&self, id: &str) -> Option<Mode> {
        self.modes.iter().copied().find(|m| m.id == id)
    }

    /// The first mode that plays `role` (the baseline, the parallel mode), if any.
    pub fn mode_with_role(&self, role: Role) -> Option<Mode> {
        self.modes.iter().copied().find(|m| m.role == role)
    }

    /// The modes of `chosen` that can run now, and a note on those that cannot, when
    /// the threads are not ready (`not_ready` says why). `Err` when none can run.
    pub fn runnable_modes(
        &self,
        chosen: &[Mode],
        not_ready: Option<&str>,
    ) -> Result<(Vec<Mode>, Option<String>), String> {
        let Some(reason) = not_ready else { return Ok((chosen.to_vec(), None)) };
        let (runnable, skipped): (Vec<Mode>, Vec<Mode>) = chosen.iter().partition(|m| !self.mode_needs_threads(**m));
        if runnable.is_empty() {
            return Err(format!("Cannot run this mode yet: {reason}."));
        }
        let note = (!skipped.is_empty()).then(|| {
            let names: Vec<&str> = skipped.iter().map(|m| m.label).collect();
            format!("Skipped {}, which needs threads: {reason}.", names.join(", "))
        });
        Ok((runnable, note))
    }
}

/// A paragraph's first sentence and the rest: split after the first ". ", "? " or "! "
/// that a capital letter, a digit or a quote follows ("e.g. a", "1.5 s" and
/// "std::sync::Mutex::lock" are not ends). The whole paragraph when it has one sentence.
pub fn lead_sentence(paragraph: &str) -> (&str, &str) {
    let bytes = paragraph.as_bytes();
    for (i, _) in paragraph.match_indices(['.', '?', '!']) {
        let next = paragraph[i + 1..].chars().next();
        let after = paragraph[i + 1..].trim_start().chars().next();
        let starts_sentence = after.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“'".contains(c));
        if next == Some(' ') && starts_sentence && !(i >= 3 && &bytes[i - 3..i] == b"e.g") {
            return (&paragraph[..=i], paragraph[i + 1..].trim_start());
        }
    }
    (paragraph, "")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::lead_sentence;

    #[test]
    fn a_lead_sentence_ends_where_the_next_begins() {
        assert_eq!(lead_sentence("One. Two three."), ("One.", "Two three."));
        assert_eq!(lead_sentence("Wait 1.5 s, e.g. here. Then go."), ("Wait 1.5 s, e.g. here.", "Then go."));
        assert_eq!(
            lead_sentence("Call std::sync::Mutex::lock. It blocks?"),
            ("Call std::sync::Mutex::lock.", "It blocks?")
        );
        assert_eq!(lead_sentence("Ends with \"quote\". \"Next\" one."), ("Ends with \"quote\".", "\"Next\" one."));
        assert_eq!(lead_sentence("Just one sentence."), ("Just one sentence.", ""));
        assert_eq!(lead_sentence("Lower. case after a dot is no end"), ("Lower. case after a dot is no end", ""));
    }

    use super::*;
    use crate::knobs::{Text, Whole};

    pub const MAIN: Mode =
        Mode { id: "main-thread", label: "Main thread", explanation: "", blocks_main_thread: true, role: Role::Other };
    pub const WORKER: Mode =
        Mode { id: "worker", label: "Web worker", explanation: "", blocks_main_thread: false, role: Role::Baseline };
    pub const POOL: Mode =
        Mode { id: "pool", label: "Rayon pool", explanation: "", blocks_main_thread: false, role: Role::Parallel };
    pub const N: Whole = Whole::new("n", "N", 2, 100_000_000, 1_000_000);
    pub const THREADS: Whole = Whole::new("threads", "Pool threads", 0, 16, 0);
    pub const WORD: Text = Text::new("password", "Password", 8, "hunter2");

    /// A CPU experiment shaped like the real Collatz one.
    pub static CPU: About = About {
        slug: "collatz",
        title: "Collatz longest chain",
        summary: "",
        sources: &[],
        knobs: &[N.knob(), THREADS.knob()],
        modes: &[MAIN, WORKER, POOL],
        needs_threads: Threads::OffMainThread,
        memory_bound: false,
        headline: None,
        verdict_by_result: false,
    };
    /// A timer experiment that needs no threads, with a text knob.
    pub static TIMERS: About = About {
        slug: "timers",
        title: "Timers",
        summary: "",
        sources: &[],
        knobs: &[WORD.knob()],
        modes: &[Mode {
            id: "join-all",
            label: "join_all",
            explanation: "",
            blocks_main_thread: false,
            role: Role::Other,
        }],
        needs_threads: Threads::No,
        memory_bound: false,
        headline: None,
        verdict_by_result: false,
    };

    pub fn find(slug: &str) -> Option<&'static About> {
        [&CPU, &TIMERS].into_iter().find(|a| a.slug == slug)
    }

    #[test]
    fn only_the_parallel_side_of_a_speedup_runs_quietly() {
        assert!(POOL.runs_quietly());
        assert!(!WORKER.runs_quietly(), "the worker's lesson is that the page keeps drawing");
        assert!(!MAIN.runs_quietly(), "a main-thread run is about the freeze: the page keeps drawing");
    }

    #[test]
    fn without_threads_only_main_thread_modes_run_and_the_rest_are_named() {
        let (runnable, note) = CPU.runnable_modes(&[MAIN, WORKER, POOL], Some("no isolation")).unwrap();
        assert_eq!(runnable, [MAIN]);
        assert_eq!(note.unwrap(), "Skipped Web worker, Rayon pool, which needs threads: no isolation.");
        let error = CPU.runnable_modes(&[POOL], Some("the rayon pool is still starting")).unwrap_err();
        assert_eq!(error, "Cannot run this mode yet: the rayon pool is still starting.");
        assert_eq!(CPU.runnable_modes(&[POOL], None), Ok((vec![POOL], None)));
        let timers = TIMERS.modes[0];
        assert_eq!(TIMERS.runnable_modes(&[timers], Some("no isolation")), Ok((vec![timers], None)));
    }

    #[test]
    fn modes_are_found_by_id() {
        assert_eq!(CPU.mode("pool"), Some(POOL));
        assert_eq!(CPU.mode("turbo"), None);
        assert_eq!(
            (CPU.mode_with_role(Role::Baseline), CPU.mode_with_role(Role::Parallel)),
            (Some(WORKER), Some(POOL))
        );
        assert_eq!(TIMERS.mode_with_role(Role::Parallel), None);
        assert!(!CPU.mode_needs_threads(MAIN) && CPU.mode_needs_threads(WORKER));
    }

    #[test]
    fn an_experiment_can_name_the_modes_that_need_threads() {
        let some = About { needs_threads: Threads::Modes(&["pool"]), modes: &[WORKER, POOL], ..TIMERS };
        assert!(!some.mode_needs_threads(WORKER) && some.mode_needs_threads(POOL));
        let (runnable, note) = some.runnable_modes(&[WORKER, POOL], Some("no isolation")).unwrap();
        assert_eq!(runnable, [WORKER]);
        assert_eq!(note.unwrap(), "Skipped Rayon pool, which needs threads: no isolation.");
        assert!(!TIMERS.mode_needs_threads(TIMERS.modes[0]));
    }
}
