//! Numbers as text without Rust's float formatting: `<f64 as Display>` and its dragon/grisu
//! machinery add ~17 kB to the wasm. Whole numbers are written here with integer formatting;
//! the wasm layer has the platform write the rest (`String(n)`), as JavaScript does.

/// Whole numbers below 2^53 in magnitude, as JavaScript's `String(n)` writes them (`5`, not
/// `5.0`; `-0` as `0`); `None` for fractions, NaN, infinities and larger magnitudes.
pub fn whole_text(n: f64) -> Option<String> {
    (n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0).then(|| super::text::int_text(n as i64))
}

/// A run of ASCII digits as a number (no sign, no spaces; `None` when empty or beyond `u64`):
/// what HTTP headers and dates hold. Smaller in the wasm than `str::parse`, which also takes
/// a sign.
pub fn parse_digits(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0u64, |n, b| {
        if !b.is_ascii_digit() {
            return None;
        }
        n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_parse_as_whole_numbers_and_nothing_else_does() {
        assert_eq!(parse_digits("0"), Some(0));
        assert_eq!(parse_digits("0042"), Some(42));
        assert_eq!(parse_digits("18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse_digits("18446744073709551616"), None);
        for bad in ["", "+5", "-5", " 5", "5 ", "1.5", "1e3", "٣"] {
            assert_eq!(parse_digits(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn whole_numbers_are_written_as_javascript_writes_them() {
        assert_eq!(whole_text(5.0).as_deref(), Some("5"));
        assert_eq!(whole_text(-0.0).as_deref(), Some("0"));
        assert_eq!(whole_text(-42.0).as_deref(), Some("-42"));
        assert_eq!(
            whole_text(1_795_978_537_212.0).as_deref(),
            Some("1795978537212")
        );
        assert_eq!(whole_text(1.5), None);
        assert_eq!(whole_text(f64::NAN), None);
        assert_eq!(whole_text(f64::INFINITY), None);
        assert_eq!(whole_text(1e300), None);
    }
}
