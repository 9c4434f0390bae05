//! The shared machinery every resource method goes through: headers, the retry loop over
//! `fetch`, and turning the outcome into a value or a thrown error.

use js_sys::{Function, Object, Promise};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use super::errors;
use super::transport::{FetchTransport, JsPlatform, JsResponse};
use crate::core::error::{is_not_found, ApiError};
use crate::core::options::ClientConfig;
use crate::core::request::{is_header_value, path_of, ApiRequest};
use crate::core::retry::RetryPolicy;
use crate::core::transport::{execute, Call, Stats};
use crate::core::url::api_base;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub struct ClientInner {
    pub config: ClientConfig,
    /// `{baseUrl}/v2`
    pub api_base: String,
    /// `{publicBaseUrl}/v2`
    pub public_api_base: String,
    pub stats: Stats,
    pub fetch: Option<Function>,
    policy: RetryPolicy,
    /// `authorization` and `user-agent` as a plain object, built once and sent as is by every
    /// call without a body: fetch only reads `init.headers`, and an object literal is what
    /// fetch converts fastest.
    base_headers: Object,
}

/// Why a call failed: an API error response (kept typed so get-style calls can turn a 404 into
/// `undefined`), or anything else, already a JS value.
pub enum CallError {
    Api(ApiError, JsValue),
    Js(JsValue),
}

impl From<CallError> for JsValue {
    fn from(e: CallError) -> JsValue {
        match e {
            CallError::Api(e, data) => errors::api_error(&e, &data),
            CallError::Js(v) => v,
        }
    }
}

fn base_headers(token: Option<&str>, user_agent: Option<&str>) -> Object {
    let mut h: Vec<(&str, JsValue)> = Vec::with_capacity(2);
    if let Some(token) = token {
        h.push(("authorization", text!("Bearer ", token).into()));
    }
    if let Some(ua) = user_agent {
        h.push(("user-agent", ua.into()));
    }
    super::convert::object(&h)
}

impl ClientInner {
    pub fn new(config: ClientConfig, fetch: Option<Function>, in_browser: bool) -> Self {
        let policy = RetryPolicy {
            max_retries: config.max_retries,
            min_delay_ms: config.min_delay_between_retries_millis,
            max_timeout_ms: config.timeout_ms(),
        };
        // Browsers refuse to let scripts set User-Agent; elsewhere we say who we are.
        let user_agent = (!in_browser).then(|| {
            let mut ua = text!("ApifyClientWasm/", VERSION);
            for s in &config.user_agent_suffix {
                ua.push_str("; ");
                ua.push_str(s);
            }
            ua
        });
        let base_headers = base_headers(config.token.as_deref(), user_agent.as_deref());
        ClientInner {
            api_base: api_base(&config.base_url),
            public_api_base: api_base(&config.public_base_url),
            config,
            stats: Stats::default(),
            fetch,
            policy,
            base_headers,
        }
    }

    /// A copy of the base headers with the request's own added, or `None` when it has none
    /// (the caller sends the base object itself: no copy, not even of the reference).
    fn own_headers(&self, req: &ApiRequest) -> Result<Option<Object>, JsValue> {
        if req.content_type.is_none() && req.headers.is_empty() {
            return Ok(None);
        }
        let h = Object::assign(&Object::new(), &self.base_headers);
        let own = req
            .content_type
            .iter()
            .map(|ct| ("content-type", ct.as_str()));
        for (k, v) in own.chain(req.headers.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
            if !is_header_value(v) {
                return Err(super::opts::type_error(&text!(req.client_method, ": the ", k, " header value has a line break or a character beyond Latin-1, which fetch refuses")));
            }
            super::convert::set(&h, k, &v.into());
        }
        Ok(Some(h))
    }

    /// Sends `req` with retries. Any status ≥ 300 that survives them is an `ApifyApiError`.
    pub async fn call(
        &self,
        req: &ApiRequest,
        body: Option<&JsValue>,
        signal: Option<&AbortSignal>,
    ) -> Result<JsResponse, CallError> {
        let url = req.url(&self.api_base);
        let own = self.own_headers(req).map_err(CallError::Js)?;
        let transport = FetchTransport {
            fetch: self.fetch.as_ref(),
            headers: own.as_ref().unwrap_or(&self.base_headers),
            body,
            signal,
            response: req.response,
        };
        let platform = JsPlatform { signal };
        let initial = req.initial_timeout_ms(self.config.timeout_ms());
        let call = Call {
            method: req.method,
            url: &url,
            initial_timeout_ms: initial,
            retry_timeouts: req.retry_timeouts,
        };
        let result = execute(&transport, &platform, &self.policy, &self.stats, call).await;
        match result {
            Ok(done) if done.response.status < 300 => Ok(done.response),
            Ok(done) => {
                let (body, data) = errors::error_body(&done.response.body);
                let e = ApiError::new(
                    done.response.status,
                    body,
                    done.attempt,
                    req.method,
                    path_of(&url),
                    req.client_method,
                );
                Err(CallError::Api(e, data))
            }
            Err(failed) => {
                let timeout = self.policy.attempt_timeout_ms(initial, failed.attempt);
                Err(CallError::Js(errors::send_error(
                    failed.error,
                    failed.attempt,
                    req.method,
                    &url,
                    req.client_method,
                    timeout,
                )))
            }
        }
    }

    /// As [`call`](Self::call), but a missing record gives `None` instead of an error.
    pub async fn call_or_none(
        &self,
        req: &ApiRequest,
        body: Option<&JsValue>,
        signal: Option<&AbortSignal>,
    ) -> Result<Option<JsResponse>, JsValue> {
        match self.call(req, body, signal).await {
            Ok(r) => Ok(Some(r)),
            Err(CallError::Api(e, _))
                if is_not_found(e.status_code, e.error_type.as_deref(), req.method) =>
            {
                Ok(None)
            }
            Err(e) => Err(e.into()),
        }
    }
}

/// Runs `f` as a Promise.
pub fn spawn<F>(f: F) -> Promise
where
    F: std::future::Future<Output = Result<JsValue, JsValue>> + 'static,
{
    // Boxed here, so that the executor is instantiated once, not once per method.
    super::executor::spawn(Box::pin(f))
}
