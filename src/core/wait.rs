//! `waitForFinish()` and `call()`: when to poll again and how long to ask the API to hold each
//! poll. The wasm layer only loops; every decision is here, testable without a platform.
//!
//! The API holds `GET /actor-runs/{id}?waitForFinish=N` (and the build equivalent) until the job
//! ends or for at most 60 s. The official client asks for the whole remaining wait (999999 s by
//! default) and relies on the server's clamp; we ask for at most 60 s, which is what the server
//! gives anyway, so a proxy or emulator that does not clamp never holds a request for days.
//! With a client `timeoutSecs` below 75 s the hold shrinks to 80 % of it, so that held polls
//! are answered instead of timing out and being retried.

/// The default `waitSecs`: effectively infinite, as `MAX_WAIT_FOR_FINISH` in the official client.
pub const MAX_WAIT_SECS: f64 = 999_999.0;
/// The longest hold the API grants per request.
pub const SERVER_HOLD_MAX_SECS: u64 = 60;
/// Pause after a 404 right after `start` (database replicas may lag behind).
pub const NOT_FOUND_PAUSE_MS: u64 = 250;

/// `ACT_JOB_TERMINAL_STATUSES` of `@apify/consts`.
pub const TERMINAL_STATUSES: &[&str] = &["SUCCEEDED", "FAILED", "TIMED-OUT", "ABORTED"];

pub fn is_terminal(status: &str) -> bool {
    TERMINAL_STATUSES.contains(&status)
}

/// Pause between polls when the client's timeout is too short for any server hold.
pub const SHORT_TIMEOUT_PAUSE_MS: u64 = 1_000;

/// One `waitForFinish({waitSecs})` loop.
#[derive(Debug, Clone, Copy)]
pub struct WaitPlan {
    wait_ms: f64,
    /// The longest hold to ask for: 60 s, or less when the client's `timeoutSecs` would cut a
    /// held request short (the request would time out and be retried instead of answered).
    max_hold_secs: u64,
}

/// What the loop does after a poll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Return the last job fetched (or fail when none was ever fetched).
    Stop,
    /// Poll again at once (the server's hold was the wait).
    Poll,
    /// Sleep this long, then poll (the job was not found yet).
    PauseThenPoll(u64),
}

impl WaitPlan {
    /// `wait_secs` is the caller's `waitSecs` (already checked to be finite and ≥ 0), or the
    /// default when absent.
    pub fn new(wait_secs: Option<f64>) -> Self {
        let secs = wait_secs.unwrap_or(MAX_WAIT_SECS).max(0.0);
        WaitPlan {
            wait_ms: secs * 1000.0,
            max_hold_secs: SERVER_HOLD_MAX_SECS,
        }
    }

    /// Holds at most 80 % of the per-request timeout `timeout_ms`, so that a held poll is
    /// answered before the client gives up on it.
    pub fn with_request_timeout(mut self, timeout_ms: u64) -> Self {
        self.max_hold_secs = (timeout_ms.saturating_mul(4) / 5 / 1000).min(SERVER_HOLD_MAX_SECS);
        self
    }

    /// The `waitForFinish` query value of the poll sent `elapsed_ms` after the loop began: the
    /// remaining wait rounded to seconds (as the official client), at most the server's 60 s.
    pub fn hold_secs(&self, elapsed_ms: f64) -> u64 {
        let remaining = ((self.wait_ms - elapsed_ms) / 1000.0).round();
        if remaining.is_nan() || remaining <= 0.0 {
            0
        } else {
            (remaining as u64).min(self.max_hold_secs)
        }
    }

    /// After a poll answered with `status` (`None`: the job was not found), `elapsed_ms` after
    /// the loop began. The loop ends when the job is terminal or the wait is used up; a job
    /// still missing is retried after a short pause unless time is up.
    pub fn after_poll(&self, elapsed_ms: f64, status: Option<&str>) -> Next {
        if status.is_some_and(is_terminal) || elapsed_ms >= self.wait_ms {
            return Next::Stop;
        }
        match status {
            // No hold possible: the server answers at once, so pause rather than spin.
            Some(_) if self.max_hold_secs == 0 => Next::PauseThenPoll(SHORT_TIMEOUT_PAUSE_MS),
            Some(_) => Next::Poll,
            None => Next::PauseThenPoll(NOT_FOUND_PAUSE_MS),
        }
    }
}

/// The idempotency key `RunClient.charge` sends when the caller gives none, built as the
/// official client builds it: `${runId}-${eventName}-${Date.now()}-${5 random [A-Za-z0-9]}`.
/// `random` yields uniform values in [0, 1).
pub fn default_idempotency_key(
    run_id: &str,
    event_name: &str,
    now_ms: f64,
    mut random: impl FnMut() -> f64,
) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let suffix: String = (0..5)
        .map(|_| {
            let i = ((random() * ALPHABET.len() as f64) as usize).min(ALPHABET.len() - 1);
            ALPHABET[i] as char
        })
        .collect();
    text!(
        run_id,
        "-",
        event_name,
        "-",
        super::text::int_text(now_ms.max(0.0) as i64),
        "-",
        suffix
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_are_the_remaining_wait_capped_at_the_server_maximum() {
        let p = WaitPlan::new(None);
        assert_eq!(p.hold_secs(0.0), 60);
        assert_eq!(p.hold_secs(1e8), 60);
        assert_eq!(p.hold_secs(999_999_000.0), 0);
        let p = WaitPlan::new(Some(30.0));
        assert_eq!(p.hold_secs(0.0), 30);
        assert_eq!(p.hold_secs(10_400.0), 20);
        assert_eq!(p.hold_secs(10_600.0), 19);
        assert_eq!(p.hold_secs(29_600.0), 0);
        assert_eq!(p.hold_secs(31_000.0), 0);
        assert_eq!(WaitPlan::new(Some(0.0)).hold_secs(0.0), 0);
        assert_eq!(WaitPlan::new(Some(90.0)).hold_secs(20_000.0), 60);
        assert_eq!(WaitPlan::new(Some(90.0)).hold_secs(40_000.0), 50);
    }

    #[test]
    fn the_loop_stops_on_terminal_status_or_when_time_is_up() {
        let p = WaitPlan::new(Some(10.0));
        for s in TERMINAL_STATUSES {
            assert_eq!(p.after_poll(0.0, Some(s)), Next::Stop);
        }
        for s in ["READY", "RUNNING", "TIMING-OUT", "ABORTING"] {
            assert_eq!(p.after_poll(100.0, Some(s)), Next::Poll);
            assert_eq!(p.after_poll(10_000.0, Some(s)), Next::Stop);
        }
        assert_eq!(p.after_poll(100.0, None), Next::PauseThenPoll(250));
        assert_eq!(p.after_poll(10_001.0, None), Next::Stop);
    }

    #[test]
    fn holds_fit_in_the_client_timeout() {
        let p = WaitPlan::new(None).with_request_timeout(360_000);
        assert_eq!(p.hold_secs(0.0), 60);
        let p = WaitPlan::new(None).with_request_timeout(30_000);
        assert_eq!(p.hold_secs(0.0), 24);
        assert_eq!(p.after_poll(10.0, Some("RUNNING")), Next::Poll);
        let p = WaitPlan::new(Some(100.0)).with_request_timeout(1_000);
        assert_eq!(p.hold_secs(0.0), 0);
        assert_eq!(
            p.after_poll(10.0, Some("RUNNING")),
            Next::PauseThenPoll(1_000)
        );
        assert_eq!(p.after_poll(10.0, Some("SUCCEEDED")), Next::Stop);
    }

    #[test]
    fn wait_secs_zero_sends_exactly_one_poll() {
        let p = WaitPlan::new(Some(0.0));
        assert_eq!(p.hold_secs(0.0), 0);
        assert_eq!(p.after_poll(0.0, Some("RUNNING")), Next::Stop);
        assert_eq!(p.after_poll(0.0, None), Next::Stop);
    }

    #[test]
    fn idempotency_keys_follow_the_official_format() {
        let mut seq = [0.0, 0.999_999, 0.5, 26.5 / 62.0, 51.5 / 62.0].into_iter();
        let k = default_idempotency_key("RUN", "ev", 1_700_000_000_123.0, || {
            seq.next().unwrap_or(0.0)
        });
        assert_eq!(k, "RUN-ev-1700000000123-A9faz");
    }
}
