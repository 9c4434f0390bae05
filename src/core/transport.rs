//! The platform seams (transport, sleep, randomness, clock) and the one retry loop that drives
//! them. Futures here are `!Send`: on wasm everything runs on one thread.

use std::cell::{Cell, RefCell};

use super::request::Method;
use super::retry::{Decision, Outcome, RetryPolicy};

/// One attempt as the transport sees it.
#[derive(Debug, Clone, Copy)]
pub struct Attempt<'a> {
    pub method: Method,
    pub url: &'a str,
    pub number: u32,
    pub timeout_ms: u64,
}

/// Why an attempt produced no response. `E` keeps the platform's own error (a JS `Error`),
/// so the user gets it back intact as `cause`.
#[derive(Debug, Clone, PartialEq)]
pub enum SendError<E> {
    Network(E),
    Timeout,
    InvalidBody(E),
    /// The caller's `AbortSignal` fired: never retried.
    Aborted(E),
}

pub trait Response {
    fn status(&self) -> u16;
    fn header(&self, name: &str) -> Option<String>;
}

#[allow(async_fn_in_trait)] // single-threaded by design: wasm futures are never Send
pub trait Transport {
    type Response: Response;
    type Error: Clone;
    async fn send(&self, attempt: Attempt<'_>) -> Result<Self::Response, SendError<Self::Error>>;
}

#[allow(async_fn_in_trait)]
pub trait Platform {
    type Error;
    /// Resolves after `ms`, or fails as soon as the call is aborted.
    async fn sleep(&self, ms: u64) -> Result<(), Self::Error>;
    /// Uniform in [0, 1).
    fn random(&self) -> f64;
    /// Unix time in milliseconds.
    fn now_ms(&self) -> f64;
}

/// `client.stats`: the same counters as the official client's `Statistics`.
#[derive(Debug, Default)]
pub struct Stats {
    pub calls: Cell<u64>,
    pub requests: Cell<u64>,
    /// 429 responses per attempt index: `[0]` counts 429s on first attempts.
    pub rate_limit_errors: RefCell<Vec<u64>>,
}

impl Stats {
    pub fn add_rate_limit_error(&self, attempt: u32) {
        let i = attempt.max(1) as usize - 1;
        let mut v = self.rate_limit_errors.borrow_mut();
        if v.len() <= i {
            v.resize(i + 1, 0);
        }
        v[i] += 1;
    }
}

/// The final answer of [`execute`]: a response (any status, after retries) and its attempt.
pub struct Completed<R> {
    pub response: R,
    pub attempt: u32,
}

pub struct Failed<E> {
    pub error: SendError<E>,
    pub attempt: u32,
}

/// What [`execute`] sends: one call, however many attempts it takes.
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    pub method: Method,
    pub url: &'a str,
    pub initial_timeout_ms: u64,
    /// `false` where a retry after a timeout could duplicate data.
    pub retry_timeouts: bool,
}

/// Sends a call until it succeeds, a non-retryable outcome arrives, or retries run out.
pub async fn execute<T, P>(
    transport: &T,
    platform: &P,
    policy: &RetryPolicy,
    stats: &Stats,
    call: Call<'_>,
) -> Result<Completed<T::Response>, Failed<T::Error>>
where
    T: Transport,
    P: Platform<Error = T::Error>,
{
    let Call {
        method,
        url,
        initial_timeout_ms,
        retry_timeouts,
    } = call;
    stats.calls.set(stats.calls.get() + 1);
    let mut number = 1u32;
    loop {
        stats.requests.set(stats.requests.get() + 1);
        let timeout_ms = policy.attempt_timeout_ms(initial_timeout_ms, number);
        let attempt = Attempt {
            method,
            url,
            number,
            timeout_ms,
        };
        let result = transport.send(attempt).await;
        let outcome = match &result {
            Ok(r) => {
                let status = r.status();
                if status == 429 {
                    stats.add_rate_limit_error(number);
                }
                if status < 300 {
                    return completed(result, number);
                }
                Outcome::Status {
                    status,
                    retry_after: r.header("retry-after"),
                }
            }
            Err(SendError::Aborted(_)) => return completed(result, number),
            Err(SendError::Network(_)) => Outcome::Network,
            Err(SendError::Timeout) => Outcome::Timeout,
            Err(SendError::InvalidBody(_)) => Outcome::InvalidBody,
        };
        match policy.decide(
            number,
            &outcome,
            retry_timeouts,
            platform.random(),
            platform.now_ms(),
        ) {
            Decision::GiveUp => return completed(result, number),
            Decision::RetryAfter(ms) => {
                if let Err(e) = platform.sleep(ms).await {
                    return Err(Failed {
                        error: SendError::Aborted(e),
                        attempt: number,
                    });
                }
            }
        }
        number += 1;
    }
}

fn completed<R, E>(
    result: Result<R, SendError<E>>,
    attempt: u32,
) -> Result<Completed<R>, Failed<E>> {
    match result {
        Ok(response) => Ok(Completed { response, attempt }),
        Err(error) => Err(Failed { error, attempt }),
    }
}

#[cfg(test)]
pub(crate) mod mock {
    //! A scripted transport and a recording platform for offline tests.
    use super::*;
    use std::collections::VecDeque;

    #[derive(Debug, Clone)]
    pub struct MockResponse {
        pub status: u16,
        pub headers: Vec<(String, String)>,
    }

    impl Response for MockResponse {
        fn status(&self) -> u16 {
            self.status
        }
        fn header(&self, name: &str) -> Option<String> {
            self.headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        }
    }

    #[derive(Default)]
    pub struct MockTransport {
        pub script: RefCell<VecDeque<Result<MockResponse, SendError<String>>>>,
        pub seen: RefCell<Vec<(String, u32, u64)>>,
    }

    impl MockTransport {
        pub fn new(script: Vec<Result<MockResponse, SendError<String>>>) -> Self {
            MockTransport {
                script: RefCell::new(script.into()),
                seen: RefCell::default(),
            }
        }
    }

    pub fn status(s: u16) -> Result<MockResponse, SendError<String>> {
        Ok(MockResponse {
            status: s,
            headers: vec![],
        })
    }

    impl Transport for MockTransport {
        type Response = MockResponse;
        type Error = String;
        async fn send(&self, a: Attempt<'_>) -> Result<MockResponse, SendError<String>> {
            self.seen
                .borrow_mut()
                .push((a.url.to_string(), a.number, a.timeout_ms));
            self.script
                .borrow_mut()
                .pop_front()
                .unwrap_or_else(|| status(200))
        }
    }

    #[derive(Default)]
    pub struct MockPlatform {
        pub slept: RefCell<Vec<u64>>,
        /// Abort when asked to sleep for the n-th time (1-based).
        pub abort_on_sleep: Option<usize>,
    }

    impl Platform for MockPlatform {
        type Error = String;
        async fn sleep(&self, ms: u64) -> Result<(), String> {
            self.slept.borrow_mut().push(ms);
            if Some(self.slept.borrow().len()) == self.abort_on_sleep {
                return Err("aborted".into());
            }
            Ok(())
        }
        fn random(&self) -> f64 {
            0.0
        }
        fn now_ms(&self) -> f64 {
            0.0
        }
    }

    /// Drives a future that never waits on anything real (the mocks resolve at once).
    pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
        use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};
        fn noop(_: *const ()) {}
        fn clone(p: *const ()) -> RawWaker {
            RawWaker::new(p, &VTABLE)
        }
        static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop);
        // SAFETY: the vtable's functions ignore the data pointer.
        let waker = unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), &VTABLE)) };
        let mut cx = Context::from_waker(&waker);
        let mut f = std::pin::pin!(f);
        loop {
            if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
                return v;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::mock::*;
    use super::*;

    fn run(
        t: &MockTransport,
        p: &MockPlatform,
        policy: RetryPolicy,
        retry_timeouts: bool,
    ) -> (Result<u16, String>, u32, Stats) {
        let stats = Stats::default();
        let call = Call {
            method: Method::Get,
            url: "u",
            initial_timeout_ms: 5_000,
            retry_timeouts,
        };
        let r = block_on(execute(t, p, &policy, &stats, call));
        let r = match r {
            Ok(c) => (Ok(c.response.status), c.attempt),
            Err(f) => (Err(format!("{:?}", f.error)), f.attempt),
        };
        (r.0, r.1, stats)
    }

    #[test]
    fn rate_limits_then_success() {
        let ra = Ok(MockResponse {
            status: 429,
            headers: vec![("Retry-After".into(), "2".into())],
        });
        let t = MockTransport::new(vec![ra.clone(), ra, status(200)]);
        let p = MockPlatform::default();
        let (r, attempt, stats) = run(&t, &p, RetryPolicy::default(), true);
        assert_eq!(r, Ok(200));
        assert_eq!(attempt, 3);
        assert_eq!(*p.slept.borrow(), [2_000, 2_000]);
        assert_eq!((stats.calls.get(), stats.requests.get()), (1, 3));
        assert_eq!(*stats.rate_limit_errors.borrow(), [1, 1]);
        let timeouts: Vec<u64> = t.seen.borrow().iter().map(|s| s.2).collect();
        assert_eq!(timeouts, [5_000, 10_000, 20_000]);
    }

    #[test]
    fn exhausted_retries_return_the_last_response() {
        let t = MockTransport::new(vec![status(503), status(502), status(500)]);
        let p = MockPlatform::default();
        let policy = RetryPolicy {
            max_retries: 2,
            ..Default::default()
        };
        let (r, attempt, _) = run(&t, &p, policy, true);
        assert_eq!((r, attempt), (Ok(500), 3));
        assert_eq!(*p.slept.borrow(), [500, 1_000]);
    }

    #[test]
    fn network_errors_and_bad_bodies_retry_then_fail_typed() {
        let t = MockTransport::new(vec![
            Err(SendError::Network("reset".into())),
            Err(SendError::InvalidBody("bad json".into())),
            Err(SendError::Network("refused".into())),
        ]);
        let p = MockPlatform::default();
        let policy = RetryPolicy {
            max_retries: 2,
            ..Default::default()
        };
        let (r, attempt, _) = run(&t, &p, policy, true);
        assert_eq!(r, Err("Network(\"refused\")".into()));
        assert_eq!(attempt, 3);
    }

    #[test]
    fn timeouts_stop_at_once_when_retrying_could_duplicate() {
        let t = MockTransport::new(vec![Err(SendError::Timeout), status(200)]);
        let p = MockPlatform::default();
        let (r, attempt, _) = run(&t, &p, RetryPolicy::default(), false);
        assert_eq!((r, attempt), (Err("Timeout".into()), 1));
        assert!(p.slept.borrow().is_empty());
    }

    #[test]
    fn abort_during_backoff_ends_the_call() {
        let t = MockTransport::new(vec![status(503), status(503), status(200)]);
        let p = MockPlatform {
            abort_on_sleep: Some(2),
            ..Default::default()
        };
        let (r, attempt, _) = run(&t, &p, RetryPolicy::default(), true);
        assert_eq!((r, attempt), (Err("Aborted(\"aborted\")".into()), 2));
        assert_eq!(t.seen.borrow().len(), 2);
    }

    #[test]
    fn client_errors_are_final_at_once() {
        let t = MockTransport::new(vec![status(404), status(200)]);
        let p = MockPlatform::default();
        let (r, attempt, _) = run(&t, &p, RetryPolicy::default(), true);
        assert_eq!((r, attempt), (Ok(404), 1));
    }
}
