//! Collatz longest chain: which start below a limit takes the most steps to reach 1?
//!
//! A step halves an even number and maps an odd one to `3n + 1`; the count is the
//! number of steps until the value is 1 (so `collatz_steps(1) == 0`). Purely CPU-bound:
//! there is nothing to wait for, so async cannot help and only more cores can.

use crate::probe::{Cancelled, Probe, split};
use rayon::prelude::*;

/// The start with the longest chain, and that chain's step count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LongestChain {
    pub start: u64,
    pub steps: u32,
}

impl LongestChain {
    /// Picks the longer chain; on a tie the smaller start wins, so the answer does
    /// not depend on how the work was split.
    fn longer(self, other: Self) -> Self {
        if (other.steps, self.start) > (self.steps, other.start) { other } else { self }
    }
}

/// Smallest limit accepted: the range `1..limit` must hold at least one start.
pub const MIN_LIMIT: u64 = 2;
/// Largest limit accepted. The highest value reached from any start below it is
/// about 2.2e15 (from 80,049,391), far below `u64::MAX / 3`, so `3n + 1` cannot
/// overflow. It also bounds a run to tens of seconds.
pub const MAX_LIMIT: u64 = 100_000_000;

/// Steps for `n` to reach 1. `n` must be at least 1.
#[inline(never)]
pub fn collatz_steps(mut n: u64) -> u32 {
    debug_assert!(n >= 1);
    let mut steps = 0;
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    }
    steps
}

fn chain(start: u64) -> LongestChain {
    LongestChain { start, steps: collatz_steps(start) }
}

/// Chunks the range is cut into: enough for rayon to balance uneven chunks over
/// many threads, few enough that timing each costs nothing.
pub const CHUNKS: u64 = 64;

/// How many chunks a run below `limit` has.
pub fn chunk_count(limit: u64) -> u64 {
    crate::probe::split_count(limit - 1, CHUNKS)
}

/// Starts `1..limit`, cut into chunks.
fn chunks(limit: u64) -> impl Iterator<Item = std::ops::Range<u64>> + Clone {
    split(limit - 1, CHUNKS).map(|r| r.start + 1..r.end + 1)
}

fn longest_in(range: std::ops::Range<u64>) -> LongestChain {
    range.map(chain).reduce(LongestChain::longer).expect("chunks are not empty")
}

/// Longest chain among the starts `1..limit`, one chunk after another.
pub fn longest_chain_sequential(limit: u64, probe: &impl Probe) -> Result<LongestChain, Cancelled> {
    assert!(limit >= MIN_LIMIT, "limit must be at least {MIN_LIMIT}");
    let mut best: Option<LongestChain> = None;
    for (i, range) in chunks(limit).enumerate() {
        let found = probe.chunk(i, || longest_in(range))?;
        best = Some(best.map_or(found, |b| b.longer(found)));
    }
    Ok(best.expect("range is not empty"))
}

/// Longest chain among the starts `1..limit`, its chunks spread over the current rayon pool.
pub fn longest_chain_parallel(limit: u64, probe: &impl Probe) -> Result<LongestChain, Cancelled> {
    assert!(limit >= MIN_LIMIT, "limit must be at least {MIN_LIMIT}");
    let ranges: Vec<_> = chunks(limit).collect();
    ranges
        .into_par_iter()
        .enumerate()
        .map(|(i, range)| probe.chunk(i, || longest_in(range)))
        .try_reduce_with(|a, b| Ok(a.longer(b)))
        .expect("range is not empty")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::{NoProbe, RecordingProbe};

    fn sequential(limit: u64) -> LongestChain {
        longest_chain_sequential(limit, &NoProbe).unwrap()
    }
    fn parallel(limit: u64) -> LongestChain {
        longest_chain_parallel(limit, &NoProbe).unwrap()
    }

    #[test]
    fn small_chains_follow_the_definition() {
        // 6 → 3 → 10 → 5 → 16 → 8 → 4 → 2 → 1
        assert_eq!(collatz_steps(6), 8);
        assert_eq!(collatz_steps(1), 0);
        assert_eq!(collatz_steps(2), 1);
        assert_eq!(collatz_steps(27), 111);
    }

    #[test]
    fn seed_answer_below_one_hundred_thousand() {
        let expected = LongestChain { start: 77_031, steps: 350 };
        assert_eq!(sequential(100_000), expected);
        assert_eq!(parallel(100_000), expected);
    }

    #[test]
    fn known_answer_below_one_million() {
        let expected = LongestChain { start: 837_799, steps: 524 };
        assert_eq!(parallel(1_000_000), expected);
    }

    #[test]
    fn ties_go_to_the_smaller_start() {
        // Below 4 the candidates are 1 (0 steps), 2 (1) and 3 (7); below 20, 18 and 19
        // both take 20 steps and 18 must win whatever the split.
        assert_eq!(sequential(4), LongestChain { start: 3, steps: 7 });
        assert_eq!(collatz_steps(18), collatz_steps(19));
        assert_eq!(sequential(20), LongestChain { start: 18, steps: 20 });
    }

    #[test]
    fn parallel_equals_sequential_for_many_limits() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(4).build().unwrap();
        for limit in (MIN_LIMIT..400).chain([1_000, 4_097, 65_536, 99_999]) {
            let parallel = pool.install(|| parallel(limit));
            assert_eq!(parallel, sequential(limit), "limit {limit}");
        }
    }

    #[test]
    fn chunks_are_timed_on_pool_threads_and_can_be_cancelled() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let probe = RecordingProbe::new();
        pool.install(|| longest_chain_parallel(100_000, &probe)).unwrap();
        let spans = probe.spans();
        assert_eq!(spans.len() as u64, CHUNKS);
        assert!(spans.iter().all(|s| (1..=2).contains(&s.thread) && s.end_ms >= s.start_ms));

        let stopping = RecordingProbe::stopping_after(3);
        assert_eq!(longest_chain_sequential(100_000, &stopping), Err(Cancelled));
        assert_eq!(stopping.spans().len(), 3);
        assert_eq!(
            pool.install(|| longest_chain_parallel(100_000, &RecordingProbe::stopping_after(3))),
            Err(Cancelled)
        );
    }

    #[test]
    fn the_highest_path_below_the_limit_stays_far_from_overflow() {
        // 80,049,391 climbs higher than any other start below MAX_LIMIT.
        let mut n: u64 = 80_049_391;
        let mut peak = n;
        while n != 1 {
            n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
            peak = peak.max(n);
        }
        assert_eq!(peak, 2_185_143_829_170_100);
        assert!(peak < u64::MAX / 3);
    }
}
