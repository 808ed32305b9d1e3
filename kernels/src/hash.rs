//! Seed 000's two password hashes. Its Rust `slow_hash`, a stand-in for bcrypt or
//! argon2: the slow part (waiting out 150 ms) belongs to whoever calls it; this is the
//! fold that gives the answer. And its TypeScript hashPasswords: a SHA-256 updated with
//! the password 200,000 times, hex-encoded, which the JavaScript twin runs too.

use sha2::{Digest, Sha256};
use std::fmt::Write;

pub const MAX_PASSWORD_CHARS: usize = 256;
/// The most updates a SHA-256 hash takes here (seed 000 uses 200,000).
pub const MAX_UPDATES: u64 = 20_000_000;
/// The most passwords in one hashPasswords list.
pub const MAX_PASSWORDS: u64 = 100;

/// Seed 000's hashPasswords for one password: SHA-256, updated `updates` times with
/// the password's bytes, in lowercase hex.
pub fn sha256_updated(password: &str, updates: u64) -> String {
    let mut hash = Sha256::new();
    for _ in 0..updates {
        hash.update(password.as_bytes());
    }
    hash.finalize().iter().fold(String::with_capacity(64), |mut hex, byte| {
        let _ = write!(hex, "{byte:02x}");
        hex
    })
}

/// Folds the password's bytes: `hash = hash * 31 + byte`, wrapping.
pub fn fold_hash(password: &str) -> u64 {
    password.bytes().fold(0u64, |acc, b| acc.wrapping_mul(31).wrapping_add(b as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Digests computed elsewhere (FIPS 180-4's examples; Node's createHash for hunter2).
    #[test]
    fn sha256_updated_gives_known_digests() {
        assert_eq!(sha256_updated("", 1), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(sha256_updated("abc", 1), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(sha256_updated("abc", 0), sha256_updated("", 1), "no update: the empty input");
        assert_eq!(
            sha256_updated("hunter2", 200_000),
            "57c261f677f5496b234171d5d43c98bed94af74094668670c3aeedfa202e0403"
        );
    }

    #[test]
    fn the_seed_value_for_hunter2() {
        assert_eq!(fold_hash("hunter2"), 95_755_137_202);
        assert_eq!(fold_hash(""), 0);
        assert_eq!(fold_hash("a"), 97);
    }
}
