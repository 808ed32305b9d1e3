//! Running an experiment, in one place: [`use_runner`] gives a page the handles to
//! start runs (one mode, or every mode, with repeats), cancel them and clear them,
//! and what they leave behind. It keeps one run at a time across the whole app,
//! runs without threads only the modes that need none (and says which it skipped),
//! resets the live board before each run, and starts a link's run once the page
//! can. Pages only lay out and draw what it holds.

use crate::bridge::board::BOARD;
use crate::experiments::{self, Experiment};
use crate::run::handles::AppHandles;
use crate::run::live_run::LiveRun;
use crate::run::page_state::PageState;
use crate::{bridge, browser::clock, browser::devtools_timings};
use futures::future::{AbortHandle, Abortable};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_kernels::probe::ChunkSpan;
use playground_lab::catalogue::Mode;
use playground_lab::jobs::JobError;
use playground_lab::knobs::Values;
use playground_lab::records::{Outcome, Plot, RunRecord};
use playground_lab::scenario::Autorun;
use playground_lab::thresholds::FROZEN_FRAME_GAP_MS;
use playground_lab::timeline::{self, Lane};

/// How long after a long frame the browser reports it, with room to spare (measured
/// in Chromium: about 50 ms after it ended).
const LONG_TASK_REPORT_DELAY_MS: u32 = 300;

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Idle,
    Running {
        mode: Mode,
        done: usize,
        total: usize,
    },
    /// Ended early or with something to say: the sentence to show.
    Stopped(String),
}

/// What the charts show: the run in progress, else the latest run.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub lanes: Vec<Lane>,
    /// (frame time, gap before it) on the run's axis.
    pub frame_gaps: Vec<(f64, f64)>,
    /// The length of the time axis, ms.
    pub span_ms: f64,
    pub plots: Vec<Plot>,
}

/// When a run began (page clock), how long it took, whether the tab was hidden
/// meanwhile, and the page's drawing time when it began.
struct Timing {
    began: f64,
    wall_ms: f64,
    hidden: bool,
    drawing_before: f64,
}

/// The runs to make: the parameters, and each mode as often as repeated.
struct Plan {
    values: Values,
    modes: Vec<Mode>,
}

/// A page's handles to its runs. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct Runner {
    experiment: &'static dyn Experiment,
    handles: AppHandles,
    state: PageState,
    /// Every finished run on this page, oldest first.
    pub runs: RwSignal<Vec<RunRecord>>,
    pub status: RwSignal<Status>,
    /// The mode of the run in progress, if any: changes when a run of another mode starts
    /// or the runs end, not at every run of a repeated mode (the charts follow it, and a
    /// quiet plan's runs of a few tens of ms each are not to redraw them in between).
    running_mode: Memo<Option<Mode>>,
    /// Messages about the last request: bad input, skipped modes, another run going.
    pub errors: RwSignal<Vec<String>>,
    /// What the run in progress reports as it goes.
    pub live: LiveRun,
    /// `performance.now()` when the run in progress began.
    origin: RwSignal<f64>,
    abort: StoredValue<Option<AbortHandle>, LocalStorage>,
}

/// The runner of `experiment`'s page; it also starts the run a link asks for.
pub fn use_runner(experiment: &'static dyn Experiment, handles: AppHandles, state: PageState) -> Runner {
    let status = RwSignal::new(Status::Idle);
    let running_mode = Memo::new(move |_| match status.get() {
        Status::Running { mode, .. } => Some(mode),
        _ => None,
    });
    let runner = Runner {
        experiment,
        handles,
        state,
        runs: RwSignal::new(Vec::new()),
        status,
        running_mode,
        errors: RwSignal::new(Vec::new()),
        live: LiveRun::new(),
        origin: RwSignal::new(0.0),
        abort: StoredValue::new_local(None),
    };
    Effect::new(move |_| runner.autorun());
    runner
}

impl Runner {
    fn slug(&self) -> &'static str {
        self.experiment.about().slug
    }

    /// Whether any run is going (tracked): Run is disabled meanwhile.
    pub fn busy(&self) -> bool {
        self.handles.running.get().is_some()
    }

    /// Whether this page's run is going (tracked).
    pub fn running_here(&self) -> bool {
        self.handles.running.get() == Some(self.slug())
    }

    /// The other experiment whose run is going, if any (tracked).
    pub fn other_running(&self) -> Option<&'static dyn Experiment> {
        self.handles.running.get().filter(|s| *s != self.slug()).and_then(experiments::find)
    }

    /// The knob values and repeats, checked together for `chosen` modes.
    pub fn read_settings(&self, chosen: &[Mode]) -> Result<(Values, u64), Vec<String>> {
        let (values, repeats) = self.state.read(self.experiment.about())?;
        let conflicts: Vec<String> = chosen.iter().flat_map(|m| self.experiment.check(&values, *m)).collect();
        if conflicts.is_empty() { Ok((values, repeats)) } else { Err(conflicts) }
    }

    /// Takes the app's one run slot for this page, or says why not.
    pub fn claim(&self) -> Result<(), String> {
        if self.handles.running.get_untracked().is_some() {
            return Err("Another run is going; wait for it or cancel it first.".into());
        }
        self.handles.running.set(Some(self.slug()));
        Ok(())
    }

    /// Starts a measurement the page makes beside its runs (the speedup curve, a sweep):
    /// reads the knobs, checks the threads are ready and takes the run slot. On a problem
    /// the page's errors say why and nothing is taken. Give the slot back with [`Self::release`].
    pub fn begin_measuring(&self) -> Option<(Values, u64)> {
        let begun = self.read_settings(&[]).and_then(|settings| {
            if let Some(reason) = self.handles.engine.not_ready_reason() {
                return Err(vec![format!("Cannot measure yet: {reason}.")]);
            }
            self.claim().map_err(|why| vec![why])?;
            Ok(settings)
        });
        self.errors.set(begun.as_ref().err().cloned().unwrap_or_default());
        begun.ok()
    }

    /// Runs `work` with the page quiet (see [`crate::run::quiet`]): a measurement of the pool's
    /// speed made beside the runs, the speedup curve. The quiet note is drawn before it starts.
    pub async fn quietly<F: std::future::Future>(&self, work: F) -> F::Output {
        self.handles.quiet.begin();
        clock::after_next_paint().await;
        let output = work.await;
        self.handles.quiet.end();
        output
    }

    /// Gives the run slot back.
    pub fn release(&self) {
        self.handles.running.set(None);
    }

    /// Starts runs of `chosen` modes (each as often as the repeats say), unless the
    /// input is bad or another run is going: then the messages say why.
    pub fn start(self, chosen: Vec<Mode>) {
        let (plan, notes) = match self.plan(chosen) {
            Ok(ok) => ok,
            Err(messages) => return self.errors.set(messages),
        };
        if let Err(why) = self.claim() {
            return self.errors.set(vec![why]);
        }
        self.errors.set(notes);
        spawn_local(async move {
            let end = self.run_plan(plan).await;
            self.status.set(end);
            self.release();
            self.add_late_long_tasks().await;
        });
    }

    /// Asks the run in progress to stop: parallel jobs at their next chunk, timers at once.
    pub fn cancel(&self) {
        bridge::cancel();
        if let Some(handle) = self.abort.get_value() {
            handle.abort();
        }
    }

    /// Runs `work` so that Cancel stops it at its next await (the page's own
    /// measurements beside the runs, such as a sweep); `None` when cancelled.
    pub async fn cancellable<F: std::future::Future>(&self, work: F) -> Option<F::Output> {
        let (handle, registration) = AbortHandle::new_pair();
        self.abort.set_value(Some(handle));
        let result = Abortable::new(work, registration).await;
        self.abort.set_value(None);
        result.ok()
    }

    /// Forgets this page's runs.
    pub fn clear(&self) {
        self.runs.set(Vec::new());
    }

    /// What to run, with a note on the modes skipped for want of threads.
    fn plan(&self, chosen: Vec<Mode>) -> Result<(Plan, Vec<String>), Vec<String>> {
        let (values, repeats) = self.read_settings(&chosen)?;
        let not_ready = self.handles.engine.not_ready_reason();
        let (modes, note) =
            self.experiment.about().runnable_modes(&chosen, not_ready.as_deref()).map_err(|e| vec![e])?;
        let modes = (0..repeats).flat_map(|_| modes.iter().copied()).collect();
        Ok((Plan { values, modes }, note.into_iter().collect()))
    }

    async fn run_plan(self, plan: Plan) -> Status {
        let total = plan.modes.len();
        // Quiet runs' records are held and join the table at the page's next redraw (once a
        // second while quiet): redrawing the table, charts and verdict after every short run
        // took the cores from the next (`heavy` 8 × 50,000,000 on the pool, 5 interleaved
        // rounds of 8 runs: efficiency 0.86-0.90 held, 0.74-0.82 shown after each run;
        // docs/benchmark.md).
        let mut held = Vec::new();
        let redraws = self.handles.frames.redraw;
        let mut shown_at_redraw = redraws.get_untracked();
        // The page stays quiet from one quiet run to the next: going live in between would
        // redraw everything at each run's end.
        let quiet = self.handles.quiet;
        for (done, mode) in plan.modes.into_iter().enumerate() {
            let quiet_run = quiet.set_for(mode);
            self.status.set(Status::Running { mode, done, total });
            let number = self.runs.with_untracked(Vec::len) + held.len() + 1;
            match self.run_once(mode, &plan.values, number).await {
                Ok(record) => held.push(record),
                Err(stopped) => {
                    quiet.end();
                    self.show(&mut held);
                    return stopped;
                }
            }
            if !quiet_run || redraws.get_untracked() != shown_at_redraw {
                self.show(&mut held);
                shown_at_redraw = redraws.get_untracked();
            }
        }
        quiet.end();
        self.show(&mut held);
        match bridge::fault_left_armed() {
            Some(notice) => Status::Stopped(notice),
            None => Status::Idle,
        }
    }

    /// Adds the `held` records to the page's runs.
    fn show(&self, held: &mut Vec<RunRecord>) {
        if !held.is_empty() {
            self.runs.update(|runs| runs.append(held));
        }
    }

    /// Run `number` of the page, in `mode`: cancellable, timed, with its frames and chunks recorded.
    async fn run_once(self, mode: Mode, values: &Values, number: usize) -> Result<RunRecord, Status> {
        self.live.clear();
        BOARD.reset();
        // Let the page show "running" (before a freeze) and finish drawing the previous
        // run's results, and start the clock after: the page's own drawing stays out of the run.
        clock::settled().await;
        let visibility_stamp = self.handles.visibility.stamp();
        let drawing_before = self.handles.frames.drawing_ms_total();
        let began = clock::now_ms();
        self.origin.set(began);
        let (handle, registration) = AbortHandle::new_pair();
        self.abort.set_value(Some(handle));
        let run = self.experiment.run(mode, values.clone(), self.live.starting_at(began));
        let result = Abortable::new(run, registration).await;
        self.abort.set_value(None);
        let wall_ms = clock::now_ms() - began;
        // The frame that ends a main-thread freeze comes after the run.
        clock::next_frame().await;
        let outcome = match result {
            Ok(Ok(outcome)) => outcome,
            Ok(Err(JobError::Cancelled)) | Err(_) => {
                return Err(Status::Stopped("Cancelled. The page and the pool are ready for the next run.".into()));
            }
            Ok(Err(JobError::Failed(why))) => return Err(Status::Stopped(format!("The run failed: {why}"))),
        };
        let hidden = self.handles.visibility.hidden_since(visibility_stamp);
        let record = self.record(number, mode, values, outcome, Timing { began, wall_ms, hidden, drawing_before });
        devtools_timings::measure_run(&record);
        Ok(record)
    }

    /// The record of finished run `number` ("Clear results" is disabled while this page
    /// runs, so the number holds).
    fn record(&self, number: usize, mode: Mode, values: &Values, outcome: Outcome, timing: Timing) -> RunRecord {
        let Timing { began, wall_ms, hidden, drawing_before } = timing;
        let frame_gaps = self.frame_gaps(began, began + wall_ms);
        let long_tasks = self.handles.long_tasks.during(began, began + wall_ms);
        RunRecord {
            number,
            began_ms: began,
            mode,
            values: values.clone(),
            outcome,
            wall_ms,
            frame_gap_ms: frame_gaps.iter().map(|g| g.1).max_by(f64::total_cmp),
            events: self.live.events.get_untracked(),
            spans: spans_on_axis(&BOARD.all_spans(), began),
            frame_gaps,
            hidden,
            drawing_ms: Some(self.handles.frames.drawing_ms_total() - drawing_before),
            long_tasks: long_tasks.map(|found| on_axis(found, began)),
            plots: self.live.plots.get_untracked(),
        }
    }

    /// The browser reports a long frame some 50 ms after it ends, so runs that ended with
    /// a freeze have not seen theirs yet: look again once the plan is over (not between
    /// its runs, where redrawing the table would land inside the next run).
    async fn add_late_long_tasks(self) {
        TimeoutFuture::new(LONG_TASK_REPORT_DELAY_MS).await;
        let tasks = self.handles.long_tasks;
        let found: Vec<(usize, Vec<(f64, f64)>)> = self.runs.with_untracked(|runs| {
            let unseen = runs.iter().enumerate().filter(|(_, r)| r.long_tasks.as_ref().is_some_and(Vec::is_empty));
            unseen
                .filter_map(|(i, r)| Some((i, on_axis(tasks.during(r.began_ms, r.began_ms + r.wall_ms)?, r.began_ms))))
                .filter(|(_, late)| !late.is_empty())
                .collect()
        });
        if !found.is_empty() {
            self.runs.update(|runs| {
                for (i, late) in found {
                    runs[i].long_tasks = Some(late);
                }
            });
        }
    }

    /// The page's frame gaps between `from` and `to` (page clock), on the run's axis.
    fn frame_gaps(&self, from: f64, to: f64) -> Vec<(f64, f64)> {
        self.handles.frames.gaps_during(from, to).into_iter().map(|(t, g)| (t - from, g)).collect()
    }

    /// A link's run flag: start once this page is open, mounted and visible (a background
    /// tab's throttled timers would spoil the run) and the engine has settled. Tracked: it
    /// runs again when any of these changes.
    fn autorun(self) {
        let Some((wanted, autorun)) = self.handles.autorun.get() else { return };
        if wanted != self.slug() || !self.handles.visibility.visible.get() || !self.handles.stages.done() {
            return;
        }
        let about = self.experiment.about();
        let chosen = match autorun {
            Autorun::Mode => vec![self.state.mode.get_untracked()],
            Autorun::EveryMode => about.modes.to_vec(),
        };
        if self.handles.engine.settling() && chosen.iter().any(|m| about.mode_needs_threads(*m)) {
            return;
        }
        self.handles.autorun.set(None);
        self.start(chosen);
    }

    /// Tracked five times a second while a run goes, so progress and charts redraw at that rate.
    fn track_redraw(&self) {
        self.handles.frames.redraw.track();
    }

    /// The status line: progress while running, else how the last request ended.
    pub fn progress_text(&self) -> String {
        self.track_redraw();
        match self.status.get() {
            Status::Running { mode, done, total } => {
                let chunks = self
                    .live
                    .chunks
                    .get()
                    .map(|all| format!(", {} of {all} chunks", BOARD.chunks_done().min(all)))
                    .unwrap_or_default();
                let seconds = (clock::now_ms() - self.origin.get_untracked()) / 1000.0;
                let quiet = if self.handles.quiet.on.get() { " Quiet: drawing once a second." } else { "" };
                format!("Running {} ({} of {total}){chunks}, {seconds:.1} s…{quiet}", mode.label, done + 1)
            }
            Status::Stopped(why) => why,
            Status::Idle => String::new(),
        }
    }

    /// While a run goes, its longest freeze so far (ms), once it is one, and whether its
    /// mode blocks the main thread: it shows in the first frame after the thread is free.
    pub fn live_freeze(&self) -> Option<(f64, bool)> {
        let Status::Running { mode, .. } = self.status.get() else { return None };
        self.track_redraw();
        let origin = self.origin.get_untracked();
        let longest = self.handles.frames.longest_gap_during(origin, clock::now_ms())?;
        (longest >= FROZEN_FRAME_GAP_MS).then_some((longest, mode.blocks_main_thread))
    }

    /// The share of chunks done, while a run with chunks goes.
    pub fn fraction_done(&self) -> Option<f64> {
        match (self.status.get(), self.live.chunks.get()) {
            (Status::Running { .. }, Some(all)) if all > 0 => {
                self.track_redraw();
                Some(BOARD.chunks_done().min(all) as f64 / all as f64)
            }
            _ => None,
        }
    }

    /// What the charts show (tracked): the run in progress, read from the live board
    /// five times a second, else the latest run.
    pub fn shown(&self) -> Option<Shown> {
        if let Some(mode) = self.running_mode.get() {
            self.track_redraw();
            let origin = self.origin.get_untracked();
            let now = clock::now_ms() - origin;
            let spans = BOARD.try_spans().map(|s| spans_on_axis(&s, origin)).unwrap_or_default();
            let lanes = timeline::lanes(&self.live.events.get(), &spans, mode.blocks_main_thread);
            // A little room on the right, so the last tick is not on the edge.
            let plots = self.live.plots.get();
            Some(Shown { lanes, frame_gaps: self.frame_gaps(origin, origin + now), span_ms: now * 1.04, plots })
        } else {
            self.runs.with(|r| {
                r.last().map(|r| Shown {
                    lanes: timeline::lanes(&r.events, &r.spans, r.mode.blocks_main_thread),
                    frame_gaps: r.frame_gaps.clone(),
                    span_ms: r.wall_ms * 1.04,
                    plots: r.plots.clone(),
                })
            })
        }
    }

    /// Whether the latest run's output is settled (no run in progress).
    pub fn is_running(&self) -> bool {
        self.running_mode.get().is_some()
    }
}

/// (start, duration) on the page clock → the axis of the run that began at `origin`.
fn on_axis(intervals: Vec<(f64, f64)>, origin: f64) -> Vec<(f64, f64)> {
    intervals.into_iter().map(|(start, duration)| (start - origin, duration)).collect()
}

/// Spans on the shared clock → the axis of the run that began at `origin` (page clock).
fn spans_on_axis(spans: &[ChunkSpan], origin: f64) -> Vec<ChunkSpan> {
    timeline::shifted(spans, bridge::board::to_shared_ms(origin))
}
