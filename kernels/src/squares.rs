//! Shards of numbers, "fetched" one way and summed another: the sum of squares is
//! CPU work over data that arrived by waiting.

use crate::probe::{Cancelled, Probe, split};
use rayon::prelude::*;

pub const MAX_SHARDS: u64 = 16;
pub const MAX_SHARD_SIZE: u64 = 2_000_000;
const CHUNKS: u64 = 64;

/// Shard `id`: the numbers `id·size .. (id+1)·size`.
pub fn shard(id: u64, size: u64) -> Vec<u64> {
    (0..size).map(|x| x + id * size).collect()
}

/// How many chunks a sum over `len` numbers is cut into.
pub fn chunk_count(len: u64) -> u64 {
    crate::probe::split_count(len, CHUNKS)
}

/// The exact Σ x² for x in `0..n` (the numbers the shards hold), by the closed form
/// (n−1)·n·(2n−1)/6 in 128 bits: what the 64-bit sum should be when it does not wrap.
pub fn exact_sum_of_squares_below(n: u64) -> u128 {
    let n = n as u128;
    if n == 0 { 0 } else { (n - 1) * n * (2 * n - 1) / 6 }
}

#[inline(never)]
fn squares_in(data: &[u64]) -> u64 {
    data.iter().fold(0u64, |acc, &x| acc.wrapping_add(x.wrapping_mul(x)))
}

fn chunks(data: &[u64]) -> impl Iterator<Item = &[u64]> {
    split(data.len() as u64, CHUNKS).map(move |r| &data[r.start as usize..r.end as usize])
}

/// Σ x², wrapping, one chunk after another.
pub fn sum_of_squares_sequential(data: &[u64], probe: &impl Probe) -> Result<u64, Cancelled> {
    chunks(data).enumerate().try_fold(0u64, |acc, (i, c)| Ok(acc.wrapping_add(probe.chunk(i, || squares_in(c))?)))
}

/// Σ x², wrapping, over the current rayon pool.
pub fn sum_of_squares_parallel(data: &[u64], probe: &impl Probe) -> Result<u64, Cancelled> {
    let parts: Vec<&[u64]> = chunks(data).collect();
    parts
        .into_par_iter()
        .enumerate()
        .map(|(i, c)| probe.chunk(i, || squares_in(c)))
        .try_reduce(|| 0, |a, b| Ok(a.wrapping_add(b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::NoProbe;

    #[test]
    fn the_seed_total_for_four_shards_of_250_000() {
        let all: Vec<u64> = (0..4).flat_map(|id| shard(id, 250_000)).collect();
        assert_eq!(all.len(), 1_000_000);
        assert_eq!(sum_of_squares_parallel(&all, &NoProbe), Ok(333_332_833_333_500_000));
        assert_eq!(sum_of_squares_sequential(&all, &NoProbe), Ok(333_332_833_333_500_000));
    }

    #[test]
    fn past_three_million_numbers_the_sum_wraps_to_the_exact_sum_modulo_2_64() {
        assert_eq!(exact_sum_of_squares_below(1_000_000), 333_332_833_333_500_000);
        assert!(exact_sum_of_squares_below(3_000_000) <= u64::MAX as u128, "3,000,000 still fits");
        let all: Vec<u64> = (0..4).flat_map(|id| shard(id, 1_000_000)).collect();
        let exact = exact_sum_of_squares_below(4_000_000);
        assert_eq!(exact, 21_333_325_333_334_000_000);
        assert!(exact > u64::MAX as u128);
        assert_eq!(sum_of_squares_parallel(&all, &NoProbe), Ok(exact as u64), "wrapped: the exact sum mod 2^64");
        assert_eq!(sum_of_squares_sequential(&all, &NoProbe), Ok(2_886_581_259_624_448_384));
        assert_eq!(exact_sum_of_squares_below(0), 0);
    }

    #[test]
    fn small_and_empty() {
        assert_eq!(shard(1, 3), vec![3, 4, 5]);
        assert_eq!(sum_of_squares_sequential(&[1, 2, 3], &NoProbe), Ok(14));
        assert_eq!(sum_of_squares_parallel(&[], &NoProbe), Ok(0));
    }
}
