//! Base64 (RFC 4648) as Node's `Buffer#toString` writes it, in its two uses: `webhooks` of
//! `start()` travel in the query as standard base64 of their JSON; storage content signatures
//! are base64url without padding.

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Standard alphabet, `=`-padded (`Buffer#toString('base64')`).
pub fn standard(bytes: &[u8]) -> String {
    encode(bytes, STANDARD, true)
}

/// URL-safe alphabet, no padding (`Buffer#toString('base64url')`).
pub fn url_safe(bytes: &[u8]) -> String {
    encode(bytes, URL_SAFE, false)
}

fn encode(bytes: &[u8], table: &[u8; 64], pad: bool) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        // A chunk of k bytes carries k + 1 characters of data.
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(table[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else if pad {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_matches_node() {
        assert_eq!(standard(b""), "");
        assert_eq!(standard(b"f"), "Zg==");
        assert_eq!(standard(b"fo"), "Zm8=");
        assert_eq!(standard(b"foo"), "Zm9v");
        assert_eq!(
            standard("[{\"eventTypes\":[\"ž\"]}]".as_bytes()),
            "W3siZXZlbnRUeXBlcyI6WyLFviJdfV0="
        );
        assert_eq!(standard(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn url_safe_pads_nothing() {
        assert_eq!(url_safe(b""), "");
        assert_eq!(url_safe(b"f"), "Zg");
        assert_eq!(url_safe(b"fo"), "Zm8");
        assert_eq!(url_safe(b"foo"), "Zm9v");
        assert_eq!(url_safe(&[0xfb, 0xff]), "-_8");
    }
}
