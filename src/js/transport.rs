//! The core's transport and platform traits over `fetch` (through `fetchAndRead` in
//! support.js), `AbortController` and gloo-timers.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use gloo_timers::future::TimeoutFuture;
use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Headers, RequestInit, Response as FetchResponse};

use super::sys;
use crate::core::request::ResponseKind;
use crate::core::transport::{Attempt, Platform, Response, SendError, Transport};

/// A response whose body has been read and decoded by the platform.
pub struct JsResponse {
    pub status: u16,
    pub headers: Headers,
    /// Parsed JSON, a string, bytes, or `undefined` for an empty body.
    pub body: JsValue,
}

impl Response for JsResponse {
    fn status(&self) -> u16 {
        self.status
    }
    fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).ok().flatten()
    }
}

/// One request's worth of what `fetch` needs, reused by every attempt.
pub struct FetchTransport<'a> {
    pub fetch: Option<&'a Function>,
    pub headers: &'a Headers,
    pub body: Option<&'a JsValue>,
    pub signal: Option<&'a AbortSignal>,
    pub response: ResponseKind,
}

/// Aborts the attempt's controller when the timeout fires, or when the attempt is dropped
/// before its body was read (reqwest's `AbortGuard`): a dropped future never leaves a request
/// running. A finished attempt is not aborted: `abort()` builds a DOMException with a stack
/// and runs fetch's abort listeners, which cost about 5% of a call in Node's CPU profile.
struct AbortGuard {
    controller: AbortController,
    timer: JsValue,
    done: bool,
}

impl AbortGuard {
    fn new(timeout_ms: u64) -> Result<Self, JsValue> {
        let controller = AbortController::new()?;
        let ms = timeout_ms.min(i32::MAX as u64) as u32;
        let timer = sys::abort_after(&controller, ms);
        Ok(AbortGuard {
            controller,
            timer,
            done: false,
        })
    }

    /// Only our timer aborts the controller while the attempt runs.
    fn timed_out(&self) -> bool {
        self.controller.signal().aborted()
    }
}

impl Drop for AbortGuard {
    fn drop(&mut self) {
        sys::clear_timeout(&self.timer);
        if !self.done {
            self.controller.abort();
        }
    }
}

fn aborted_reason(signal: Option<&AbortSignal>) -> Option<JsValue> {
    signal.filter(|s| s.aborted()).map(|s| s.reason())
}

impl Transport for FetchTransport<'_> {
    type Response = JsResponse;
    type Error = JsValue;

    async fn send(&self, attempt: Attempt<'_>) -> Result<JsResponse, SendError<JsValue>> {
        if let Some(reason) = aborted_reason(self.signal) {
            return Err(SendError::Aborted(reason));
        }
        let mut guard = AbortGuard::new(attempt.timeout_ms).map_err(SendError::Network)?;
        let signal = match self.signal {
            Some(user) => sys::abort_signal_any(&Array::of2(user, &guard.controller.signal())),
            None => guard.controller.signal(),
        };
        let init = RequestInit::new();
        init.set_method(attempt.method.as_str());
        init.set_headers(self.headers);
        if let Some(body) = self.body {
            init.set_body(body);
        }
        init.set_signal(Some(&signal));

        let classify = |e: JsValue| {
            if let Some(reason) = aborted_reason(self.signal) {
                SendError::Aborted(reason)
            } else if guard.timed_out() {
                SendError::Timeout
            } else {
                SendError::Network(e)
            }
        };
        let kind = self.response as u8;
        let pair = JsFuture::from(sys::fetch_and_read(self.fetch, attempt.url, &init, kind))
            .await
            .map_err(|e| {
                if sys::is_invalid_body(&e) {
                    SendError::InvalidBody(js_sys::Reflect::get(&e, &"cause".into()).unwrap_or(e))
                } else {
                    classify(e)
                }
            })?;
        let pair: Array = pair.unchecked_into();
        let resp: FetchResponse = pair.get(0).unchecked_into();
        // The body is read (or, for a stream, handed to the caller, who reads it after this
        // attempt returns): neither the timeout nor dropping the guard may cancel it now (the
        // caller's own `signal` still can).
        guard.done = true;
        Ok(JsResponse {
            status: resp.status(),
            headers: resp.headers(),
            body: pair.get(1),
        })
    }
}

/// Backoff sleeps with gloo-timers that end early when the caller aborts.
pub struct JsPlatform<'a> {
    pub signal: Option<&'a AbortSignal>,
}

impl Platform for JsPlatform<'_> {
    type Error = JsValue;

    async fn sleep(&self, ms: u64) -> Result<(), JsValue> {
        let timer = TimeoutFuture::new(ms.min(u32::MAX as u64) as u32);
        let Some(signal) = self.signal else {
            timer.await;
            return Ok(());
        };
        if signal.aborted() {
            return Err(signal.reason());
        }
        // The abort listener is the promise's own `reject`: no Rust closure to keep alive.
        let mut reject_fn: Option<Function> = None;
        let aborted = Promise::new(&mut |_resolve, reject| {
            let _ = signal.add_event_listener_with_callback("abort", &reject);
            reject_fn = Some(reject);
        });
        let result = Race {
            a: timer,
            b: JsFuture::from(aborted),
        }
        .await;
        if let Some(f) = reject_fn {
            let _ = signal.remove_event_listener_with_callback("abort", &f);
        }
        match result {
            Either::A(()) => Ok(()),
            Either::B(_) => Err(signal.reason()),
        }
    }

    fn random(&self) -> f64 {
        js_sys::Math::random()
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }
}

enum Either<A, B> {
    A(A),
    B(B),
}

/// The first of two futures to finish (both are `Unpin`: a timer and a `JsFuture`).
struct Race<A, B> {
    a: A,
    b: B,
}

impl<A: Future + Unpin, B: Future + Unpin> Future for Race<A, B> {
    type Output = Either<A::Output, B::Output>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Poll::Ready(v) = Pin::new(&mut self.a).poll(cx) {
            return Poll::Ready(Either::A(v));
        }
        if let Poll::Ready(v) = Pin::new(&mut self.b).poll(cx) {
            return Poll::Ready(Either::B(v));
        }
        Poll::Pending
    }
}
