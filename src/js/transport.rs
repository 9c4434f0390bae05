//! The core's transport and platform traits over `fetch` (through `fetchAndRead` in
//! support.js, which also owns each attempt's timeout) and gloo-timers.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use gloo_timers::future::TimeoutFuture;
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, Response as FetchResponse};

use super::settle;
use super::sys;
use crate::core::request::ResponseKind;
use crate::core::transport::{Attempt, Platform, Response, SendError, Transport};

/// A response whose body has been read and decoded by the platform.
pub struct JsResponse {
    pub status: u16,
    /// The platform's `Response`, for its headers (read only where a caller needs one).
    pub response: FetchResponse,
    /// Parsed JSON, a string, bytes, or `undefined` for an empty body.
    pub body: JsValue,
    /// The `content-type` header as a JS string, or `undefined`.
    pub content_type: JsValue,
}

impl JsResponse {
    pub fn headers(&self) -> Headers {
        self.response.headers()
    }
}

impl Response for JsResponse {
    fn status(&self) -> u16 {
        self.status
    }
    fn header(&self, name: &str) -> Option<String> {
        self.headers().get(name).ok().flatten()
    }
}

/// One request's worth of what `fetch` needs, reused by every attempt.
pub struct FetchTransport<'a> {
    pub fetch: Option<&'a Function>,
    /// A plain object of header names to values.
    pub headers: &'a js_sys::Object,
    pub body: Option<&'a JsValue>,
    pub signal: Option<&'a AbortSignal>,
    pub response: ResponseKind,
}

fn aborted_reason(signal: Option<&AbortSignal>) -> Option<JsValue> {
    signal.filter(|s| s.aborted()).map(|s| s.reason())
}

// How an attempt ended, as `fetchAndRead` in support.js reports it.
const SUCCEEDED: u8 = 0;
const INVALID_BODY: u8 = 1;
const TIMED_OUT: u8 = 2;

impl Transport for FetchTransport<'_> {
    type Response = JsResponse;
    type Error = JsValue;

    /// The attempt runs in support.js (`fetchAndRead`): its controller, timer and body read
    /// cost one call here, and its outcome comes back through [`settle`](super::settle).
    async fn send(&self, attempt: Attempt<'_>) -> Result<JsResponse, SendError<JsValue>> {
        if let Some(reason) = aborted_reason(self.signal) {
            return Err(SendError::Aborted(reason));
        }
        let outcome = settle::begin(|slot| {
            sys::fetch_and_read(
                slot,
                self.fetch,
                attempt.url,
                attempt.method as u8,
                self.headers,
                self.body,
                self.signal,
                // setTimeout fires at once past 2^31 - 1 ms.
                attempt.timeout_ms.min(i32::MAX as u64) as f64,
                self.response as u8,
            )
        })
        .await;
        match outcome.failure {
            SUCCEEDED => Ok(JsResponse {
                status: outcome.status,
                response: outcome.a.unchecked_into(),
                body: outcome.b,
                content_type: outcome.c,
            }),
            INVALID_BODY => Err(SendError::InvalidBody(outcome.a)),
            TIMED_OUT => Err(SendError::Timeout),
            _ => Err(match aborted_reason(self.signal) {
                Some(reason) => SendError::Aborted(reason),
                None => SendError::Network(outcome.a),
            }),
        }
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
