//! Figures derived from run records: medians and spread per mode, and the pool's
//! speedup over one thread, found by the modes' roles, not by their names.

use crate::catalogue::{Mode, Role};
use crate::records::RunRecord;
use playground_kernels::stats::{Speedup, Summary};

/// Median and spread of each mode's times over the runs made with the latest run's
/// parameters (a bar of other work beside them would compare unlike runs), in the modes'
/// order; modes not run are left out.
pub fn mode_summaries(runs: &[RunRecord], modes: &[Mode]) -> Vec<(Mode, Summary)> {
    let work = latest_work(runs);
    modes
        .iter()
        .filter_map(|m| Summary::of(work.iter().filter(|r| r.mode == *m).map(|r| r.time_ms())).map(|s| (*m, s)))
        .collect()
}

/// The runs made with the latest run's parameters: other parameters measure other work,
/// so only these are compared.
pub fn latest_work(runs: &[RunRecord]) -> Vec<&RunRecord> {
    let Some(latest) = runs.last() else { return Vec::new() };
    runs.iter().filter(|r| r.values == latest.values).collect()
}

/// The latest run of each mode made with the latest run's parameters, in the order
/// the modes first ran: what a comparison of modes puts side by side.
pub fn latest_per_mode(runs: &[RunRecord]) -> Vec<&RunRecord> {
    let mut picked: Vec<&RunRecord> = Vec::new();
    for r in latest_work(runs) {
        match picked.iter_mut().find(|p| p.mode == r.mode) {
            Some(p) => *p = r,
            None => picked.push(r),
        }
    }
    picked
}

/// The parallel mode against the baseline, from the medians of the runs made with
/// the latest run's parameters (other parameters measure other work).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PoolSpeedup {
    pub speedup: Speedup,
    /// The most threads a parallel run used.
    pub threads: usize,
    pub baseline: Summary,
    pub parallel: Summary,
}

/// `None` until both a baseline and a parallel run with the latest parameters have
/// measured a compute time.
pub fn pool_speedup(runs: &[RunRecord]) -> Option<PoolSpeedup> {
    let work = latest_work(runs);
    let same_work = || work.iter().copied();
    let of_role =
        |role: Role| Summary::of(same_work().filter(|r| r.mode.role == role).filter_map(|r| r.outcome.compute_ms));
    let threads = same_work().filter(|r| r.mode.role == Role::Parallel).map(|r| r.outcome.threads).max()?;
    let (baseline, parallel) = (of_role(Role::Baseline)?, of_role(Role::Parallel)?);
    let speedup = Speedup::new(baseline.median, parallel.median, threads)?;
    Some(PoolSpeedup { speedup, threads, baseline, parallel })
}

/// One pool size's compute times, for the speedup curve.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolSamples {
    pub threads: usize,
    pub times_ms: Vec<f64>,
}

/// A point of the speedup curve: the baseline's median over the pool's, with the
/// range from the pool's slowest to its fastest run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurvePoint {
    pub threads: usize,
    pub speedup: f64,
    pub lowest: f64,
    pub highest: f64,
}

impl CurvePoint {
    /// Speedup per thread: 1.0 is perfect scaling.
    pub fn efficiency(&self) -> f64 {
        self.speedup / self.threads as f64
    }
}

/// The speedup curve against the median one-worker time.
pub fn speedup_curve(baseline: &[f64], pools: &[PoolSamples]) -> Vec<CurvePoint> {
    let Some(base) = Summary::of(baseline.iter().copied()) else { return Vec::new() };
    pools
        .iter()
        .filter_map(|p| {
            let s = Summary::of(p.times_ms.iter().copied())?;
            Some(CurvePoint {
                threads: p.threads,
                speedup: base.median / s.median,
                lowest: base.median / s.max,
                highest: base.median / s.min,
            })
        })
        .collect()
}

/// Adds one measured time to the samples of a pool size.
pub fn add_sample(pools: &mut Vec<PoolSamples>, threads: usize, time_ms: f64) {
    match pools.iter_mut().find(|p| p.threads == threads) {
        Some(p) => p.times_ms.push(time_ms),
        None => pools.push(PoolSamples { threads, times_ms: vec![time_ms] }),
    }
}

/// A sweep's measurements, `(mode, size, ms)`, as one line per mode (in the modes'
/// order): each size's median with its spread, sizes ascending.
pub fn sweep_lines(samples: &[(Mode, u64, f64)], modes: &[Mode]) -> Vec<(Mode, Vec<(u64, Summary)>)> {
    modes
        .iter()
        .filter_map(|mode| {
            let mut sizes: Vec<u64> = samples.iter().filter(|s| s.0 == *mode).map(|s| s.1).collect();
            sizes.sort_unstable();
            sizes.dedup();
            let points: Vec<(u64, Summary)> = sizes
                .into_iter()
                .filter_map(|size| {
                    let times = samples.iter().filter(|s| s.0 == *mode && s.1 == size).map(|s| s.2);
                    Some((size, Summary::of(times)?))
                })
                .collect();
            (!points.is_empty()).then_some((*mode, points))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::tests::{MAIN, POOL, WORKER};
    use crate::knobs::{Value, Values};
    use crate::records::tests::run;

    #[test]
    fn speedup_needs_both_roles() {
        assert_eq!(pool_speedup(&[]), None);
        assert_eq!(pool_speedup(&[run(1, WORKER, 200.0, 1)]), None, "no parallel run");
        assert_eq!(pool_speedup(&[run(1, POOL, 100.0, 2)]), None, "no baseline");
        assert_eq!(
            pool_speedup(&[run(1, MAIN, 180.0, 1), run(2, POOL, 100.0, 2)]),
            None,
            "the main thread is no baseline"
        );
    }

    #[test]
    fn speedup_from_medians_of_repeats() {
        let runs = [
            run(1, WORKER, 200.0, 1),
            run(2, POOL, 100.0, 2),
            run(3, WORKER, 220.0, 1),
            run(4, POOL, 130.0, 2),
            run(5, WORKER, 900.0, 1),
            run(6, POOL, 110.0, 2),
        ];
        let s = pool_speedup(&runs).unwrap();
        assert_eq!((s.baseline.median, s.parallel.median, s.threads), (220.0, 110.0, 2));
        assert_eq!((s.speedup.speedup, s.speedup.efficiency), (2.0, 1.0));
        assert_eq!((s.baseline.min, s.baseline.max, s.baseline.count), (200.0, 900.0, 3), "the spread is kept");
    }

    #[test]
    fn speedup_compares_only_runs_of_the_latest_parameters() {
        let mut small = run(1, WORKER, 20.0, 1);
        small.values = Values(vec![("n", Value::Whole(100_000))]);
        let runs = [small, run(2, POOL, 100.0, 2)];
        assert_eq!(pool_speedup(&runs), None, "the worker ran other work");
        let runs = [run(1, WORKER, 300.0, 1), run(2, POOL, 100.0, 4)];
        assert_eq!(pool_speedup(&runs).unwrap().speedup.efficiency, 0.75);
    }

    #[test]
    fn the_latest_run_of_each_mode_with_the_latest_parameters() {
        let mut other = run(2, WORKER, 20.0, 1);
        other.values = Values(vec![("n", Value::Whole(100_000))]);
        let runs = [run(1, POOL, 100.0, 2), other, run(3, WORKER, 200.0, 1), run(4, POOL, 90.0, 2)];
        let picked: Vec<usize> = latest_per_mode(&runs).iter().map(|r| r.number).collect();
        assert_eq!(
            picked,
            [4, 3],
            "pool first (it ran first), its latest run; the worker's run of other work left out"
        );
        assert!(latest_per_mode(&[]).is_empty());
    }

    #[test]
    fn mode_summaries_follow_the_modes_order() {
        let mut wall_only = run(3, MAIN, 0.0, 1);
        wall_only.outcome.compute_ms = None;
        wall_only.wall_ms = 40.0;
        let runs = [run(1, POOL, 100.0, 2), run(2, POOL, 140.0, 2), wall_only];
        let rows = mode_summaries(&runs, &[MAIN, WORKER, POOL]);
        assert_eq!(
            rows.iter().map(|r| r.0.id).collect::<Vec<_>>(),
            ["main-thread", "pool"],
            "modes not run are left out"
        );
        assert_eq!((rows[0].1.median, rows[1].1.median, rows[1].1.count), (40.0, 120.0, 2));
    }

    #[test]
    fn mode_summaries_leave_out_runs_of_other_parameters() {
        let mut other = run(1, WORKER, 20.0, 1);
        other.values = Values(vec![("n", Value::Whole(100_000))]);
        let runs = [other, run(2, POOL, 100.0, 2), run(3, WORKER, 200.0, 1)];
        let rows = mode_summaries(&runs, &[WORKER, POOL]);
        assert_eq!((rows[0].1.median, rows[0].1.count), (200.0, 1), "the worker's run of other work is not in its bar");
        let runs = [run(1, WORKER, 200.0, 1), runs[0].clone()];
        let rows = mode_summaries(&runs, &[WORKER, POOL]);
        assert_eq!(rows.iter().map(|r| (r.0.id, r.1.median)).collect::<Vec<_>>(), [("worker", 20.0)]);
    }

    #[test]
    fn speedup_curve_points_and_spread() {
        let mut pools = Vec::new();
        for (threads, ms) in [(1, 210.0), (2, 100.0), (2, 125.0), (2, 80.0)] {
            add_sample(&mut pools, threads, ms);
        }
        assert_eq!(pools.len(), 2);
        let curve = speedup_curve(&[200.0, 180.0, 220.0], &pools);
        assert_eq!(curve.len(), 2);
        let two = curve[1];
        assert_eq!((two.threads, two.speedup, two.lowest, two.highest), (2, 2.0, 1.6, 2.5));
        assert_eq!(two.efficiency(), 1.0);
        assert!(speedup_curve(&[], &pools).is_empty(), "no baseline, no curve");
    }

    #[test]
    fn sweep_lines_per_mode_with_spread() {
        let samples = [(POOL, 16, 3.0), (WORKER, 1, 1.0), (WORKER, 16, 5.0), (WORKER, 1, 2.0), (WORKER, 1, 9.0)];
        let lines = sweep_lines(&samples, &[MAIN, WORKER, POOL]);
        assert_eq!(lines.len(), 2, "modes not measured are left out");
        assert_eq!(lines[0].0, WORKER);
        assert_eq!(lines[0].1.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 16]);
        assert_eq!((lines[0].1[0].1.median, lines[0].1[0].1.min, lines[0].1[0].1.max), (2.0, 1.0, 9.0));
        assert_eq!(lines[1].1[0].1.count, 1);
    }
}
