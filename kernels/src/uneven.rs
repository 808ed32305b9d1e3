//! Uneven CPU jobs, a few long and many short (the page's own load, for seed 002's
//! warning about a thread per task): consecutive ranges of Collatz
//! starts, every `long_every`-th one `long_factor` times the others, and the ways to
//! hand them to threads that the work-stealing experiment compares.

use crate::collatz::collatz_steps;
use std::ops::Range;

/// The work of one job: the sum of the chain lengths of its starts (a checkable answer
/// that costs the same however the jobs are run).
pub fn job_work(starts: Range<u64>) -> u64 {
    starts.map(|n| collatz_steps(n) as u64).sum()
}

/// `count` jobs of `short` starts each, except that job 0 and every `long_every`-th
/// after it has `short * long_factor`: the long ones come first in each stretch, as a
/// queue of mixed requests does. The ranges are consecutive from 1.
pub fn uneven_jobs(count: usize, short: u64, long_every: usize, long_factor: u64) -> Vec<Range<u64>> {
    let mut next = 1;
    (0..count)
        .map(|i| {
            let len = if i % long_every.max(1) == 0 { short * long_factor } else { short };
            let range = next..next + len;
            next += len;
            range
        })
        .collect()
}

/// A static split: job indices `0..jobs` cut into `threads` contiguous shares of equal
/// count (the first `jobs % threads` one longer), fixed before any job runs.
pub fn static_shares(jobs: usize, threads: usize) -> Vec<Range<usize>> {
    let threads = threads.max(1);
    let (each, extra) = (jobs / threads, jobs % threads);
    let mut start = 0;
    (0..threads)
        .map(|t| {
            let len = each + usize::from(t < extra);
            let share = start..start + len;
            start += len;
            share
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_are_consecutive_and_the_long_ones_are_where_asked() {
        let jobs = uneven_jobs(10, 100, 4, 20);
        assert_eq!(jobs[0], 1..2_001);
        assert_eq!(jobs[1], 2_001..2_101);
        assert!(jobs.windows(2).all(|w| w[0].end == w[1].start));
        let long: Vec<usize> = (0..10).filter(|&i| jobs[i].end - jobs[i].start == 2_000).collect();
        assert_eq!(long, [0, 4, 8]);
    }

    #[test]
    fn shares_cover_every_job_once_and_differ_by_one_at_most() {
        for (jobs, threads) in [(10, 3), (3, 8), (64, 2), (0, 2)] {
            let shares = static_shares(jobs, threads);
            assert_eq!(shares.len(), threads);
            assert_eq!(shares.iter().flat_map(Clone::clone).collect::<Vec<_>>(), (0..jobs).collect::<Vec<_>>());
            let lens: Vec<usize> = shares.iter().map(ExactSizeIterator::len).collect();
            assert!(lens.iter().max().unwrap() - lens.iter().min().unwrap() <= 1, "{lens:?}");
        }
    }

    #[test]
    fn a_job_sums_its_chain_lengths() {
        // 1: 0 steps, 2: 1, 3: 7, 6: 8.
        assert_eq!(job_work(1..4), 8);
        assert_eq!(job_work(6..7), 8);
        // The chain lengths of 1..=1000 add up to 59,542 (computed apart from this code).
        assert_eq!(job_work(1..1_001), 59_542);
        let parts: u64 = uneven_jobs(5, 50, 2, 4).into_iter().map(job_work).sum();
        assert_eq!(parts, job_work(1..1 + 4 * 50 * 3 + 50 * 2));
    }
}
