//! Where a parallel run's time went, read from its chunk spans: the wait before the
//! first chunk (sending the job, waking the pool), each thread's busy and idle time,
//! the idle tail when one thread finished last, and the way back of the answer.

use crate::records::{RunKind, RunRecord};
use crate::timeline::threads_of;

/// One thread's share of a run's computing.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreadTime {
    /// 0 is the thread that called the kernel, others are pool threads.
    pub thread: usize,
    pub chunks: usize,
    pub busy_ms: f64,
    /// Idle while other threads still computed: the computing window less its busy time.
    pub idle_ms: f64,
    /// When its last chunk ended, on the run's axis.
    pub finished_ms: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    pub wall_ms: f64,
    /// From the run's start to the first chunk's start.
    pub before_first_chunk_ms: f64,
    /// From the first chunk's start to the last chunk's end.
    pub computing_ms: f64,
    /// From the last chunk's end to the run's end.
    pub after_last_chunk_ms: f64,
    pub threads: Vec<ThreadTime>,
    /// From the moment the first thread ran out of chunks to the last chunk's end:
    /// time in which some thread had nothing to do.
    pub tail_ms: f64,
}

impl Breakdown {
    /// `None` for a run without chunks on pool threads (a sequential run has no
    /// threads to balance), and for a run that is no CPU job: the chunks of the page's
    /// check after a hang are not its work, and the wait before them is no fixed cost.
    pub fn of(run: &RunRecord) -> Option<Breakdown> {
        if run.kind() != RunKind::Cpu || !run.spans.iter().any(|s| s.thread > 0) {
            return None;
        }
        let first = run.spans.iter().map(|s| s.start_ms).min_by(f64::total_cmp)?;
        let last = run.spans.iter().map(|s| s.end_ms).max_by(f64::total_cmp)?;
        let computing_ms = (last - first).max(0.0);
        // Pool threads that ran no chunk were idle all along: they get a row too.
        let mut ids = threads_of(&run.spans);
        ids.extend(1..=run.outcome.threads);
        ids.sort_unstable();
        ids.dedup();
        let threads: Vec<ThreadTime> = ids
            .into_iter()
            .map(|thread| {
                let own = || run.spans.iter().filter(move |s| s.thread == thread);
                let busy_ms: f64 = own().map(|s| (s.end_ms - s.start_ms).max(0.0)).sum();
                ThreadTime {
                    thread,
                    chunks: own().count(),
                    busy_ms,
                    idle_ms: (computing_ms - busy_ms).max(0.0),
                    finished_ms: own().map(|s| s.end_ms).fold(first, f64::max),
                }
            })
            .collect();
        let first_done = threads.iter().map(|t| t.finished_ms).fold(last, f64::min);
        Some(Breakdown {
            wall_ms: run.wall_ms,
            before_first_chunk_ms: first.max(0.0),
            computing_ms,
            after_last_chunk_ms: (run.wall_ms - last).max(0.0),
            threads,
            tail_ms: last - first_done,
        })
    }

    /// Time outside the computing window: the run's fixed costs, whatever the work.
    pub fn fixed_ms(&self) -> f64 {
        self.before_first_chunk_ms + self.after_last_chunk_ms
    }

    /// The fixed costs as a share of the wall time.
    pub fn fixed_share(&self) -> f64 {
        if self.wall_ms > 0.0 { self.fixed_ms() / self.wall_ms } else { 0.0 }
    }

    /// The idle tail as a share of the computing window (0 with one thread).
    pub fn tail_share(&self) -> f64 {
        if self.computing_ms > 0.0 && self.threads.len() > 1 { self.tail_ms / self.computing_ms } else { 0.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::tests::POOL;
    use crate::records::tests::{chunk as span, run};

    #[test]
    fn no_chunks_no_breakdown() {
        assert_eq!(Breakdown::of(&run(1, POOL, 10.0, 2)), None);
    }

    #[test]
    fn busy_idle_tail_and_fixed_costs() {
        let mut r = run(1, POOL, 100.0, 2);
        r.wall_ms = 120.0;
        // Thread 1 works 10..60 and 60..100; thread 2 works 10..50 and stops: a 50 ms tail.
        r.spans = vec![span(0, 1, 10.0, 60.0), span(1, 2, 10.0, 50.0), span(2, 1, 60.0, 100.0)];
        let b = Breakdown::of(&r).unwrap();
        assert_eq!((b.before_first_chunk_ms, b.computing_ms, b.after_last_chunk_ms), (10.0, 90.0, 20.0));
        assert_eq!(b.threads.len(), 2);
        assert_eq!(
            (b.threads[0].thread, b.threads[0].chunks, b.threads[0].busy_ms, b.threads[0].idle_ms),
            (1, 2, 90.0, 0.0)
        );
        assert_eq!((b.threads[1].busy_ms, b.threads[1].idle_ms, b.threads[1].finished_ms), (40.0, 50.0, 50.0));
        assert_eq!(b.tail_ms, 50.0);
        assert_eq!(b.fixed_ms(), 30.0);
        assert_eq!(b.fixed_share(), 0.25);
        assert!((b.tail_share() - 50.0 / 90.0).abs() < 1e-12);
    }

    #[test]
    fn one_thread_has_no_tail() {
        let mut r = run(1, POOL, 100.0, 1);
        r.spans = vec![span(0, 1, 1.0, 50.0), span(1, 1, 50.0, 99.0)];
        let b = Breakdown::of(&r).unwrap();
        assert_eq!((b.tail_ms, b.tail_share()), (0.0, 0.0));
    }

    #[test]
    fn sequential_runs_have_none_and_idle_pool_threads_are_counted() {
        let mut worker = run(1, POOL, 100.0, 1);
        worker.spans = vec![span(0, 0, 1.0, 99.0)];
        assert_eq!(Breakdown::of(&worker), None, "only the calling thread ran chunks");
        let mut pool = run(2, POOL, 100.0, 3);
        pool.spans = vec![span(0, 1, 0.0, 100.0), span(1, 3, 0.0, 100.0)];
        let b = Breakdown::of(&pool).unwrap();
        let threads: Vec<(usize, usize, f64)> = b.threads.iter().map(|t| (t.thread, t.chunks, t.idle_ms)).collect();
        assert_eq!(threads, [(1, 1, 0.0), (2, 0, 100.0), (3, 1, 0.0)], "thread 2 stole nothing");
    }
}
