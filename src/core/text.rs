//! Strings built without `core::fmt`: its machinery and the argument table every `format!` call
//! site builds cost 2.1 kB gzip of the wasm (finding 28 in docs/performance.md). Messages
//! are written with the crate's `text!` macro (`text!(m, ": option \"", name, "\" is required")`),
//! numbers as text first ([`int_text`]); `format!` is refused outside tests (clippy.toml).

/// The parts one after the other, in one allocation.
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// `a, b, c`, for messages that list the accepted values. By hand: std's `join` is a
/// 0.9 kB generic routine in the wasm.
pub fn comma_list(items: &[&str]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

/// Appends an integer's decimal digits.
pub fn push_int(out: &mut String, i: i64) {
    if i < 0 {
        out.push('-');
    }
    let mut n = i.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits[..len].iter().rev() {
        out.push(d as char);
    }
}

/// An integer's decimal digits, as `to_string` writes them.
pub fn int_text(i: i64) -> String {
    let mut out = String::new();
    push_int(&mut out, i);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_joined_in_order() {
        assert_eq!(concat(&[]), "");
        assert_eq!(concat(&["a", "", "bc", "ž"]), "abcž");
        assert_eq!(comma_list(&[]), "");
        assert_eq!(comma_list(&["json", "csv", "xml"]), "json, csv, xml");
        let name = String::from("limit");
        assert_eq!(
            text!("X.y: option \"", name, "\" must be ", "a number"),
            "X.y: option \"limit\" must be a number"
        );
    }

    #[test]
    fn integers_read_as_to_string_writes_them() {
        for i in [0, 7, -7, 10, 1_234_567_890, i64::MIN, i64::MAX] {
            assert_eq!(int_text(i), i.to_string());
        }
    }
}
