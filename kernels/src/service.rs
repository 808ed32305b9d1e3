//! What the service of seed 003 does per request, besides answering "hello": a
//! password hash that costs real CPU (a key-stretching loop, like bcrypt's rounds), and
//! seed 003's `fetch_user_blocking`, a database driver's call that blocks its thread
//! while it waits.

use crate::hash::fold_hash;
use std::time::Duration;

/// Rounds of the mixing step in one iteration of the hash: an iteration is a few
/// microseconds, so a hash can stop (or yield) between any two of them.
pub const ROUNDS_PER_ITERATION: u64 = 10_000;

/// A password hash in progress: the password folded, then stretched by iterations of a
/// mixing step (splitmix64's finaliser), so its cost is set by the iteration count.
#[derive(Clone, Copy, Debug)]
pub struct Stretch {
    state: u64,
}

impl Stretch {
    pub fn new(password: &str) -> Self {
        Stretch { state: fold_hash(password) }
    }

    /// Runs `iterations` more iterations.
    pub fn run(&mut self, iterations: u64) {
        for _ in 0..iterations {
            self.state = stretch_rounds(self.state, ROUNDS_PER_ITERATION);
        }
    }

    pub fn finish(self) -> u64 {
        self.state
    }
}

/// The hot loop, in its own function so the browser's compiler can tier it up between calls.
#[inline(never)]
fn stretch_rounds(mut x: u64, rounds: u64) -> u64 {
    for _ in 0..rounds {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x = z ^ (z >> 31);
    }
    x
}

/// The whole hash at once: `iterations` iterations, or `None` if `should_stop` said so
/// between two of them.
pub fn stretch_hash(password: &str, iterations: u64, should_stop: impl Fn() -> bool) -> Option<u64> {
    let mut hash = Stretch::new(password);
    for _ in 0..iterations {
        if should_stop() {
            return None;
        }
        hash.run(1);
    }
    Some(hash.finish())
}

/// What the seed's database answers for a user it knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: u32,
    pub data: String,
}

/// Why a lookup failed: seed 003's database knows no user but user 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookupError {
    NotFound { id: u32 },
}

impl std::fmt::Display for LookupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // The seed's own error text; the id is the page's, so the log says which user.
            LookupError::NotFound { id } => write!(f, "User not found (user {id})"),
        }
    }
}

/// Seed 003's rule: user 1 exists, every other id is "User not found".
pub fn lookup_rule(id: u32) -> Result<(), LookupError> {
    if id == 1 { Ok(()) } else { Err(LookupError::NotFound { id }) }
}

/// Seed 003's `fetch_user_blocking`: the calling thread sleeps while the "database"
/// answers (the seed sleeps 1 s; `latency_ms` is the page's knob, 1,000 by default),
/// then the rule above. A worker may sleep; the browser's main thread may not, and
/// never calls this.
pub fn fetch_user_blocking(id: u32, latency_ms: f64) -> Result<User, LookupError> {
    std::thread::sleep(Duration::from_secs_f64(latency_ms.max(0.0) / 1e3));
    lookup_rule(id).map(|()| User { id, data: format!("User data for ID {id}") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_depends_on_password_and_cost_and_can_be_split() {
        let whole = stretch_hash("hunter2", 10, || false).unwrap();
        assert_ne!(whole, stretch_hash("hunter3", 10, || false).unwrap());
        assert_ne!(whole, stretch_hash("hunter2", 11, || false).unwrap());
        let mut split = Stretch::new("hunter2");
        split.run(3);
        split.run(7);
        assert_eq!(split.finish(), whole, "yielding between iterations gives the same hash");
        assert_eq!(stretch_hash("hunter2", 0, || false), Some(fold_hash("hunter2")));
        assert_eq!(stretch_hash("hunter2", 10, || true), None);
    }

    #[test]
    fn lookups_follow_the_seeds_rule_and_sleep_their_time() {
        assert_eq!(fetch_user_blocking(1, 0.0), Ok(User { id: 1, data: "User data for ID 1".into() }));
        assert_eq!(fetch_user_blocking(2, 0.0), Err(LookupError::NotFound { id: 2 }));
        assert_eq!(LookupError::NotFound { id: 7 }.to_string(), "User not found (user 7)");
        let began = std::time::Instant::now();
        let _ = fetch_user_blocking(1, 30.0);
        assert!(began.elapsed() >= Duration::from_millis(30), "the thread slept the lookup's time");
    }
}
