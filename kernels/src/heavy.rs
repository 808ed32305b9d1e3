//! `heavy`: a deliberately long chain of 64-bit LCG steps per seed. Each seed's
//! chain is strictly sequential, so the only way to go faster is to run several
//! seeds at once on several cores.

use crate::probe::{Cancelled, Probe};
use rayon::prelude::*;

const MULTIPLIER: u64 = 6364136223846793005;
const INCREMENT: u64 = 1442695040888963407;
/// Steps between two checks for cancellation inside one seed.
const STEPS_PER_CHECK: u64 = 1 << 22;

pub const MAX_SEEDS: u64 = 64;
pub const MAX_STEPS: u64 = 1_000_000_000;

#[inline(never)]
fn lcg_steps(mut acc: u64, steps: u64) -> u64 {
    for _ in 0..steps {
        acc = acc.wrapping_mul(MULTIPLIER).wrapping_add(INCREMENT);
    }
    acc
}

/// `steps` LCG steps starting from `seed`.
pub fn heavy(seed: u64, steps: u64) -> u64 {
    lcg_steps(seed, steps)
}

/// The same as [`heavy`], checking the probe between blocks of steps.
fn heavy_probed(seed: u64, steps: u64, probe: &impl Probe) -> Result<u64, Cancelled> {
    let mut acc = seed;
    let mut left = steps;
    while left > 0 {
        if probe.should_stop() {
            return Err(Cancelled);
        }
        let block = left.min(STEPS_PER_CHECK);
        acc = lcg_steps(acc, block);
        left -= block;
    }
    Ok(acc)
}

/// Seeds `0..seeds`, one after another; one chunk per seed.
pub fn heavy_all_sequential(seeds: u64, steps: u64, probe: &impl Probe) -> Result<Vec<u64>, Cancelled> {
    (0..seeds).map(|s| probe.chunk(s as usize, || heavy_probed(s, steps, probe))?).collect()
}

/// Seeds `0..seeds` over the current rayon pool; results in seed order.
pub fn heavy_all_parallel(seeds: u64, steps: u64, probe: &impl Probe) -> Result<Vec<u64>, Cancelled> {
    (0..seeds).into_par_iter().map(|s| probe.chunk(s as usize, || heavy_probed(s, steps, probe))?).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::NoProbe;

    /// The LCG's n-th state in O(log n): composes the affine map x → a·x + c with itself.
    fn jump(seed: u64, mut n: u64) -> u64 {
        let (mut a, mut c) = (MULTIPLIER, INCREMENT); // the map applied 2^k times
        let (mut total_a, mut total_c) = (1u64, 0u64); // the map applied so far
        while n > 0 {
            if n & 1 == 1 {
                total_a = total_a.wrapping_mul(a);
                total_c = total_c.wrapping_mul(a).wrapping_add(c);
            }
            c = c.wrapping_mul(a).wrapping_add(c);
            a = a.wrapping_mul(a);
            n >>= 1;
        }
        total_a.wrapping_mul(seed).wrapping_add(total_c)
    }

    #[test]
    fn matches_the_closed_form() {
        for (seed, steps) in [(0, 0), (0, 1), (7, 3), (3, 1_000_003), (5, (1 << 22) + 17)] {
            assert_eq!(heavy(seed, steps), jump(seed, steps), "seed {seed}, {steps} steps");
            assert_eq!(heavy_probed(seed, steps, &NoProbe), Ok(jump(seed, steps)));
        }
    }

    #[test]
    fn parallel_equals_sequential_and_the_seed_program() {
        let steps = 200_000;
        let expected: Vec<u64> = (0..8).map(|s| jump(s, steps)).collect();
        assert_eq!(heavy_all_sequential(8, steps, &NoProbe).unwrap(), expected);
        assert_eq!(heavy_all_parallel(8, steps, &NoProbe).unwrap(), expected);
        // The seed program: 8 seeds, 50,000,000 steps each.
        assert_eq!(heavy(7, 50_000_000), jump(7, 50_000_000));
    }
}
