//! Resource clients, one file per official `*Client` class. Each method only describes its
//! request; sending, retrying and shaping the answer live in the helpers below.

pub mod actor;
pub mod actor_version;
pub mod build;
pub mod dataset;
pub mod dataset_collection;
pub mod job;
pub mod key_value_store;
pub mod key_value_store_collection;
pub mod log;
pub mod request_queue;
pub mod request_queue_collection;
pub mod run;
pub mod schedule;
pub mod schedule_collection;
pub mod status_message;
pub mod store_collection;
pub mod task;
pub mod user;
pub mod webhook;
pub mod webhook_collection;
pub mod webhook_dispatch;
pub mod webhook_dispatch_collection;

use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use super::convert::{pluck_data, shaped};
use super::http::ClientInner;
use super::iter::{paginated, FetchPage, PageRequest, Pagination};
use super::opts::Opts;
use super::sys;
use crate::core::paginate::OffsetPager;
use crate::core::request::{ApiRequest, Method, TimeoutTier};
use crate::core::url::{push_id_segment, push_segment, Query, QueryValue};

/// Where a resource client points: the client, its path below `/v2` (encoded: `datasets/u~d`),
/// and the query params it hands down to its sub-clients (`lastRun({status})` →
/// `…/runs/last/dataset?status=`).
#[derive(Clone)]
pub struct Resource {
    pub client: Rc<ClientInner>,
    pub path: String,
    pub params: Query,
}

impl Resource {
    pub fn collection(client: &Rc<ClientInner>, path: &str) -> Self {
        Resource {
            client: client.clone(),
            path: path.to_string(),
            params: Query::new(),
        }
    }

    pub fn item(client: &Rc<ClientInner>, path: &str, id: &str) -> Self {
        // Sized for an id that needs no encoding (the usual case): one allocation.
        let mut full = String::with_capacity(path.len() + 1 + id.len());
        full.push_str(path);
        push_id_segment(&mut full, id);
        Resource {
            client: client.clone(),
            path: full,
            params: Query::new(),
        }
    }

    /// The resource `tail` below this one (each tail segment encoded), with the same params.
    pub fn below(&self, tail: &[&str]) -> Self {
        Resource {
            client: self.client.clone(),
            path: self.path_to(tail),
            params: self.params.clone(),
        }
    }

    fn path_to(&self, tail: &[&str]) -> String {
        let mut path = String::with_capacity(self.path.len() + 48);
        path.push_str(&self.path);
        for s in tail {
            push_segment(&mut path, s);
        }
        path
    }

    /// A request to this resource, or to `tail` below it (each tail segment encoded).
    pub fn request(
        &self,
        method: Method,
        tail: &[&str],
        client_method: &'static str,
    ) -> ApiRequest {
        let mut req = ApiRequest::new(method, self.path_to(tail), client_method);
        req.query.inherit(&self.params);
        req
    }
}

pub use super::http::spawn;

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

/// `list()` of a storage collection (datasets, key-value stores, request queues).
pub fn list_storages(r: &Resource, options: &JsValue, m: &'static str) -> Result<Promise, JsValue> {
    let o = Opts::new(
        options,
        m,
        &["unnamed", "limit", "offset", "desc", "ownership"],
    )?;
    let mut extra = Query::new();
    extra
        .opt("unnamed", o.bool("unnamed")?)
        .opt("ownership", o.string("ownership")?);
    list_collection(r, m, &o, extra)
}

/// `getOrCreate(name?, {schema?})` of a storage collection: `POST ?name=`, with a `{schema}`
/// body only where the storage has schemas (`with_schema`) and one is given.
pub fn get_or_create_storage(
    r: &Resource,
    name: &JsValue,
    options: &JsValue,
    m: &'static str,
    with_schema: bool,
) -> Promise {
    rejecting(|| {
        let o = Opts::new(options, m, if with_schema { &["schema"] } else { &[] })?;
        let mut req = r.request(Method::Post, &[], m);
        let name = match name.as_string() {
            Some(n) => Some(n),
            None if name.is_undefined() || name.is_null() => None,
            None => {
                return Err(super::opts::type_error(&text!(
                    m,
                    ": name must be a string"
                )))
            }
        };
        req.query.opt("name", name);
        let body = match o.object("schema")? {
            Some(schema) => {
                req.content_type = Some("application/json".into());
                Some(json_body(
                    &super::convert::object(&[("schema", schema)]).into(),
                )?)
            }
            None => None,
        };
        Ok(send_object(r, req, body, o.signal()?))
    })
}

/// `get()` of a resource client: the object, or `undefined` when it does not exist.
pub fn get_resource(
    r: &Resource,
    options: &JsValue,
    m: &'static str,
    tier: TimeoutTier,
) -> Promise {
    rejecting(|| {
        let o = Opts::new(options, m, &[])?;
        let req = r.request(Method::Get, &[], m).tier(tier);
        Ok(get_object(r, req, o.signal()?))
    })
}

/// `update(newFields)` of a resource client: PUT as JSON, resolves to the updated object.
pub fn update_resource(
    r: &Resource,
    new_fields: &JsValue,
    options: &JsValue,
    m: &'static str,
    tier: TimeoutTier,
) -> Promise {
    rejecting(|| {
        let o = Opts::new(options, m, &[])?;
        if !new_fields.is_object() {
            return Err(super::opts::type_error(&text!(
                m,
                ": newFields must be an object"
            )));
        }
        let req = r
            .request(Method::Put, &[], m)
            .tier(tier)
            .content_type("application/json");
        Ok(send_object(
            r,
            req,
            Some(json_body(new_fields)?),
            o.signal()?,
        ))
    })
}

/// `delete()` of a resource client. As the official `_delete`, a resource that is already gone
/// (404 `record-not-found`) resolves too: deleting is idempotent.
pub fn delete_resource(
    r: &Resource,
    options: &JsValue,
    m: &'static str,
    tier: TimeoutTier,
) -> Promise {
    rejecting(|| {
        let o = Opts::new(options, m, &[])?;
        let req = r.request(Method::Delete, &[], m).tier(tier);
        Ok(delete_quietly(r, req, o.signal()?))
    })
}

/// `DELETE` that resolves to `undefined` also when the record is already gone, as the
/// official client's `_delete` (`catchNotFoundOrThrow`).
pub fn delete_quietly(r: &Resource, req: ApiRequest, signal: Option<AbortSignal>) -> Promise {
    let client = r.client.clone();
    spawn(async move {
        client.call_or_none(&req, None, signal.as_ref()).await?;
        Ok(JsValue::UNDEFINED)
    })
}

/// GET an object: `{data}` unwrapped, dates parsed, `undefined` when the record is missing.
pub fn get_object(r: &Resource, req: ApiRequest, signal: Option<AbortSignal>) -> Promise {
    let client = r.client.clone();
    spawn(async move {
        match client.call_or_none(&req, None, signal.as_ref()).await? {
            Some(resp) => Ok(shaped(&resp.body)),
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
        Ok(shaped(&resp.body))
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

/// `list()` of a collection: offset pagination over `{data: {total, offset, limit, items}}`.
/// `extra` holds the method's own query params (`unnamed`, `status`, …).
pub fn list_collection(
    r: &Resource,
    client_method: &'static str,
    opts: &Opts,
    extra: Query,
) -> Result<Promise, JsValue> {
    let user_offset = opts.uint("offset")?;
    let limit = opts.uint("limit")?;
    let desc = opts.bool("desc")?;
    let signal = opts.signal()?;
    let base = r.request(Method::Get, &[], client_method);
    let client = r.client.clone();
    let fetch: FetchPage = Rc::new(move |page| {
        let mut req = base.clone();
        if let PageRequest::Offset { offset, limit } = page {
            // As the official client: no `offset` on a first page the caller did not place.
            let offset = (offset > 0 || user_offset.is_some()).then_some(offset);
            req.query.opt("limit", limit).opt("offset", offset);
        }
        req.query.opt("desc", desc);
        req.query.inherit(&extra);
        let (client, signal) = (client.clone(), signal.clone());
        Box::pin(async move {
            let resp = client.call(&req, None, signal.as_ref()).await?;
            Ok(shaped(&resp.body))
        })
    });
    Ok(paginated(
        fetch,
        Pagination::Offset(OffsetPager::new(user_offset, limit, None)),
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
        return Err(super::opts::type_error(&text!(
            method,
            ": ",
            what,
            " must be an object"
        )));
    }
    json_body(value).map(Some)
}

/// The query of a public URL from the caller's options, in the caller's key order, written as
/// the official `applyQueryParamsToUrl` writes it: arrays comma-joined, booleans `true`/`false`,
/// numbers as JavaScript prints them; `skip` names options that are not query params.
pub fn public_url_query(options: &JsValue, skip: &[&str]) -> Query {
    let mut q = Query::new();
    if !options.is_object() {
        return q;
    }
    let obj: &js_sys::Object = options.unchecked_ref();
    for key in js_sys::Object::keys(obj).iter() {
        let Some(k) = key.as_string() else { continue };
        if k == "signal" || skip.contains(&k.as_str()) {
            continue;
        }
        let v = super::convert::get(options, &k);
        if v.is_undefined() {
            continue;
        }
        let value: QueryValue = if js_sys::Array::is_array(&v) {
            js_sys::Array::from(&v)
                .iter()
                .map(|x| x.as_string().unwrap_or_default())
                .collect::<Vec<String>>()
                .into()
        } else if let Some(b) = v.as_bool() {
            b.into()
        } else if let Some(n) = v.as_f64() {
            sys::number_query(n)
        } else if let Some(s) = v.as_string() {
            s.into()
        } else {
            continue;
        };
        q.set(k, value);
    }
    q
}

/// The storage object (`GET`, 5 s tier) whose `urlSigningSecretKey` signs public URLs:
/// `(id, secret)`, or `None` for the secret when the storage is missing or exposes none.
pub async fn storage_signing_key(
    r: &Resource,
    client_method: &'static str,
    signal: Option<&AbortSignal>,
) -> Result<(String, Option<String>), JsValue> {
    let req = r
        .request(Method::Get, &[], client_method)
        .tier(crate::core::request::TimeoutTier::Small);
    let Some(resp) = r.client.call_or_none(&req, None, signal).await? else {
        return Ok((String::new(), None));
    };
    let data = pluck_data(resp.body);
    let id = super::convert::get(&data, "id")
        .as_string()
        .unwrap_or_default();
    let secret = super::convert::get(&data, "urlSigningSecretKey")
        .as_string()
        .filter(|s| !s.is_empty());
    Ok((id, secret))
}

/// `createHmacSignatureAsync(secret, message)`: base62 of the HMAC-SHA256 digest's first 15 bytes.
pub async fn hmac_signature(secret: &str, message: &str) -> Result<String, JsValue> {
    let digest = sys::hmac_sha256(secret.as_bytes(), message.as_bytes()).await?;
    Ok(crate::core::signature::base62_of_digest(&digest))
}

/// `createStorageContentSignatureAsync({resourceId, urlSigningSecretKey, expiresInMillis})`.
pub async fn storage_content_signature(
    resource_id: &str,
    secret: &str,
    expires_in_secs: Option<f64>,
) -> Result<String, JsValue> {
    use crate::core::signature::{expires_at, storage_message, storage_signature};
    let at = sys::number_text(expires_at(js_sys::Date::now(), expires_in_secs));
    let hmac = hmac_signature(secret, &storage_message(resource_id, &at)).await?;
    Ok(storage_signature(&at, &hmac))
}

/// A public URL (`{publicBaseUrl}/v2/…`) of this resource's `tail`: signature first, then the
/// caller's query options, as the official client builds it.
pub fn public_url(r: &Resource, tail: &[&str], signature: Option<String>, rest: &Query) -> String {
    let mut req = r.request(Method::Get, tail, "public");
    req.query = Query::new();
    req.query.opt("signature", signature);
    req.query.inherit(rest);
    req.url(&r.client.public_api_base)
}
