//! Telling a hang from a wait, as tokio-console does: from what each task says it waits
//! for and whether its thread still answers, never from silence alone.
//!
//! A watched run's tasks register their waits (a timer and when it is due, a lock and who
//! holds it, an answer from another thread, or nothing at all); the watchdog pings the
//! thread they run on. [`judge`] reads one [`Observation`] of that and says whether the run
//! is going, waiting for something that will come, or stuck, and why.

/// What a task of a watched run is waiting for, as it registered it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wait {
    /// Being polled or ready to be: not waiting.
    Running,
    /// A timer due at `due_ms`, fired by its own thread's event loop.
    Timer { due_ms: f64 },
    /// A lock held by the task numbered `holder` (from 0) of the same run.
    Lock { holder: usize },
    /// An answer from another thread (the pool, the compute worker), which is running.
    OtherThread,
    /// Pending, and nothing that could wake it was registered.
    Nothing,
    /// Finished.
    Done,
}

/// Where the watched tasks run, and whether that thread answers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Thread {
    /// The page's own main thread: the watchdog runs there too, so it answers.
    Page,
    /// A worker pinged through its message queue: when it last answered, if it has.
    Worker { last_answer_ms: Option<f64> },
}

/// One look at a watched run. Times are on one clock (ms).
#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    pub started_ms: f64,
    pub now_ms: f64,
    /// Steps the run has made (polls, state changes), and when the latest was made.
    pub steps: u64,
    pub last_step_ms: f64,
    pub thread: Thread,
    /// Each task's name ("Task 1", "the future") and its wait.
    pub tasks: Vec<(String, Wait)>,
}

/// The user's two numbers: how long a thread may stay silent, or a future unpolled with
/// nothing due, before it is called stuck; and how long any wait may last in all.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    pub silence_ms: f64,
    pub give_up_ms: f64,
}

/// Why a run was stopped.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// The thread's event loop no longer answers, and what its tasks wait for needs it.
    ThreadBlocked,
    /// The thread answers, but a task is pending with nothing registered to wake it.
    NobodyWillWake,
    /// Everything it waited for would have come, but not within the limit the user set.
    GivenUp { after_ms: f64 },
}

impl Verdict {
    /// The verdict in a few words, for the result line and the table.
    pub fn title(&self) -> String {
        match self {
            Verdict::ThreadBlocked => "the thread is blocked".into(),
            Verdict::NobodyWillWake => "nobody will wake it".into(),
            Verdict::GivenUp { after_ms } => format!("given up after {}", seconds(*after_ms)),
        }
    }

    /// Stable, for tests and the page's data attributes.
    pub fn code(&self) -> &'static str {
        match self {
            Verdict::ThreadBlocked => "thread-blocked",
            Verdict::NobodyWillWake => "nobody-will-wake",
            Verdict::GivenUp { .. } => "given-up",
        }
    }
}

/// A stopped run: the verdict, and the evidence it rests on, one sentence each.
#[derive(Clone, Debug, PartialEq)]
pub struct HangReport {
    pub verdict: Verdict,
    pub evidence: Vec<String>,
}

/// What the watchdog makes of one observation.
#[derive(Clone, Debug, PartialEq)]
pub enum Judgement {
    /// Making steps, or not silent for long enough to say anything.
    Going,
    /// Waiting for something that will come: what, and when it is due if known.
    Waiting {
        what: String,
        due_ms: Option<f64>,
    },
    Stuck(HangReport),
}

/// Reads an observation against the limits.
pub fn judge(seen: &Observation, limits: Limits) -> Judgement {
    let silent_ms = silence(seen);
    let answers = silent_ms < limits.silence_ms;
    let open: Vec<usize> = (0..seen.tasks.len()).filter(|&t| seen.tasks[t].1 != Wait::Done).collect();
    let unending: Vec<usize> = open.iter().copied().filter(|&t| !can_end(seen, t, answers, limits, 0)).collect();
    if !unending.is_empty() {
        if !answers {
            return Judgement::Stuck(blocked(seen, silent_ms, &open));
        }
        if seen.now_ms - seen.last_step_ms >= limits.silence_ms {
            return Judgement::Stuck(forgotten(seen, &unending));
        }
        return Judgement::Going;
    }
    // Only a wait is given up: tasks that are all running are working, not waiting.
    let Some((what, due_ms)) = soonest_wait(seen, &open) else { return Judgement::Going };
    if seen.now_ms - seen.started_ms >= limits.give_up_ms {
        let after_ms = seen.now_ms - seen.started_ms;
        return Judgement::Stuck(HangReport {
            verdict: Verdict::GivenUp { after_ms },
            evidence: vec![format!(
                "Still waiting for {what} after {}, the limit set for this run: given up, not stuck (what it \
                 waited for would have come).",
                seconds(after_ms)
            )],
        });
    }
    Judgement::Waiting { what, due_ms }
}

/// How long the thread has not answered (0 for the page's own thread).
fn silence(seen: &Observation) -> f64 {
    match seen.thread {
        Thread::Page => 0.0,
        Thread::Worker { last_answer_ms } => seen.now_ms - last_answer_ms.unwrap_or(seen.started_ms),
    }
}

/// Whether task `t`'s wait can end: a timer needs its thread's loop (and must not be long
/// overdue), a lock needs its holder to get on, another thread's answer comes by itself.
fn can_end(seen: &Observation, t: usize, answers: bool, limits: Limits, depth: usize) -> bool {
    match seen.tasks[t].1 {
        Wait::Running => answers,
        Wait::Timer { due_ms } => answers && seen.now_ms < due_ms + limits.silence_ms,
        Wait::Lock { holder } => {
            holder != t
                && holder < seen.tasks.len()
                && depth < seen.tasks.len()
                && can_end(seen, holder, answers, limits, depth + 1)
        }
        Wait::OtherThread => true,
        Wait::Nothing => false,
        Wait::Done => true,
    }
}

/// What the open tasks wait for, described in task order, and the earliest due time of
/// those waits, if any has one.
fn soonest_wait(seen: &Observation, open: &[usize]) -> Option<(String, Option<f64>)> {
    let waiting: Vec<usize> = open.iter().copied().filter(|&t| seen.tasks[t].1 != Wait::Running).collect();
    if waiting.is_empty() {
        return None;
    }
    let what: Vec<String> = waiting.iter().map(|&t| format!("{} {}", seen.tasks[t].0, describe(seen, t))).collect();
    let due_ms = waiting.iter().filter_map(|&t| due(seen, t, 0)).min_by(f64::total_cmp);
    Some((what.join("; "), due_ms))
}

/// When task `t`'s wait is due: its timer's, or its lock holder's.
fn due(seen: &Observation, t: usize, depth: usize) -> Option<f64> {
    match seen.tasks[t].1 {
        Wait::Timer { due_ms } => Some(due_ms),
        Wait::Lock { holder } if holder < seen.tasks.len() && depth < seen.tasks.len() => due(seen, holder, depth + 1),
        _ => None,
    }
}

/// What task `t` is doing, in words, with times from the run's start.
fn describe(seen: &Observation, t: usize) -> String {
    let at = |ms: f64| format!("{:.0} ms", ms - seen.started_ms);
    match seen.tasks[t].1 {
        Wait::Running => "is running".into(),
        Wait::Timer { due_ms } => format!("awaits a timer due at {}", at(due_ms)),
        Wait::Lock { holder } => {
            let name = seen.tasks.get(holder).map_or("another task", |h| h.0.as_str());
            format!("waits for the lock {name} holds")
        }
        Wait::OtherThread => "waits for another thread's answer".into(),
        Wait::Nothing => "is pending, with nothing registered to wake it".into(),
        Wait::Done => "has finished".into(),
    }
}

fn blocked(seen: &Observation, silent_ms: f64, open: &[usize]) -> HangReport {
    let answered = match seen.thread {
        Thread::Worker { last_answer_ms: Some(at) } => format!(" (its last answer at {:.0} ms)", at - seen.started_ms),
        _ => " (it never answered)".into(),
    };
    let mut evidence = vec![format!("The worker's event loop did not answer a ping for {silent_ms:.0} ms{answered}.")];
    evidence.extend(open.iter().map(|&t| format!("{} {}.", seen.tasks[t].0, describe(seen, t))));
    evidence.push(format!(
        "Nothing it waits for can come: a timer needs the blocked loop to fire it. The last step was at {:.0} ms.",
        seen.last_step_ms - seen.started_ms
    ));
    HangReport { verdict: Verdict::ThreadBlocked, evidence }
}

fn forgotten(seen: &Observation, unending: &[usize]) -> HangReport {
    let answered = match seen.thread {
        Thread::Page => "The thread answers (it is the page's own, which keeps running).".to_string(),
        Thread::Worker { last_answer_ms } => format!(
            "The thread answers (its last answer {:.0} ms ago).",
            seen.now_ms - last_answer_ms.unwrap_or(seen.now_ms)
        ),
    };
    let mut evidence = vec![answered];
    evidence.extend(unending.iter().map(|&t| format!("{} {}.", seen.tasks[t].0, describe(seen, t))));
    evidence.push(format!(
        "Last polled at {:.0} ms ({} step{} in all), and no poll for {:.0} ms since: no timer or message is \
         pending for it.",
        seen.last_step_ms - seen.started_ms,
        seen.steps,
        if seen.steps == 1 { "" } else { "s" },
        seen.now_ms - seen.last_step_ms
    ));
    HangReport { verdict: Verdict::NobodyWillWake, evidence }
}

/// "2.5 s", "30 s".
fn seconds(ms: f64) -> String {
    let s = ms / 1000.0;
    if (s - s.round()).abs() < 0.05 { format!("{:.0} s", s) } else { format!("{s:.1} s") }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits { silence_ms: 2_000.0, give_up_ms: 30_000.0 };

    fn tasks(waits: &[Wait]) -> Vec<(String, Wait)> {
        waits.iter().enumerate().map(|(i, w)| (format!("Task {}", i + 1), *w)).collect()
    }

    /// A run that started at 1000, looked at `now` (both on the run's clock plus 1000).
    fn seen(now: f64, last_step: f64, thread: Thread, waits: &[Wait]) -> Observation {
        Observation {
            started_ms: 1_000.0,
            now_ms: 1_000.0 + now,
            steps: 3,
            last_step_ms: 1_000.0 + last_step,
            thread,
            tasks: tasks(waits),
        }
    }

    fn worker(last_answer: f64) -> Thread {
        Thread::Worker { last_answer_ms: Some(1_000.0 + last_answer) }
    }

    fn verdict(j: &Judgement) -> Option<Verdict> {
        match j {
            Judgement::Stuck(report) => Some(report.verdict),
            _ => None,
        }
    }

    /// Recorded from mutex-await, std-mutex, hold 100: task 2 took the thread in lock() at
    /// 1 ms; pings stopped being answered then.
    #[test]
    fn a_std_mutex_held_across_await_is_a_blocked_thread() {
        let waits = [Wait::Timer { due_ms: 1_100.0 }, Wait::Lock { holder: 0 }];
        let early = seen(1_500.0, 1.0, worker(1.0), &waits);
        // Not silent for the limit yet: as far as can be told, task 1's timer will fire.
        assert!(matches!(judge(&early, LIMITS), Judgement::Waiting { .. }), "not silent long enough yet");
        let late = judge(&seen(2_050.0, 1.0, worker(1.0), &waits), LIMITS);
        assert_eq!(verdict(&late), Some(Verdict::ThreadBlocked));
        let Judgement::Stuck(report) = late else { unreachable!() };
        assert!(report.evidence[0].contains("did not answer a ping for 2049 ms"), "{:?}", report.evidence);
        assert!(report.evidence[1].contains("Task 1 awaits a timer due at 100 ms"));
        assert!(report.evidence[2].contains("Task 2 waits for the lock Task 1 holds"));
    }

    /// The same with a 5 s hold and an async mutex: the loop answers, so task 1's timer
    /// will fire and task 2's lock will come; a wait, not a deadlock, until the limit.
    #[test]
    fn a_long_hold_of_an_async_mutex_is_a_wait_that_will_end() {
        let waits = [Wait::Timer { due_ms: 6_000.0 }, Wait::Lock { holder: 0 }];
        let judged = judge(&seen(3_000.0, 1.0, worker(2_980.0), &waits), LIMITS);
        let Judgement::Waiting { what, due_ms } = judged else { panic!("{judged:?}") };
        assert_eq!(due_ms, Some(6_000.0));
        assert!(what.contains("timer due at 5000 ms"), "{what}");
        let tight = Limits { give_up_ms: 4_000.0, ..LIMITS };
        let given_up = judge(&seen(4_000.0, 1.0, worker(3_990.0), &waits), tight);
        assert_eq!(verdict(&given_up), Some(Verdict::GivenUp { after_ms: 4_000.0 }));
        assert_eq!(Verdict::GivenUp { after_ms: 4_000.0 }.title(), "given up after 4 s");
    }

    /// hand-future, no-wake, on the page: polled once at 0, nothing registered.
    #[test]
    fn a_future_with_no_waker_is_nobody_will_wake_it_while_the_thread_answers() {
        let waits = [Wait::Nothing];
        let mut one_poll = seen(1_000.0, 0.0, Thread::Page, &waits);
        one_poll.steps = 1;
        assert_eq!(judge(&one_poll, LIMITS), Judgement::Going);
        one_poll.now_ms = 1_000.0 + 2_000.0;
        let judged = judge(&one_poll, LIMITS);
        assert_eq!(verdict(&judged), Some(Verdict::NobodyWillWake));
        let Judgement::Stuck(report) = judged else { unreachable!() };
        assert!(report.evidence[0].starts_with("The thread answers"));
        assert!(report.evidence[2].contains("Last polled at 0 ms (1 step in all)"), "{:?}", report.evidence);
    }

    /// hand-future, timer-wake, with a 3 s step against a 2 s silence: each poll sets a
    /// timer, so the silence between polls is a wait.
    #[test]
    fn a_timer_longer_than_the_silence_is_waited_for() {
        let judged = judge(&seen(2_500.0, 0.0, Thread::Page, &[Wait::Timer { due_ms: 4_000.0 }]), LIMITS);
        assert!(matches!(judged, Judgement::Waiting { due_ms: Some(4_000.0), .. }), "{judged:?}");
        // A timer long overdue that never fired: nobody will wake it.
        let lost = judge(&seen(6_000.0, 0.0, Thread::Page, &[Wait::Timer { due_ms: 4_000.0 }]), LIMITS);
        assert_eq!(verdict(&lost), Some(Verdict::NobodyWillWake));
    }

    /// block-on, on-own-loop: a synchronous block_on on a worker waits for a timer that
    /// worker's loop would fire; the worker last answered as it began.
    #[test]
    fn block_on_of_its_own_loops_timer_is_a_blocked_thread() {
        let waits = [Wait::Timer { due_ms: 1_100.0 }];
        let judged = judge(&seen(2_100.0, 0.0, worker(0.0), &waits), LIMITS);
        assert_eq!(verdict(&judged), Some(Verdict::ThreadBlocked));
        // A worker that never answered at all counts its silence from the run's start.
        let never = seen(2_100.0, 0.0, Thread::Worker { last_answer_ms: None }, &waits);
        assert_eq!(verdict(&judge(&never, LIMITS)), Some(Verdict::ThreadBlocked));
    }

    /// block-on, from-sync: the worker is silent inside block_on, but what it waits for is
    /// the pool's answer, which comes by itself.
    #[test]
    fn a_silent_thread_waiting_on_another_thread_is_waiting() {
        let judged = judge(&seen(2_500.0, 0.0, worker(0.0), &[Wait::OtherThread]), LIMITS);
        assert!(matches!(judged, Judgement::Waiting { due_ms: None, .. }), "{judged:?}");
    }

    /// Steps coming, or everything done: nothing to say.
    #[test]
    fn a_run_that_steps_or_finished_has_no_verdict() {
        let stepping = seen(10_000.0, 9_990.0, Thread::Page, &[Wait::Running]);
        assert_eq!(judge(&stepping, LIMITS), Judgement::Going);
        let done = seen(10_000.0, 10.0, worker(9_990.0), &[Wait::Done, Wait::Done]);
        assert_eq!(judge(&done, LIMITS), Judgement::Going);
        let guard_dropped = [Wait::Timer { due_ms: 6_000.0 }, Wait::Done];
        assert!(matches!(
            judge(&seen(3_000.0, 1.0, worker(2_990.0), &guard_dropped), LIMITS),
            Judgement::Waiting { .. }
        ));
    }

    /// A lock held in a cycle, or by a task that waits for nothing that can come, cannot end.
    #[test]
    fn locks_follow_their_holder() {
        let cycle = [Wait::Lock { holder: 1 }, Wait::Lock { holder: 0 }];
        assert_eq!(
            verdict(&judge(&seen(3_000.0, 0.0, worker(2_990.0), &cycle), LIMITS)),
            Some(Verdict::NobodyWillWake)
        );
        let holder_forgotten = [Wait::Nothing, Wait::Lock { holder: 0 }];
        let judged = judge(&seen(3_000.0, 0.0, Thread::Page, &holder_forgotten), LIMITS);
        let Judgement::Stuck(report) = judged else { panic!("{judged:?}") };
        assert_eq!(report.evidence.len(), 4, "both tasks named: {:?}", report.evidence);
    }
}
