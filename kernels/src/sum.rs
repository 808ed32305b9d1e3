//! `parallel_sum`: summing a vector on the pool and handing the answer back to async code.

use rayon::prelude::*;

pub const MAX_LEN: u64 = 16 * 1024 * 1024;

pub fn sum_sequential(nums: &[i32]) -> i64 {
    nums.iter().map(|&n| n as i64).sum()
}

pub fn sum_parallel(nums: &[i32]) -> i64 {
    nums.par_iter().map(|&n| n as i64).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_answer_for_a_mebibyte_of_ones() {
        let nums = vec![1; 1024 * 1024];
        assert_eq!(sum_sequential(&nums), 1_048_576);
        assert_eq!(sum_parallel(&nums), 1_048_576);
        assert_eq!(sum_parallel(&[i32::MAX, i32::MAX]), 2 * i32::MAX as i64);
    }
}
