//! Every platform global the client touches, in one place. Nothing here goes through `window`:
//! Workers, Deno and Node have none, so globals are bound by name (as gloo and reqwest do).

use js_sys::{Array, Function, Object, Promise, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

#[wasm_bindgen]
extern "C" {
    /// `JSON.stringify` of a user value, kept as a JS string.
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    pub fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;

    /// `globalThis.process` in Node, Bun, Deno 2 and Workers with `nodejs_compat`; else undefined.
    #[wasm_bindgen(thread_local_v2, js_namespace = globalThis, js_name = process)]
    pub static PROCESS: JsValue;

    /// `globalThis.Deno` in Deno; undefined elsewhere.
    #[wasm_bindgen(thread_local_v2, js_namespace = globalThis, js_name = Deno)]
    pub static DENO: JsValue;

    /// `globalThis.document`, only to tell browsers (which refuse a custom User-Agent) apart.
    #[wasm_bindgen(thread_local_v2, js_namespace = globalThis, js_name = document)]
    pub static DOCUMENT: JsValue;

    /// `globalThis.crypto` (Web Crypto: browsers, Workers, Deno, Node ≥ 19); read as a property
    /// so that a runtime without it gives `undefined` instead of a ReferenceError.
    #[wasm_bindgen(thread_local_v2, js_namespace = globalThis, js_name = crypto)]
    static CRYPTO: JsValue;

    /// `crypto.subtle`, as an opaque receiver for the two methods below.
    type SubtleCrypto;
    #[wasm_bindgen(method, js_name = importKey, catch)]
    fn import_key(
        this: &SubtleCrypto,
        format: &str,
        key: &Uint8Array,
        algorithm: &Object,
        extractable: bool,
        usages: &Array,
    ) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn sign(
        this: &SubtleCrypto,
        algorithm: &str,
        key: &JsValue,
        data: &Uint8Array,
    ) -> Result<Promise, JsValue>;
}

#[wasm_bindgen(module = "/src/js/support.js")]
extern "C" {
    /// `class ApifyApiError extends Error`, constructed from a plain object of its fields.
    #[wasm_bindgen(js_name = ApifyApiError)]
    pub type ApifyApiErrorClass;
    #[wasm_bindgen(constructor, js_class = "ApifyApiError")]
    pub fn new(fields: &Object) -> ApifyApiErrorClass;

    #[wasm_bindgen(js_name = ApifyNetworkError)]
    pub type ApifyNetworkErrorClass;
    #[wasm_bindgen(constructor, js_class = "ApifyNetworkError")]
    pub fn new(fields: &Object) -> ApifyNetworkErrorClass;

    #[wasm_bindgen(js_name = InvalidResponseBodyError)]
    pub type InvalidResponseBodyErrorClass;
    #[wasm_bindgen(constructor, js_class = "InvalidResponseBodyError")]
    pub fn new(fields: &Object) -> InvalidResponseBodyErrorClass;

    /// Makes `promise` also `for await`-iterable through `source.iterator(promise)`.
    #[wasm_bindgen(js_name = attachAsyncIterator)]
    pub fn attach_async_iterator(promise: &Promise, source: JsValue) -> Promise;

    /// Makes `promise` `for await`-iterable over the items of the pages of
    /// `source.cursor(promise)`, walked in JavaScript (one wasm call per page).
    #[wasm_bindgen(js_name = attachItemIterator)]
    pub fn attach_item_iterator(promise: &Promise, source: JsValue) -> Promise;

    /// A response body (`ReadableStream<Uint8Array>` or `null`) piped through
    /// `TextDecoderStream`: a `ReadableStream<string>`. Throws where the runtime lacks it.
    #[wasm_bindgen(js_name = decodeTextStream, catch)]
    pub fn decode_text_stream(body: &JsValue) -> Result<JsValue, JsValue>;

    /// `body.data` when the body is the API's `{data}` envelope, else the body, with its dates
    /// parsed (see support.js): one call per response.
    #[wasm_bindgen(js_name = shapeData)]
    pub fn shape_data(body: &JsValue) -> JsValue;

    /// `{key, value, contentType}` of `getRecord`.
    #[wasm_bindgen(js_name = record)]
    pub fn record(key: &str, value: &JsValue, content_type: &JsValue) -> JsValue;

    /// Turns the date fields of an API value into `Date`s in place (see support.js).
    #[wasm_bindgen(js_name = parseDates)]
    pub fn parse_dates(value: &JsValue, also: Option<&str>);

    /// One attempt (see support.js): `fetch` (the given one, or the global `fetch` looked up at
    /// call time, so that tests and polyfills can replace it) under a timeout of `timeout_ms`
    /// and the caller's `signal`, and the body read as `kind` says. Reports its outcome to
    /// `slot` (see [`settle`](super::settle)); never throws.
    #[allow(clippy::too_many_arguments)]
    #[wasm_bindgen(js_name = fetchAndRead)]
    pub fn fetch_and_read(
        slot: u32,
        fetch: Option<&Function>,
        url: &str,
        method: u8,
        headers: &JsValue,
        body: Option<&JsValue>,
        signal: Option<&AbortSignal>,
        timeout_ms: f64,
        kind: u8,
    );

    /// `[jsons, sizes, keys]` of `batchAddRequests`' requests (JSON text, UTF-8 bytes as a
    /// `Uint32Array`, the key the API reports each under), or the index of the first one that
    /// is invalid.
    #[wasm_bindgen(js_name = prepareBatchRequests)]
    pub fn prepare_batch_requests(requests: &Array) -> JsValue;

    /// The JSON array body of the requests at `indexes`.
    #[wasm_bindgen(js_name = batchBody)]
    pub fn batch_body(jsons: &JsValue, indexes: &Uint32Array) -> JsValue;

    /// The indexes of `pending` whose key (in `keys`) no entry of `processed` has.
    #[wasm_bindgen(js_name = stillPending)]
    pub fn still_pending(keys: &JsValue, pending: &Uint32Array, processed: &JsValue)
        -> Uint32Array;

}

/// A number as JavaScript's `String(n)` writes it: whole numbers with integer formatting, the
/// rest by the platform, so that Rust's float formatting (~17 kB) stays out of the wasm.
pub fn number_text(n: f64) -> String {
    crate::core::num::whole_text(n).unwrap_or_else(|| {
        js_sys::Number::from(n)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default()
    })
}

/// A number for a query string, written as JavaScript writes it.
pub fn number_query(n: f64) -> crate::core::url::QueryValue {
    crate::core::url::QueryValue::Number(number_text(n))
}

pub fn is_browser() -> bool {
    DOCUMENT.with(|d| !d.is_undefined())
}

/// An environment variable where the runtime has them: `process.env` (Node, Bun, Deno 2,
/// Workers with `nodejs_compat`) or `Deno.env.get`. `Ok(None)` where it is unset or the
/// runtime has no environment (browsers); `Err` with the runtime's own error where reading it
/// is refused (Deno without `--allow-env`).
pub fn env_var(name: &str) -> Result<Option<String>, JsValue> {
    use js_sys::Reflect;
    use wasm_bindgen::JsCast;
    let key = JsValue::from_str(name);
    let env = PROCESS.with(|p| {
        if p.is_object() {
            Reflect::get(p, &"env".into())
        } else {
            Ok(JsValue::UNDEFINED)
        }
    })?;
    if env.is_object() {
        let v = Reflect::get(&env, &key)?;
        if let Some(s) = v.as_string() {
            return Ok(Some(s));
        }
    }
    let deno_env = DENO.with(|d| {
        if d.is_object() {
            Reflect::get(d, &"env".into())
        } else {
            Ok(JsValue::UNDEFINED)
        }
    })?;
    if deno_env.is_object() {
        if let Ok(get) = Reflect::get(&deno_env, &"get".into())?.dyn_into::<Function>() {
            return Ok(get.call1(&deno_env, &key)?.as_string());
        }
    }
    Ok(None)
}

/// HMAC-SHA256 of `message` under `key`, by the platform's `crypto.subtle` (never `window`).
pub async fn hmac_sha256(key: &[u8], message: &[u8]) -> Result<Vec<u8>, JsValue> {
    let subtle = CRYPTO.with(|c| {
        if c.is_object() {
            js_sys::Reflect::get(c, &"subtle".into()).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        }
    });
    if !subtle.is_object() {
        return Err(js_sys::Error::new(
            "crypto.subtle (Web Crypto) is not available in this runtime; it is needed to sign storage URLs",
        )
        .into());
    }
    let subtle: SubtleCrypto = subtle.unchecked_into();
    let algorithm = Object::new();
    js_sys::Reflect::set(&algorithm, &"name".into(), &"HMAC".into())?;
    js_sys::Reflect::set(&algorithm, &"hash".into(), &"SHA-256".into())?;
    let usages = Array::of1(&"sign".into());
    let key = JsFuture::from(subtle.import_key(
        "raw",
        &Uint8Array::from(key),
        &algorithm,
        false,
        &usages,
    )?)
    .await?;
    let sig = JsFuture::from(subtle.sign("HMAC", &key, &Uint8Array::from(message))?).await?;
    Ok(Uint8Array::new(&sig).to_vec())
}
