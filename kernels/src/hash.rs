//! The "slow hash" of a password: a stand-in for bcrypt or argon2. The slow part
//! (waiting out a fixed time) belongs to whoever calls it; this is the fold that
//! gives the answer.

pub const MAX_PASSWORD_CHARS: usize = 256;

/// Folds the password's bytes: `hash = hash * 31 + byte`, wrapping.
pub fn fold_hash(password: &str) -> u64 {
    password.bytes().fold(0u64, |acc, b| acc.wrapping_mul(31).wrapping_add(b as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_value_for_hunter2() {
        assert_eq!(fold_hash("hunter2"), 95_755_137_202);
        assert_eq!(fold_hash(""), 0);
        assert_eq!(fold_hash("a"), 97);
    }
}
