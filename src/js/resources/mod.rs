//! Resource clients, one file per official `*Client` class. Each method only describes its
//! request; sending, retrying and shaping the answer live in the helpers below.

pub mod dataset;
pub mod dataset_collection;
pub mod schedule;
pub mod schedule_collection;
pub mod status_message;
pub mod store_collection;
pub mod user;
pub mod webhook;
pub mod webhook_collection;
pub mod webhook_dispatch;
pub mod webhook_dispatch_collection;

use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use super::convert::{parse_dates, pluck_data};
use super::http::ClientInner;
use super::iter::{paginated, FetchPage, PageRequest, Pagination};
use super::opts::Opts;
use super::sys;
use crate::core::paginate::OffsetPager;
use crate::core::request::{ApiRequest, Method};
use crate::core::url::{encode_segment, safe_id, Query};

/// Where a resource client points: the client, its path below `/v2`, and the query params it
/// hands down to its sub-clients (`lastRun({status})` → `…/runs/last/dataset?status=`).
#[derive(Clone)]
pub struct Resource {
    pub client: Rc<ClientInner>,
    pub segments: Vec<String>,
    pub params: Query,
}

impl Resource {
    pub fn collection(client: &Rc<ClientInner>, path: &str) -> Self {
        Resource {
            client: client.clone(),
            segments: vec![path.to_string()],
            params: Query::new(),
        }
    }

    pub fn item(client: &Rc<ClientInner>, path: &str, id: &str) -> Self {
        Resource {
            client: client.clone(),
            segments: vec![path.to_string(), safe_id(id)],
            params: Query::new(),
        }
    }

    /// A request to this resource, or to `tail` below it (each tail segment encoded).
    pub fn request(
        &self,
        method: Method,
        tail: &[&str],
        client_method: &'static str,
    ) -> ApiRequest {
        let mut segments = self.segments.clone();
        segments.extend(tail.iter().map(|s| encode_segment(s)));
        let mut req = ApiRequest::new(method, segments, client_method);
        req.query.inherit(&self.params);
        req
    }
}

/// Runs `f` as a Promise.
pub fn spawn<F>(f: F) -> Promise
where
    F: std::future::Future<Output = Result<JsValue, JsValue>> + 'static,
{
    future_to_promise(f)
}

/// Runs a method body whose errors must reject the returned Promise rather than throw: the
/// official client's methods are `async`, so bad options surface as rejections there too.
pub fn rejecting(body: impl FnOnce() -> Result<Promise, JsValue>) -> Promise {
    body().unwrap_or_else(|e| Promise::reject(&e))
}

/// A request body as JSON text, serialized by the platform's `JSON.stringify`.
pub fn json_body(value: &JsValue) -> Result<JsValue, JsValue> {
    let s = sys::json_stringify(value)?;
    if s.is_undefined() {
        return Err(super::opts::type_error(
            "The request body must be JSON-serializable",
        ));
    }
    Ok(s)
}

/// GET an object: `{data}` unwrapped, dates parsed, `undefined` when the record is missing.
pub fn get_object(r: &Resource, req: ApiRequest, signal: Option<AbortSignal>) -> Promise {
    let client = r.client.clone();
    spawn(async move {
        match client.call_or_none(&req, None, signal.as_ref()).await? {
            Some(resp) => Ok(shaped(resp.body)),
            None => Ok(JsValue::UNDEFINED),
        }
    })
}

/// Sends a request (with an optional JSON body) and resolves to its unwrapped object.
pub fn send_object(
    r: &Resource,
    req: ApiRequest,
    body: Option<JsValue>,
    signal: Option<AbortSignal>,
) -> Promise {
    let client = r.client.clone();
    spawn(async move {
        let resp = client.call(&req, body.as_ref(), signal.as_ref()).await?;
        Ok(shaped(resp.body))
    })
}

/// Sends a request whose answer does not matter (deletes): resolves to `undefined`.
pub fn send_empty(
    r: &Resource,
    req: ApiRequest,
    body: Option<JsValue>,
    signal: Option<AbortSignal>,
) -> Promise {
    let client = r.client.clone();
    spawn(async move {
        client.call(&req, body.as_ref(), signal.as_ref()).await?;
        Ok(JsValue::UNDEFINED)
    })
}

fn shaped(body: JsValue) -> JsValue {
    let data = pluck_data(body);
    parse_dates(&data);
    data
}

/// `list()` of a collection: offset pagination over `{data: {total, offset, limit, items}}`.
/// `extra` holds the method's own query params (`unnamed`, `status`, …).
pub fn list_collection(
    r: &Resource,
    client_method: &'static str,
    opts: &Opts,
    extra: Query,
) -> Result<Promise, JsValue> {
    let offset = opts.uint("offset")?;
    let limit = opts.uint("limit")?;
    let desc = opts.bool("desc")?;
    let signal = opts.signal()?;
    let base = r.request(Method::Get, &[], client_method);
    let client = r.client.clone();
    let fetch: FetchPage = Rc::new(move |page| {
        let mut req = base.clone();
        if let PageRequest::Offset { offset, limit } = page {
            req.query.opt("limit", limit).set("offset", offset);
        }
        req.query.opt("desc", desc);
        req.query.inherit(&extra);
        let (client, signal) = (client.clone(), signal.clone());
        Box::pin(async move {
            let resp = client.call(&req, None, signal.as_ref()).await?;
            Ok(shaped(resp.body))
        })
    });
    Ok(paginated(
        fetch,
        Pagination::Offset(OffsetPager::new(offset, limit, None)),
    ))
}

/// Marks `req` as sending JSON when it has a body.
pub fn json_request(req: ApiRequest, body: &Option<JsValue>) -> ApiRequest {
    match body {
        Some(_) => req.content_type("application/json"),
        None => req,
    }
}

/// An optional object argument sent as JSON (`create(data?)`): `undefined` sends no body.
pub fn optional_json_object(
    value: &JsValue,
    method: &str,
    what: &str,
) -> Result<Option<JsValue>, JsValue> {
    if value.is_undefined() {
        return Ok(None);
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(super::opts::type_error(&format!(
            "{method}: {what} must be an object"
        )));
    }
    json_body(value).map(Some)
}
