//! Connection handling, auth, CORS, body decoding, fault injection, control API and routing.

use crate::http::{self, add_cors, data, invalid, preflight, ApiError, Body, Resp};
use crate::routes::{self, Lookup, Route};
use crate::state::{account_key, Account, Fault, Global};
use crate::util::{new_id, parse_query, strip_token};
use bytes::Bytes;
use http_body_util::{BodyExt, Limited};
use hyper::body::Incoming;
use hyper::header::HeaderMap;
use hyper::{Request, Response};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

pub const MAX_BODY: usize = 9 * 1024 * 1024;
const MAX_DECODED: u64 = 64 * 1024 * 1024;

pub struct App {
    pub state: Mutex<Global>,
    pub only_token: Option<String>,
    pub routes: Vec<Route>,
    pub base_url: Mutex<String>,
    pub verbose: bool,
    /// `--request-log FILE`: every API request of every account appended as a JSON line, so
    /// that a test run can measure which spec operations its client reached.
    pub request_log: Mutex<Option<std::fs::File>>,
}

impl App {
    pub fn new(global: Global, only_token: Option<String>, verbose: bool) -> Arc<Self> {
        Arc::new(App {
            state: Mutex::new(global),
            only_token,
            routes: routes::load(),
            base_url: Mutex::new(String::new()),
            verbose,
            request_log: Mutex::new(None),
        })
    }

    pub fn lock(&self) -> MutexGuard<'_, Global> {
        match self.state.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        }
    }

    pub fn base_url(&self) -> String {
        match self.base_url.lock() {
            Ok(g) => g.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    /// Runs `f` on the account with key `acct` (created if missing).
    pub fn with<R>(&self, acct: &str, f: impl FnOnce(&mut Account) -> R) -> R {
        let mut g = self.lock();
        let a = g.accounts.entry(acct.to_string()).or_insert_with(|| {
            let mut a = Account::new(acct);
            crate::actors::seed(&mut a);
            a
        });
        f(a)
    }
}

/// A request after auth and body decoding.
pub struct Ctx {
    pub method: String,
    pub query: Vec<(String, String)>,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub acct: String,
    pub params: HashMap<String, String>,
}

impl Ctx {
    pub fn q(&self, k: &str) -> Option<&str> {
        self.query
            .iter()
            .rev()
            .find(|(kk, _)| kk == k)
            .map(|(_, v)| v.as_str())
    }
    pub fn qbool(&self, k: &str) -> bool {
        matches!(
            self.q(k),
            Some("1") | Some("true") | Some("TRUE") | Some("True") | Some("")
        ) && self.q(k).is_some()
    }
    pub fn qint(&self, k: &str) -> Result<Option<i64>, ApiError> {
        match self.q(k) {
            None | Some("") => Ok(None),
            Some(v) => v
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map(|f| Some(f as i64))
                .ok_or_else(|| invalid(format!("Parameter '{k}' must be a number, got '{v}'"))),
        }
    }
    pub fn qlist(&self, k: &str) -> Vec<String> {
        self.q(k)
            .map(|v| {
                v.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }
    pub fn p(&self, k: &str) -> String {
        self.params.get(k).cloned().unwrap_or_default()
    }
    pub fn header(&self, k: &str) -> Option<&str> {
        self.headers.get(k).and_then(|v| v.to_str().ok())
    }
    pub fn content_type(&self) -> Option<&str> {
        self.header("content-type")
    }
    /// The body parsed as JSON; empty body gives `None`.
    pub fn json_opt(&self) -> Result<Option<Value>, ApiError> {
        if self.body.iter().all(|b| b.is_ascii_whitespace()) {
            return Ok(None);
        }
        serde_json::from_slice(&self.body)
            .map(Some)
            .map_err(|e| invalid(format!("Request body is not valid JSON: {e}")))
    }
    pub fn json_obj(&self) -> Result<serde_json::Map<String, Value>, ApiError> {
        match self.json_opt()? {
            None => Ok(serde_json::Map::new()),
            Some(Value::Object(m)) => Ok(m),
            Some(_) => Err(invalid("Request body must be a JSON object")),
        }
    }
}

type SvcResult = Result<Resp, Box<dyn std::error::Error + Send + Sync>>;

fn err(e: ApiError) -> SvcResult {
    Ok(e.into_resp())
}

fn token_of(req: &Request<Incoming>, query: &[(String, String)]) -> Option<String> {
    if let Some(v) = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
    {
        let v = v.trim();
        let t = v
            .strip_prefix("Bearer ")
            .or_else(|| v.strip_prefix("bearer "))
            .unwrap_or(v)
            .trim();
        if !t.is_empty() {
            return Some(t.to_string());
        }
    }
    query
        .iter()
        .find(|(k, _)| k == "token")
        .map(|(_, v)| v.clone())
        .filter(|v| !v.is_empty())
}

fn decode_body(encoding: Option<&str>, body: Bytes) -> Result<Bytes, ApiError> {
    let enc = encoding.unwrap_or("").trim().to_ascii_lowercase();
    if enc.is_empty() || enc == "identity" {
        return Ok(body);
    }
    let mut out = Vec::new();
    let res = match enc.as_str() {
        "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(&body[..])
            .take(MAX_DECODED)
            .read_to_end(&mut out),
        "deflate" => {
            // Accept both zlib-wrapped (per RFC) and raw deflate.
            let r = flate2::read::ZlibDecoder::new(&body[..])
                .take(MAX_DECODED)
                .read_to_end(&mut out);
            if r.is_err() {
                out.clear();
                flate2::read::DeflateDecoder::new(&body[..])
                    .take(MAX_DECODED)
                    .read_to_end(&mut out)
            } else {
                r
            }
        }
        "br" => brotli_decompressor::Decompressor::new(&body[..], 4096)
            .take(MAX_DECODED)
            .read_to_end(&mut out),
        other => {
            return Err(ApiError::new(
                415,
                "invalid-header",
                format!("Unsupported Content-Encoding '{other}'"),
            ))
        }
    };
    match res {
        Ok(_) => Ok(Bytes::from(out)),
        Err(e) => Err(invalid(format!(
            "Request body could not be decoded as {enc}: {e}"
        ))),
    }
}

pub async fn handle(app: Arc<App>, req: Request<Incoming>) -> SvcResult {
    let res = handle_inner(app, req).await;
    match res {
        Ok(mut r) => {
            add_cors(&mut r);
            Ok(r)
        }
        Err(e) => Err(e),
    }
}

/// The outcome of a fault lookup.
enum FaultAction {
    None,
    Respond(Resp),
    Latency(u64),
    Reset,
    Truncate,
    Hang,
}

fn take_fault(acct: &mut Account, method: &str, path: &str) -> FaultAction {
    let Some(idx) = acct.faults.iter().position(|f| f.matches(method, path)) else {
        return FaultAction::None;
    };
    let f = &mut acct.faults[idx];
    f.remaining = f.remaining.saturating_sub(1);
    let spec = f.spec.clone();
    if f.remaining == 0 {
        acct.faults.remove(idx);
    }
    let kind = spec.get("type").and_then(Value::as_str).unwrap_or("");
    match kind {
        "status" => {
            let status = spec.get("status").and_then(Value::as_u64).unwrap_or(500) as u16;
            let etype = spec
                .get("errorType")
                .and_then(Value::as_str)
                .map(str::to_string)
                .unwrap_or_else(|| match status {
                    429 => "rate-limit-exceeded".into(),
                    s if s >= 500 => "internal-server-error".into(),
                    404 => "record-not-found".into(),
                    401 => "token-not-provided".into(),
                    _ => "invalid-input".into(),
                });
            let msg = spec
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("Injected fault")
                .to_string();
            let mut r = ApiError::new(status, &etype, msg).into_resp();
            if let Some(ra) = spec.get("retryAfter") {
                let s = match ra {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                http::set_header(&mut r, "retry-after", &s);
            }
            FaultAction::Respond(r)
        }
        "latency" => FaultAction::Latency(spec.get("ms").and_then(Value::as_u64).unwrap_or(0)),
        "reset" => FaultAction::Reset,
        "truncate" => FaultAction::Truncate,
        "invalidJson" => FaultAction::Respond(http::raw(
            200,
            "application/json; charset=utf-8",
            &b"{\"data\": {\"id\": "[..],
        )),
        "hang" => FaultAction::Hang,
        _ => FaultAction::None,
    }
}

#[derive(Debug)]
struct ResetConnection;
impl std::fmt::Display for ResetConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("injected connection reset")
    }
}
impl std::error::Error for ResetConnection {}

async fn truncated(resp: Resp) -> SvcResult {
    let (parts, body) = resp.into_parts();
    let full = match body.collect().await {
        Ok(c) => c.to_bytes(),
        Err(_) => Bytes::new(),
    };
    let full = if full.len() < 4 {
        Bytes::from_static(b"{\"data\":{\"truncated\":true}}")
    } else {
        full
    };
    let _ = parts;
    let half = full.slice(0..full.len() / 2);
    let (tx, rx) = tokio::sync::mpsc::channel(2);
    let _ = tx.send(Ok(half)).await;
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let _ = tx
            .send(Err(std::io::Error::other("injected truncation")))
            .await;
    });
    let mut r = Response::new(Body::Stream(rx));
    r.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json; charset=utf-8"),
    );
    r.headers_mut()
        .insert(hyper::header::CONTENT_LENGTH, full.len().into());
    add_cors(&mut r);
    Ok(r)
}

async fn handle_inner(app: Arc<App>, req: Request<Incoming>) -> SvcResult {
    let raw_path = req.uri().path().to_string();
    let raw_query = req.uri().query().unwrap_or("").to_string();
    let query = parse_query(&raw_query);
    let http_method = req.method().as_str().to_string();

    if http_method == "OPTIONS" {
        return Ok(preflight());
    }
    let is_control = raw_path.starts_with("/_emulator/") || raw_path == "/_emulator";
    let mut path = raw_path.clone();
    // Legacy `/v2/acts/...` prefix maps onto `/v2/actors/...`.
    if let Some(rest) = path.strip_prefix("/v2/acts") {
        if rest.is_empty() || rest.starts_with('/') {
            path = format!("/v2/actors{rest}");
        }
    }
    if !(is_control || path.starts_with("/v2/") || path == "/v2") {
        if path == "/" || path.is_empty() {
            return Ok(data(
                200,
                json!({"emulator": "apify-emulator", "api": "/v2"}),
            ));
        }
        return err(ApiError::new(
            404,
            "page-not-found",
            format!("Page not found: {raw_path}"),
        ));
    }

    // Auth.
    let token = token_of(&req, &query);
    let acct_key = match &token {
        Some(t) => {
            if let Some(only) = &app.only_token {
                if only != t {
                    return err(ApiError::new(
                        401,
                        "invalid-token",
                        "Authentication token is not valid.",
                    ));
                }
            }
            account_key(t)
        }
        None => match anonymous_owner(&app, &http_method, &path) {
            Some(k) => k,
            None => {
                return err(ApiError::new(
                    401,
                    "token-not-provided",
                    "Authentication token was not provided",
                ))
            }
        },
    };

    // Effective method (`?method=POST` override on GET).
    let mut method = http_method.clone();
    if http_method == "GET" {
        if let Some((_, m)) = query.iter().find(|(k, _)| k == "method") {
            let m = m.to_ascii_uppercase();
            if ["POST", "PUT", "DELETE", "GET", "HEAD"].contains(&m.as_str()) {
                method = m;
            }
        }
    }

    // Body (size limit first). Oversized bodies of a sane size are drained before the 413 so
    // that the client reliably reads the response instead of a connection reset.
    let declared = req
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let (parts, mut incoming) = req.into_parts();
    let too_large = || {
        err(ApiError::new(
            413,
            "request-too-large",
            format!("Request body is too large (limit is {MAX_BODY} bytes)"),
        ))
    };
    if let Some(len) = declared {
        if len > MAX_BODY as u64 {
            if len <= MAX_DECODED {
                while let Some(Ok(_)) = incoming.frame().await {}
            }
            return too_large();
        }
    }
    let body = match Limited::new(incoming, MAX_BODY).collect().await {
        Ok(c) => c.to_bytes(),
        Err(e) => {
            if e.downcast_ref::<http_body_util::LengthLimitError>()
                .is_some()
            {
                return too_large();
            }
            return err(invalid(format!("Could not read request body: {e}")));
        }
    };
    let headers = parts.headers;

    if is_control {
        return Ok(control(&app, &acct_key, &method, &path, &body));
    }

    // Route lookup (needed for the request log's operationId).
    let lookup = routes::lookup(&app.routes, &method, &path);
    let lookup = match lookup {
        Lookup::NotFound | Lookup::WrongMethod(_) if method == "HEAD" => {
            match routes::lookup(&app.routes, "GET", &path) {
                Lookup::Found(m) => Lookup::Found(m),
                other => other,
            }
        }
        other => other,
    };
    let op_id = match &lookup {
        Lookup::Found(m) if m.route.method == method => Value::String(m.route.op_id.clone()),
        _ => Value::Null,
    };
    let hdr = |k: &str| -> Value {
        headers
            .get(k)
            .and_then(|v| v.to_str().ok())
            .map(|s| Value::String(s.to_string()))
            .unwrap_or(Value::Null)
    };
    let log_entry = json!({
        "method": method,
        "path": path,
        "query": strip_token(&raw_query),
        "contentType": hdr("content-type"),
        "contentEncoding": hdr("content-encoding"),
        "idempotencyKey": hdr("idempotency-key"),
        "operationId": op_id,
    });
    if let Ok(mut guard) = app.request_log.lock() {
        if let Some(file) = guard.as_mut() {
            use std::io::Write;
            // One write per line: several emulators may append to the same file, and O_APPEND
            // keeps a single write whole.
            let _ = file.write_all(format!("{log_entry}\n").as_bytes());
        }
    }
    let action = app.with(&acct_key, |a| {
        *a.counters.entry(format!("{method} {path}")).or_insert(0) += 1;
        a.requests_log.push(log_entry);
        take_fault(a, &method, &path)
    });
    if app.verbose {
        eprintln!("{method} {path}");
    }
    let mut truncate = false;
    match action {
        FaultAction::None => {}
        FaultAction::Respond(r) => return Ok(r),
        FaultAction::Latency(ms) => tokio::time::sleep(Duration::from_millis(ms)).await,
        FaultAction::Reset => return Err(Box::new(ResetConnection)),
        FaultAction::Hang => {
            tokio::time::sleep(Duration::from_secs(600)).await;
            return Err(Box::new(ResetConnection));
        }
        FaultAction::Truncate => truncate = true,
    }

    let resp = route_and_run(&app, lookup, method, &path, query, headers, body, acct_key).await;
    if truncate {
        return truncated(resp).await;
    }
    Ok(resp)
}

#[allow(clippy::too_many_arguments)]
async fn route_and_run(
    app: &Arc<App>,
    lookup: Lookup<'_>,
    method: String,
    path: &str,
    query: Vec<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
    acct: String,
) -> Resp {
    let m = match lookup {
        Lookup::Found(m) => m,
        Lookup::WrongMethod(ms) => {
            let mut r = ApiError::new(
                405,
                "method-not-allowed",
                format!("Method {method} is not allowed for {path}"),
            )
            .into_resp();
            http::set_header(&mut r, "allow", &ms.join(", "));
            return r;
        }
        Lookup::NotFound => {
            return ApiError::new(404, "page-not-found", format!("Page not found: {path}"))
                .into_resp()
        }
    };
    if !m.route.served {
        return ApiError::new(
            501,
            "operation-not-allowed",
            format!("{} is not emulated", m.route.op_id),
        )
        .into_resp();
    }
    let enc = headers
        .get("content-encoding")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body = match decode_body(enc.as_deref(), body) {
        Ok(b) => b,
        Err(e) => return e.into_resp(),
    };
    let route = m.route;
    let mut ctx = Ctx {
        method: method.clone(),
        query,
        headers,
        body,
        acct,
        params: m.params,
    };
    let res = crate::api::dispatch(app, route, &mut ctx).await;
    match res {
        Ok(mut r) => {
            if method == "HEAD" {
                *r.body_mut() = Body::empty();
            }
            r
        }
        Err(e) => e.into_resp(),
    }
}

/// Anonymous reads of storages, builds and logs by id find the owning account, as on the
/// platform (where storages are readable by anyone who knows their id).
fn anonymous_owner(app: &App, method: &str, path: &str) -> Option<String> {
    if method != "GET" && method != "HEAD" {
        return None;
    }
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    if parts.len() < 3 {
        return None;
    }
    let id = crate::util::percent_decode(parts[2]);
    let g = app.lock();
    for (k, a) in g.accounts.iter() {
        let hit = match parts[1] {
            "datasets" => a.datasets.contains_key(&id),
            "key-value-stores" => a.kvs.contains_key(&id),
            "request-queues" => a.rqs.contains_key(&id),
            "actor-builds" => a.builds.contains_key(&id),
            "actor-runs" => a.runs.contains_key(&id),
            "logs" => a.logs.contains_key(&id),
            _ => false,
        };
        if hit {
            return Some(k.clone());
        }
    }
    None
}

fn control(app: &App, acct: &str, method: &str, path: &str, body: &Bytes) -> Resp {
    match (method, path) {
        ("POST", "/_emulator/faults") => {
            let v: Value = match serde_json::from_slice(body) {
                Ok(v) => v,
                Err(e) => return invalid(format!("Invalid JSON: {e}")).into_resp(),
            };
            let Some(path) = v.get("path").and_then(Value::as_str) else {
                return invalid("'path' is required").into_resp();
            };
            let Some(fault) = v.get("fault").filter(|f| f.is_object()) else {
                return invalid("'fault' must be an object").into_resp();
            };
            let kind = fault.get("type").and_then(Value::as_str).unwrap_or("");
            if ![
                "status",
                "latency",
                "reset",
                "truncate",
                "invalidJson",
                "hang",
            ]
            .contains(&kind)
            {
                return invalid(format!("Unknown fault type '{kind}'")).into_resp();
            }
            let method = v
                .get("method")
                .and_then(Value::as_str)
                .filter(|m| *m != "*" && !m.is_empty())
                .map(|m| m.to_ascii_uppercase());
            let times = match v.get("times") {
                None | Some(Value::Null) => 1,
                Some(t) => match t.as_u64() {
                    Some(n) if n > 0 => n,
                    _ => return invalid("'times' must be a positive integer").into_resp(),
                },
            };
            let f = Fault {
                id: new_id(),
                method: method.clone(),
                path: path.to_string(),
                remaining: times,
                spec: fault.clone(),
            };
            let out = json!({
                "id": f.id, "method": method.unwrap_or_else(|| "*".into()), "path": f.path,
                "times": times, "fault": f.spec,
            });
            app.with(acct, |a| a.faults.push(f));
            data(201, out)
        }
        ("GET", "/_emulator/faults") => {
            let list = app.with(acct, |a| {
                a.faults
                    .iter()
                    .map(|f| json!({"id": f.id, "method": f.method.clone().unwrap_or_else(|| "*".into()), "path": f.path, "remaining": f.remaining, "fault": f.spec}))
                    .collect::<Vec<_>>()
            });
            data(200, Value::Array(list))
        }
        ("DELETE", "/_emulator/faults") => {
            app.with(acct, |a| a.faults.clear());
            http::no_content()
        }
        ("GET", "/_emulator/counters") => {
            let c = app.with(acct, |a| {
                serde_json::to_value(&a.counters).unwrap_or(Value::Null)
            });
            data(200, c)
        }
        ("DELETE", "/_emulator/counters") => {
            app.with(acct, |a| a.counters.clear());
            http::no_content()
        }
        ("GET", "/_emulator/requests") => {
            let l = app.with(acct, |a| Value::Array(a.requests_log.clone()));
            data(200, l)
        }
        ("DELETE", "/_emulator/requests") => {
            app.with(acct, |a| a.requests_log.clear());
            http::no_content()
        }
        (_, "/_emulator/faults" | "/_emulator/counters" | "/_emulator/requests") => ApiError::new(
            405,
            "method-not-allowed",
            format!("Method {method} is not allowed for {path}"),
        )
        .into_resp(),
        _ => ApiError::new(404, "page-not-found", format!("Page not found: {path}")).into_resp(),
    }
}
