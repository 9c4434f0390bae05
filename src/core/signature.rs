//! The pure parts of storage URL signatures, as `@apify/utilities` computes them
//! (`createHmacSignatureAsync` and `createStorageContentSignatureAsync`, used by the official
//! client's `getRecordPublicUrl`, `createKeysPublicUrl` and `createItemsPublicUrl`):
//!
//! - record signature: HMAC-SHA256(secret, key); the first 30 hex digits of the digest (its first
//!   15 bytes) read as one big-endian number and written in base62
//!   (`0-9a-zA-Z`);
//! - storage content signature: `base64url("{version}.{expiresAt}.{hmac}")` without padding, where
//!   `hmac` is the record signature of the message `"{version}.{expiresAt}.{resourceId}"`,
//!   `version` is 0 and `expiresAt` is `now + expiresInMillis` in epoch milliseconds, or 0 when
//!   the URL never expires.
//!
//! The HMAC itself is computed by the platform (`crypto.subtle`); this module only lays out the
//! messages and encodes the digest.

use super::text::int_text;

const BASE62: &[u8; 62] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The signature version the official client writes.
pub const VERSION: u32 = 0;

/// A 32-byte HMAC-SHA256 digest as the short base62 signature: the first 15 bytes (30 hex
/// digits, 120 bits) as a big-endian number in base62, no padding (`0` for zero).
pub fn base62_of_digest(digest: &[u8]) -> String {
    // Long division of the 15 bytes by 62, one base-62 digit per pass, on bytes rather than a
    // u128: u128 division is a 1 kB compiler-builtins routine in the wasm.
    let mut n: Vec<u8> = digest.iter().take(15).copied().collect();
    let mut out = Vec::new();
    while n.iter().any(|&b| b != 0) {
        let mut rem = 0u32;
        for b in n.iter_mut() {
            let cur = (rem << 8) | u32::from(*b);
            *b = (cur / 62) as u8;
            rem = cur % 62;
        }
        out.push(BASE62[rem as usize]);
    }
    if out.is_empty() {
        return "0".to_string();
    }
    // Digits are ASCII: pushed as chars, no UTF-8 validation (0.6 kB of wasm).
    out.iter().rev().map(|&d| d as char).collect()
}

/// `expiresAt` in epoch milliseconds: `now + expiresInSecs·1000`, or 0 (never expires) when no
/// expiry, or a zero one, was asked for (the official client tests `expiresInSecs` for truthiness).
pub fn expires_at(now_ms: f64, expires_in_secs: Option<f64>) -> f64 {
    match expires_in_secs {
        Some(s) if s != 0.0 && !s.is_nan() => now_ms + s * 1000.0,
        _ => 0.0,
    }
}

/// The message signed for a storage content signature: `"{version}.{expiresAt}.{resourceId}"`,
/// `expires_at` being [`expires_at`] as JavaScript's `String(n)` writes it (the wasm layer has
/// the platform write it: a fractional `expiresInSecs` can make it a fraction).
pub fn storage_message(resource_id: &str, expires_at: &str) -> String {
    text!(
        int_text(i64::from(VERSION)),
        ".",
        expires_at,
        ".",
        resource_id
    )
}

/// The final storage content signature from the base62 HMAC of [`storage_message`].
pub fn storage_signature(expires_at: &str, hmac_base62: &str) -> String {
    super::base64::url_safe(
        text!(
            int_text(i64::from(VERSION)),
            ".",
            expires_at,
            ".",
            hmac_base62
        )
        .as_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    // Known-answer vectors. The digests were computed with Node's independent HMAC
    // implementation, `crypto.createHmac('sha256', 's3cr3t-KEY').update(message).digest('hex')`,
    // and the expected signatures with `@apify/utilities`' algorithm run in Node with BigInt
    // arithmetic (independent of the long division here):
    //   const C = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    //   const b62 = (n) => { let r = ''; while (n > 0n) { r = C[Number(n % 62n)] + r; n /= 62n; } return r || '0'; };
    //   const d = crypto.createHmac('sha256', 's3cr3t-KEY').update(message).digest('hex');
    //   b62(BigInt('0x' + d.substring(0, 30)));
    // `k78520` was found by searching `k0`, `k1`, … for a digest starting with two zero bytes.
    const SECRET_VECTORS: &[(&str, &str, &str)] = &[
        (
            "my key",
            "de26b9c055bb1a8a345bf67b58fb0e1a3607ebd39c9435c1234e41f8e319e644",
            "1Dws0rEyUuDoc9DFEjPpI",
        ),
        (
            "0.0.K",
            "2cb73d9036208d57df9f7ba6252648d9d7a72ad72613bd982d6c75c5dca126fd",
            "kqYNceiLnuHsFaEeQwLC",
        ),
        (
            "0.1795978537212.K",
            "a8d7fac00e105a4122c9ce52bbdac6af08215223303faa6413c900c46f50a80b",
            "1fa1QZjuvyOlg3gulZkKG",
        ),
        (
            // Two leading zero bytes: the number is shorter, and base62 has no padding.
            "k78520",
            "0000957bb20a3a1905df1e5acfad45db120dbd4551cb61d9117854b338a7211c",
            "40qGNMxdd17wRQShmZ",
        ),
    ];

    #[test]
    fn base62_matches_known_answers() {
        for (_msg, digest, sig) in SECRET_VECTORS {
            assert_eq!(base62_of_digest(&hex(digest)), *sig);
        }
        assert_eq!(base62_of_digest(&[0; 32]), "0");
        assert_eq!(
            base62_of_digest(&hex("00000000000000000000000000003d")),
            "Z"
        );
        assert_eq!(
            base62_of_digest(&hex("00000000000000000000000000003e")),
            "10"
        );
    }

    #[test]
    fn storage_signature_layout_matches_the_golden_urls() {
        // Appendix A's createKeysPublicUrl signature decodes to "0.1795978537212.13UG4l5Txv95bGnMnaGou".
        assert_eq!(
            storage_signature("1795978537212", "13UG4l5Txv95bGnMnaGou"),
            "MC4xNzk1OTc4NTM3MjEyLjEzVUc0bDVUeHY5NWJHbk1uYUdvdQ"
        );
        assert_eq!(
            storage_signature("1795978537215", "Hs7u3oona1BS7yh2URHM"),
            "MC4xNzk1OTc4NTM3MjE1LkhzN3Uzb29uYTFCUzd5aDJVUkhN"
        );
        assert_eq!(storage_message("K", "1795978537212"), "0.1795978537212.K");
        assert_eq!(storage_message("K", "0"), "0.0.K");
        // Full vector: secret s3cr3t-KEY, resource K, expiresAt 1795978537212 (Node:
        // Buffer.from(`0.1795978537212.${sig}`).toString('base64url')).
        let hmac = base62_of_digest(&hex(SECRET_VECTORS[2].1));
        assert_eq!(
            storage_signature("1795978537212", &hmac),
            "MC4xNzk1OTc4NTM3MjEyLjFmYTFRWmp1dnlPbGczZ3VsWmtLRw"
        );
    }

    #[test]
    fn expiry_is_zero_unless_asked_for() {
        assert_eq!(expires_at(1_000.0, None), 0.0);
        assert_eq!(expires_at(1_000.0, Some(0.0)), 0.0);
        assert_eq!(expires_at(1_000.0, Some(60.0)), 61_000.0);
        assert_eq!(expires_at(1_000.0, Some(1.5)), 2_500.0);
    }
}
