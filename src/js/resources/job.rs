//! What Actor runs and builds share: the `waitForFinish` poll loop, the options of `start()`
//! and `call()`, and turning an Actor input into a request body.

use std::rc::Rc;

use js_sys::{ArrayBuffer, Date};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use super::json_body;
use crate::core::base64;
use crate::core::request::ApiRequest;
use crate::core::text::comma_list;
use crate::core::transport::Platform;
use crate::core::url::Query;
use crate::core::wait::{Next, WaitPlan};
use crate::js::convert::{get, shaped};
use crate::js::http::ClientInner;
use crate::js::opts::{range_error, type_error, Opts};
use crate::js::sys;
use crate::js::transport::JsPlatform;

/// A number option that must be ≥ 0 (`ow.number.not.negative`).
pub fn non_negative(o: &Opts, method: &str, name: &str) -> Result<Option<f64>, JsValue> {
    match o.number(name)? {
        Some(n) if n < 0.0 => Err(range_error(&text!(
            method,
            ": option \"",
            name,
            "\" must be ≥ 0, got ",
            sys::number_text(n)
        ))),
        n => Ok(n),
    }
}

/// `waitSecs` of `waitForFinish()` and `call()`.
pub fn wait_secs(o: &Opts, method: &str) -> Result<Option<f64>, JsValue> {
    non_negative(o, method, "waitSecs")
}

/// Polls `base` (a GET of the run or build) with the server-side hold until the job is
/// terminal or `wait_secs` runs out, and resolves to the last job fetched (which may still be
/// running). Fails only when the job was never fetched. The signal is checked between polls
/// and goes with every request, so aborting stops the loop at once.
pub async fn wait_for_job(
    client: Rc<ClientInner>,
    base: ApiRequest,
    wait_secs: Option<f64>,
    signal: Option<AbortSignal>,
    kind: &'static str,
) -> Result<JsValue, JsValue> {
    let timeout_ms = base.initial_timeout_ms(client.config.timeout_ms());
    let plan = WaitPlan::new(wait_secs).with_request_timeout(timeout_ms);
    let started = Date::now();
    let mut job = JsValue::UNDEFINED;
    loop {
        if let Some(s) = signal.as_ref().filter(|s| s.aborted()) {
            return Err(s.reason());
        }
        let mut req = base.clone();
        req.query
            .set("waitForFinish", plan.hold_secs(Date::now() - started));
        let status = match client.call_or_none(&req, None, signal.as_ref()).await? {
            Some(resp) => {
                job = shaped(&resp.body);
                Some(get(&job, "status").as_string().unwrap_or_default())
            }
            None => None,
        };
        match plan.after_poll(Date::now() - started, status.as_deref()) {
            Next::Stop => break,
            Next::Poll => {}
            Next::PauseThenPoll(ms) => {
                JsPlatform {
                    signal: signal.as_ref(),
                }
                .sleep(ms)
                .await?
            }
        }
    }
    if job.is_undefined() {
        return Err(js_sys::Error::new(&text!(
            "Waiting for ",
            kind,
            " to finish failed: Cannot fetch ",
            kind,
            " details from the server."
        ))
        .into());
    }
    Ok(job)
}

/// The options `ActorClient.start` takes (`call` takes them too, except `waitForFinish`).
pub const ACTOR_START_OPTIONS: &[&str] = &[
    "waitForFinish",
    "timeout",
    "memory",
    "build",
    "webhooks",
    "maxItems",
    "maxTotalChargeUsd",
    "restartOnError",
    "forcePermissionLevel",
    "contentType",
];

/// The options `TaskClient.start` takes: no `contentType` (the body is always JSON) and no
/// `forcePermissionLevel`.
pub const TASK_START_OPTIONS: &[&str] = &[
    "waitForFinish",
    "timeout",
    "memory",
    "build",
    "webhooks",
    "maxItems",
    "maxTotalChargeUsd",
    "restartOnError",
];

const PERMISSION_LEVELS: &[&str] = &["FULL_PERMISSIONS", "LIMITED_PERMISSIONS"];

/// `get({waitForFinish})` of a run or a build: the job, held by the API until it finishes
/// (at most 60 s) when asked, or `undefined` when it does not exist.
pub fn get_job(r: &super::Resource, options: &JsValue, m: &'static str) -> js_sys::Promise {
    super::rejecting(|| {
        let o = Opts::new(options, m, &["waitForFinish"])?;
        let mut req = r.request(crate::core::request::Method::Get, &[], m);
        req.query.opt("waitForFinish", o.uint("waitForFinish")?);
        Ok(super::get_object(r, req, o.signal()?))
    })
}

/// The query of `POST …/runs`, in the official client's order. Options a method does not
/// accept have already been rejected by [`Opts::new`].
pub fn start_query(o: &Opts, method: &str) -> Result<Query, JsValue> {
    let mut q = Query::new();
    q.opt("waitForFinish", o.uint("waitForFinish")?)
        .opt(
            "timeout",
            non_negative(o, method, "timeout")?.map(sys::number_query),
        )
        .opt(
            "memory",
            non_negative(o, method, "memory")?.map(sys::number_query),
        )
        .opt("build", o.string("build")?)
        .opt("webhooks", webhooks_base64(o, method)?)
        .opt(
            "maxItems",
            non_negative(o, method, "maxItems")?.map(sys::number_query),
        )
        .opt(
            "maxTotalChargeUsd",
            non_negative(o, method, "maxTotalChargeUsd")?.map(sys::number_query),
        )
        .opt("restartOnError", o.bool("restartOnError")?);
    if let Some(level) = o.string("forcePermissionLevel")? {
        if !PERMISSION_LEVELS.contains(&level.as_str()) {
            return Err(type_error(&text!(
                method,
                ": option \"forcePermissionLevel\" must be one of ",
                comma_list(PERMISSION_LEVELS)
            )));
        }
        q.set("forcePermissionLevel", level);
    }
    Ok(q)
}

/// Ad-hoc webhooks travel in the query as base64 of their JSON (`stringifyWebhooksToBase64`).
fn webhooks_base64(o: &Opts, method: &str) -> Result<Option<String>, JsValue> {
    let v = o.raw("webhooks");
    if v.is_undefined() {
        return Ok(None);
    }
    if !js_sys::Array::is_array(&v) {
        return Err(type_error(&text!(
            method,
            ": option \"webhooks\" must be an array of webhook objects"
        )));
    }
    let json = json_body(&v)?.as_string().unwrap_or_default();
    Ok(Some(base64::standard(json.as_bytes())))
}

/// An Actor input as a request body and its content type. Objects (and other JSON values)
/// become JSON; strings and bytes go as they are, labelled with `contentType` when given.
pub fn input_body(
    input: &JsValue,
    content_type: Option<String>,
) -> Result<(Option<JsValue>, Option<String>), JsValue> {
    if input.is_undefined() || input.is_null() {
        return Ok((None, content_type));
    }
    if input.is_string() {
        let ct = content_type.unwrap_or_else(|| "text/plain; charset=utf-8".into());
        return Ok((Some(input.clone()), Some(ct)));
    }
    if ArrayBuffer::is_view(input) || input.is_instance_of::<ArrayBuffer>() {
        let ct = content_type.unwrap_or_else(|| "application/octet-stream".into());
        return Ok((Some(input.clone()), Some(ct)));
    }
    let ct = content_type.unwrap_or_else(|| "application/json".into());
    Ok((Some(json_body(input)?), Some(ct)))
}

/// `targetActorId` of `metamorph`: `username/name` becomes `username~name`, as the official
/// client sends it (the query encoder then percent-encodes anything else).
pub fn actor_id_param(id: &str) -> String {
    id.replacen('/', "~", 1)
}

/// `list()` of a collection the API returns whole (`{total, items}`, no paging params):
/// one request, and `for await` over its items.
pub fn list_whole(
    r: &super::Resource,
    req: ApiRequest,
    signal: Option<AbortSignal>,
) -> js_sys::Promise {
    use crate::core::paginate::OffsetPager;
    use crate::js::iter::{paginated, FetchPage, PageRequest, Pagination};
    let client = r.client.clone();
    let fetch: FetchPage = Rc::new(move |page| {
        let (client, signal, req) = (client.clone(), signal.clone(), req.clone());
        Box::pin(async move {
            if matches!(page, PageRequest::Offset { offset, .. } if offset > 0) {
                // The whole list came in the first page; a server that reports a larger
                // total than it sent gets no second request.
                return Ok(crate::js::convert::object(&[
                    ("items", js_sys::Array::new().into()),
                    ("total", JsValue::from(0)),
                ])
                .into());
            }
            let resp = client.call(&req, None, signal.as_ref()).await?;
            Ok(shaped(&resp.body))
        })
    });
    paginated(
        fetch,
        Pagination::Offset(OffsetPager::new(None, None, None)),
    )
}

/// The dataset options `runSyncGetDatasetItems` takes besides the start options.
pub const SYNC_ITEM_OPTIONS: &[&str] = &[
    "clean",
    "desc",
    "fields",
    "omit",
    "flatten",
    "unwind",
    "skipEmpty",
    "skipHidden",
    "view",
    "offset",
    "limit",
];

/// `runSync` / `runSyncGetDatasetItems` of Actors and tasks (not in the official client; the
/// spec's `…/run-sync` and `…/run-sync-get-dataset-items`): one request that runs and waits
/// (at most 300 s on the platform), answered with the run's `outputRecordKey` record (JSON
/// parsed, text as a string, else bytes; `undefined` when there is none) or its dataset items.
/// No body → `GET`, a body → `POST`. `q` holds the start query ([`start_query`] without
/// `waitForFinish`); `items` adds the dataset filters, otherwise `outputRecordKey`. A timeout is
/// not retried: a retry would start a second run.
pub fn run_sync(
    r: &super::Resource,
    tail: &'static str,
    body: Option<JsValue>,
    content_type: Option<String>,
    o: &Opts,
    items: bool,
    m: &'static str,
) -> Result<js_sys::Promise, JsValue> {
    use crate::core::request::{Method, ResponseKind, TimeoutTier};
    let mut q = start_query(o, m)?;
    if items {
        q.inherit(&super::dataset::item_filters(o)?);
        q.opt("offset", o.uint("offset")?)
            .opt("limit", o.uint("limit")?);
    } else {
        q.opt("outputRecordKey", o.string("outputRecordKey")?);
    }
    let method = if body.is_some() {
        Method::Post
    } else {
        Method::Get
    };
    let mut req = r
        .request(method, &[tail], m)
        .query(q)
        .tier(TimeoutTier::Long)
        .no_timeout_retries()
        .response(ResponseKind::Auto);
    if body.is_some() {
        req.content_type = content_type;
    }
    let client = r.client.clone();
    let signal = o.signal()?;
    Ok(super::spawn(async move {
        Ok(client
            .call(&req, body.as_ref(), signal.as_ref())
            .await?
            .body)
    }))
}
