//! The one place where failures become JS values: real `Error` subclasses from `support.js`.

use crate::core::text::int_text;
use wasm_bindgen::prelude::*;

use super::convert::{get, object};
use super::sys;
use crate::core::error::{ApiError, ErrorBody};
use crate::core::request::{path_of, Method};
use crate::core::transport::SendError;

/// Reads an error response's body into the core's model (`{error: {type, message}}` or not).
pub fn error_body(body: &JsValue) -> (ErrorBody, JsValue) {
    let error = get(body, "error");
    if error.is_object() {
        let error_type = get(&error, "type").as_string();
        let message = get(&error, "message").as_string();
        return (
            ErrorBody::Api {
                error_type,
                message,
            },
            get(&error, "data"),
        );
    }
    if body.is_undefined() {
        return (ErrorBody::Empty, JsValue::UNDEFINED);
    }
    let pretty =
        js_sys::JSON::stringify_with_replacer_and_space(body, &JsValue::NULL, &JsValue::from(2))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
    (ErrorBody::Other(pretty), JsValue::UNDEFINED)
}

pub fn api_error(e: &ApiError, data: &JsValue) -> JsValue {
    let fields = object(&[
        ("message", e.message.as_str().into()),
        ("clientMethod", e.client_method.into()),
        ("statusCode", e.status_code.into()),
        (
            "type",
            e.error_type
                .as_deref()
                .map_or(JsValue::UNDEFINED, JsValue::from),
        ),
        ("attempt", e.attempt.into()),
        ("httpMethod", e.http_method.into()),
        ("path", e.path.as_str().into()),
        ("data", data.clone()),
    ]);
    sys::ApifyApiErrorClass::new(&fields).into()
}

/// A call that ended without a usable response, after retries.
pub fn send_error(
    error: SendError<JsValue>,
    attempt: u32,
    method: Method,
    url: &str,
    client_method: &'static str,
    timeout_ms: u64,
) -> JsValue {
    let path = path_of(url);
    let common = |code: &str, message: String, cause: JsValue| {
        object(&[
            ("message", message.into()),
            ("code", code.into()),
            ("clientMethod", client_method.into()),
            ("attempt", attempt.into()),
            ("httpMethod", method.as_lower().into()),
            ("path", path.into()),
            ("cause", cause),
        ])
    };
    // `ActorClient.call: POST /v2/acts/x/runs`, how both network messages start.
    let request = text!(client_method, ": ", method.as_str(), " ", path);
    let tries = if attempt == 1 {
        "1 attempt".to_string()
    } else {
        text!(int_text(i64::from(attempt)), " attempts")
    };
    match error {
        // The caller's own `signal.reason`, untouched, as `fetch` itself would reject.
        SendError::Aborted(reason) => reason,
        SendError::Network(cause) => {
            let detail = js_error_message(&cause);
            let fields = common(
                "network-error",
                text!(
                    request,
                    " failed after ",
                    tries,
                    ": ",
                    detail,
                    ". Check that baseUrl points to a reachable Apify API."
                ),
                cause,
            );
            sys::ApifyNetworkErrorClass::new(&fields).into()
        }
        SendError::Timeout => {
            let fields = common(
                "timeout",
                text!(
                    request,
                    " got no answer within ",
                    int_text(timeout_ms as i64),
                    " ms (after ",
                    tries,
                    "). Raise timeoutSecs if the API is slow."
                ),
                JsValue::UNDEFINED,
            );
            sys::ApifyNetworkErrorClass::new(&fields).into()
        }
        SendError::InvalidBody(cause) => {
            let detail = js_error_message(&cause);
            let fields = common(
                "invalid-response-body",
                text!("Response body could not be parsed.\nCause:", detail),
                cause,
            );
            sys::InvalidResponseBodyErrorClass::new(&fields).into()
        }
    }
}

fn js_error_message(e: &JsValue) -> String {
    get(e, "message")
        .as_string()
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
