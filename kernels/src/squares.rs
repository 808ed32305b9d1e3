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
    fn small_and_empty() {
        assert_eq!(shard(1, 3), vec![3, 4, 5]);
        assert_eq!(sum_of_squares_sequential(&[1, 2, 3], &NoProbe), Ok(14));
        assert_eq!(sum_of_squares_parallel(&[], &NoProbe), Ok(0));
    }
}
