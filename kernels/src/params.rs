//! Reading numbers that people type, and writing them back readably.

/// Parses a whole number typed by a person: spaces, `_` and `,` between digits
/// are allowed (`1_000_000`, `1,000,000`), and so is a power of ten (`1e6`).
/// The error names the field and says what was wrong.
pub fn parse_whole(field: &str, text: &str, min: u64, max: u64) -> Result<u64, String> {
    let cleaned: String = text.trim().chars().filter(|c| !matches!(c, '_' | ',' | ' ')).collect();
    let value = if cleaned.is_empty() {
        return Err(format!(
            "{field} is empty: enter a whole number from {} to {}",
            group_thousands(min),
            group_thousands(max)
        ));
    } else if let Some((mantissa, exponent)) = cleaned.split_once(['e', 'E']) {
        let mantissa: u64 = mantissa.parse().map_err(|_| not_a_number(field, text))?;
        let exponent: u32 = exponent.parse().map_err(|_| not_a_number(field, text))?;
        10u64.checked_pow(exponent).and_then(|p| mantissa.checked_mul(p))
    } else if cleaned.bytes().all(|b| b.is_ascii_digit()) {
        cleaned.parse::<u64>().ok()
    } else {
        return Err(not_a_number(field, text));
    };
    match value {
        Some(v) if v < min => {
            Err(format!("{field} must be at least {}, got {}", group_thousands(min), group_thousands(v)))
        }
        Some(v) if v > max => {
            Err(format!("{field} must be at most {}, got {}", group_thousands(max), group_thousands(v)))
        }
        Some(v) => Ok(v),
        None => Err(format!("{field} is far too large: the most is {}", group_thousands(max))),
    }
}

fn not_a_number(field: &str, text: &str) -> String {
    let shown: String = text.chars().take(24).collect();
    let ellipsis = if text.chars().count() > 24 { "…" } else { "" };
    format!("{field} must be a whole number, got \"{shown}{ellipsis}\"")
}

/// `1234567` → `"1,234,567"`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_ways_people_write_numbers() {
        for text in ["1000000", " 1_000_000 ", "1,000,000", "1e6", "1E6", "10e5"] {
            assert_eq!(parse_whole("N", text, 2, 100_000_000), Ok(1_000_000), "{text}");
        }
    }

    #[test]
    fn rejects_with_a_specific_message() {
        let parse = |t| parse_whole("N", t, 2, 1000).unwrap_err();
        assert_eq!(parse(""), "N is empty: enter a whole number from 2 to 1,000");
        assert_eq!(parse("abc"), "N must be a whole number, got \"abc\"");
        assert_eq!(parse("-5"), "N must be a whole number, got \"-5\"");
        assert_eq!(parse("2.5"), "N must be a whole number, got \"2.5\"");
        assert_eq!(parse("1"), "N must be at least 2, got 1");
        assert_eq!(parse("5000"), "N must be at most 1,000, got 5,000");
        assert_eq!(parse("1e15"), "N must be at most 1,000, got 1,000,000,000,000,000");
        assert_eq!(parse("99999999999999999999999"), "N is far too large: the most is 1,000");
        assert_eq!(parse("1e99"), "N is far too large: the most is 1,000");
        let long = "9".repeat(10_000);
        assert!(parse_whole("N", &long, 2, 1000).unwrap_err().contains("far too large"));
        let garbage = "x".repeat(100);
        assert_eq!(
            parse_whole("N", &garbage, 2, 1000).unwrap_err(),
            format!("N must be a whole number, got \"{}…\"", "x".repeat(24))
        );
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(837_799), "837,799");
        assert_eq!(group_thousands(u64::MAX), "18,446,744,073,709,551,615");
    }
}
