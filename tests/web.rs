//! The HTTP core end to end, in whichever runtime `WASM_BINDGEN_USE_*` picks (Node by default,
//! headless Chromium, a Chromium service worker), against the emulator whose URL
//! `pkg-scripts/test` passes at compile time in `APIFY_EMULATOR_URL`.
#![cfg(target_arch = "wasm32")]
// `format!` is refused in the shipped code only (clippy.toml).
#![allow(clippy::disallowed_macros)]
// A failed unwrap in a test is a failed test with its reason: that is what tests want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use apify_client_wasm::js::client::ApifyClient;
use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

#[wasm_bindgen(inline_js = r#"
export async function control(base, token, method, path, body) {
  const res = await fetch(`${base}/_emulator/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator control ${method} ${path}: ${res.status}`);
  return res.status === 204 ? undefined : (await res.json()).data;
}
export function token() { return `wasm-test-${Math.random().toString(36).slice(2)}`; }
export function opts(json, extra) { return Object.assign(JSON.parse(json), extra ?? {}); }
export async function collect(iterable) { const out = []; for await (const x of iterable) out.push(x); return out; }
export function abortAfter(ms) { const c = new AbortController(); setTimeout(() => c.abort(), ms); return c.signal; }
export function now() { return Date.now(); }
export function errorName(e) { return e?.name; }
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn control(
        base: &str,
        token: &str,
        method: &str,
        path: &str,
        body: JsValue,
    ) -> Result<JsValue, JsValue>;
    fn token() -> String;
    fn opts(json: &str, extra: JsValue) -> JsValue;
    #[wasm_bindgen(catch)]
    async fn collect(iterable: &Promise) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = abortAfter)]
    fn abort_after(ms: u32) -> JsValue;
    fn now() -> f64;
    #[wasm_bindgen(js_name = errorName)]
    fn error_name(e: &JsValue) -> Option<String>;
}

const BASE: Option<&str> = option_env!("APIFY_EMULATOR_URL");

fn base() -> &'static str {
    BASE.unwrap_or("http://127.0.0.1:1/APIFY_EMULATOR_URL-was-not-set-at-build-time")
}

struct Account {
    token: String,
    client: ApifyClient,
}

/// A fresh account on the emulator and a client with fast retries (`extra` JSON merged in).
fn account(extra: &str) -> Account {
    let token = token();
    let json = format!(
        r#"{{"token":"{token}","baseUrl":"{}","minDelayBetweenRetriesMillis":10{extra}}}"#,
        base()
    );
    let client = ApifyClient::new(opts(&json, JsValue::UNDEFINED)).expect("valid options");
    Account { token, client }
}

impl Account {
    async fn fault(&self, method: &str, path: &str, times: u32, fault: &str) {
        let body = js_sys::JSON::parse(&format!(
            r#"{{"method":"{method}","path":"{path}","times":{times},"fault":{fault}}}"#
        ))
        .unwrap();
        control(base(), &self.token, "POST", "faults", body)
            .await
            .expect("fault queued");
    }

    async fn count(&self, route: &str) -> f64 {
        let c = control(base(), &self.token, "GET", "counters", JsValue::UNDEFINED)
            .await
            .unwrap();
        Reflect::get(&c, &route.into())
            .unwrap()
            .as_f64()
            .unwrap_or(0.0)
    }

    async fn dataset_id(&self) -> String {
        let ds = await_ok(
            self.client
                .datasets()
                .get_or_create(JsValue::UNDEFINED, JsValue::UNDEFINED),
        )
        .await;
        get(&ds, "id").as_string().unwrap()
    }

    async fn get_dataset(&self, id: &str, options: JsValue) -> Result<JsValue, JsValue> {
        JsFuture::from(self.client.dataset(id.into()).unwrap().get(options)).await
    }
}

async fn await_ok(p: Promise) -> JsValue {
    JsFuture::from(p).await.expect("call succeeds")
}

fn get(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &k.into()).unwrap()
}

fn num(v: &JsValue, k: &str) -> f64 {
    get(v, k).as_f64().unwrap_or(f64::NAN)
}

#[wasm_bindgen_test]
async fn rate_limited_twice_with_retry_after_then_ok() {
    let a = account("");
    let id = a.dataset_id().await;
    let path = format!("/v2/datasets/{id}");
    a.fault(
        "GET",
        &path,
        2,
        r#"{"type":"status","status":429,"retryAfter":"1"}"#,
    )
    .await;
    let start = now();
    let ds = a.get_dataset(&id, JsValue::UNDEFINED).await.unwrap();
    let elapsed = now() - start;
    assert_eq!(get(&ds, "id").as_string().unwrap(), id);
    assert!(
        elapsed >= 2_000.0,
        "Retry-After: 1 was honoured twice, took {elapsed} ms"
    );
    assert!(elapsed < 6_000.0, "took {elapsed} ms");
    assert_eq!(a.count(&format!("GET {path}")).await, 3.0);
    let stats = a.client.stats();
    let rl: Vec<f64> = Array::from(&get(&stats, "rateLimitErrors"))
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert_eq!(rl, [1.0, 1.0]);
}

#[wasm_bindgen_test]
async fn server_error_then_ok() {
    let a = account("");
    let id = a.dataset_id().await;
    let path = format!("/v2/datasets/{id}");
    a.fault("GET", &path, 1, r#"{"type":"status","status":503}"#)
        .await;
    let ds = a.get_dataset(&id, JsValue::UNDEFINED).await.unwrap();
    assert_eq!(get(&ds, "id").as_string().unwrap(), id);
    assert_eq!(a.count(&format!("GET {path}")).await, 2.0);
}

#[wasm_bindgen_test]
async fn connection_reset_then_ok() {
    let a = account("");
    let id = a.dataset_id().await;
    let path = format!("/v2/datasets/{id}");
    a.fault("GET", &path, 1, r#"{"type":"reset"}"#).await;
    let ds = a.get_dataset(&id, JsValue::UNDEFINED).await.unwrap();
    assert_eq!(get(&ds, "id").as_string().unwrap(), id);
    assert_eq!(a.count(&format!("GET {path}")).await, 2.0);
}

#[wasm_bindgen_test]
async fn invalid_json_is_retried_then_reported() {
    let a = account(r#","maxRetries":1"#);
    let id = a.dataset_id().await;
    let path = format!("/v2/datasets/{id}");
    a.fault("GET", &path, 1, r#"{"type":"invalidJson"}"#).await;
    assert!(a.get_dataset(&id, JsValue::UNDEFINED).await.is_ok());
    a.fault("GET", &path, 2, r#"{"type":"invalidJson"}"#).await;
    let e = a.get_dataset(&id, JsValue::UNDEFINED).await.unwrap_err();
    assert_eq!(error_name(&e).as_deref(), Some("InvalidResponseBodyError"));
    assert_eq!(num(&e, "attempt"), 2.0);
    assert_eq!(
        get(&e, "code").as_string().as_deref(),
        Some("invalid-response-body")
    );
}

#[wasm_bindgen_test]
async fn truncated_body_is_retried() {
    let a = account("");
    let id = a.dataset_id().await;
    let path = format!("/v2/datasets/{id}");
    a.fault("GET", &path, 1, r#"{"type":"truncate"}"#).await;
    let ds = a.get_dataset(&id, JsValue::UNDEFINED).await.unwrap();
    assert_eq!(get(&ds, "id").as_string().unwrap(), id);
}

#[wasm_bindgen_test]
async fn hang_hits_the_timeout_then_retries() {
    let a = account(r#","timeoutSecs":1"#);
    let id = a.dataset_id().await;
    let path = format!("/v2/datasets/{id}");
    a.fault("GET", &path, 1, r#"{"type":"hang"}"#).await;
    let start = now();
    let ds = a.get_dataset(&id, JsValue::UNDEFINED).await.unwrap();
    let elapsed = now() - start;
    assert_eq!(get(&ds, "id").as_string().unwrap(), id);
    assert!((1_000.0..5_000.0).contains(&elapsed), "took {elapsed} ms");
}

#[wasm_bindgen_test]
async fn push_items_timeout_is_not_retried() {
    let a = account(r#","timeoutSecs":1"#);
    let id = a.dataset_id().await;
    let path = format!("/v2/datasets/{id}/items");
    a.fault("POST", &path, 1, r#"{"type":"hang"}"#).await;
    let items = opts(r#"[{"a":1}]"#, JsValue::UNDEFINED);
    let e = JsFuture::from(
        a.client
            .dataset(id.as_str().into())
            .unwrap()
            .push_items(items, JsValue::UNDEFINED),
    )
    .await
    .unwrap_err();
    assert_eq!(error_name(&e).as_deref(), Some("ApifyNetworkError"));
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("timeout"));
    assert_eq!(num(&e, "attempt"), 1.0);
    assert_eq!(a.count(&format!("POST {path}")).await, 1.0);
}

#[wasm_bindgen_test]
async fn abort_during_backoff_sleep() {
    let a = account(r#","minDelayBetweenRetriesMillis":5000"#);
    let id = a.dataset_id().await;
    let path = format!("/v2/datasets/{id}");
    a.fault("GET", &path, 3, r#"{"type":"status","status":503}"#)
        .await;
    let signal = abort_after(300);
    let options = opts("{}", JsValue::UNDEFINED);
    Reflect::set(&options, &"signal".into(), &signal).unwrap();
    let start = now();
    let e = a.get_dataset(&id, options).await.unwrap_err();
    let elapsed = now() - start;
    assert_eq!(error_name(&e).as_deref(), Some("AbortError"));
    assert!(
        elapsed < 2_000.0,
        "the 5 s backoff was cut short, took {elapsed} ms"
    );
    assert_eq!(a.count(&format!("GET {path}")).await, 1.0);
}

#[wasm_bindgen_test]
async fn exhausted_retries_give_the_last_api_error() {
    let a = account(r#","maxRetries":2"#);
    let id = a.dataset_id().await;
    let path = format!("/v2/datasets/{id}");
    a.fault("GET", &path, 5, r#"{"type":"status","status":500}"#)
        .await;
    let e = a.get_dataset(&id, JsValue::UNDEFINED).await.unwrap_err();
    assert_eq!(error_name(&e).as_deref(), Some("ApifyApiError"));
    assert_eq!(num(&e, "statusCode"), 500.0);
    assert_eq!(num(&e, "attempt"), 3.0);
    assert_eq!(get(&e, "httpMethod").as_string().as_deref(), Some("get"));
    assert_eq!(get(&e, "path").as_string().unwrap(), path);
    assert_eq!(
        get(&e, "clientMethod").as_string().as_deref(),
        Some("DatasetClient.get")
    );
}

#[wasm_bindgen_test]
async fn unreachable_api_gives_a_typed_network_error_without_the_token() {
    let json = r#"{"token":"secret-token-123","baseUrl":"http://127.0.0.1:9","maxRetries":1,"minDelayBetweenRetriesMillis":1}"#;
    let client = ApifyClient::new(opts(json, JsValue::UNDEFINED)).unwrap();
    let e = JsFuture::from(client.dataset("x".into()).unwrap().get(JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_eq!(error_name(&e).as_deref(), Some("ApifyNetworkError"));
    assert_eq!(
        get(&e, "code").as_string().as_deref(),
        Some("network-error")
    );
    assert_eq!(num(&e, "attempt"), 2.0);
    assert!(
        !get(&e, "cause").is_undefined(),
        "the platform's error is kept as cause"
    );
    let text = format!("{:?} {:?}", get(&e, "message"), get(&e, "stack"));
    assert!(!text.contains("secret-token-123"), "{text}");
}

#[wasm_bindgen_test]
async fn not_found_resolves_where_the_official_client_swallows_it() {
    let a = account("");
    // get() resolves to undefined and delete() resolves (both `catchNotFoundOrThrow` there)...
    assert!(a
        .get_dataset("no-such-dataset", JsValue::UNDEFINED)
        .await
        .unwrap()
        .is_undefined());
    let ds = a.client.dataset("no-such".into()).unwrap();
    assert!(JsFuture::from(ds.delete(JsValue::UNDEFINED))
        .await
        .unwrap()
        .is_undefined());
    // ...while update() of a missing dataset is an ApifyApiError.
    let fields = opts(r#"{"title":"t"}"#, JsValue::UNDEFINED);
    let e = JsFuture::from(ds.update(fields, JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_eq!(num(&e, "statusCode"), 404.0);
    assert_eq!(
        get(&e, "type").as_string().as_deref(),
        Some("record-not-found")
    );
}

#[wasm_bindgen_test]
async fn items_round_trip_and_iterate_across_pages() {
    let a = account("");
    let id = a.dataset_id().await;
    let ds = a.client.dataset(id.as_str().into()).unwrap();
    let items =
        js_sys::eval("Array.from({ length: 2345 }, (_, i) => ({ i, s: 'ž' + i }))").unwrap();
    await_ok(ds.push_items(items, JsValue::UNDEFINED)).await;
    let first = await_ok(
        ds.list_items(opts(r#"{"limit":10,"offset":5}"#, JsValue::UNDEFINED))
            .unwrap(),
    )
    .await;
    assert_eq!(num(&first, "total"), 2345.0);
    assert_eq!(num(&first, "count"), 10.0);
    assert_eq!(num(&first, "offset"), 5.0);
    let all = collect(
        &ds.list_items(opts(r#"{"chunkSize":1000}"#, JsValue::UNDEFINED))
            .unwrap(),
    )
    .await
    .unwrap();
    let all = Array::from(&all);
    assert_eq!(all.length(), 2345);
    assert_eq!(
        get(&all.get(2344), "s").as_string().as_deref(),
        Some("ž2344")
    );
    assert_eq!(a.count(&format!("GET /v2/datasets/{id}/items")).await, 4.0);
}

#[wasm_bindgen_test]
fn bad_client_options_throw_type_and_range_errors() {
    let e = ApifyClient::new(opts(r#"{"tokn":"x"}"#, JsValue::UNDEFINED))
        .err()
        .unwrap();
    assert!(e.is_instance_of::<js_sys::TypeError>());
    let e = ApifyClient::new(opts(r#"{"maxRetries":-1}"#, JsValue::UNDEFINED))
        .err()
        .unwrap();
    assert!(e.is_instance_of::<js_sys::RangeError>());
    let e = ApifyClient::new(opts(r#"{"timeoutSecs":"10"}"#, JsValue::UNDEFINED))
        .err()
        .unwrap();
    assert!(e.is_instance_of::<js_sys::TypeError>());
    let msg = get(&e, "message").as_string().unwrap();
    assert!(msg.contains("timeoutSecs"), "{msg}");
}
