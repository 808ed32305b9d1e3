//! Counting primes by naive trial division: a fixed amount of pure CPU work per job,
//! with no data shared between jobs: the plainest kind of parallelism.

use crate::probe::{Cancelled, Probe, split};
use rayon::prelude::*;

pub const MAX_LIMIT: u64 = 200_000;
pub const MAX_JOBS: u64 = 16;
/// Pieces each job is cut into, so progress shows and Cancel acts within a job.
const PIECES_PER_JOB: u64 = 8;

/// Trial division in 32 bits: every candidate is below [`MAX_LIMIT`], and a 64-bit
/// division costs several times a 32-bit one (wasm's i64.rem_u compiles to it as is,
/// while native x86 code quietly checks for small operands first).
#[inline(never)]
fn is_prime_naive(x: u32) -> bool {
    (2..x).all(|d| x % d != 0)
}

fn is_prime(x: u64) -> bool {
    match u32::try_from(x) {
        Ok(small) => is_prime_naive(small),
        Err(_) => (2..x).all(|d| x % d != 0),
    }
}

/// Primes below `n`, testing every candidate divisor (the seed's `count_primes`).
pub fn count_primes(n: u64) -> u64 {
    (2..n).filter(|&x| is_prime(x)).count() as u64
}

/// How many chunks `jobs` counts below `limit` are cut into.
pub fn chunk_count(jobs: u64, limit: u64) -> u64 {
    jobs * crate::probe::split_count(limit.saturating_sub(2), PIECES_PER_JOB)
}

fn pieces(jobs: u64, limit: u64) -> Vec<(usize, std::ops::Range<u64>)> {
    (0..jobs)
        .flat_map(|_| split(limit.saturating_sub(2), PIECES_PER_JOB).map(|r| r.start + 2..r.end + 2))
        .enumerate()
        .collect()
}

fn count_in(range: std::ops::Range<u64>) -> u64 {
    range.filter(|&x| is_prime(x)).count() as u64
}

/// `jobs` independent counts of the primes below `limit`, one after another: their total.
pub fn count_primes_jobs_sequential(jobs: u64, limit: u64, probe: &impl Probe) -> Result<u64, Cancelled> {
    pieces(jobs, limit).into_iter().map(|(i, r)| probe.chunk(i, || count_in(r))).sum()
}

/// The same jobs spread over the current rayon pool.
pub fn count_primes_jobs_parallel(jobs: u64, limit: u64, probe: &impl Probe) -> Result<u64, Cancelled> {
    pieces(jobs, limit).into_par_iter().map(|(i, r)| probe.chunk(i, || count_in(r))).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::NoProbe;

    #[test]
    fn small_counts() {
        assert_eq!(count_primes(0), 0);
        assert_eq!(count_primes(2), 0);
        assert_eq!(count_primes(3), 1);
        assert_eq!(count_primes(100), 25);
        assert_eq!(count_primes(1_000), 168);
    }

    #[test]
    fn the_seed_total_for_four_jobs_below_fifty_thousand() {
        assert_eq!(count_primes(50_000), 5_133);
        assert_eq!(count_primes_jobs_parallel(4, 50_000, &NoProbe), Ok(20_532));
    }

    #[test]
    fn parallel_equals_sequential() {
        for (jobs, limit) in [(1, 2), (1, 3), (3, 1_000), (4, 5_000), (2, 17)] {
            assert_eq!(
                count_primes_jobs_parallel(jobs, limit, &NoProbe),
                count_primes_jobs_sequential(jobs, limit, &NoProbe),
            );
            assert_eq!(count_primes_jobs_sequential(jobs, limit, &NoProbe), Ok(jobs * count_primes(limit)));
        }
    }
}
