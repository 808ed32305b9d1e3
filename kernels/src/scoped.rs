//! Borrowing across threads (seed 002's Crossbeam / Tokio / Rayon table): summing one
//! vector with other threads. `rayon::scope` and `rayon::join` may borrow it, because
//! they return only when every thread they started is done with it; `rayon::spawn`
//! returns at once, so its closure must own what it uses (`'static`): the data is
//! copied into it (or shared behind an `Arc`).

/// The numbers 1, 2, … `len`: what every mode sums.
pub fn numbers(len: usize) -> Vec<u64> {
    (1..=len as u64).collect()
}

/// `rayon::scope`: one spawned task per part, each borrowing its slice of `numbers` and
/// writing its own slot of `partial` (borrowed too); the scope waits for all of them.
pub fn sum_scope(numbers: &[u64], parts: usize) -> u64 {
    let size = numbers.len().div_ceil(parts.max(1)).max(1);
    let mut partial = vec![0u64; numbers.len().div_ceil(size)];
    rayon::scope(|s| {
        for (slice, slot) in numbers.chunks(size).zip(partial.iter_mut()) {
            s.spawn(move |_| *slot = slice.iter().sum());
        }
    });
    partial.iter().sum()
}

/// `rayon::join`: split in two, sum both halves (perhaps on two threads), add; below
/// `leaf` numbers, sum in place.
pub fn sum_join(numbers: &[u64], leaf: usize) -> u64 {
    if numbers.len() <= leaf.max(1) {
        return numbers.iter().sum();
    }
    let (left, right) = numbers.split_at(numbers.len() / 2);
    let (a, b) = rayon::join(|| sum_join(left, leaf), || sum_join(right, leaf));
    a + b
}

/// What `rayon::spawn` needs: each part as a vector of its own, copied, so the
/// closure that sums it can own it.
pub fn owned_parts(numbers: &[u64], parts: usize) -> Vec<Vec<u64>> {
    let size = numbers.len().div_ceil(parts.max(1)).max(1);
    numbers.chunks(size).map(<[u64]>::to_vec).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_sums_the_same() {
        for len in [1, 2, 7, 1000, 100_003] {
            let v = numbers(len);
            let want = len as u64 * (len as u64 + 1) / 2;
            assert_eq!(sum_scope(&v, 4), want, "scope, {len}");
            assert_eq!(sum_scope(&v, 1), want);
            assert_eq!(sum_join(&v, 64), want, "join, {len}");
            let parts = owned_parts(&v, 4);
            assert!(parts.len() <= 4);
            assert_eq!(parts.iter().map(|p| p.iter().sum::<u64>()).sum::<u64>(), want, "owned, {len}");
            assert_eq!(parts.iter().map(Vec::len).sum::<usize>(), len, "every number copied once");
        }
    }
}
