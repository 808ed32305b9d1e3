//! The download-and-process pipeline: each "image" arrives after a wait, then a
//! checksum over every byte stands in for resizing it.

pub const MAX_IMAGES: u64 = 16;
pub const MAX_IMAGE_BYTES: u64 = 8_000_000;

/// Image `id`: `size` bytes, all equal to `id % 256`.
pub fn image(id: u64, size: u64) -> Vec<u8> {
    vec![(id % 256) as u8; size as usize]
}

/// A heavy fold over every byte (FNV-style multiply and add).
#[inline(never)]
pub fn process(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |acc, &b| acc.wrapping_mul(1099511628211).wrapping_add(b as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_checksums_for_four_one_megabyte_images() {
        let sums: Vec<u64> = (0..4).map(|id| process(&image(id, 1_000_000))).collect();
        assert_eq!(sums, vec![0, 15279771427360356480, 12112798781011161344, 8945826134661966208]);
    }
}
