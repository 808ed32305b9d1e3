//! Why a run came out as it did, in plain words, each with the measured number that
//! triggered it. The lines between "fine" and "not" are in [`crate::thresholds`].

use crate::breakdown::Breakdown;
use crate::catalogue::Role;
use crate::environment::Environment;
use crate::figures::PoolSpeedup;
use crate::records::RunRecord;
use crate::thresholds::*;

/// One reason, and the figure that shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnosis {
    /// Stable, for tests and styles: "no-isolation", "one-thread", …
    pub code: &'static str,
    pub text: String,
}

/// What a diagnosis knows beyond the run.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub env: &'a Environment,
    /// The experiment's kernel reads more memory than it computes on (sum of squares).
    pub memory_bound: bool,
    /// Its modes differ in kind, not in one measure (`About::verdict_by_result`).
    pub by_result: bool,
}

fn found(code: &'static str, text: String) -> Option<Diagnosis> {
    Some(Diagnosis { code, text })
}

fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

/// The reasons behind the latest run (and the speedup, when there is one), most
/// telling first.
pub fn diagnose(latest: &RunRecord, speedup: Option<&PoolSpeedup>, context: Context) -> Vec<Diagnosis> {
    let breakdown = Breakdown::of(latest);
    [
        no_isolation(context.env),
        debug_build(context.env),
        tab_hidden(latest),
        one_thread(latest),
        more_threads_than_cores(latest, context.env),
        breakdown.as_ref().and_then(too_small),
        breakdown.as_ref().and_then(uneven_chunks),
        memory_bound(latest, speedup, context.memory_bound),
        breakdown.as_ref().and_then(|b| short_of_ideal(latest, speedup?, b)),
        page_drawing(latest, context.env),
        unexpected_freeze(latest),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn no_isolation(env: &Environment) -> Option<Diagnosis> {
    (!env.cross_origin_isolated).then_some(())?;
    found(
        "no-isolation",
        "The page is not cross-origin isolated (crossOriginIsolated is false): no shared memory, so no \
         pool and no compute worker, and every mode that needs threads is skipped."
            .into(),
    )
}

fn debug_build(env: &Environment) -> Option<Diagnosis> {
    found("debug-build", env.build_warning()?.to_string())
}

fn tab_hidden(run: &RunRecord) -> Option<Diagnosis> {
    run.hidden.then_some(())?;
    found(
        "tab-hidden",
        "The tab was in the background for part of the run: browsers throttle a hidden tab's timers \
         (to once a second or less), so timings and lateness mean little."
            .into(),
    )
}

fn one_thread(run: &RunRecord) -> Option<Diagnosis> {
    (run.mode.role == Role::Parallel && run.outcome.threads == 1).then_some(())?;
    found(
        "one-thread",
        "The pool had 1 thread, so nothing ran in parallel: a speedup needs 2 or more (the Pool threads knob, or \
         a machine with more cores)."
            .into(),
    )
}

fn more_threads_than_cores(run: &RunRecord, env: &Environment) -> Option<Diagnosis> {
    let (threads, cores) = (run.outcome.threads, env.hardware_concurrency);
    (threads > cores && cores > 0).then_some(())?;
    found(
        "more-threads-than-cores",
        format!(
            "{threads} threads on {cores} logical cores: the threads take turns on the cores, so the extra ones \
             cannot make it faster."
        ),
    )
}

fn too_small(b: &Breakdown) -> Option<Diagnosis> {
    (b.fixed_share() >= FIXED_COST_SHARE).then_some(())?;
    found(
        "too-small",
        format!(
            "The work is too small: fixed costs (sending the job and waking the threads, {:.1} ms, then the \
             answer's way back, {:.1} ms) were {} of the run's {:.1} ms (at or above {}).",
            b.before_first_chunk_ms,
            b.after_last_chunk_ms,
            percent(b.fixed_share()),
            b.wall_ms,
            percent(FIXED_COST_SHARE)
        ),
    )
}

fn uneven_chunks(b: &Breakdown) -> Option<Diagnosis> {
    (b.tail_share() >= UNEVEN_TAIL_SHARE).then_some(())?;
    found(
        "uneven-chunks",
        format!(
            "The work was shared unevenly: for the last {:.1} ms ({} of the computing time, at or above {}) some \
             thread had nothing left to do while another still computed.",
            b.tail_ms,
            percent(b.tail_share()),
            percent(UNEVEN_TAIL_SHARE)
        ),
    )
}

fn memory_bound(run: &RunRecord, speedup: Option<&PoolSpeedup>, memory_bound: bool) -> Option<Diagnosis> {
    let efficiency = speedup?.speedup.efficiency;
    (memory_bound && run.mode.role == Role::Parallel && efficiency < MEMORY_BOUND_EFFICIENCY).then_some(())?;
    found(
        "memory-bound",
        format!(
            "The kernel is memory-bound: it reads 8 bytes for each multiply and add, so the threads share the \
             memory bus and wait on it ({} of ideal, below {}).",
            percent(efficiency),
            percent(MEMORY_BOUND_EFFICIENCY)
        ),
    )
}

/// Where the time between the ideal and the measured pool went, from the latest run's chunks.
fn short_of_ideal(run: &RunRecord, speedup: &PoolSpeedup, b: &Breakdown) -> Option<Diagnosis> {
    let n = speedup.threads;
    let efficiency = speedup.speedup.efficiency;
    (run.mode.role == Role::Parallel && n > 1 && efficiency < NEAR_IDEAL_EFFICIENCY).then_some(())?;
    let ideal = speedup.baseline.median / n as f64;
    let busy: f64 = b.threads.iter().map(|t| t.busy_ms).sum();
    let idle = b.threads.iter().map(|t| t.idle_ms).sum::<f64>() / b.threads.len().max(1) as f64;
    let extra_work = busy / speedup.baseline.median - 1.0;
    let work = if extra_work > 0.0 {
        format!(
            "the threads' busy time added up to {busy:.0} ms against {:.0} ms for the same work on one worker, {} \
             more (with every core busy each thread runs slower: shared caches and memory, the page's own work)",
            speedup.baseline.median,
            percent(extra_work)
        )
    } else {
        format!("the threads' busy time added up to {busy:.0} ms, no more than on one worker")
    };
    found(
        "short-of-ideal",
        format!(
            "{} of ideal (below {}): {n} threads at ideal speed would take {ideal:.0} ms. In run {}, {:.1} ms went \
             before the first chunk and {:.1} ms after the last; each thread sat idle {idle:.1} ms on average while \
             others computed; and {work}.",
            percent(efficiency),
            percent(NEAR_IDEAL_EFFICIENCY),
            run.number,
            b.before_first_chunk_ms,
            b.after_last_chunk_ms
        ),
    )
}

fn page_drawing(run: &RunRecord, env: &Environment) -> Option<Diagnosis> {
    let drawing = run.drawing_ms?;
    let share = drawing / run.wall_ms.max(1e-9);
    let cores_busy = run.outcome.threads >= env.hardware_concurrency;
    (cores_busy && !run.mode.blocks_main_thread && share >= DRAWING_SHARE).then_some(())?;
    found(
        "page-drawing",
        format!(
            "While the threads worked, the page's own redraw code (its charts and figures; layout and paint not \
             counted) ran for {drawing:.1} ms on the main thread ({} of the run, at or above {}): with {} threads on {} \
             cores, that time was likely taken from them.",
            percent(share),
            percent(DRAWING_SHARE),
            run.outcome.threads,
            env.hardware_concurrency
        ),
    )
}

fn unexpected_freeze(run: &RunRecord) -> Option<Diagnosis> {
    let gap = run.frame_gap_ms?;
    (!run.mode.blocks_main_thread && gap >= FROZEN_FRAME_GAP_MS).then_some(())?;
    found(
        "unexpected-freeze",
        format!(
            "The page went {gap:.0} ms without a frame although this mode leaves the main thread free (a freeze \
             is {FROZEN_FRAME_GAP_MS:.0} ms or more): something else held it, such as garbage collection, \
             another tab or a busy machine."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::tests::{MAIN, POOL, WORKER};
    use crate::environment::tests::chromium;
    use crate::figures::pool_speedup;
    use crate::records::tests::run;

    fn codes(d: &[Diagnosis]) -> Vec<&'static str> {
        d.iter().map(|d| d.code).collect()
    }

    fn span(thread: usize, start_ms: f64, end_ms: f64) -> playground_kernels::probe::ChunkSpan {
        crate::records::tests::chunk(0, thread, start_ms, end_ms)
    }

    #[test]
    fn a_clean_run_has_nothing_to_say() {
        let env = chromium();
        let context = Context { env: &env, memory_bound: false, by_result: false };
        let mut r = run(1, POOL, 100.0, 2);
        r.wall_ms = 104.0;
        r.spans = vec![span(1, 2.0, 100.0), span(2, 2.0, 99.0)];
        r.drawing_ms = Some(1.0);
        assert_eq!(diagnose(&r, None, context), []);
    }

    #[test]
    fn each_reason_fires_on_its_number_and_says_it() {
        let env = Environment { cross_origin_isolated: false, hardware_concurrency: 2, ..chromium() };
        let context = Context { env: &env, memory_bound: false, by_result: false };
        let mut r = run(1, POOL, 20.0, 4);
        r.wall_ms = 20.0;
        // 6 ms before the first chunk, 2 ms after the last; of 4 pool threads, 3 and 4 ran
        // nothing, so from the first chunk on some thread was idle.
        r.spans = vec![span(1, 6.0, 18.0), span(2, 6.0, 10.0)];
        r.hidden = true;
        r.drawing_ms = Some(2.0);
        r.frame_gap_ms = Some(80.0);
        let found = diagnose(&r, None, context);
        assert_eq!(
            codes(&found),
            [
                "no-isolation",
                "tab-hidden",
                "more-threads-than-cores",
                "too-small",
                "uneven-chunks",
                "page-drawing",
                "unexpected-freeze"
            ]
        );
        assert!(found[2].text.starts_with("4 threads on 2 logical cores"), "{}", found[2].text);
        assert!(found[3].text.contains("40 % of the run's 20.0 ms"), "{}", found[3].text);
        assert!(found[4].text.contains("last 12.0 ms (100 % of the computing time"), "{}", found[4].text);
        assert!(found[5].text.contains("ran for 2.0 ms on the main thread (10 % of the run"), "{}", found[5].text);
        assert!(found[6].text.contains("80 ms without a frame"), "{}", found[6].text);
    }

    #[test]
    fn thresholds_are_the_lines() {
        let env = chromium();
        let context = Context { env: &env, memory_bound: false, by_result: false };
        let mut r = run(1, POOL, 100.0, 2);
        r.wall_ms = 100.0;
        // Exactly 25 % fixed costs: too small; a hair under: fine.
        r.spans = vec![span(1, 20.0, 95.0), span(2, 20.0, 95.0)];
        assert_eq!(codes(&diagnose(&r, None, context)), ["too-small"]);
        r.spans = vec![span(1, 19.0, 95.0), span(2, 19.0, 95.0)];
        assert_eq!(codes(&diagnose(&r, None, context)), [] as [&str; 0]);
        // A freeze is a reason only where the mode should not freeze the page.
        r.frame_gap_ms = Some(FROZEN_FRAME_GAP_MS);
        assert_eq!(codes(&diagnose(&r, None, context)), ["unexpected-freeze"]);
        let mut main = run(2, MAIN, 100.0, 1);
        main.frame_gap_ms = Some(300.0);
        assert_eq!(codes(&diagnose(&main, None, context)), [] as [&str; 0]);
    }

    #[test]
    fn one_thread_and_memory() {
        let env = chromium();
        let r = run(2, POOL, 100.0, 1);
        assert_eq!(
            codes(&diagnose(&r, None, Context { env: &env, memory_bound: false, by_result: false })),
            ["one-thread"]
        );
        let runs = [run(1, WORKER, 130.0, 1), run(2, POOL, 100.0, 2)];
        let speedup = pool_speedup(&runs).unwrap();
        assert_eq!(
            codes(&diagnose(&runs[1], Some(&speedup), Context { env: &env, memory_bound: true, by_result: false })),
            ["memory-bound"],
            "65 % of ideal"
        );
        assert_eq!(
            codes(&diagnose(&runs[1], Some(&speedup), Context { env: &env, memory_bound: false, by_result: false })),
            [] as [&str; 0]
        );
        let debug = Environment { optimised_build: false, ..chromium() };
        assert_eq!(
            codes(&diagnose(&runs[1], None, Context { env: &debug, memory_bound: false, by_result: false })),
            ["debug-build"]
        );
    }
}
