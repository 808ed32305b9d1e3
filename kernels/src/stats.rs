//! Summaries of repeated measurements: the median with its spread, never a mean
//! that one slow outlier can drag.

/// Median, minimum and maximum of a set of samples.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub count: usize,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Summary {
    /// `None` for no samples; NaN samples are ignored.
    pub fn of(samples: impl IntoIterator<Item = f64>) -> Option<Self> {
        let mut sorted: Vec<f64> = samples.into_iter().filter(|x| !x.is_nan()).collect();
        if sorted.is_empty() {
            return None;
        }
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median = if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 };
        Some(Summary { count: n, median, min: sorted[0], max: sorted[n - 1] })
    }
}

/// How much faster the parallel run is than the sequential one, and how close
/// that comes to the ideal of one times per thread.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Speedup {
    pub speedup: f64,
    /// speedup / threads: 1.0 is perfect scaling.
    pub efficiency: f64,
}

impl Speedup {
    pub fn new(sequential_ms: f64, parallel_ms: f64, threads: usize) -> Option<Self> {
        if !(sequential_ms > 0.0 && parallel_ms > 0.0) || threads == 0 {
            return None;
        }
        let speedup = sequential_ms / parallel_ms;
        Some(Speedup { speedup, efficiency: speedup / threads as f64 })
    }
}

/// Amdahl's law: the speedup on `threads` threads of work whose fraction `parallel`
/// can run in parallel.
pub fn amdahl_speedup(parallel: f64, threads: f64) -> f64 {
    1.0 / ((1.0 - parallel) + parallel / threads)
}

/// The parallel fraction that best fits measured (threads, speedup) points, by least
/// squares on 1/speedup = 1 - p·(1 - 1/threads), which is linear in p. Clamped to [0, 1];
/// `None` without a point at more than one thread.
pub fn amdahl_fit(points: &[(f64, f64)]) -> Option<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    for &(threads, speedup) in points.iter().filter(|(t, s)| *t > 1.0 && *s > 0.0) {
        let x = 1.0 - 1.0 / threads;
        num += x * (1.0 - 1.0 / speedup);
        den += x * x;
    }
    (den > 0.0).then(|| (num / den).clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        let odd = Summary::of([5.0, 1.0, 3.0]).unwrap();
        assert_eq!((odd.median, odd.min, odd.max, odd.count), (3.0, 1.0, 5.0, 3));
        let even = Summary::of([4.0, 1.0, 3.0, 2.0]).unwrap();
        assert_eq!(even.median, 2.5);
    }

    #[test]
    fn empty_and_nan_samples() {
        assert_eq!(Summary::of([]), None);
        assert_eq!(Summary::of([f64::NAN]), None);
        assert_eq!(Summary::of([f64::NAN, 7.0]).unwrap().median, 7.0);
    }

    #[test]
    fn amdahl_fit_recovers_the_fraction() {
        let p = 0.9;
        let points: Vec<(f64, f64)> = [1.0, 2.0, 4.0, 8.0].iter().map(|&t| (t, amdahl_speedup(p, t))).collect();
        assert!((amdahl_fit(&points).unwrap() - p).abs() < 1e-9);
        assert_eq!(amdahl_fit(&[(1.0, 1.0)]), None);
        assert_eq!(amdahl_fit(&[(2.0, 2.0)]), Some(1.0));
        assert_eq!(amdahl_fit(&[(2.0, 0.5)]), Some(0.0), "slower than serial clamps to 0");
        assert_eq!(amdahl_speedup(1.0, 4.0), 4.0);
        assert_eq!(amdahl_speedup(0.0, 4.0), 1.0);
    }

    #[test]
    fn speedup_and_efficiency() {
        let s = Speedup::new(300.0, 200.0, 2).unwrap();
        assert_eq!(s.speedup, 1.5);
        assert_eq!(s.efficiency, 0.75);
        assert_eq!(Speedup::new(0.0, 1.0, 2), None);
        assert_eq!(Speedup::new(1.0, 1.0, 0), None);
    }
}
