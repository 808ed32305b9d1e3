//! Why a run came out as it did, in plain words, each with the measured number that
//! triggered it. The lines between "fine" and "not" are in [`crate::thresholds`].
//!
//! Each reason speaks only of the kind of run it was made for ([`RunRecord::kind`]): chunks, threads and speedups of a CPU job; the cores a CPU job or a service
//! shares with the page; the page, the build and the tab of any run. A wait for a timer or
//! a lock, or a hang, is not a fixed cost, and a deadlock is not small work.

use crate::breakdown::Breakdown;
use crate::catalogue::Role;
use crate::environment::Environment;
use crate::figures::PoolSpeedup;
use crate::records::{Event, PAGE_LANE, RunKind, RunRecord};
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
/// telling first. Each is said only of the kinds of run it was made for: the chunks,
/// threads and speedup of a CPU job; threads against cores and the page's drawing of a
/// CPU job or a service; the isolation, the build, a hidden tab and a freeze of any run.
pub fn diagnose(latest: &RunRecord, speedup: Option<&PoolSpeedup>, context: Context) -> Vec<Diagnosis> {
    let run_kind = latest.kind();
    let cpu = run_kind == RunKind::Cpu;
    let shares_cores = matches!(run_kind, RunKind::Cpu | RunKind::Service);
    let breakdown = Breakdown::of(latest);
    [
        no_isolation(context.env),
        debug_build(context.env),
        tab_hidden(latest),
        one_thread(latest).filter(|_| cpu),
        more_threads_than_cores(latest, context.env).filter(|_| shares_cores),
        breakdown.as_ref().and_then(too_small),
        breakdown.as_ref().and_then(uneven_chunks),
        memory_bound(latest, speedup, context.memory_bound).filter(|_| cpu),
        breakdown.as_ref().and_then(|b| short_of_ideal(latest, speedup?, b)),
        page_drawing(latest, context.env).filter(|_| shares_cores),
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

/// A freeze where the mode leaves the main thread free: "page-froze" when the longest
/// frame gap overlaps a long task the browser reported or a span the page marked on its
/// own lane (so it was the page's own doing), else "unexpected-freeze".
fn unexpected_freeze(run: &RunRecord) -> Option<Diagnosis> {
    let gap = run.frame_gap_ms?;
    (!run.mode.blocks_main_thread && gap >= FROZEN_FRAME_GAP_MS).then_some(())?;
    let (code, why) = match pages_own_freeze(run) {
        (Some((start, duration)), Some(page)) => (
            "page-froze",
            format!(
                "the page itself was busy (the browser reported a {duration:.0} ms long task at {}, while the page \
                 was {})",
                at_ms(start),
                page.label
            ),
        ),
        (None, Some(page)) => (
            "page-froze",
            format!(
                "the page itself was busy (it was {} from {} to {})",
                page.label,
                at_ms(page.start),
                at_ms(page.end)
            ),
        ),
        (Some((start, duration)), None) => (
            "page-froze",
            format!(
                "the browser saw the page's own main thread busy for {duration:.0} ms at {}, and no mark on the \
                 run's timeline explains it",
                at_ms(start)
            ),
        ),
        (None, None) if run.long_tasks.is_none() => (
            "unexpected-freeze",
            "this browser reports no long tasks, so whether the page itself or something else held it (garbage \
             collection, another tab, a busy machine) cannot be told"
                .to_string(),
        ),
        (None, None) => (
            "unexpected-freeze",
            "something else held it, such as garbage collection, another tab or a busy machine".to_string(),
        ),
    };
    found(
        code,
        format!(
            "The page went {gap:.0} ms without a frame although this mode leaves the main thread free (a freeze \
             is {FROZEN_FRAME_GAP_MS:.0} ms or more): {why}."
        ),
    )
}

/// What of the page's own overlaps the run's longest frame gap ([frame time - gap, frame
/// time] on the run's axis): the longest of the browser's long tasks (start, duration)
/// that does, and a span on [`PAGE_LANE`] that overlaps the gap or that long task. Nothing
/// when the gap's place is unknown (no `frame_gaps`).
fn pages_own_freeze(run: &RunRecord) -> (Option<(f64, f64)>, Option<&Event>) {
    let longest = run.frame_gaps.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let Some(&(frame, before)) = longest else { return (None, None) };
    let window = (frame - before, frame);
    let task = run
        .long_tasks
        .iter()
        .flatten()
        .copied()
        .filter(|&(start, duration)| overlaps((start, start + duration), window))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let page = run.events.iter().filter(|e| e.lane == PAGE_LANE).find(|e| {
        let span = (e.start, e.end);
        overlaps(span, window) || task.is_some_and(|(start, duration)| overlaps(span, (start, start + duration)))
    });
    (task, page)
}

/// Whether two (start, end) intervals share some time; touching ends do not count.
fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// A time on the run's axis: "2,510 ms" ("-30 ms" before the run began).
fn at_ms(ms: f64) -> String {
    let whole = playground_kernels::params::group_thousands(ms.abs().round() as u64);
    if ms <= -0.5 { format!("-{whole} ms") } else { format!("{whole} ms") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Mode;
    use crate::catalogue::tests::{MAIN, POOL, TIMERS, WORKER};
    use crate::environment::tests::chromium;
    use crate::figures::pool_speedup;
    use crate::hang::HangReport;
    use crate::records::tests::run;

    /// mutex-await's modes, the service's, laziness's: none of them a CPU job.
    const STD_MUTEX: Mode = Mode::other("std-mutex", "std::sync::Mutex", "");
    const GUARD_DROPPED: Mode = Mode::other("guard-dropped", "Guard dropped before the await", "");
    const RUST_FUTURE: Mode = Mode::other("rust-future", "Rust future", "");
    const SERVICE: Mode = Mode::other("rayon-install", "CPU_POOL.install", "");

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

    /// A run of `mode` that computed nothing (a wait, a service, timers), `wall_ms` long.
    fn waited(number: usize, mode: Mode, wall_ms: f64) -> RunRecord {
        let mut r = run(number, mode, 0.0, 1);
        r.outcome.compute_ms = None;
        r.wall_ms = wall_ms;
        r
    }

    fn stopped() -> HangReport {
        HangReport { verdict: crate::hang::Verdict::ThreadBlocked, evidence: vec![] }
    }

    #[test]
    fn kinds_are_read_from_the_record() {
        let mut pool = run(1, POOL, 100.0, 2);
        assert_eq!(pool.kind(), RunKind::Cpu);
        pool.outcome.hang = Some(stopped());
        assert_eq!(pool.kind(), RunKind::Hang, "a hang goes before everything");
        let mut worker = run(2, WORKER, 100.0, 1);
        worker.outcome.compute_ms = None;
        assert_eq!(worker.kind(), RunKind::Cpu, "a baseline mode is a CPU job");
        let mut r = run(3, GUARD_DROPPED, 40.0, 1);
        assert_eq!(r.kind(), RunKind::Cpu, "a measured compute time is a CPU job, whatever the mode");
        r.outcome.compute_ms = None;
        assert_eq!(r.kind(), RunKind::Other);
        r.events = vec![Event::span("Task 1", "holds the lock", 0.0, 100.0)];
        assert_eq!(r.kind(), RunKind::Other, "spans are not timers");
        r.events.push(Event::tick("Heartbeat", "heartbeat 1", 50.0, 52.0));
        assert_eq!(r.kind(), RunKind::Timers);
        r.outcome.headline = Some(("hello p99", 3.7));
        assert_eq!(r.kind(), RunKind::Service, "a headline goes before the timers");
        r.outcome.compute_ms = Some(40.0);
        assert_eq!(r.kind(), RunKind::Cpu, "a compute time goes before the headline");
    }

    /// Numbers that trip every reason: 4 threads on 2 cores, 40 % of the run outside the
    /// chunks, thread 1 alone computing after 50 ms, a tenth of the run spent drawing, the
    /// tab hidden, and an 80 ms freeze in which the browser saw no long task.
    fn troubled(mut r: RunRecord) -> RunRecord {
        r.wall_ms = 100.0;
        r.outcome.threads = 4;
        r.spans = vec![span(1, 30.0, 90.0), span(2, 30.0, 50.0)];
        r.hidden = true;
        r.drawing_ms = Some(10.0);
        r.frame_gaps = vec![(17.0, 17.0), (97.0, 80.0)];
        r.frame_gap_ms = Some(80.0);
        r.long_tasks = Some(Vec::new());
        r
    }

    #[test]
    fn the_same_numbers_are_reasons_only_for_the_kinds_they_concern() {
        let env = Environment { cross_origin_isolated: false, optimised_build: false, ..chromium() };
        let context = Context { env: &env, memory_bound: true, by_result: false };
        let runs = [run(1, WORKER, 130.0, 1), troubled(run(2, POOL, 100.0, 4))];
        let speedup = pool_speedup(&runs).unwrap();
        let cpu = &runs[1];
        assert_eq!(cpu.kind(), RunKind::Cpu);
        assert_eq!(
            codes(&diagnose(cpu, Some(&speedup), context)),
            [
                "no-isolation",
                "debug-build",
                "tab-hidden",
                "more-threads-than-cores",
                "too-small",
                "uneven-chunks",
                "memory-bound",
                "short-of-ideal",
                "page-drawing",
                "unexpected-freeze"
            ]
        );
        let mut service = waited(3, SERVICE, 100.0);
        service.outcome.headline = Some(("hello p99", 3.7));
        let service = troubled(service);
        assert_eq!(service.kind(), RunKind::Service);
        assert_eq!(
            codes(&diagnose(&service, Some(&speedup), context)),
            [
                "no-isolation",
                "debug-build",
                "tab-hidden",
                "more-threads-than-cores",
                "page-drawing",
                "unexpected-freeze"
            ]
        );
        let mut timers = waited(4, TIMERS.modes[0], 100.0);
        timers.events = vec![Event::tick("Timer", "timer 1", 50.0, 51.0)];
        let mut hang = waited(5, STD_MUTEX, 100.0);
        hang.outcome.hang = Some(stopped());
        let others = [troubled(timers), troubled(waited(6, GUARD_DROPPED, 100.0)), troubled(hang)];
        for (r, expected) in others.iter().zip([RunKind::Timers, RunKind::Other, RunKind::Hang]) {
            assert_eq!(r.kind(), expected);
            assert_eq!(
                codes(&diagnose(r, Some(&speedup), context)),
                ["no-isolation", "debug-build", "tab-hidden", "unexpected-freeze"],
                "{expected:?}"
            );
        }
    }

    /// mutex-await, std-mutex, as recorded: task 2 blocked the worker in lock() at 1 ms; the
    /// watchdog called it after 2 s of silence (2,505 ms); then the page replaced the worker
    /// and checked the compute worker and the pool (their chunks from 2,519.4 ms), while the
    /// browser saw a 231 ms long task and the page drew no frame for 195 ms.
    fn deadlock(long_tasks: Option<Vec<(f64, f64)>>) -> RunRecord {
        let mut r = waited(1, STD_MUTEX, 2_760.0);
        r.outcome.result = "deadlock: the thread is blocked; the worker replaced".into();
        r.outcome.hang = Some(stopped());
        r.events = vec![
            Event::span("Task 1", "holds the lock, awaits the timer", 0.5, 2_505.0),
            Event::span("Task 2", "blocked in lock()", 1.0, 2_505.0),
            Event::span(PAGE_LANE, "replacing the stuck worker and checking the pool", 2_505.0, 2_745.0),
        ];
        r.spans = vec![span(0, 2_519.4, 2_600.0), span(1, 2_640.0, 2_700.0), span(2, 2_640.0, 2_698.0)];
        r.frame_gaps = vec![(16.7, 16.7), (2_500.0, 16.6), (2_745.0, 195.0)];
        r.frame_gap_ms = Some(195.0);
        r.drawing_ms = Some(3.0);
        r.long_tasks = long_tasks;
        r
    }

    #[test]
    fn a_deadlock_is_not_small_work_and_its_freeze_is_the_pages_own() {
        let env = chromium();
        let context = Context { env: &env, memory_bound: false, by_result: true };
        let r = deadlock(Some(vec![(2_510.0, 231.0)]));
        assert_eq!(r.kind(), RunKind::Hang);
        assert_eq!(Breakdown::of(&r), None, "the check's chunks are not the run's work");
        let found = diagnose(&r, None, context);
        assert_eq!(codes(&found), ["page-froze"]);
        assert_eq!(
            found[0].text,
            "The page went 195 ms without a frame although this mode leaves the main thread free (a freeze is 50 ms or \
             more): the page itself was busy (the browser reported a 231 ms long task at 2,510 ms, while the page was \
             replacing the stuck worker and checking the pool)."
        );
        // Firefox reports no long tasks: the page's own mark still tells.
        let found = diagnose(&deadlock(None), None, context);
        assert_eq!(codes(&found), ["page-froze"]);
        assert!(
            found[0].text.ends_with(
                "the page itself was busy (it was replacing the stuck worker and checking the pool from 2,505 ms to \
                 2,745 ms)."
            ),
            "{}",
            found[0].text
        );
    }

    #[test]
    fn a_wait_for_a_lock_is_not_small_work() {
        let env = chromium();
        let context = Context { env: &env, memory_bound: false, by_result: true };
        // mutex-await, guard-dropped, a 3 s timer: both tasks finished; chunks of the pool
        // that are not its work are in its record from 1,227.4 ms on.
        let mut r = waited(2, GUARD_DROPPED, 3_012.0);
        r.outcome.result = "both finished: counter = 2".into();
        r.events = vec![
            Event::span("Task 1", "awaits the timer, guard dropped", 0.5, 3_005.0),
            Event::span("Task 2", "holds the lock", 1.0, 1.2),
        ];
        r.spans = vec![span(0, 1_210.0, 1_226.0), span(1, 1_227.4, 1_240.0), span(2, 1_227.5, 1_239.0)];
        r.frame_gaps = vec![(1_500.0, 18.0)];
        r.frame_gap_ms = Some(18.0);
        r.drawing_ms = Some(40.0);
        r.long_tasks = Some(Vec::new());
        assert_eq!(r.kind(), RunKind::Other);
        assert_eq!(Breakdown::of(&r), None, "its chunks are not its work");
        assert_eq!(diagnose(&r, None, context), []);
        r.hidden = true;
        assert_eq!(codes(&diagnose(&r, None, context)), ["tab-hidden"], "the tab is every run's");
    }

    #[test]
    fn a_long_task_with_no_mark_is_the_pages_own_main_thread() {
        let env = chromium();
        let context = Context { env: &env, memory_bound: false, by_result: true };
        // laziness, rust-future, as recorded: the browser's 71 ms long task began as the
        // run ended, and the frame after it came 70 ms after the one before.
        let mut r = waited(1, RUST_FUTURE, 52.0);
        r.events = vec![Event::span("Made", "made", 0.1, 0.1), Event::span("Body", "its work", 0.3, 50.3)];
        r.frame_gaps = vec![(16.6, 16.6), (33.3, 16.7), (50.0, 16.7), (120.0, 70.0)];
        r.frame_gap_ms = Some(70.0);
        r.long_tasks = Some(vec![(48.0, 71.0)]);
        assert_eq!(r.kind(), RunKind::Other);
        let found = diagnose(&r, None, context);
        assert_eq!(codes(&found), ["page-froze"]);
        assert!(
            found[0].text.ends_with(
                "the browser saw the page's own main thread busy for 71 ms at 48 ms, and no mark on the run's timeline \
                 explains it."
            ),
            "{}",
            found[0].text
        );
        // A long task apart from the gap says nothing of it.
        r.long_tasks = Some(vec![(300.0, 60.0)]);
        assert_eq!(codes(&diagnose(&r, None, context)), ["unexpected-freeze"]);
    }

    #[test]
    fn a_heartbeat_hears_only_of_the_page_and_the_tab() {
        let env = Environment { hardware_concurrency: 1, ..chromium() };
        let context = Context { env: &env, memory_bound: false, by_result: false };
        // A heartbeat beside blocking work in a worker: the page froze for 80 ms during the
        // work, with no long task, and its drawing took 10 % of the run on its one core.
        let mut r = waited(1, TIMERS.modes[0], 350.0);
        r.events = vec![
            Event::span("Work (web worker)", "blocking work", 0.0, 300.0),
            Event::tick("Heartbeat", "heartbeat 1", 50.0, 51.0),
            Event::tick("Heartbeat", "heartbeat 2", 100.0, 101.0),
        ];
        r.spans = vec![span(1, 200.0, 210.0)];
        r.drawing_ms = Some(35.0);
        r.frame_gaps = vec![(16.7, 16.7), (180.0, 80.0)];
        r.frame_gap_ms = Some(80.0);
        r.long_tasks = Some(Vec::new());
        assert_eq!(r.kind(), RunKind::Timers);
        assert!(page_drawing(&r, &env).is_some(), "a CPU job's drawing this long would be a reason");
        let found = diagnose(&r, None, context);
        assert_eq!(codes(&found), ["unexpected-freeze"]);
        assert!(
            found[0].text.ends_with(
                "(a freeze is 50 ms or more): something else held it, such as garbage collection, another tab or a \
                 busy machine."
            ),
            "{}",
            found[0].text
        );
        // Firefox: no long tasks to tell the page's freeze from another's.
        r.long_tasks = None;
        let found = diagnose(&r, None, context);
        assert_eq!(codes(&found), ["unexpected-freeze"]);
        assert!(
            found[0].text.ends_with(
                "this browser reports no long tasks, so whether the page itself or something else held it (garbage \
                 collection, another tab, a busy machine) cannot be told."
            ),
            "{}",
            found[0].text
        );
    }

    #[test]
    fn a_service_shares_the_cores_but_has_no_chunks_to_blame() {
        let env = Environment { hardware_concurrency: 2, ..chromium() };
        let context = Context { env: &env, memory_bound: false, by_result: false };
        // The service, hashes on the CPU pool (one thread per core) for 10 s; the page drew
        // for 600 ms meanwhile.
        let mut r = waited(1, SERVICE, 10_000.0);
        r.outcome.headline = Some(("hello p99", 3.7));
        r.outcome.threads = 2;
        r.drawing_ms = Some(600.0);
        r.spans = vec![span(1, 4_000.0, 4_040.0), span(2, 4_000.0, 4_010.0)];
        r.frame_gaps = vec![(2_000.0, 34.0)];
        r.frame_gap_ms = Some(34.0);
        r.long_tasks = Some(Vec::new());
        assert_eq!(r.kind(), RunKind::Service);
        assert_eq!(codes(&diagnose(&r, None, context)), ["page-drawing"]);
        r.outcome.threads = 3;
        assert_eq!(codes(&diagnose(&r, None, context)), ["more-threads-than-cores", "page-drawing"]);
    }
}
