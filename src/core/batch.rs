//! Planning `RequestQueueClient.batchAddRequests`: which requests go into which API call, and
//! how long to wait before sending the unprocessed ones again (§4.4 of the reference). Which
//! requests a response left unprocessed is found in support.js (`stillPending`), next to the
//! requests themselves.
//!
//! Requests are known here only by their JSON size; the wasm layer holds the values. Unlike
//! the official client, every size is checked before anything is sent (so an oversized request
//! never leaves earlier batches half-added), and the byte count includes the commas between
//! items, so a planned batch body is always below the limit.

use super::text::int_text;

use std::ops::Range;

/// `REQUEST_QUEUE_MAX_REQUESTS_PER_BATCH_OPERATION` of `@apify/consts`.
pub const MAX_REQUESTS_PER_BATCH: usize = 25;
/// `MAX_PAYLOAD_SIZE_BYTES` of `@apify/consts` (9 MiB).
pub const MAX_PAYLOAD_SIZE_BYTES: usize = 9_437_184;

/// The official client's limit: 9 MiB minus a 0.01 % safety margin = 9,436,240 bytes.
pub const fn payload_limit_bytes() -> usize {
    // ceil(MAX · 0.0001) in integers.
    MAX_PAYLOAD_SIZE_BYTES - MAX_PAYLOAD_SIZE_BYTES.div_ceil(10_000)
}

/// One request is too large to be sent at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Oversized {
    pub index: usize,
    pub limit: usize,
}

impl Oversized {
    /// The official client's message.
    pub fn message(&self) -> String {
        text!(
            "RequestQueueClient.batchAddRequests: The size of the request with index: ",
            int_text(self.index as i64),
            " exceeds the maximum allowed size (",
            int_text(self.limit as i64),
            " bytes)."
        )
    }
}

/// Splits requests of the given JSON sizes (UTF-8 bytes) into consecutive batches of at most
/// `max_count` requests whose JSON array body (`[a,b,…]`) stays below `max_bytes`.
pub fn plan_batches(
    sizes: &[usize],
    max_count: usize,
    max_bytes: usize,
) -> Result<Vec<Range<usize>>, Oversized> {
    let max_count = max_count.max(1);
    if let Some(index) = sizes.iter().position(|&s| s + 2 >= max_bytes) {
        return Err(Oversized {
            index,
            limit: max_bytes,
        });
    }
    let mut batches = Vec::new();
    let mut start = 0;
    while start < sizes.len() {
        let mut end = start;
        let mut bytes = 2; // "[]"
        while end < sizes.len() && end - start < max_count {
            let add = sizes[end] + usize::from(end > start); // the comma before it
            if bytes + add >= max_bytes {
                break;
            }
            bytes += add;
            end += 1;
        }
        batches.push(start..end);
        start = end;
    }
    Ok(batches)
}

/// The pause before unprocessed-request retry `i + 1`: `floor((1 + r) · 2^i · min_delay)`.
pub fn unprocessed_backoff_ms(i: u32, min_delay_ms: f64, random: f64) -> u64 {
    let ms = (1.0 + random) * 2f64.powi(i.min(30) as i32) * min_delay_ms.max(0.0);
    ms.floor() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_the_official_one() {
        assert_eq!(payload_limit_bytes(), 9_436_240);
    }

    #[test]
    fn chunks_of_25_by_count() {
        let b = plan_batches(&[10; 60], 25, payload_limit_bytes()).unwrap();
        assert_eq!(b, [0..25, 25..50, 50..60]);
        assert_eq!(
            plan_batches(&[], 25, 100).unwrap(),
            Vec::<Range<usize>>::new()
        );
    }

    #[test]
    fn slices_by_bytes_including_brackets_and_commas() {
        // [a,b,c] with 30-byte items: 2 + 30 + 1 + 30 = 63 < 64, + 31 = 94 ≥ 64.
        assert_eq!(
            plan_batches(&[30, 30, 30, 30, 30], 25, 64).unwrap(),
            [0..2, 2..4, 4..5]
        );
        // Exactly at the limit does not fit (the official check is `>=`).
        assert_eq!(plan_batches(&[31, 30], 25, 64).unwrap(), [0..1, 1..2]);
        // Mixed sizes: each batch is as long as both limits allow.
        let sizes = [10, 10, 40, 5, 5, 5];
        let b = plan_batches(&sizes, 3, 64).unwrap();
        assert_eq!(b, [0..2, 2..5, 5..6]);
        for r in b {
            let body = 2 + sizes[r.clone()].iter().sum::<usize>() + r.len() - 1;
            assert!(body < 64);
        }
    }

    #[test]
    fn an_oversized_request_is_named_before_anything_is_sent() {
        let e = plan_batches(&[10, 10, 62, 10], 25, 64).unwrap_err();
        assert_eq!(
            e,
            Oversized {
                index: 2,
                limit: 64
            }
        );
        assert_eq!(
            Oversized { index: 7, limit: 9_436_240 }.message(),
            "RequestQueueClient.batchAddRequests: The size of the request with index: 7 exceeds the maximum allowed size (9436240 bytes)."
        );
        // A request that fits on its own always gets a batch (no empty batch, no endless loop).
        assert_eq!(plan_batches(&[61, 61], 25, 64).unwrap(), [0..1, 1..2]);
    }

    #[test]
    fn backoff_doubles_from_the_minimum() {
        assert_eq!(unprocessed_backoff_ms(0, 500.0, 0.0), 500);
        assert_eq!(unprocessed_backoff_ms(1, 500.0, 0.5), 1_500);
        assert_eq!(unprocessed_backoff_ms(2, 500.0, 0.999), 3_998);
        assert_eq!(unprocessed_backoff_ms(3, 0.0, 0.7), 0);
    }
}
