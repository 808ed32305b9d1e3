//! How often to yield (seed 002: an .await every 10 to 100 µs): 300 ms of work
//! on the page's main thread, cut into slices, giving the thread back between slices by
//! each of the browser's means, while a heartbeat timer tries to tick.

use super::{Experiment, Measured, Sweep};
use crate::bridge::execute::spin_for;
use crate::browser::yielding::{Means, javascript_timeout_chain, sliced_work_in_microtasks, yield_by};
use crate::run::live_run::{LiveRun, RunFuture};
use futures::channel::oneshot;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use playground_kernels::stats::Summary;
use playground_lab::words;
use playground_lab::catalogue::{About, Mode, Threads};
use playground_lab::jobs::JobError;
use playground_lab::knobs::{Knob, Values, Whole};
use playground_lab::records::{Event, Outcome};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct YieldOften;

const NEVER: Mode = Mode::on_main_thread(
    "never",
    "Never yield",
    "The slices run back to back: one 300 ms block, the heartbeat waits it out.",
);
const SET_TIMEOUT: Mode = Mode::on_main_thread(
    "set-timeout",
    "setTimeout(0) between slices",
    "Each gap is a new task. Browsers clamp zero timeouts nested five deep to 4 ms; the table shows a JavaScript chain of them beside what each of these gaps cost.",
);
const MESSAGE_CHANNEL: Mode = Mode::on_main_thread(
    "message-channel",
    "A MessageChannel post between slices",
    "Each gap is a new task with no clamp: timers, input and frames get their turn, and the work resumes right after.",
);
const SCHEDULER_YIELD: Mode = Mode::on_main_thread(
    "scheduler-yield",
    "scheduler.yield() between slices",
    "The scheduler API's yield (a MessageChannel post where the browser lacks it): its continuation is meant to run ahead of other tasks. Whether timers still get a turn depends on the browser.",
);
const MICROTASK: Mode = Mode::on_main_thread(
    "microtask",
    "await Promise.resolve() between slices",
    "A microtask runs before any timer or frame, so this \"yield\" gives nothing else a turn: the heartbeat starves as if it never yielded. (This loop is JavaScript: see the explanation.)",
);
const MODES: &[Mode] = &[NEVER, SET_TIMEOUT, MESSAGE_CHANNEL, MICROTASK, SCHEDULER_YIELD];

const WORK: Whole = Whole::new("work", "CPU work (ms)", 1, 5_000, 300);
const SLICE: Whole = Whole::new("slice", "Slice between yields (ms)", 1, 1_000, 5);
const PERIOD: Whole = Whole::new("period", "Heartbeat period (ms)", 1, 1_000, 50);
const KNOBS: &[Knob] = &[WORK.knob(), SLICE.knob(), PERIOD.knob()];

const ABOUT: About = About {
    slug: words::YIELD_OFTEN.slug,
    title: words::YIELD_OFTEN.title,
    summary: words::YIELD_OFTEN.summary,
    sources: &["src/experiments/yield_often.rs", "src/browser/yielding.js"],
    knobs: KNOBS,
    modes: MODES,
    needs_threads: Threads::No,
    memory_bound: false,
    headline: Some("heartbeat lateness"),
    verdict_by_result: false,
};

fn means(mode: Mode) -> Option<Means> {
    match mode.id {
        "set-timeout" => Some(Means::SetTimeout),
        "message-channel" => Some(Means::MessageChannel),
        "scheduler-yield" => Some(Means::SchedulerYield),
        "microtask" => Some(Means::Microtask),
        _ => None,
    }
}

/// Ends a heartbeat when dropped: a cancelled run's ticks must not land in the next run.
struct StopOnDrop(Rc<Cell<bool>>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.set(true);
    }
}

/// A timer that re-arms itself every `period` ms, `ticks` times, reporting each tick as
/// (number, when it was due, when it fired) in ms since `origin`. Each tick is due
/// `period` after it was armed, so a late tick does not make the next one late too.
/// Resolves after the last tick; stops early when the returned guard is dropped.
fn heartbeat(
    period: u64,
    ticks: u64,
    origin: f64,
    tick: impl Fn(u64, f64, f64) + 'static,
) -> (oneshot::Receiver<()>, StopOnDrop) {
    let (done, finished) = oneshot::channel();
    let stop = Rc::new(Cell::new(false));
    let stopped = stop.clone();
    leptos::task::spawn_local(async move {
        for n in 1..=ticks {
            let armed = crate::browser::clock::now_ms() - origin;
            TimeoutFuture::new(period as u32).await;
            if stopped.get() {
                return;
            }
            tick(n, armed + period as f64, crate::browser::clock::now_ms() - origin);
        }
        let _ = done.send(());
    });
    (finished, StopOnDrop(stop))
}

/// What the sliced work measured: its start and end, and how long each yield took (ms).
struct Sliced {
    start: f64,
    end: f64,
    yields: Vec<f64>,
}

/// `work` ms of busy work in slices of `slice` ms, yielding by `means` between them;
/// each slice is reported to `on_slice` as (start, end) in ms since `origin`.
async fn sliced_work(
    work: f64,
    slice: f64,
    means: Option<Means>,
    origin: f64,
    on_slice: impl Fn(f64, f64),
) -> Result<Sliced, JobError> {
    if means == Some(Means::Microtask) {
        let done = sliced_work_in_microtasks(work, slice).await.map_err(JobError::Failed)?;
        done.slices.iter().for_each(|(began, ended)| on_slice(began - origin, ended - origin));
        return Ok(Sliced { start: done.start - origin, end: done.end - origin, yields: done.yields });
    }
    let now = || crate::browser::clock::now_ms() - origin;
    let start = now();
    let mut left = work;
    let mut yields = Vec::new();
    while left > 0.0 {
        let piece = left.min(slice);
        let began = now();
        spin_for(piece);
        on_slice(began, now());
        left -= piece;
        if let (Some(means), true) = (means, left > 0.0) {
            let asked = now();
            yield_by(means).await;
            yields.push(now() - asked);
        }
    }
    Ok(Sliced { start, end: now(), yields })
}

/// How often slices done are handed to the timeline while the work runs.
const SLICES_DRAWN_EVERY_MS: f64 = 100.0;

/// Ticks enough to cover the work and one more after it.
fn ticks_for(work: f64, period: u64) -> u64 {
    (work / period as f64).ceil() as u64 + 1
}

/// One measurement for the sweep: (total ms, worst heartbeat lateness) at a slice of
/// `slice_us` microseconds.
async fn measure(mode: Mode, slice_us: u64) -> Result<Measured, JobError> {
    const WORK_MS: f64 = 300.0;
    const PERIOD_MS: u64 = 50;
    let origin = crate::browser::clock::now_ms();
    let worst = Rc::new(RefCell::new(0.0f64));
    let seen = worst.clone();
    let (beat, _stop) = heartbeat(PERIOD_MS, ticks_for(WORK_MS, PERIOD_MS), origin, move |_, due, fired| {
        seen.replace_with(|w| w.max(fired - due));
    });
    yield_by(Means::MessageChannel).await;
    let sliced = sliced_work(WORK_MS, slice_us as f64 / 1e3, means(mode), origin, |_, _| ()).await?;
    let _ = beat.await;
    // Log axes: a lateness under 0.1 ms is drawn at 0.1.
    let late = *worst.borrow();
    Ok(Measured { ms: sliced.end - sliced.start, second: Some(late.max(0.1)) })
}

/// "10 µs", "5 ms".
fn slice_text(us: u64) -> String {
    if us < 1_000 { format!("{us} µs") } else { format!("{} ms", us / 1_000) }
}

/// Slices in microseconds, from seed 002's advice (an await every 10 to 100 µs) up to
/// 100 ms: at 10 µs, 300 ms of work yields 30,000 times, and what each yield costs shows.
static SWEEP: Sweep = Sweep {
    sizes: &[10, 30, 100, 300, 1_000, 5_000, 20_000, 100_000],
    size_name: "slice between yields",
    size_text: slice_text,
    measured: "time for 300 ms of work (ms)",
    measure: |mode, slice_us| Box::pin(measure(mode, slice_us)),
    second: Some("worst heartbeat lateness (ms)"),
    rate: None,
};

impl Experiment for YieldOften {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn sweep(&self) -> Option<&'static Sweep> {
        Some(&SWEEP)
    }
    fn run(&self, mode: Mode, values: Values, live: LiveRun) -> RunFuture {
        Box::pin(async move {
            let (work, slice, period) = (values.get(WORK) as f64, values.get(SLICE) as f64, values.get(PERIOD));
            let (beat, _stop) = heartbeat(period, ticks_for(work, period), live.origin, move |n, due, fired| {
                live.event(Event::tick("Heartbeat", format!("heartbeat {n}"), due, fired));
            });
            // One turn first, so the heartbeat's first timer is armed before the work starts.
            yield_by(Means::MessageChannel).await;
            let means = means(mode);
            // Slices reach the timeline in batches: a redraw per slice would be most of
            // what the yields cost.
            let batch = RefCell::new((Vec::new(), 0.0));
            let flush = |batch: &mut (Vec<Event>, f64), now: f64| {
                live.events.update(|e| e.append(&mut batch.0));
                batch.1 = now;
            };
            let sliced = sliced_work(work, slice, means, live.origin, |began, ended| {
                let mut batch = batch.borrow_mut();
                batch.0.push(Event::span("Work (main thread)", "slice", began, ended));
                if ended - batch.1 >= SLICES_DRAWN_EVERY_MS {
                    flush(&mut batch, ended);
                }
            })
            .await?;
            flush(&mut batch.borrow_mut(), 0.0);
            let total = sliced.end - sliced.start;
            live.print(format!("{work:.0} ms of work took {total:.0} ms with {} yields", sliced.yields.len()));
            let _ = beat.await;
            let mut outcome = outcome(work, total, means, &sliced.yields, &live);
            if means == Some(Means::SetTimeout) {
                let chain = javascript_timeout_chain(10).await;
                let gaps: Vec<String> = chain.iter().map(|g| format!("{g:.1}")).collect();
                outcome.figures.push(("nested setTimeout(0) in JavaScript", format!("{} ms", gaps.join(", "))));
            }
            Ok(outcome)
        })
    }
}

fn outcome(work: f64, total: f64, means: Option<Means>, yields: &[f64], live: &LiveRun) -> Outcome {
    let late: Vec<f64> = live.events.with_untracked(|e| e.iter().filter_map(Event::lateness).collect());
    let worst = late.iter().copied().fold(0.0, f64::max);
    let gaps = Summary::of(yields.iter().copied());
    let mut figures = vec![
        ("work took", format!("{total:.0} ms")),
        ("overhead", format!("{:.0} ms ({:.0} %)", total - work, (total - work) / work * 100.0)),
        ("yields", yields.len().to_string()),
        ("yielded with", means.map_or("nothing", Means::name).to_string()),
        ("max lateness", format!("{worst:.0} ms")),
    ];
    if let Some(g) = gaps {
        figures.push(("median yield", format!("{:.2} ms", g.median)));
        figures.push(("longest yield", format!("{:.2} ms", g.max)));
    }
    Outcome {
        result: format!("{total:.0} ms for {work:.0} ms of work; heartbeat at most {worst:.0} ms late"),
        threads: 1,
        headline: Some(("heartbeat lateness", worst)),
        figures,
        ..Outcome::default()
    }
}
