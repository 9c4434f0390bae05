//! Fault injection and introspection (control API).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod common;
use common::*;
use std::time::{Duration, Instant};

fn fault(e: &Emu, t: &str, body: &str) {
    let r = e.post_json(t, "/_emulator/faults", body);
    assert_eq!(r.status, 201, "{}", r.text());
    assert!(r.data()["id"].is_string());
}

#[test]
fn status_burst_with_retry_after_then_success() {
    let e = Emu::start();
    fault(
        &e,
        "f1",
        r#"{"method":"GET","path":"/v2/datasets","times":2,"fault":{"type":"status","status":429,"retryAfter":"1"}}"#,
    );
    fault(
        &e,
        "f1",
        r#"{"path":"/v2/datasets","fault":{"type":"status","status":503}}"#,
    );
    // Another token is not affected.
    assert_eq!(e.get("f2", "/v2/datasets").status, 200);
    // POST does not match the GET-only fault, but matches the any-method one... which is queued
    // after; first matching fault in queue order is the 503 one for POST.
    let r = e.get("f1", "/v2/datasets");
    assert_eq!(
        (r.status, r.err_type().as_str()),
        (429, "rate-limit-exceeded")
    );
    assert_eq!(r.header("retry-after"), Some("1"));
    assert_eq!(e.get("f1", "/v2/datasets").status, 429);
    let r = e.get("f1", "/v2/datasets");
    assert_eq!(
        (r.status, r.err_type().as_str()),
        (503, "internal-server-error")
    );
    assert!(r.header("retry-after").is_none());
    assert_eq!(e.get("f1", "/v2/datasets").status, 200);
    // Custom error type, HTTP-date Retry-After, prefix path.
    fault(
        &e,
        "f1",
        r#"{"path":"/v2/key-value-stores*","fault":{"type":"status","status":500,"errorType":"internal-error-x","retryAfter":"Wed, 21 Oct 2015 07:28:00 GMT"}}"#,
    );
    let r = e.get("f1", "/v2/key-value-stores/abc/keys");
    assert_eq!((r.status, r.err_type().as_str()), (500, "internal-error-x"));
    assert_eq!(
        r.header("retry-after"),
        Some("Wed, 21 Oct 2015 07:28:00 GMT")
    );
    // Counters include faulted requests, keyed by METHOD path.
    let c = e.get("f1", "/_emulator/counters").data();
    assert_eq!(c["GET /v2/datasets"], 4);
    assert_eq!(c["GET /v2/key-value-stores/abc/keys"], 1);
    assert!(
        c.get("POST /_emulator/faults").is_none(),
        "control routes are not counted"
    );
    assert_eq!(e.delete("f1", "/_emulator/counters").status, 204);
    assert_eq!(
        e.get("f1", "/_emulator/counters").data(),
        serde_json::json!({})
    );
}

#[test]
fn latency_reset_truncate_invalid_json() {
    let e = Emu::start();
    let t = "f3";
    fault(
        &e,
        t,
        r#"{"path":"/v2/users/me","fault":{"type":"latency","ms":300}}"#,
    );
    let s = Instant::now();
    assert_eq!(e.get(t, "/v2/users/me").status, 200);
    assert!(s.elapsed() >= Duration::from_millis(290));
    fault(&e, t, r#"{"path":"/v2/users/me","fault":{"type":"reset"}}"#);
    let r = e.req("GET", "/v2/users/me").token(t).try_send();
    assert!(r.is_err(), "reset must close without a response: {r:?}");
    fault(
        &e,
        t,
        r#"{"path":"/v2/users/me","fault":{"type":"truncate"}}"#,
    );
    let r = e.req("GET", "/v2/users/me").token(t).send();
    assert_eq!(r.status, 200);
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    assert!(r.incomplete, "body shorter than Content-Length");
    assert!(!r.body.is_empty());
    assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err());
    fault(
        &e,
        t,
        r#"{"path":"/v2/users/me","fault":{"type":"invalidJson"}}"#,
    );
    let r = e.get(t, "/v2/users/me");
    assert_eq!(r.status, 200);
    assert_eq!(r.text(), "{\"data\": {\"id\": ");
    assert_eq!(e.get(t, "/v2/users/me").status, 200, "faults are used up");
}

#[test]
fn hang_until_client_gives_up_and_clear() {
    let e = Emu::start();
    let t = "f4";
    fault(&e, t, r#"{"path":"/v2/datasets","fault":{"type":"hang"}}"#);
    let s = Instant::now();
    let r = e
        .req("GET", "/v2/datasets")
        .token(t)
        .timeout(Duration::from_millis(700))
        .try_send();
    assert_eq!(r.unwrap_err(), "timeout");
    assert!(s.elapsed() < Duration::from_secs(5));
    fault(
        &e,
        t,
        r#"{"path":"/v2/datasets","times":5,"fault":{"type":"status","status":500}}"#,
    );
    assert_eq!(e.delete(t, "/_emulator/faults").status, 204);
    assert_eq!(e.get(t, "/v2/datasets").status, 200);
    // Invalid fault specs are rejected.
    assert_eq!(
        e.post_json(
            t,
            "/_emulator/faults",
            r#"{"path":"/x","fault":{"type":"nope"}}"#
        )
        .status,
        400
    );
    assert_eq!(
        e.post_json(t, "/_emulator/faults", r#"{"fault":{"type":"reset"}}"#)
            .status,
        400
    );
    assert_eq!(e.req("POST", "/_emulator/faults").send().status, 401);
}

#[test]
fn request_log_records_operation_ids_without_token() {
    let e = Emu::start();
    let t = "log-token-secret";
    e.req("POST", "/v2/datasets?name=l&token=log-token-secret")
        .header("Idempotency-Key", "ik")
        .send();
    e.req("GET", "/v2/datasets/l/items?limit=1&desc=true")
        .token(t)
        .send();
    e.req("GET", "/v2/not-a-route").token(t).send();
    let log = e.get(t, "/_emulator/requests");
    assert!(!log.text().contains("log-token-secret"));
    let l = log.data();
    let l = l.as_array().unwrap();
    assert_eq!(l.len(), 3);
    assert_eq!(l[0]["operationId"], "datasets_post");
    assert_eq!(l[0]["query"], "name=l");
    assert_eq!(l[0]["idempotencyKey"], "ik");
    assert_eq!(l[1]["operationId"], "dataset_items_get");
    assert_eq!(l[1]["query"], "limit=1&desc=true");
    assert_eq!(l[1]["path"], "/v2/datasets/l/items");
    assert!(l[2]["operationId"].is_null());
    assert_eq!(e.delete(t, "/_emulator/requests").status, 204);
    assert_eq!(
        e.get(t, "/_emulator/requests")
            .data()
            .as_array()
            .unwrap()
            .len(),
        0
    );
}
