//! What the service of seed 003 does per request, besides answering "hello": a
//! password hash that costs real CPU (a key-stretching loop, like bcrypt's rounds), and
//! `fetch_user_blocking`, a database driver's call that blocks its thread while it waits.

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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: u32,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookupError {
    NotFound { id: u32 },
    TimedOut { id: u32 },
}

impl std::fmt::Display for LookupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LookupError::NotFound { id } => write!(f, "user {id} not found"),
            LookupError::TimedOut { id } => write!(f, "lookup of user {id} timed out"),
        }
    }
}

/// The imaginary database's rule for a user: every tenth id does not exist, and one in
/// eight of the others sits on a slow replica that answers after the driver gave up.
pub fn lookup_rule(id: u32) -> Result<(), LookupError> {
    if id % 10 == 0 {
        Err(LookupError::NotFound { id })
    } else if id % 8 == 3 {
        Err(LookupError::TimedOut { id })
    } else {
        Ok(())
    }
}

/// How long the driver holds its thread for user `id`: `latency_ms` for an answer, twice
/// that (its timeout) for a slow replica.
pub fn lookup_wait_ms(id: u32, latency_ms: f64) -> f64 {
    match lookup_rule(id) {
        Err(LookupError::TimedOut { .. }) => 2.0 * latency_ms,
        _ => latency_ms,
    }
}

/// The blocking driver call: the calling thread sleeps while the "database" answers.
/// (A worker may sleep; the browser's main thread may not, and never calls this.)
pub fn fetch_user_blocking(id: u32, latency_ms: f64) -> Result<User, LookupError> {
    std::thread::sleep(Duration::from_secs_f64(lookup_wait_ms(id, latency_ms).max(0.0) / 1e3));
    lookup_rule(id).map(|()| User { id, name: format!("user-{id}") })
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
    fn lookups_fail_by_the_rule_and_say_why() {
        assert_eq!(fetch_user_blocking(7, 0.0), Ok(User { id: 7, name: "user-7".into() }));
        assert_eq!(fetch_user_blocking(20, 0.0), Err(LookupError::NotFound { id: 20 }));
        assert_eq!(fetch_user_blocking(11, 0.0), Err(LookupError::TimedOut { id: 11 }));
        assert_eq!(lookup_wait_ms(11, 5.0), 10.0);
        assert_eq!(lookup_wait_ms(7, 5.0), 5.0);
        assert_eq!(LookupError::TimedOut { id: 3 }.to_string(), "lookup of user 3 timed out");
    }
}
