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

/// The value to use instead of a `text` that [`parse_whole`] rejected: a number out of
/// range (negative, or too large even for a u64) becomes the nearest bound; anything
/// that is not a number at all becomes `default`.
pub fn nearest_whole(text: &str, min: u64, max: u64, default: u64) -> u64 {
    let cleaned: String = text.trim().chars().filter(|c| !matches!(c, '_' | ',' | ' ')).collect();
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let numeric = match digits.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => all_digits(mantissa) && all_digits(exponent),
        None => all_digits(digits),
    };
    match (numeric, negative) {
        (false, _) => default.clamp(min, max),
        (true, true) => min,
        // A well-formed number that does not parse is too large for a u64, so for the knob.
        (true, false) => parse_whole("", digits, 0, u64::MAX).map_or(max, |v| v.clamp(min, max)),
    }
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
    fn nearest_whole_clamps_numbers_and_defaults_the_rest() {
        let near = |t| nearest_whole(t, 2, 1000, 50);
        assert_eq!(near("1e15"), 1000);
        assert_eq!(near("99999999999999999999999"), 1000);
        assert_eq!(near("1e99"), 1000);
        assert_eq!(near("5000"), 1000);
        assert_eq!(near("1"), 2);
        assert_eq!(near("-5"), 2);
        assert_eq!(near("-1e9"), 2);
        assert_eq!(near("+7"), 7);
        for garbage in ["", "abc", "2.5", "NaN", "1e", "e5", "--3", "0x10", "\u{0}"] {
            assert_eq!(near(garbage), 50, "{garbage:?}");
        }
        assert_eq!(nearest_whole("x", 2, 1000, 5000), 1000, "a default outside the range is clamped too");
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
