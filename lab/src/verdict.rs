//! One sentence on what a run (or a comparison of modes) showed, with the measured
//! figures behind it. Every number in it is this page's own measurement; when the
//! result goes against the lesson, it says so and names the likely reason.
//!
//! Which sentence is chosen by what the runs hold, not by which experiment made
//! them: a baseline and a parallel run give a speedup; timers give lateness, on and
//! off the main thread; several modes give a comparison; one mode, its own figures.

use crate::catalogue::{Mode, Role};
use crate::diagnosis::{Context, Diagnosis, diagnose};
use crate::figures::{PoolSpeedup, latest_work, pool_speedup};
use crate::records::RunRecord;
use crate::thresholds::*;
use playground_kernels::stats::Summary;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Speedup,
    Timers,
    Comparison,
    Single,
    /// Each mode's result, where modes differ in kind rather than in one measure.
    Results,
}

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::Speedup => "speedup",
            Kind::Timers => "timers",
            Kind::Comparison => "comparison",
            Kind::Single => "single",
            Kind::Results => "results",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub kind: Kind,
    pub sentence: String,
    /// (what, measured value with its spread or "one run")
    pub figures: Vec<(String, String)>,
    /// The run went against what the experiment teaches.
    pub against_lesson: bool,
    /// Some mode behind it ran only once: its figures are single samples.
    pub single_samples: bool,
    /// The run the reasons are about: the one that carries the lesson (the parallel
    /// run of a speedup, the offloaded run of a timer comparison), else the latest.
    pub subject: usize,
    /// Why that run came out as it did, most telling first.
    pub reasons: Vec<Diagnosis>,
}

/// What a kind of verdict says.
struct Said {
    sentence: String,
    figures: Vec<(String, String)>,
    against_lesson: bool,
}

/// "220 ms (median of 3, 200–900)" or "220 ms (one run)".
pub fn with_spread(s: &Summary) -> String {
    if s.count == 1 {
        format!("{:.1} ms (one run)", s.median)
    } else {
        format!("{:.1} ms (median of {}, {:.1}–{:.1})", s.median, s.count, s.min, s.max)
    }
}

/// The modes of `runs` in order of first appearance, each with its runs.
fn by_mode<'a>(runs: &[&'a RunRecord]) -> Vec<(Mode, Vec<&'a RunRecord>)> {
    let mut groups: Vec<(Mode, Vec<&RunRecord>)> = Vec::new();
    for r in runs {
        match groups.iter_mut().find(|g| g.0 == r.mode) {
            Some(g) => g.1.push(r),
            None => groups.push((r.mode, vec![r])),
        }
    }
    groups
}

fn summary_of(runs: &[&RunRecord], value: impl Fn(&RunRecord) -> Option<f64>) -> Option<Summary> {
    Summary::of(runs.iter().filter_map(|r| value(r)))
}

/// The verdict on `runs` (oldest first), or `None` before the first run.
pub fn verdict(runs: &[RunRecord], context: Context) -> Option<Verdict> {
    let latest = runs.last()?;
    let work = latest_work(runs);
    let modes = by_mode(&work);
    let speedup = pool_speedup(runs);
    let has_timers = work.iter().any(|r| r.worst_lateness().is_some());
    let lesson_run = |wanted: &dyn Fn(&RunRecord) -> bool| work.iter().rev().copied().find(|r| wanted(r));
    let subject = match (&speedup, has_timers) {
        (Some(_), _) => lesson_run(&|r| r.mode.role == Role::Parallel),
        (None, true) => lesson_run(&|r| !r.mode.blocks_main_thread),
        _ => None,
    }
    .unwrap_or(latest);
    let reasons = diagnose(subject, speedup.as_ref(), context);
    let reason = reasons
        .first()
        .map_or("nothing in the measurements explains it; the machine may have been busy, so run it again.", |d| {
            d.text.as_str()
        });
    // Runs judged by a headline (a service's hello p99, a heartbeat's lateness) are
    // compared by it, even where they have timers too.
    let headlined = work.iter().all(|r| r.outcome.headline.is_some());
    let one_figure = work.iter().all(|r| r.time_name() == latest.time_name());
    let (kind, said) = if context.by_result {
        (Kind::Results, results_verdict(&modes))
    } else if let Some(s) = &speedup {
        (Kind::Speedup, speedup_verdict(s, &modes, reason))
    } else if headlined && !one_figure {
        // Modes judged by different figures (the pool's lost thread, a small job's wait)
        // cannot be ranked against each other: the latest run alone.
        (Kind::Single, single_verdict(latest))
    } else if headlined && modes.len() > 1 {
        (Kind::Comparison, comparison_verdict(&modes))
    } else if has_timers {
        (Kind::Timers, timers_verdict(&modes, reason))
    } else if modes.len() > 1 {
        (Kind::Comparison, comparison_verdict(&modes))
    } else {
        (Kind::Single, single_verdict(latest))
    };
    Some(Verdict {
        kind,
        sentence: said.sentence,
        figures: said.figures,
        against_lesson: said.against_lesson,
        single_samples: modes.iter().any(|(_, rs)| rs.len() == 1),
        subject: subject.number,
        reasons,
    })
}

fn speedup_verdict(s: &PoolSpeedup, modes: &[(Mode, Vec<&RunRecord>)], reason: &str) -> Said {
    let (x, n, eff) = (s.speedup.speedup, s.threads, s.speedup.efficiency);
    let label = |role| modes.iter().find(|(m, _)| m.role == role).map_or("", |(m, _)| m.label);
    let (baseline, parallel) = (label(Role::Baseline), label(Role::Parallel));
    let mut sentence = if n == 1 {
        format!(
            "On 1 thread the pool took {x:.2}× the speed of {baseline}: one thread has no one to share the work with, \
             so only 2 threads or more can be faster."
        )
    } else if x >= NO_GAIN_BELOW {
        format!(
            "{n} threads made it {x:.2}× faster than {baseline} (the sequential code): {:.0} % of the ideal {n}×.",
            eff * 100.0
        )
    } else if x >= SLOWER_BELOW {
        format!("{n} threads were no faster than {baseline}: {x:.2}×, against an ideal {n}×. Likely reason: {reason}")
    } else {
        format!("The pool was slower than {baseline}: {x:.2}× with {n} threads. Likely reason: {reason}")
    };
    if eff > 1.0 && n > 1 {
        sentence.push_str(&above_ideal(s));
    }
    let mut figures = vec![
        (baseline.to_string(), with_spread(&s.baseline)),
        (format!("{parallel} ({})", threads(n)), with_spread(&s.parallel)),
        ("Speedup".to_string(), format!("{x:.2}× (medians)")),
        ("Efficiency".to_string(), format!("{:.0} % of ideal", eff * 100.0)),
    ];
    figures.extend(freeze_figures(&freezes(modes)));
    Said { sentence, figures, against_lesson: n > 1 && x < NO_GAIN_BELOW }
}

/// "1 thread", "2 threads".
fn threads(n: usize) -> String {
    if n == 1 { "1 thread".into() } else { format!("{n} threads") }
}

/// Why an efficiency above 100 % is not magic.
pub fn above_ideal(s: &PoolSpeedup) -> String {
    let within_spread = s.baseline.min / s.parallel.max <= s.threads as f64;
    if s.baseline.count == 1 || s.parallel.count == 1 {
        " Above the ideal: one run of a mode is a single sample, which cannot tell noise from a real difference; \
         repeat the runs for medians with their spread."
            .into()
    } else if within_spread {
        " Above the ideal, but within the runs' spread: noise.".into()
    } else {
        " Above the ideal, beyond the runs' spread: the baseline is the sequential code on one worker, not the pool of one \
         thread, so the two ran different loops (the parallel one possibly kinder to the caches)."
            .into()
    }
}

/// Each mode whose runs typically froze the page (by the median of their longest gaps).
fn freezes(modes: &[(Mode, Vec<&RunRecord>)]) -> Vec<(Mode, Summary)> {
    modes
        .iter()
        .filter_map(|(m, rs)| {
            let gap = summary_of(rs, |r| r.frame_gap_ms)?;
            (gap.median >= FROZEN_FRAME_GAP_MS).then_some((*m, gap))
        })
        .collect()
}

/// The figures of [`freezes`]: "Main thread: page froze", with its spread.
fn freeze_figures(frozen: &[(Mode, Summary)]) -> Vec<(String, String)> {
    frozen.iter().map(|(m, gap)| (format!("{}: page froze", m.label), with_spread(gap))).collect()
}

/// The timers of the modes on one side of the main thread, over that side's runs: the
/// worst lateness of each run and the page's longest frame gap in each.
struct TimerSide {
    late: Summary,
    gap: Option<Summary>,
}

impl TimerSide {
    fn of(modes: &[(Mode, Vec<&RunRecord>)], blocking: bool) -> Option<TimerSide> {
        let runs: Vec<&RunRecord> = modes
            .iter()
            .filter(|(m, _)| m.blocks_main_thread == blocking)
            .flat_map(|(_, rs)| rs.iter().copied())
            .collect();
        Some(TimerSide {
            late: summary_of(&runs, RunRecord::worst_lateness)?,
            gap: summary_of(&runs, |r| r.frame_gap_ms),
        })
    }

    /// Worst over the side's runs: "at most" and "never" are claims about every run.
    fn latest_tick(&self) -> f64 {
        self.late.max
    }

    fn longest_gap(&self) -> f64 {
        self.gap.map_or(0.0, |g| g.max)
    }

    fn on_time(&self) -> bool {
        self.latest_tick() < LATE_TIMER_MS
    }

    fn froze(&self) -> bool {
        self.longest_gap() >= FROZEN_FRAME_GAP_MS
    }

    fn figures(&self, side: &str) -> Vec<(String, String)> {
        let mut figures = vec![(format!("{side}: latest tick, ms late"), with_spread(&self.late))];
        figures.extend(self.gap.map(|g| (format!("{side}: longest frame gap"), with_spread(&g))));
        figures
    }
}

/// "the heartbeat stayed on time: at most 4 ms late" / "was 90 ms late", and the page.
fn offloaded_clause(timer: &str, off: &TimerSide) -> String {
    let (late, gap) = (off.latest_tick(), off.longest_gap());
    let timing = if off.on_time() {
        format!("Off the main thread, the {timer} stayed on time: at most {late:.0} ms late")
    } else {
        format!("Off the main thread, the {timer} was still {late:.0} ms late")
    };
    let page = if off.froze() { format!(", but the page froze for {gap:.0} ms") } else { String::new() };
    timing + &page
}

/// The main thread's side, on its own or after the offloaded clause.
fn blocked_clause(timer: &str, on: &TimerSide, after_offloaded: bool) -> String {
    let (late, gap) = (on.latest_tick(), on.longest_gap());
    let froze = if on.froze() { format!(" and the page froze for {gap:.0} ms") } else { String::new() };
    match (on.on_time(), after_offloaded) {
        (false, true) => format!("against {late:.0} ms late on the main thread{froze}"),
        (false, false) => {
            format!(
                "On the main thread, the {timer} was {late:.0} ms late{froze}: the work held the thread the timer needs"
            )
        }
        (true, true) => format!(
            "and on the main thread it was on time as well (at most {late:.0} ms late{froze}), so this run did not show \
             the stall"
        ),
        (true, false) => format!(
            "On the main thread, the {timer} was on time (at most {late:.0} ms late{froze}), so this run did not show \
             the stall"
        ),
    }
}

fn timers_verdict(modes: &[(Mode, Vec<&RunRecord>)], reason: &str) -> Said {
    let timer = modes.iter().flat_map(|(_, rs)| rs).find_map(|r| r.timer_lane()).unwrap_or("timer").to_lowercase();
    let (on, off) = (TimerSide::of(modes, true), TimerSide::of(modes, false));
    let mut figures = Vec::new();
    let mut parts = Vec::new();
    if let Some(off) = &off {
        figures.extend(off.figures("Off the main thread"));
        parts.push(offloaded_clause(&timer, off));
    }
    if let Some(on) = &on {
        figures.extend(on.figures("On the main thread"));
        parts.push(blocked_clause(&timer, on, off.is_some()));
    }
    if let (Some(off), None) = (&off, &on) {
        if !off.froze() {
            parts.push(format!("and the page never froze (longest frame gap {:.0} ms)", off.longest_gap()));
        }
    }
    let offloaded_failed = off.as_ref().is_some_and(|s| !s.on_time() || s.froze());
    let mut sentence = parts.join(", ") + ".";
    if offloaded_failed {
        sentence.push_str(&format!(" Likely reason: {reason}"));
    }
    let blocked_on_time = on.as_ref().is_some_and(TimerSide::on_time);
    Said { sentence, figures, against_lesson: offloaded_failed || blocked_on_time }
}

fn comparison_verdict(modes: &[(Mode, Vec<&RunRecord>)]) -> Said {
    // One figure for every run: the headline or compute time only where every run has
    // the same (else one mode's compute time would meet another's wall time).
    let runs = || modes.iter().flat_map(|(_, rs)| rs);
    let first = modes[0].1[0].time_name();
    let alike = runs().all(|r| r.time_name() == first);
    let headline = alike && modes[0].1[0].outcome.headline.is_some();
    let time = |r: &RunRecord| Some(if alike { r.time_ms() } else { r.wall_ms });
    let mut times: Vec<(Mode, Summary)> =
        modes.iter().filter_map(|(m, rs)| Some((*m, summary_of(rs, time)?))).collect();
    times.sort_by(|a, b| a.1.median.total_cmp(&b.1.median));
    let (fast, slow) = (&times[0], &times[times.len() - 1]);
    // A headline near zero (a heartbeat on time) would make any ratio absurd: 1 ms at least.
    let ratio = slow.1.median / fast.1.median.max(if headline { 1.0 } else { 1e-9 });
    // A headline is a latency: lower is better, and "faster" would misname it.
    let (same, took, better, digits) = if headline {
        (format!("gave about the same {first}"), format!("kept {first} at"), "lower", 1)
    } else {
        ("took about the same time".to_string(), "took".to_string(), "faster", 0)
    };
    let (f, s) = (fast.1.median, slow.1.median);
    let mut sentence = if ratio < SAME_TIME_WITHIN {
        format!("{} and {} {same}: {f:.digits$} ms and {s:.digits$} ms.", fast.0.label, slow.0.label)
    } else {
        format!(
            "{} {took} {f:.digits$} ms against {s:.digits$} ms for {}: {ratio:.1}× {better}.",
            fast.0.label, slow.0.label
        )
    };
    let frozen = freezes(modes);
    if let Some((mode, gap)) = frozen.first() {
        sentence.push_str(&format!(" {}: page froze for {:.0} ms.", mode.label, gap.median));
    }
    let what = if alike { first } else { "wall time" };
    let mut figures: Vec<(String, String)> =
        times.iter().map(|(m, s)| (format!("{}, {what}", m.label), with_spread(s))).collect();
    figures.extend(freeze_figures(&frozen));
    Said { sentence, figures, against_lesson: false }
}

/// Modes that differ in kind (finishes or is stuck, lazy or eager): each one's latest result.
fn results_verdict(modes: &[(Mode, Vec<&RunRecord>)]) -> Said {
    let latest = |runs: &[&RunRecord]| runs.last().map(|r| r.outcome.result.clone()).unwrap_or_default();
    let parts: Vec<String> = modes.iter().map(|(m, rs)| format!("{}: {}", m.label, latest(rs))).collect();
    let figures = modes.iter().map(|(m, rs)| (m.label.to_string(), latest(rs))).collect();
    Said { sentence: parts.join(". ") + ".", figures, against_lesson: false }
}

fn single_verdict(run: &RunRecord) -> Said {
    let what = if run.outcome.compute_ms.is_some() { "computed in" } else { "took" };
    let page = match run.frame_gap_ms {
        Some(g) if g >= FROZEN_FRAME_GAP_MS => format!("the page froze for {g:.0} ms"),
        Some(g) => format!("the page stayed responsive (longest frame gap {g:.0} ms)"),
        None => "no frames were measured".to_string(),
    };
    let sentence = match run.outcome.headline {
        Some((name, value)) => format!("{}: {name} {value:.1} ms, and {page}.", run.mode.label),
        None => format!("{} {what} {:.1} ms, and {page}.", run.mode.label, run.time_ms()),
    };
    let mut figures = vec![("Wall time".to_string(), format!("{:.1} ms (one run)", run.wall_ms))];
    if let Some(c) = run.outcome.compute_ms {
        figures.push(("Compute time".to_string(), format!("{c:.1} ms on {}", threads(run.outcome.threads))));
    }
    if let Some(g) = run.frame_gap_ms {
        figures.push(("Longest frame gap".to_string(), format!("{g:.0} ms")));
    }
    Said { sentence, figures, against_lesson: false }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::tests::{MAIN, POOL, WORKER};
    use crate::catalogue::{Mode, Role};
    use crate::environment::tests::chromium;
    use crate::records::Event;
    use crate::records::tests::run;

    const BLOCKED: Mode =
        Mode { id: "main-thread", label: "Blocking", explanation: "", blocks_main_thread: true, role: Role::Other };
    const OFFLOADED: Mode =
        Mode { id: "worker", label: "Offloaded", explanation: "", blocks_main_thread: false, role: Role::Other };

    fn judge(runs: &[RunRecord]) -> Verdict {
        let env = chromium();
        verdict(runs, Context { env: &env, memory_bound: false, by_result: false }).unwrap()
    }

    /// A heartbeat run whose ticks were `late` ms late at worst, with that frame gap.
    fn heartbeat(number: usize, mode: Mode, late: f64, gap: f64) -> RunRecord {
        let mut r = run(number, mode, 0.0, 1);
        r.outcome.compute_ms = None;
        r.wall_ms = 350.0;
        r.frame_gap_ms = Some(gap);
        r.events = vec![
            Event::tick("Heartbeat", "heartbeat 1", 50.0, 51.0),
            Event::tick("Heartbeat", "heartbeat 2", 100.0, 100.0 + late),
        ];
        r
    }

    fn pool_of_one(number: usize, ms: f64) -> RunRecord {
        run(number, POOL, ms, 1)
    }

    #[test]
    fn nothing_before_the_first_run() {
        let env = chromium();
        assert_eq!(verdict(&[], Context { env: &env, memory_bound: false, by_result: false }), None);
    }

    #[test]
    fn a_speedup_names_its_baseline_and_figures() {
        let v = judge(&[run(1, WORKER, 200.0, 1), run(2, POOL, 143.0, 2)]);
        assert_eq!(v.kind, Kind::Speedup);
        assert!(v.sentence.starts_with("2 threads made it 1.40× faster than Web worker"), "{}", v.sentence);
        assert!(v.sentence.contains("70 % of the ideal 2×"), "{}", v.sentence);
        assert!(!v.against_lesson && v.single_samples);
        assert_eq!(v.figures[0], ("Web worker".to_string(), "200.0 ms (one run)".to_string()));
    }

    #[test]
    fn a_slower_pool_goes_against_the_lesson_and_says_why() {
        let mut pool = run(2, POOL, 250.0, 4);
        pool.outcome.threads = 4;
        let v = judge(&[run(1, WORKER, 200.0, 1), pool]);
        assert!(v.against_lesson);
        assert!(v.sentence.starts_with("The pool was slower than Web worker: 0.80× with 4 threads"), "{}", v.sentence);
        assert!(v.sentence.contains("Likely reason: 4 threads on 2 logical cores"), "{}", v.sentence);
        let v = judge(&[run(1, WORKER, 200.0, 1), pool_of_one(2, 196.0)]);
        assert!(!v.against_lesson, "one thread is not meant to be faster");
        assert!(v.sentence.starts_with("On 1 thread the pool took 1.02×"), "{}", v.sentence);
        assert!(!v.sentence.contains("Above the ideal"), "{}", v.sentence);
        assert_eq!(v.figures[1].0, "Rayon pool (1 thread)");
        let v = judge(&[run(1, WORKER, 200.0, 1), run(2, POOL, 190.0, 2)]);
        assert!(v.against_lesson && v.sentence.contains("no faster"), "{}", v.sentence);
        assert!(v.sentence.contains("run it again"), "no diagnosis, and it says so: {}", v.sentence);
    }

    #[test]
    fn above_ideal_is_explained() {
        let v = judge(&[run(1, WORKER, 209.0, 1), run(2, POOL, 100.0, 2)]);
        assert!(v.sentence.contains("single sample"), "{}", v.sentence);
        let runs = [
            run(1, WORKER, 209.0, 1),
            run(2, POOL, 100.0, 2),
            run(3, WORKER, 190.0, 1),
            run(4, POOL, 99.0, 2),
            run(5, WORKER, 215.0, 1),
            run(6, POOL, 101.0, 2),
        ];
        assert!(judge(&runs).sentence.contains("within the runs' spread: noise"));
        let runs = [run(1, WORKER, 250.0, 1), run(2, POOL, 100.0, 2), run(3, WORKER, 260.0, 1), run(4, POOL, 101.0, 2)];
        let v = judge(&runs);
        assert!(v.sentence.contains("beyond the runs' spread"), "{}", v.sentence);
        assert!(!v.single_samples);
    }

    #[test]
    fn the_heartbeat_on_and_off_the_main_thread() {
        let v = judge(&[heartbeat(1, BLOCKED, 301.0, 305.0), heartbeat(2, OFFLOADED, 4.0, 21.0)]);
        assert_eq!(v.kind, Kind::Timers);
        assert_eq!(
            v.sentence,
            "Off the main thread, the heartbeat stayed on time: at most 4 ms late, against 301 ms late on the main thread and the page froze for 305 ms."
        );
        assert!(!v.against_lesson);
        let v = judge(&[heartbeat(1, OFFLOADED, 3.0, 18.0)]);
        assert_eq!(
            v.sentence,
            "Off the main thread, the heartbeat stayed on time: at most 3 ms late, and the page never froze (longest frame gap 18 ms)."
        );
        let v = judge(&[heartbeat(1, BLOCKED, 250.0, 260.0)]);
        assert!(
            v.sentence.starts_with("On the main thread, the heartbeat was 250 ms late and the page froze for 260 ms")
        );
    }

    #[test]
    fn a_late_offloaded_heartbeat_is_called_out() {
        let mut late = heartbeat(2, OFFLOADED, 90.0, 95.0);
        late.hidden = true;
        let v = judge(&[heartbeat(1, BLOCKED, 301.0, 305.0), late]);
        assert!(v.against_lesson);
        assert_eq!(v.subject, 2, "the reasons are the offloaded run's");
        assert!(
            v.sentence.starts_with(
                "Off the main thread, the heartbeat was still 90 ms late, but the page froze for 95 ms, against 301 ms \
                 late on the main thread and the page froze for 305 ms. Likely reason: The tab was in the background"
            ),
            "{}",
            v.sentence
        );
        // On time but frozen is still against the lesson.
        let v = judge(&[heartbeat(1, OFFLOADED, 3.0, 80.0)]);
        assert!(v.against_lesson);
        assert!(v.sentence.starts_with(
            "Off the main thread, the heartbeat stayed on time: at most 3 ms late, but the page froze for 80 ms. Likely \
             reason: The page went 80 ms without a frame"
        ), "{}", v.sentence);
    }

    #[test]
    fn a_blocked_heartbeat_on_time_did_not_show_the_stall() {
        let v = judge(&[heartbeat(1, BLOCKED, 5.0, 16.0)]);
        assert!(v.against_lesson);
        assert_eq!(
            v.sentence,
            "On the main thread, the heartbeat was on time (at most 5 ms late), so this run did not show the stall."
        );
        let v = judge(&[heartbeat(1, BLOCKED, 5.0, 60.0), heartbeat(2, OFFLOADED, 2.0, 17.0)]);
        assert_eq!(
            v.sentence,
            "Off the main thread, the heartbeat stayed on time: at most 2 ms late, and on the main thread it was on time as \
             well (at most 5 ms late and the page froze for 60 ms), so this run did not show the stall."
        );
    }

    #[test]
    fn modes_that_differ_in_kind_are_given_by_their_results() {
        let env = chromium();
        let mut done = run(1, MAIN, 1.0, 1);
        done.outcome.result = "11 polls".into();
        let mut stuck = run(2, WORKER, 500.0, 1);
        stuck.outcome.result = "stuck".into();
        let v = verdict(&[done, stuck], Context { env: &env, memory_bound: false, by_result: true }).unwrap();
        assert_eq!(v.kind, Kind::Results);
        assert_eq!(v.sentence, "Main thread: 11 polls. Web worker: stuck.");
        assert_eq!(v.figures[1], ("Web worker".to_string(), "stuck".to_string()));
    }

    #[test]
    fn modes_judged_by_different_figures_are_not_ranked() {
        let mut a = run(1, MAIN, 100.0, 2);
        a.outcome.headline = Some(("Collatz with a thread taken", 100.0));
        let mut b = run(2, WORKER, 300.0, 1);
        b.outcome.headline = Some(("small jobs' median wait", 3.0));
        let v = judge(&[a, b]);
        assert_eq!(v.kind, Kind::Single);
        assert!(v.sentence.starts_with("Web worker: small jobs' median wait 3.0 ms"), "{}", v.sentence);
    }

    #[test]
    fn a_headline_latency_is_compared_as_lower_not_faster() {
        let service = |number, mode, p99| {
            let mut r = run(number, mode, 0.0, 1);
            r.outcome.compute_ms = None;
            r.outcome.headline = Some(("hello p99", p99));
            r.frame_gap_ms = Some(17.0);
            r
        };
        let mut blocked = service(1, BLOCKED, 91.4);
        blocked.events = vec![Event::tick("Heartbeat", "heartbeat 1", 50.0, 140.0)];
        let v = judge(&[blocked, service(2, OFFLOADED, 3.7)]);
        assert_eq!(v.kind, Kind::Comparison, "the headline goes before the timers");
        assert_eq!(v.sentence, "Offloaded kept hello p99 at 3.7 ms against 91.4 ms for Blocking: 24.7× lower.");
        assert_eq!(v.figures[0], ("Offloaded, hello p99".to_string(), "3.7 ms (one run)".to_string()));
        let on_time = judge(&[service(1, BLOCKED, 276.0), service(2, OFFLOADED, 0.0)]);
        assert_eq!(on_time.sentence, "Offloaded kept hello p99 at 0.0 ms against 276.0 ms for Blocking: 276.0× lower.");
    }

    #[test]
    fn other_modes_are_compared_by_their_medians() {
        let mut one = run(1, MAIN, 0.0, 1);
        one.mode = Mode { label: "One after another", ..OFFLOADED };
        one.outcome.compute_ms = None;
        one.wall_ms = 302.0;
        let mut all = one.clone();
        all.mode = Mode { id: "join-all", label: "Together", ..OFFLOADED };
        all.wall_ms = 101.0;
        let v = judge(&[one, all]);
        assert_eq!(v.kind, Kind::Comparison);
        assert_eq!(v.sentence, "Together took 101 ms against 302 ms for One after another: 3.0× faster.");
    }

    #[test]
    fn one_run_of_one_mode() {
        let mut main = run(1, MAIN, 230.0, 1);
        main.frame_gap_ms = Some(236.0);
        let v = judge(&[main]);
        assert_eq!(v.kind, Kind::Single);
        assert_eq!(v.sentence, "Main thread computed in 230.0 ms, and the page froze for 236 ms.");
        assert!(v.single_samples);
    }
}
