//! `parallel_sum`: summing a vector on the pool and handing the answer back to async code;
//! and seed 001's thread body, `(0..1_000_000).sum()` into an `i32`.

use rayon::prelude::*;

pub const MAX_LEN: u64 = 16 * 1024 * 1024;

pub fn sum_sequential(nums: &[i32]) -> i64 {
    nums.iter().map(|&n| n as i64).sum()
}

pub fn sum_parallel(nums: &[i32]) -> i64 {
    nums.par_iter().map(|&n| n as i64).sum()
}

/// Seed 001's spawned thread sums `0..n` into an `i32`. From n = 65,537 on the sum no
/// longer fits: a debug build panics ("attempt to add with overflow"), a release build
/// wraps. Each is worked out here, so the page can say which the seed would print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeedSum {
    /// The sum as an `i64`: what the seed means.
    pub exact: i64,
    /// The `i32` sum where it fits (a debug build's answer), `None` where it overflows.
    pub checked: Option<i32>,
    /// What a release build prints: the sum wrapped to 32 bits.
    pub wrapped: i32,
}

pub const MAX_SEED_SUM_N: u64 = 1_000_000_000;

pub fn seed_thread_sum(n: u64) -> SeedSum {
    let (mut exact, mut checked, mut wrapped) = (0i64, Some(0i32), 0i32);
    for k in 0..n.min(MAX_SEED_SUM_N) {
        let k = std::hint::black_box(k as i64);
        exact += k;
        checked = checked.and_then(|c| i32::try_from(k).ok().and_then(|k| c.checked_add(k)));
        wrapped = wrapped.wrapping_add(k as i32);
    }
    SeedSum { exact, checked, wrapped }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_001s_sum_overflows_i32_from_65537_on() {
        let seed = seed_thread_sum(1_000_000);
        assert_eq!(seed.exact, 499_999_500_000);
        assert_eq!(seed.checked, None, "a debug build panics");
        assert_eq!(seed.wrapped as i64, seed.exact.rem_euclid(1 << 32), "a release build wraps");
        assert_eq!(seed.wrapped, 1_783_293_664);
        assert_eq!(seed_thread_sum(65_536).checked, Some(2_147_450_880));
        assert_eq!(seed_thread_sum(65_537).checked, None);
        assert_eq!(seed_thread_sum(0), SeedSum { exact: 0, checked: Some(0), wrapped: 0 });
    }

    #[test]
    fn the_seed_answer_for_a_mebibyte_of_ones() {
        let nums = vec![1; 1024 * 1024];
        assert_eq!(sum_sequential(&nums), 1_048_576);
        assert_eq!(sum_parallel(&nums), 1_048_576);
        assert_eq!(sum_parallel(&[i32::MAX, i32::MAX]), 2 * i32::MAX as i64);
    }
}
