//! Predict, then run: a question before a run, graded after it from what the run
//! measured, never from a stored answer. Which question an experiment gets follows
//! from its modes, so every experiment has one.

use crate::catalogue::{About, Mode, Role};
use crate::figures::{latest_per_mode, latest_work, pool_speedup};
use crate::records::RunRecord;
use crate::thresholds::{FROZEN_FRAME_GAP_MS, PREDICTION_TOLERANCE};
use playground_kernels::stats::Summary;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Question {
    /// How many times faster the parallel mode will be than the baseline: a number.
    Speedup { baseline: Mode, parallel: Mode },
    /// Whether the page will freeze while `mode` runs: yes or no.
    Freeze { mode: Mode },
    /// Which of the modes will take the least time.
    Fastest,
    /// Which of the modes will give the lowest of the experiment's headline figure
    /// ("hello p99"), for experiments judged by one rather than by a time to finish.
    Lowest { name: &'static str },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Answer {
    Times(f64),
    Freezes(bool),
    Mode(Mode),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Grade {
    pub right: bool,
    /// The answer against the measurement, in a sentence.
    pub text: String,
}

/// The question for `about`, with `mode` the mode chosen on the page: a speedup where
/// there is a baseline and a parallel mode; else whether the chosen mode freezes the
/// page where modes differ in that; else which mode is fastest.
pub fn question_for(about: &About, mode: Mode) -> Question {
    if let (Some(baseline), Some(parallel)) =
        (about.mode_with_role(Role::Baseline), about.mode_with_role(Role::Parallel))
    {
        return Question::Speedup { baseline, parallel };
    }
    if let Some(name) = about.headline {
        return Question::Lowest { name };
    }
    let blocking = about.modes.iter().filter(|m| m.blocks_main_thread).count();
    if about.modes.len() < 2 || (blocking > 0 && blocking < about.modes.len()) {
        Question::Freeze { mode }
    } else {
        Question::Fastest
    }
}

impl Question {
    pub fn text(&self) -> String {
        match self {
            Question::Speedup { baseline, parallel } => {
                format!("How many times faster will “{}” be than “{}”?", parallel.label, baseline.label)
            }
            Question::Freeze { mode } => format!("Will the page freeze while “{}” runs?", mode.label),
            Question::Fastest => "Which mode will finish first?".to_string(),
            Question::Lowest { name } => format!("Which mode will give the lowest {name}?"),
        }
    }

    /// What to run so the answer can be graded.
    pub fn needs_every_mode(&self) -> bool {
        !matches!(self, Question::Freeze { .. })
    }

    /// Reads a typed speedup ("1.8", "1.8x", "2×"), bounded.
    pub fn read_times(text: &str) -> Result<Answer, String> {
        let number = text.trim().trim_end_matches(['x', 'X', '×']).trim();
        match number.replace(',', ".").parse::<f64>().ok().filter(|x| x.is_finite()) {
            Some(x) if x > 0.0 && x <= 64.0 => Ok(Answer::Times(x)),
            Some(_) => Err(format!("A speedup between 0 and 64, please (got {number}).")),
            None => Err(format!("“{}” is not a number like 1.8.", text.trim())),
        }
    }

    /// The answer graded against `runs` (the runs made since it was given, oldest
    /// first); `None` until those runs hold what the question is about.
    pub fn grade(&self, answer: Answer, runs: &[RunRecord]) -> Option<Grade> {
        match (self, answer) {
            (Question::Speedup { .. }, Answer::Times(guess)) => {
                let measured = pool_speedup(runs)?;
                let x = measured.speedup.speedup;
                let off = (guess - x).abs() / x;
                let right = off <= PREDICTION_TOLERANCE;
                let verdict = if right { "within 20 %: right" } else { "not within 20 %" };
                Some(Grade {
                    right,
                    text: format!(
                        "You said {guess:.2}×; {} threads measured {x:.2}× (medians), {:.0} % off, {verdict}.",
                        measured.threads,
                        off * 100.0
                    ),
                })
            }
            (Question::Freeze { mode }, Answer::Freezes(guess)) => {
                let run = latest_work(runs).into_iter().rev().find(|r| r.mode == *mode)?;
                let gap = run.frame_gap_ms?;
                let froze = gap >= FROZEN_FRAME_GAP_MS;
                let said = if guess { "it would freeze" } else { "it would not freeze" };
                let saw = if froze { "it froze" } else { "it did not freeze" };
                Some(Grade {
                    right: guess == froze,
                    text: format!(
                        "You said {said}; the longest gap between frames was {gap:.0} ms ({FROZEN_FRAME_GAP_MS:.0} ms or \
                         more is a freeze): {saw}, so {}.",
                        if guess == froze { "right" } else { "not right" }
                    ),
                })
            }
            (Question::Fastest, Answer::Mode(guess)) => {
                let (best, median) = lowest(runs, guess, |r| r.wall_ms)?;
                let right = best == guess;
                Some(Grade {
                    right,
                    text: format!(
                        "You picked “{}” ({:.0} ms); the fastest was “{}” ({:.0} ms, median wall time), so {}.",
                        guess.label,
                        median(guess),
                        best.label,
                        median(best),
                        if right { "right" } else { "not right" }
                    ),
                })
            }
            (Question::Lowest { name }, Answer::Mode(guess)) => {
                let (best, median) = lowest(runs, guess, RunRecord::time_ms)?;
                let right = best == guess;
                Some(Grade {
                    right,
                    text: format!(
                        "You picked “{}” ({:.1} ms); the lowest {name} was “{}”'s ({:.1} ms, median), so {}.",
                        guess.label,
                        median(guess),
                        best.label,
                        median(best),
                        if right { "right" } else { "not right" }
                    ),
                })
            }
            _ => None,
        }
    }
}

/// The mode whose median `value` is lowest in the latest work, and each mode's median;
/// `None` until two modes, `guess` among them, have run.
fn lowest(
    runs: &[RunRecord],
    guess: Mode,
    value: fn(&RunRecord) -> f64,
) -> Option<(Mode, impl Fn(Mode) -> f64 + use<'_>)> {
    let modes: Vec<Mode> = latest_per_mode(runs).iter().map(|r| r.mode).collect();
    if modes.len() < 2 || !modes.contains(&guess) {
        return None;
    }
    let work = latest_work(runs);
    let median = move |m: Mode| {
        Summary::of(work.iter().filter(|r| r.mode == m).map(|r| value(r))).map_or(f64::INFINITY, |s| s.median)
    };
    let best = modes.iter().copied().min_by(|a, b| median(*a).total_cmp(&median(*b)))?;
    Some((best, median))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::tests::{CPU, MAIN, POOL, TIMERS, WORKER};
    use crate::records::tests::run;

    #[test]
    fn the_question_follows_the_modes() {
        assert_eq!(question_for(&CPU, MAIN), Question::Speedup { baseline: WORKER, parallel: POOL });
        let join_all = TIMERS.modes[0];
        assert_eq!(question_for(&TIMERS, join_all), Question::Freeze { mode: join_all }, "one mode: will it freeze");
        assert!(
            Question::Speedup { baseline: WORKER, parallel: POOL }.text().contains("“Rayon pool” be than “Web worker”")
        );
    }

    #[test]
    fn typed_speedups() {
        assert_eq!(Question::read_times("1.8"), Ok(Answer::Times(1.8)));
        assert_eq!(Question::read_times(" 2× "), Ok(Answer::Times(2.0)));
        assert_eq!(Question::read_times("1,5x"), Ok(Answer::Times(1.5)));
        assert!(Question::read_times("fast").unwrap_err().contains("not a number"));
        assert!(Question::read_times("0").unwrap_err().contains("between 0 and 64"));
        assert!(Question::read_times("NaN").is_err());
    }

    #[test]
    fn a_speedup_is_graded_from_the_medians() {
        let q = question_for(&CPU, MAIN);
        assert_eq!(q.grade(Answer::Times(1.8), &[run(1, WORKER, 200.0, 1)]), None, "no parallel run yet");
        let runs = [run(1, WORKER, 200.0, 1), run(2, POOL, 125.0, 2)];
        let g = q.grade(Answer::Times(1.84), &runs).unwrap();
        assert!(g.right);
        assert_eq!(g.text, "You said 1.84×; 2 threads measured 1.60× (medians), 15 % off, within 20 %: right.");
        assert!(!q.grade(Answer::Times(2.0), &runs).unwrap().right, "25 % off");
    }

    #[test]
    fn a_freeze_is_graded_from_the_frame_gap() {
        let q = Question::Freeze { mode: MAIN };
        let mut main = run(1, MAIN, 300.0, 1);
        main.frame_gap_ms = Some(305.0);
        let g = q.grade(Answer::Freezes(false), &[main.clone()]).unwrap();
        assert!(!g.right);
        assert!(
            g.text.starts_with("You said it would not freeze; the longest gap between frames was 305 ms"),
            "{}",
            g.text
        );
        main.frame_gap_ms = Some(20.0);
        assert!(q.grade(Answer::Freezes(false), &[main]).unwrap().right);
        assert_eq!(q.grade(Answer::Freezes(true), &[run(1, WORKER, 1.0, 1)]), None, "that mode has not run");
    }

    #[test]
    fn the_fastest_mode_needs_both_to_have_run() {
        let (mut slow, mut fast) = (run(1, MAIN, 0.0, 1), run(2, WORKER, 0.0, 1));
        slow.wall_ms = 300.0;
        fast.wall_ms = 100.0;
        assert_eq!(Question::Fastest.grade(Answer::Mode(WORKER), &[slow.clone()]), None);
        let g = Question::Fastest.grade(Answer::Mode(MAIN), &[slow, fast]).unwrap();
        assert!(!g.right);
        assert_eq!(
            g.text,
            "You picked “Main thread” (300 ms); the fastest was “Web worker” (100 ms, median wall time), so not right."
        );
    }

    #[test]
    fn a_headline_is_asked_about_and_graded_by_its_value() {
        let about = About { headline: Some("hello p99"), ..crate::catalogue::tests::TIMERS };
        let q = question_for(&about, MAIN);
        assert_eq!(q, Question::Lowest { name: "hello p99" });
        assert_eq!(q.text(), "Which mode will give the lowest hello p99?");
        let judged = |number, mode, p99| {
            let mut r = run(number, mode, 0.0, 1);
            r.outcome.headline = Some(("hello p99", p99));
            r.wall_ms = 5_000.0 - p99; // the slower wall time, the lower p99: only the headline counts
            r
        };
        let g = q.grade(Answer::Mode(WORKER), &[judged(1, MAIN, 80.0), judged(2, WORKER, 4.0)]).unwrap();
        assert!(g.right, "{}", g.text);
        assert_eq!(
            g.text,
            "You picked “Web worker” (4.0 ms); the lowest hello p99 was “Web worker”'s (4.0 ms, median), so right."
        );
    }
}
