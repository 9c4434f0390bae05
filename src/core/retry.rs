//! Retry policy: given how an attempt ended, retry after a delay or give up.
//!
//! Randomness and the clock are passed in, so tests assert exact delays instead of sleeping.

use super::num::parse_digits;

/// How one attempt ended, as far as retrying is concerned.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The server answered with this status; `retry_after` is the raw `Retry-After` header.
    Status {
        status: u16,
        retry_after: Option<String>,
    },
    /// `fetch` rejected: connection refused or reset, DNS, CORS, a body cut short.
    Network,
    /// The per-attempt timeout fired.
    Timeout,
    /// The body was not what its content type promised (invalid or truncated JSON).
    InvalidBody,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decision {
    /// Sleep this many milliseconds, then send attempt `attempt + 1`.
    RetryAfter(u64),
    /// The outcome is final.
    GiveUp,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt: 8 means up to 9 attempts.
    pub max_retries: u32,
    pub min_delay_ms: u64,
    /// The client-wide `timeoutSecs` in ms: per-attempt timeouts grow up to it, and a
    /// `Retry-After` longer than it is cut to it (a server asking for an hour is not obeyed).
    pub max_timeout_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 8,
            min_delay_ms: 500,
            max_timeout_ms: 360_000,
        }
    }
}

pub fn is_retryable_status(status: u16) -> bool {
    status == 429 || status >= 500
}

impl RetryPolicy {
    /// The timeout of attempt `attempt` (1-based): `T × 2^(attempt-1)`, at most the cap.
    /// (The official client mutates its config and compounds the growth to T, 2T, 8T, 64T; we
    /// grow it as documented.)
    pub fn attempt_timeout_ms(&self, initial_ms: u64, attempt: u32) -> u64 {
        let shift = attempt.saturating_sub(1).min(32);
        initial_ms
            .saturating_mul(1u64 << shift)
            .min(self.max_timeout_ms.max(initial_ms))
    }

    /// Backoff before retry number `retry` (1-based): `minDelay × 2^(retry-1) × U[1,2)`, floored
    /// so that it stays below `2 × minDelay × 2^(retry-1)`.
    pub fn backoff_ms(&self, retry: u32, random: f64) -> u64 {
        let r = 1.0 + random.clamp(0.0, 0.999_999);
        let base =
            self.min_delay_ms.max(1) as f64 * 2f64.powi(retry.saturating_sub(1).min(40) as i32);
        (base * r).floor() as u64
    }

    /// Decides after attempt `attempt` (1-based) ended with `outcome`.
    /// `retry_timeouts` is false for calls that could duplicate data when retried after a
    /// timeout; `now_ms` is the Unix time in ms, for `Retry-After` given as an HTTP date.
    pub fn decide(
        &self,
        attempt: u32,
        outcome: &Outcome,
        retry_timeouts: bool,
        random: f64,
        now_ms: f64,
    ) -> Decision {
        if attempt > self.max_retries {
            return Decision::GiveUp;
        }
        let backoff = self.backoff_ms(attempt, random);
        match outcome {
            Outcome::Status {
                status,
                retry_after,
            } => {
                if !is_retryable_status(*status) {
                    return Decision::GiveUp;
                }
                let asked = retry_after
                    .as_deref()
                    .and_then(|h| parse_retry_after_ms(h, now_ms))
                    .map(|ms| ms.min(self.max_timeout_ms));
                Decision::RetryAfter(backoff.max(asked.unwrap_or(0)))
            }
            Outcome::Network | Outcome::InvalidBody => Decision::RetryAfter(backoff),
            Outcome::Timeout if retry_timeouts => Decision::RetryAfter(backoff),
            Outcome::Timeout => Decision::GiveUp,
        }
    }
}

/// `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT` → milliseconds from now.
pub fn parse_retry_after_ms(value: &str, now_ms: f64) -> Option<u64> {
    let v = value.trim();
    if let Some(secs) = parse_digits(v) {
        return Some(secs.saturating_mul(1000));
    }
    let at = parse_http_date_ms(v)?;
    Some((at - now_ms).max(0.0) as u64)
}

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the only form RFC 9110 asks senders to use.
pub fn parse_http_date_ms(v: &str) -> Option<f64> {
    // By character, not `split_once(", ")`: a substring search is 1.6 kB of wasm.
    let rest = v.split_once(',')?.1.strip_prefix(' ')?;
    let mut parts = rest.split(' ');
    let num = |p: &str| parse_digits(p).and_then(|n| i64::try_from(n).ok());
    let day = num(parts.next()?)?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year = num(parts.next()?)?;
    let mut hms = parts.next()?.split(':').map(num);
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if parts.next()? != "GMT" || !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(((days * 86_400 + h * 3_600 + m * 60 + s) * 1000) as f64)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(s: u16) -> Outcome {
        Outcome::Status {
            status: s,
            retry_after: None,
        }
    }

    #[test]
    fn backoff_doubles_with_jitter_in_one_to_two() {
        let p = RetryPolicy::default();
        assert_eq!(p.backoff_ms(1, 0.0), 500);
        assert_eq!(p.backoff_ms(1, 0.5), 750);
        assert_eq!(p.backoff_ms(2, 0.0), 1000);
        assert_eq!(p.backoff_ms(8, 0.0), 64_000);
        assert!(p.backoff_ms(8, 1.0) < 128_000);
    }

    #[test]
    fn retries_429_and_5xx_but_not_4xx() {
        let p = RetryPolicy::default();
        for s in [429, 500, 502, 503, 504] {
            assert_eq!(
                p.decide(1, &status(s), true, 0.0, 0.0),
                Decision::RetryAfter(500),
                "{s}"
            );
        }
        for s in [300, 400, 401, 403, 404, 408, 409] {
            assert_eq!(
                p.decide(1, &status(s), true, 0.0, 0.0),
                Decision::GiveUp,
                "{s}"
            );
        }
    }

    #[test]
    fn gives_up_after_max_retries() {
        let p = RetryPolicy {
            max_retries: 2,
            ..Default::default()
        };
        assert_eq!(
            p.decide(2, &Outcome::Network, true, 0.0, 0.0),
            Decision::RetryAfter(1000)
        );
        assert_eq!(
            p.decide(3, &Outcome::Network, true, 0.0, 0.0),
            Decision::GiveUp
        );
        let none = RetryPolicy {
            max_retries: 0,
            ..Default::default()
        };
        assert_eq!(
            none.decide(1, &status(503), true, 0.0, 0.0),
            Decision::GiveUp
        );
    }

    #[test]
    fn timeouts_are_not_retried_where_data_could_duplicate() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.decide(1, &Outcome::Timeout, false, 0.0, 0.0),
            Decision::GiveUp
        );
        assert_eq!(
            p.decide(1, &Outcome::Timeout, true, 0.0, 0.0),
            Decision::RetryAfter(500)
        );
        assert_eq!(
            p.decide(1, &Outcome::InvalidBody, false, 0.0, 0.0),
            Decision::RetryAfter(500)
        );
    }

    #[test]
    fn retry_after_wins_when_longer_and_is_capped() {
        let p = RetryPolicy {
            max_timeout_ms: 10_000,
            ..Default::default()
        };
        let ra = |v: &str| Outcome::Status {
            status: 429,
            retry_after: Some(v.to_string()),
        };
        assert_eq!(
            p.decide(1, &ra("3"), true, 0.0, 0.0),
            Decision::RetryAfter(3_000)
        );
        assert_eq!(
            p.decide(1, &ra("0"), true, 0.0, 0.0),
            Decision::RetryAfter(500)
        );
        assert_eq!(
            p.decide(1, &ra("3600"), true, 0.0, 0.0),
            Decision::RetryAfter(10_000)
        );
        assert_eq!(
            p.decide(1, &ra("soon"), true, 0.0, 0.0),
            Decision::RetryAfter(500)
        );
        let now = parse_http_date_ms("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        assert_eq!(
            p.decide(1, &ra("Wed, 21 Oct 2015 07:28:02 GMT"), true, 0.0, now),
            Decision::RetryAfter(2_000)
        );
    }

    #[test]
    fn http_dates_parse_to_unix_ms() {
        assert_eq!(
            parse_http_date_ms("Thu, 01 Jan 1970 00:00:00 GMT"),
            Some(0.0)
        );
        assert_eq!(
            parse_http_date_ms("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777_000.0)
        );
        assert_eq!(parse_http_date_ms("Sun, 06 Nov 1994 08:49:37 PST"), None);
        assert_eq!(parse_http_date_ms("yesterday"), None);
        for bad in [
            "Sun,06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "Sun, +6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:-9:37 GMT",
            "Sun, 32 Nov 1994 08:49:37 GMT",
        ] {
            assert_eq!(parse_http_date_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn attempt_timeouts_double_up_to_the_cap() {
        let p = RetryPolicy::default();
        let t: Vec<u64> = (1..=8).map(|a| p.attempt_timeout_ms(5_000, a)).collect();
        assert_eq!(
            t,
            [5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 360_000]
        );
        assert_eq!(p.attempt_timeout_ms(5_000, 99), 360_000);
    }
}
