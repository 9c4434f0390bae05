//! Datasets, key-value stores and request queues.

use crate::http::{self, data, invalid, not_found, ApiError, ApiResult};
use crate::server::Ctx;
use crate::state::{touch, Account, Dataset, Kvs, Meta, Record, Rq, RqRequest};
use crate::util::{iso, now_ms, percent_encode};
use serde_json::{json, Map, Value};

#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    Dataset,
    Kvs,
    Rq,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Dataset => "Dataset",
            Kind::Kvs => "Key-value store",
            Kind::Rq => "Request queue",
        }
    }
}

pub fn valid_name(n: &str) -> bool {
    !n.is_empty()
        && n.len() <= 63
        && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !n.starts_with('-')
        && !n.ends_with('-')
}

fn metas(a: &Account, kind: Kind) -> Vec<&Meta> {
    match kind {
        Kind::Dataset => a.datasets.values().map(|d| &d.meta).collect(),
        Kind::Kvs => a.kvs.values().map(|d| &d.meta).collect(),
        Kind::Rq => a.rqs.values().map(|d| &d.meta).collect(),
    }
}

/// Resolves an id, `username~name` or plain name to a storage id.
pub fn resolve(a: &Account, kind: Kind, key: &str) -> Result<String, ApiError> {
    let exists = |id: &str| match kind {
        Kind::Dataset => a.datasets.contains_key(id),
        Kind::Kvs => a.kvs.contains_key(id),
        Kind::Rq => a.rqs.contains_key(id),
    };
    if exists(key) {
        return Ok(key.to_string());
    }
    let name = match key.split_once('~') {
        Some((user, name)) if user == a.username || user == a.user_id => name,
        Some(_) => return Err(not_found(&format!("{} '{key}'", kind.label()))),
        None => key,
    };
    metas(a, kind)
        .into_iter()
        .find(|m| m.name.as_deref() == Some(name))
        .map(|m| m.id.clone())
        .ok_or_else(|| not_found(&format!("{} '{key}'", kind.label())))
}

fn page_params(
    ctx: &Ctx,
    default_limit: i64,
    max_limit: i64,
) -> Result<(usize, usize, bool), ApiError> {
    let offset = ctx.qint("offset")?.unwrap_or(0);
    let limit = ctx.qint("limit")?.unwrap_or(default_limit);
    if offset < 0 {
        return Err(invalid("Parameter 'offset' must be >= 0"));
    }
    if limit < 0 {
        return Err(invalid("Parameter 'limit' must be >= 0"));
    }
    let limit = if limit == 0 {
        default_limit
    } else {
        limit.min(max_limit)
    };
    Ok((offset as usize, limit as usize, ctx.qbool("desc")))
}

/// A `{total, offset, limit, count, desc, items}` page of `items` (already in ascending order).
pub fn list_page(ctx: &Ctx, mut items: Vec<Value>, extra: Option<(&str, Value)>) -> ApiResult {
    let (offset, limit, desc) = page_params(ctx, 1000, 1000)?;
    if desc {
        items.reverse();
    }
    let total = items.len();
    let page: Vec<Value> = items.into_iter().skip(offset).take(limit).collect();
    let mut m = Map::new();
    m.insert("total".into(), json!(total));
    m.insert("offset".into(), json!(offset));
    m.insert("limit".into(), json!(limit));
    m.insert("count".into(), json!(page.len()));
    m.insert("desc".into(), json!(desc));
    if let Some((k, v)) = extra {
        m.insert(k.into(), v);
    }
    m.insert("items".into(), Value::Array(page));
    Ok(data(200, Value::Object(m)))
}

pub fn dataset_json(a: &Account, d: &Dataset) -> Value {
    let mut m = d.meta.base_json(&a.user_id, &a.username);
    let n = d.items.len();
    m.insert("itemCount".into(), json!(n));
    m.insert("cleanItemCount".into(), json!(n));
    m.insert(
        "stats".into(),
        json!({"readCount": 0, "writeCount": n, "storageBytes": d.items.iter().map(|i| i.len()).sum::<usize>()}),
    );
    m.insert("fields".into(), json!([]));
    m.insert(
        "consoleUrl".into(),
        json!(format!(
            "https://console.apify.com/storage/datasets/{}",
            d.meta.id
        )),
    );
    Value::Object(m)
}

pub fn kvs_json(a: &Account, k: &Kvs) -> Value {
    let mut m = k.meta.base_json(&a.user_id, &a.username);
    m.insert(
        "stats".into(),
        json!({"readCount": 0, "writeCount": k.records.len(), "deleteCount": 0, "listCount": 0,
               "storageBytes": k.records.values().map(|r| r.value.len()).sum::<usize>()}),
    );
    m.insert(
        "consoleUrl".into(),
        json!(format!(
            "https://console.apify.com/storage/key-value-stores/{}",
            k.meta.id
        )),
    );
    Value::Object(m)
}

pub fn rq_json(a: &Account, q: &Rq) -> Value {
    let mut m = q.meta.base_json(&a.user_id, &a.username);
    let total = q.requests.len();
    let handled = q.requests.values().filter(|r| r.handled).count();
    m.insert("totalRequestCount".into(), json!(total));
    m.insert("handledRequestCount".into(), json!(handled));
    m.insert("pendingRequestCount".into(), json!(total - handled));
    m.insert("hadMultipleClients".into(), json!(q.client_keys.len() > 1));
    m.insert(
        "stats".into(),
        json!({"readCount": 0, "writeCount": total, "deleteCount": 0, "headItemReadCount": 0, "storageBytes": 0}),
    );
    m.insert(
        "consoleUrl".into(),
        json!(format!(
            "https://console.apify.com/storage/request-queues/{}",
            q.meta.id
        )),
    );
    Value::Object(m)
}

fn storage_json(a: &Account, kind: Kind, id: &str) -> Value {
    match kind {
        Kind::Dataset => a.datasets.get(id).map(|d| dataset_json(a, d)),
        Kind::Kvs => a.kvs.get(id).map(|d| kvs_json(a, d)),
        Kind::Rq => a.rqs.get(id).map(|d| rq_json(a, d)),
    }
    .unwrap_or(Value::Null)
}

fn meta_mut<'a>(a: &'a mut Account, kind: Kind, id: &str) -> Option<&'a mut Meta> {
    match kind {
        Kind::Dataset => a.datasets.get_mut(id).map(|d| &mut d.meta),
        Kind::Kvs => a.kvs.get_mut(id).map(|d| &mut d.meta),
        Kind::Rq => a.rqs.get_mut(id).map(|d| &mut d.meta),
    }
}

/// Creates an unnamed storage (used for run default storages).
pub fn create(a: &mut Account, kind: Kind, name: Option<String>) -> String {
    let meta = Meta::new(name);
    let id = meta.id.clone();
    match kind {
        Kind::Dataset => {
            a.datasets.insert(
                id.clone(),
                Dataset {
                    meta,
                    items: Vec::new(),
                },
            );
        }
        Kind::Kvs => {
            a.kvs.insert(
                id.clone(),
                Kvs {
                    meta,
                    records: Default::default(),
                },
            );
        }
        Kind::Rq => {
            a.rqs.insert(
                id.clone(),
                Rq {
                    meta,
                    ..Default::default()
                },
            );
        }
    }
    id
}

pub fn collection_list(a: &Account, kind: Kind, ctx: &Ctx) -> ApiResult {
    let unnamed = ctx.qbool("unnamed");
    let mut ms: Vec<&Meta> = metas(a, kind)
        .into_iter()
        .filter(|m| unnamed || m.name.is_some())
        .collect();
    ms.sort_by(|x, y| x.created_ms.cmp(&y.created_ms).then(x.id.cmp(&y.id)));
    let items = ms.iter().map(|m| storage_json(a, kind, &m.id)).collect();
    list_page(ctx, items, Some(("unnamed", json!(unnamed))))
}

pub fn get_or_create(a: &mut Account, kind: Kind, ctx: &Ctx) -> ApiResult {
    let name = ctx.q("name").filter(|n| !n.is_empty()).map(str::to_string);
    let body = ctx.json_opt()?;
    if let Some(n) = &name {
        if !valid_name(n) {
            return Err(invalid(format!(
                "Storage name '{n}' is invalid: use only letters, digits and dashes (max 63 characters)"
            )));
        }
        if let Some(m) = metas(a, kind)
            .into_iter()
            .find(|m| m.name.as_deref() == Some(n))
        {
            let id = m.id.clone();
            return Ok(data(200, storage_json(a, kind, &id)));
        }
    }
    let id = create(a, kind, name);
    if let Some(schema) = body.as_ref().and_then(|b| b.get("schema")).cloned() {
        if let Some(m) = meta_mut(a, kind, &id) {
            m.schema = Some(schema);
        }
    }
    Ok(data(201, storage_json(a, kind, &id)))
}

pub fn get(a: &mut Account, kind: Kind, id: &str) -> ApiResult {
    if let Some(m) = meta_mut(a, kind, id) {
        touch(m, false);
    }
    Ok(data(200, storage_json(a, kind, id)))
}

pub fn update(a: &mut Account, kind: Kind, id: &str, ctx: &Ctx) -> ApiResult {
    let body = ctx.json_obj()?;
    if let Some(n) = body.get("name") {
        match n {
            Value::Null => {}
            Value::String(s) => {
                if !valid_name(s) {
                    return Err(invalid(format!("Storage name '{s}' is invalid")));
                }
                if metas(a, kind)
                    .iter()
                    .any(|m| m.id != id && m.name.as_deref() == Some(s.as_str()))
                {
                    return Err(ApiError::new(
                        400,
                        "name-not-unique",
                        format!("A {} with name '{s}' already exists", kind.label()),
                    ));
                }
            }
            _ => return Err(invalid("'name' must be a string or null")),
        }
    }
    let Some(m) = meta_mut(a, kind, id) else {
        return Err(not_found(kind.label()));
    };
    if let Some(n) = body.get("name") {
        m.name = n.as_str().map(str::to_string);
    }
    if let Some(t) = body.get("title") {
        m.title = t.as_str().map(str::to_string);
    }
    if let Some(g) = body.get("generalAccess") {
        m.general_access = g.as_str().map(str::to_string);
    }
    touch(m, true);
    Ok(data(200, storage_json(a, kind, id)))
}

pub fn delete(a: &mut Account, kind: Kind, id: &str) -> ApiResult {
    let removed = match kind {
        Kind::Dataset => a.datasets.remove(id).is_some(),
        Kind::Kvs => a.kvs.remove(id).is_some(),
        Kind::Rq => a.rqs.remove(id).is_some(),
    };
    if removed {
        Ok(http::no_content())
    } else {
        Err(not_found(kind.label()))
    }
}

// ---------------------------------------------------------------- dataset items

pub fn push_items(d: &mut Dataset, body: &[u8]) -> Result<usize, ApiError> {
    let v: Value = serde_json::from_slice(body)
        .map_err(|e| invalid(format!("Request body is not valid JSON: {e}")))?;
    let items = match v {
        Value::Array(a) => a,
        o @ Value::Object(_) => vec![o],
        _ => {
            return Err(invalid(
                "Request body must be a JSON object or an array of objects",
            ))
        }
    };
    if items.iter().any(|i| !i.is_object()) {
        return Err(invalid("Each dataset item must be a JSON object"));
    }
    let n = items.len();
    d.items.reserve(n);
    for i in items {
        d.items.push(
            serde_json::to_string(&i)
                .unwrap_or_default()
                .into_boxed_str(),
        );
    }
    touch(&mut d.meta, true);
    Ok(n)
}

pub fn post_items(a: &mut Account, id: &str, ctx: &Ctx) -> ApiResult {
    let d = a.datasets.get_mut(id).ok_or_else(|| not_found("Dataset"))?;
    push_items(d, &ctx.body)?;
    Ok(http::empty(201))
}

fn flatten_into(prefix: &str, v: &Value, out: &mut Map<String, Value>) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            for (k, vv) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten_into(&key, vv, out);
            }
        }
        other => {
            out.insert(prefix.to_string(), other.clone());
        }
    }
}

struct ItemOpts {
    fields: Vec<String>,
    omit: Vec<String>,
    unwind: Vec<String>,
    flatten: Vec<String>,
    skip_hidden: bool,
    skip_empty: bool,
}

impl ItemOpts {
    fn from(ctx: &Ctx) -> Self {
        let clean = ctx.qbool("clean") || ctx.qbool("simplified");
        let mut fields = ctx.qlist("fields");
        if fields.is_empty() {
            fields = ctx.qlist("outputFields");
        }
        ItemOpts {
            fields,
            omit: ctx.qlist("omit"),
            unwind: ctx.qlist("unwind"),
            flatten: ctx.qlist("flatten"),
            skip_hidden: clean || ctx.qbool("skipHidden"),
            skip_empty: clean || ctx.qbool("skipEmpty"),
        }
    }
    fn trivial(&self) -> bool {
        self.fields.is_empty()
            && self.omit.is_empty()
            && self.unwind.is_empty()
            && self.flatten.is_empty()
            && !self.skip_hidden
            && !self.skip_empty
    }
    fn apply(&self, item: Value, out: &mut Vec<Value>) {
        let mut cur = vec![item];
        for field in &self.unwind {
            let mut next = Vec::new();
            for it in cur {
                let Value::Object(mut m) = it else {
                    next.push(it);
                    continue;
                };
                match m.remove(field) {
                    Some(Value::Array(arr)) => {
                        for el in arr {
                            let mut c = m.clone();
                            match el {
                                Value::Object(em) => c.extend(em),
                                other => {
                                    c.insert(field.clone(), other);
                                }
                            }
                            next.push(Value::Object(c));
                        }
                    }
                    Some(Value::Object(em)) => {
                        m.extend(em);
                        next.push(Value::Object(m));
                    }
                    Some(other) => {
                        m.insert(field.clone(), other);
                        next.push(Value::Object(m));
                    }
                    None => next.push(Value::Object(m)),
                }
            }
            cur = next;
        }
        for it in cur {
            let Value::Object(mut m) = it else { continue };
            for f in &self.flatten {
                if let Some(v @ Value::Object(_)) = m.remove(f) {
                    let mut flat = Map::new();
                    flatten_into(f, &v, &mut flat);
                    m.extend(flat);
                }
            }
            if !self.fields.is_empty() {
                let mut n = Map::new();
                for f in &self.fields {
                    if let Some(v) = m.remove(f) {
                        n.insert(f.clone(), v);
                    }
                }
                m = n;
            }
            for f in &self.omit {
                m.remove(f);
            }
            if self.skip_hidden {
                m.retain(|k, _| !k.starts_with('#'));
            }
            if self.skip_empty && m.is_empty() {
                continue;
            }
            out.push(Value::Object(m));
        }
    }
}

fn csv_cell(v: &Value, delim: &str) -> String {
    let s = match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if s.contains(delim) || s.contains('"') || s.contains('\n') || s.contains('\r') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn xml_value(v: &Value) -> String {
    match v {
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| format!("<{k}>{}</{k}>", xml_value(v)))
            .collect(),
        Value::Array(a) => a
            .iter()
            .map(|v| format!("<item>{}</item>", xml_value(v)))
            .collect(),
        Value::Null => String::new(),
        Value::String(s) => xml_escape(s),
        other => other.to_string(),
    }
}

/// `GET /v2/datasets/{id}/items`. Also used by run-sync-get-dataset-items.
struct ItemsQuery {
    format: String,
    offset: usize,
    limit: Option<i64>,
    desc: bool,
    opts: ItemOpts,
}

fn items_query(ctx: &Ctx) -> Result<ItemsQuery, ApiError> {
    let format = ctx.q("format").unwrap_or("json").to_ascii_lowercase();
    if !["json", "jsonl", "csv", "xml", "html", "rss", "xlsx"].contains(&format.as_str()) {
        return Err(invalid(format!("Unsupported format '{format}'")));
    }
    if format == "xlsx" {
        return Err(ApiError::new(
            400,
            "invalid-parameter",
            "format=xlsx is not supported by the emulator",
        ));
    }
    let offset = ctx.qint("offset")?.unwrap_or(0);
    let limit = ctx.qint("limit")?;
    if offset < 0 || limit.is_some_and(|l| l < 0) {
        return Err(invalid("Parameters 'offset' and 'limit' must be >= 0"));
    }
    Ok(ItemsQuery {
        format,
        offset: offset as usize,
        limit,
        desc: ctx.qbool("desc"),
        opts: ItemOpts::from(ctx),
    })
}

fn page_of<'a>(d: &'a Dataset, q: &ItemsQuery) -> Vec<&'a str> {
    let limit_n = q.limit.map(|l| l as usize).unwrap_or(usize::MAX);
    if q.desc {
        d.items
            .iter()
            .rev()
            .skip(q.offset)
            .take(limit_n)
            .map(|s| &**s)
            .collect()
    } else {
        d.items
            .iter()
            .skip(q.offset)
            .take(limit_n)
            .map(|s| &**s)
            .collect()
    }
}

/// `GET /v2/datasets/{id}/items` with the state lock held only for the copy of the page: filtered
/// pages are parsed and transformed outside of it.
pub fn get_items_app(
    app: &crate::server::App,
    acct: &str,
    id: &str,
    ctx: &Ctx,
    status: u16,
) -> ApiResult {
    let q = items_query(ctx)?;
    if q.opts.trivial() && (q.format == "json" || q.format == "jsonl") {
        return app.with(acct, |a| get_items(a, id, ctx, status));
    }
    let (total, owned): (usize, Vec<String>) = app.with(acct, |a| {
        let d = a.datasets.get_mut(id).ok_or_else(|| not_found("Dataset"))?;
        touch(&mut d.meta, false);
        let page = page_of(d, &q).into_iter().map(str::to_string).collect();
        Ok::<_, ApiError>((d.items.len(), page))
    })?;
    let slice: Vec<&str> = owned.iter().map(String::as_str).collect();
    render_items(id, ctx, status, &q, total, &slice)
}

/// `GET /v2/datasets/{id}/items`. Also used by run-sync-get-dataset-items.
pub fn get_items(a: &mut Account, id: &str, ctx: &Ctx, status: u16) -> ApiResult {
    let q = items_query(ctx)?;
    let d = a.datasets.get_mut(id).ok_or_else(|| not_found("Dataset"))?;
    touch(&mut d.meta, false);
    let total = d.items.len();
    let slice = page_of(d, &q);
    render_items(id, ctx, status, &q, total, &slice)
}

fn render_items(
    id: &str,
    ctx: &Ctx,
    status: u16,
    q: &ItemsQuery,
    total: usize,
    slice: &[&str],
) -> ApiResult {
    let (format, offset, limit, desc, opts) = (&q.format, q.offset, q.limit, q.desc, &q.opts);
    let count;
    let (ctype, body): (&str, Vec<u8>) =
        if opts.trivial() && (format == "json" || format == "jsonl") {
            count = slice.len();
            let len: usize = slice.iter().map(|s| s.len() + 1).sum::<usize>() + 2;
            let mut out = Vec::with_capacity(len);
            if format == "json" {
                out.push(b'[');
                for (i, s) in slice.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    out.extend_from_slice(s.as_bytes());
                }
                out.push(b']');
                ("application/json; charset=utf-8", out)
            } else {
                for s in slice {
                    out.extend_from_slice(s.as_bytes());
                    out.push(b'\n');
                }
                ("application/jsonl; charset=utf-8", out)
            }
        } else {
            let mut items = Vec::with_capacity(slice.len());
            for s in slice {
                if let Ok(v) = serde_json::from_str::<Value>(s) {
                    opts.apply(v, &mut items);
                }
            }
            count = items.len();
            match format.as_str() {
                "json" => (
                    "application/json; charset=utf-8",
                    serde_json::to_vec(&items).unwrap_or_default(),
                ),
                "jsonl" => {
                    let mut out = Vec::new();
                    for i in &items {
                        out.extend(serde_json::to_vec(i).unwrap_or_default());
                        out.push(b'\n');
                    }
                    ("application/jsonl; charset=utf-8", out)
                }
                "csv" => {
                    let delim = ctx
                        .q("delimiter")
                        .filter(|d| !d.is_empty())
                        .unwrap_or(",")
                        .to_string();
                    let flat: Vec<Map<String, Value>> = items
                        .iter()
                        .map(|i| {
                            let mut m = Map::new();
                            flatten_into("", i, &mut m);
                            m
                        })
                        .collect();
                    let mut cols: Vec<String> = Vec::new();
                    if !opts.fields.is_empty() {
                        cols = opts.fields.clone();
                    }
                    for m in &flat {
                        for k in m.keys() {
                            if !cols.iter().any(|c| c == k) && opts.fields.is_empty() {
                                cols.push(k.clone());
                            }
                        }
                    }
                    let mut out = String::new();
                    if ctx.qbool("bom") {
                        out.push('\u{feff}');
                    }
                    if !ctx.qbool("skipHeaderRow") {
                        out.push_str(
                            &cols
                                .iter()
                                .map(|c| csv_cell(&json!(c), &delim))
                                .collect::<Vec<_>>()
                                .join(&delim),
                        );
                        out.push_str("\r\n");
                    }
                    for m in &flat {
                        out.push_str(
                            &cols
                                .iter()
                                .map(|c| csv_cell(m.get(c).unwrap_or(&Value::Null), &delim))
                                .collect::<Vec<_>>()
                                .join(&delim),
                        );
                        out.push_str("\r\n");
                    }
                    ("text/csv; charset=utf-8", out.into_bytes())
                }
                "xml" | "rss" => {
                    let root = ctx.q("xmlRoot").unwrap_or("items");
                    let row = ctx.q("xmlRow").unwrap_or("item");
                    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
                    if format == "rss" {
                        out.push_str("<rss version=\"2.0\"><channel>");
                        out.push_str(&format!(
                            "<title>{}</title><description>{}</description>",
                            xml_escape(ctx.q("feedTitle").unwrap_or("Dataset")),
                            xml_escape(ctx.q("feedDescription").unwrap_or(""))
                        ));
                        for i in &items {
                            out.push_str(&format!("<item>{}</item>", xml_value(i)));
                        }
                        out.push_str("</channel></rss>");
                        ("application/rss+xml; charset=utf-8", out.into_bytes())
                    } else {
                        out.push_str(&format!("<{root}>"));
                        for i in &items {
                            out.push_str(&format!("<{row}>{}</{row}>", xml_value(i)));
                        }
                        out.push_str(&format!("</{root}>"));
                        ("application/xml; charset=utf-8", out.into_bytes())
                    }
                }
                _ => {
                    let mut out = String::from("<!DOCTYPE html><html><body><table>");
                    for i in &items {
                        out.push_str("<tr>");
                        if let Value::Object(m) = i {
                            for v in m.values() {
                                out.push_str(&format!(
                                    "<td>{}</td>",
                                    xml_escape(&csv_cell(v, "\u{0}"))
                                ));
                            }
                        }
                        out.push_str("</tr>");
                    }
                    out.push_str("</table></body></html>");
                    ("text/html; charset=utf-8", out.into_bytes())
                }
            }
        };
    let mut r = http::raw(status, ctype, body);
    http::set_header(&mut r, "x-apify-pagination-total", &total.to_string());
    http::set_header(&mut r, "x-apify-pagination-offset", &offset.to_string());
    http::set_header(
        &mut r,
        "x-apify-pagination-limit",
        &limit
            .map(|l| l.to_string())
            .unwrap_or_else(|| "999999999999".into()),
    );
    http::set_header(&mut r, "x-apify-pagination-count", &count.to_string());
    http::set_header(
        &mut r,
        "x-apify-pagination-desc",
        if desc { "true" } else { "false" },
    );
    if ctx.qbool("attachment") {
        http::set_header(
            &mut r,
            "content-disposition",
            &format!("attachment; filename=\"dataset_{id}.{format}\""),
        );
    }
    Ok(r)
}

pub fn statistics(a: &Account, id: &str) -> ApiResult {
    let d = a.datasets.get(id).ok_or_else(|| not_found("Dataset"))?;
    let mut stats: Map<String, Value> = Map::new();
    for s in &d.items {
        let Ok(Value::Object(m)) = serde_json::from_str::<Value>(s) else {
            continue;
        };
        for (k, v) in m {
            let e = stats.entry(k).or_insert_with(
                || json!({"min": null, "max": null, "nullCount": 0, "emptyCount": 0}),
            );
            match &v {
                Value::Null => e["nullCount"] = json!(e["nullCount"].as_u64().unwrap_or(0) + 1),
                Value::String(s) if s.is_empty() => {
                    e["emptyCount"] = json!(e["emptyCount"].as_u64().unwrap_or(0) + 1)
                }
                Value::Number(n) => {
                    let x = n.as_f64().unwrap_or(0.0);
                    if e["min"].as_f64().is_none_or(|m| x < m) {
                        e["min"] = v.clone();
                    }
                    if e["max"].as_f64().is_none_or(|m| x > m) {
                        e["max"] = v.clone();
                    }
                }
                _ => {}
            }
        }
    }
    Ok(data(200, json!({"fieldStatistics": stats})))
}

// ---------------------------------------------------------------- key-value records

pub fn list_keys(a: &mut Account, id: &str, ctx: &Ctx) -> ApiResult {
    let base = format!("/v2/key-value-stores/{id}/records/");
    let k = a
        .kvs
        .get_mut(id)
        .ok_or_else(|| not_found("Key-value store"))?;
    touch(&mut k.meta, false);
    let limit = ctx.qint("limit")?.unwrap_or(1000);
    if limit < 0 {
        return Err(invalid("Parameter 'limit' must be >= 0"));
    }
    let limit = if limit == 0 { 1000 } else { limit.min(1000) } as usize;
    let start = ctx.q("exclusiveStartKey").filter(|s| !s.is_empty());
    let prefix = ctx.q("prefix").unwrap_or("");
    let mut items = Vec::new();
    let mut truncated = false;
    let iter = k
        .records
        .iter()
        .filter(|(key, _)| start.is_none_or(|s| key.as_str() > s) && key.starts_with(prefix));
    for (key, rec) in iter {
        if items.len() == limit {
            truncated = true;
            break;
        }
        items.push(json!({"key": key, "size": rec.value.len(), "recordPublicUrl": format!("{base}{}", percent_encode(key))}));
    }
    let next = if truncated {
        items
            .last()
            .and_then(|i| i.get("key").cloned())
            .unwrap_or(Value::Null)
    } else {
        Value::Null
    };
    Ok(data(
        200,
        json!({"items": items, "count": items.len(), "limit": limit, "exclusiveStartKey": start,
               "isTruncated": truncated, "nextExclusiveStartKey": next}),
    ))
}

pub fn valid_key(k: &str) -> bool {
    !k.is_empty()
        && k.len() <= 256
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!-_.'()*~ @$,;=&+:".contains(&b))
}

pub fn get_record(a: &mut Account, id: &str, key: &str, ctx: &Ctx) -> ApiResult {
    let k = a
        .kvs
        .get_mut(id)
        .ok_or_else(|| not_found("Key-value store"))?;
    touch(&mut k.meta, false);
    let rec = k
        .records
        .get(key)
        .ok_or_else(|| not_found(&format!("Record '{key}'")))?;
    let mut r = http::raw(200, &rec.content_type, rec.value.clone());
    if ctx.method == "HEAD" {
        http::set_header(&mut r, "content-length", &rec.value.len().to_string());
    }
    if ctx.qbool("attachment") {
        http::set_header(
            &mut r,
            "content-disposition",
            &format!("attachment; filename=\"{}\"", percent_encode(key)),
        );
    }
    Ok(r)
}

pub fn put_record(a: &mut Account, id: &str, key: &str, ctx: &Ctx) -> ApiResult {
    if !valid_key(key) {
        return Err(ApiError::new(
            400,
            "invalid-record-key",
            format!("Record key '{key}' is invalid"),
        ));
    }
    let ct = ctx
        .content_type()
        .filter(|c| !c.is_empty())
        .unwrap_or("application/octet-stream")
        .to_string();
    if ct.starts_with("application/json") && serde_json::from_slice::<Value>(&ctx.body).is_err() {
        return Err(invalid(
            "The record value is not valid JSON although Content-Type is application/json",
        ));
    }
    let k = a
        .kvs
        .get_mut(id)
        .ok_or_else(|| not_found("Key-value store"))?;
    k.records.insert(
        key.to_string(),
        Record {
            content_type: ct,
            value: ctx.body.to_vec(),
        },
    );
    touch(&mut k.meta, true);
    Ok(http::json(201, &json!({})))
}

pub fn set_record(a: &mut Account, id: &str, key: &str, content_type: &str, value: Vec<u8>) {
    if let Some(k) = a.kvs.get_mut(id) {
        k.records.insert(
            key.to_string(),
            Record {
                content_type: content_type.to_string(),
                value,
            },
        );
        touch(&mut k.meta, true);
    }
}

pub fn delete_record(a: &mut Account, id: &str, key: &str) -> ApiResult {
    let k = a
        .kvs
        .get_mut(id)
        .ok_or_else(|| not_found("Key-value store"))?;
    k.records
        .remove(key)
        .ok_or_else(|| not_found(&format!("Record '{key}'")))?;
    touch(&mut k.meta, true);
    Ok(http::no_content())
}

/// All records as a zip archive (stored, no compression).
pub fn records_zip(a: &Account, id: &str, ctx: &Ctx) -> ApiResult {
    let k = a.kvs.get(id).ok_or_else(|| not_found("Key-value store"))?;
    let prefix = ctx.q("prefix").unwrap_or("");
    let mut out: Vec<u8> = Vec::new();
    let mut central: Vec<u8> = Vec::new();
    let mut n: u16 = 0;
    for (key, rec) in k.records.iter().filter(|(k, _)| k.starts_with(prefix)) {
        let mut crc = flate2::Crc::new();
        crc.update(&rec.value);
        let crc = crc.sum();
        let off = out.len() as u32;
        let name = key.as_bytes();
        let size = rec.value.len() as u32;
        let mut hdr = Vec::new();
        hdr.extend(0x0403_4b50u32.to_le_bytes());
        hdr.extend(20u16.to_le_bytes());
        hdr.extend(0u16.to_le_bytes());
        hdr.extend(0u16.to_le_bytes());
        hdr.extend(0u32.to_le_bytes());
        hdr.extend(crc.to_le_bytes());
        hdr.extend(size.to_le_bytes());
        hdr.extend(size.to_le_bytes());
        hdr.extend((name.len() as u16).to_le_bytes());
        hdr.extend(0u16.to_le_bytes());
        out.extend(&hdr);
        out.extend(name);
        out.extend(&rec.value);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes());
        central.extend(20u16.to_le_bytes());
        central.extend(0u16.to_le_bytes());
        central.extend(0u16.to_le_bytes());
        central.extend(0u32.to_le_bytes());
        central.extend(crc.to_le_bytes());
        central.extend(size.to_le_bytes());
        central.extend(size.to_le_bytes());
        central.extend((name.len() as u16).to_le_bytes());
        central.extend([0u8; 12]);
        central.extend(off.to_le_bytes());
        central.extend(name);
        n = n.saturating_add(1);
    }
    let cd_off = out.len() as u32;
    let cd_len = central.len() as u32;
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend(n.to_le_bytes());
    out.extend(n.to_le_bytes());
    out.extend(cd_len.to_le_bytes());
    out.extend(cd_off.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    Ok(http::raw(200, "application/zip", out))
}

// ---------------------------------------------------------------- request queues

fn rq_item(r: &RqRequest) -> Value {
    Value::Object(r.data.clone())
}

fn head_item(r: &RqRequest, with_lock: bool) -> Value {
    let mut m = Map::new();
    for k in ["id", "retryCount", "uniqueKey", "url", "method"] {
        m.insert(
            k.into(),
            r.data.get(k).cloned().unwrap_or(if k == "retryCount" {
                json!(0)
            } else {
                Value::Null
            }),
        );
    }
    if with_lock {
        m.insert("lockExpiresAt".into(), json!(r.lock_expires_ms.map(iso)));
    }
    Value::Object(m)
}

fn note_client(q: &mut Rq, ctx: &Ctx) {
    if let Some(c) = ctx.q("clientKey").filter(|c| !c.is_empty()) {
        if !q.client_keys.iter().any(|k| k == c) && q.client_keys.len() < 16 {
            q.client_keys.push(c.to_string());
        }
    }
}

fn locked(r: &RqRequest, now: i64) -> bool {
    r.lock_expires_ms.is_some_and(|e| e > now)
}

/// Adds one request; returns (requestId, wasAlreadyPresent, wasAlreadyHandled).
fn add_one(
    q: &mut Rq,
    mut req: Map<String, Value>,
    forefront: bool,
) -> Result<(String, bool, bool, String), ApiError> {
    if req.get("id").is_some_and(|v| !v.is_null()) {
        return Err(invalid("Request must not have an 'id' when adding it"));
    }
    let url = req
        .get("url")
        .and_then(Value::as_str)
        .filter(|u| !u.is_empty())
        .ok_or_else(|| invalid("Request 'url' is required"))?
        .to_string();
    let unique = req
        .get("uniqueKey")
        .and_then(Value::as_str)
        .filter(|u| !u.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| url.clone());
    if let Some(id) = q.by_unique.get(&unique) {
        let handled = q.requests.get(id).is_some_and(|r| r.handled);
        return Ok((id.clone(), true, handled, unique));
    }
    let id = crate::util::random_string(15);
    req.insert("id".into(), json!(id));
    req.insert("uniqueKey".into(), json!(unique));
    req.entry("method").or_insert(json!("GET"));
    req.entry("retryCount").or_insert(json!(0));
    let handled = req.get("handledAt").is_some_and(|h| !h.is_null());
    if !handled {
        req.insert("handledAt".into(), Value::Null);
    }
    let order = if forefront {
        q.next_front -= 1;
        q.next_front
    } else {
        q.next_seq as i64 + 1
    };
    q.next_seq += 1;
    q.requests.insert(
        id.clone(),
        RqRequest {
            data: req,
            seq: q.next_seq,
            order,
            handled,
            lock_expires_ms: None,
            lock_client: None,
        },
    );
    q.by_unique.insert(unique.clone(), id.clone());
    touch(&mut q.meta, true);
    Ok((id, false, false, unique))
}

fn rq_mut<'a>(a: &'a mut Account, id: &str) -> Result<&'a mut Rq, ApiError> {
    a.rqs.get_mut(id).ok_or_else(|| not_found("Request queue"))
}

pub fn rq_add(a: &mut Account, id: &str, ctx: &Ctx) -> ApiResult {
    let body = ctx.json_obj()?;
    let q = rq_mut(a, id)?;
    note_client(q, ctx);
    let (rid, present, handled, _) = add_one(q, body, ctx.qbool("forefront"))?;
    Ok(data(
        201,
        json!({"requestId": rid, "wasAlreadyPresent": present, "wasAlreadyHandled": handled}),
    ))
}

pub fn rq_batch_add(a: &mut Account, id: &str, ctx: &Ctx) -> ApiResult {
    let body = ctx.json_opt()?;
    let Some(Value::Array(list)) = body else {
        return Err(invalid("Request body must be a JSON array of requests"));
    };
    if list.len() > 25 {
        return Err(invalid("At most 25 requests can be added in one batch"));
    }
    let forefront = ctx.qbool("forefront");
    let q = rq_mut(a, id)?;
    note_client(q, ctx);
    let mut processed = Vec::new();
    let mut unprocessed = Vec::new();
    for item in list {
        let Value::Object(m) = item else {
            unprocessed.push(json!({"uniqueKey": null, "url": null, "method": null}));
            continue;
        };
        let snapshot = json!({"uniqueKey": m.get("uniqueKey"), "url": m.get("url"), "method": m.get("method").cloned().unwrap_or(json!("GET"))});
        match add_one(q, m, forefront) {
            Ok((rid, present, handled, unique)) => processed.push(json!({
                "requestId": rid, "uniqueKey": unique, "wasAlreadyPresent": present, "wasAlreadyHandled": handled
            })),
            Err(_) => unprocessed.push(snapshot),
        }
    }
    Ok(data(
        201,
        json!({"processedRequests": processed, "unprocessedRequests": unprocessed}),
    ))
}

pub fn rq_batch_delete(a: &mut Account, id: &str, ctx: &Ctx) -> ApiResult {
    let body = ctx.json_opt()?;
    let Some(Value::Array(list)) = body else {
        return Err(invalid(
            "Request body must be a JSON array of {id} or {uniqueKey}",
        ));
    };
    let q = rq_mut(a, id)?;
    let mut processed = Vec::new();
    let mut unprocessed = Vec::new();
    for item in list {
        let rid = item
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_string)
            .or_else(|| {
                item.get("uniqueKey")
                    .and_then(Value::as_str)
                    .and_then(|u| q.by_unique.get(u).cloned())
            });
        match rid.and_then(|r| q.requests.remove(&r)) {
            Some(r) => {
                let unique = r
                    .data
                    .get("uniqueKey")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                q.by_unique.remove(&unique);
                processed.push(json!({"id": r.data.get("id"), "uniqueKey": unique}));
            }
            None => {
                unprocessed.push(json!({"id": item.get("id"), "uniqueKey": item.get("uniqueKey")}))
            }
        }
    }
    touch(&mut q.meta, true);
    Ok(data(
        200,
        json!({"processedRequests": processed, "unprocessedRequests": unprocessed}),
    ))
}

pub fn rq_get_request(a: &mut Account, id: &str, rid: &str) -> ApiResult {
    let q = rq_mut(a, id)?;
    let r = q.requests.get(rid).ok_or_else(|| not_found("Request"))?;
    Ok(data(200, rq_item(r)))
}

pub fn rq_update_request(a: &mut Account, id: &str, rid: &str, ctx: &Ctx) -> ApiResult {
    let mut body = ctx.json_obj()?;
    if let Some(bid) = body.get("id").and_then(Value::as_str) {
        if bid != rid {
            return Err(invalid("Request 'id' in the body does not match the URL"));
        }
    }
    let forefront = ctx.qbool("forefront");
    let q = rq_mut(a, id)?;
    note_client(q, ctx);
    let next_seq = q.next_seq;
    let r = q
        .requests
        .get_mut(rid)
        .ok_or_else(|| not_found("Request"))?;
    let old_unique = r.data.get("uniqueKey").cloned();
    body.insert("id".into(), json!(rid));
    if body.get("uniqueKey").is_none() {
        if let Some(u) = old_unique {
            body.insert("uniqueKey".into(), u);
        }
    }
    body.entry("method").or_insert(json!("GET"));
    body.entry("retryCount").or_insert(json!(0));
    body.entry("handledAt").or_insert(Value::Null);
    let was_handled = r.handled;
    r.handled = body.get("handledAt").is_some_and(|h| !h.is_null());
    r.data = body;
    if r.handled {
        r.lock_expires_ms = None;
        r.lock_client = None;
    }
    if forefront {
        q.next_front -= 1;
        let f = q.next_front;
        if let Some(r) = q.requests.get_mut(rid) {
            r.order = f;
        }
    } else if was_handled && !q.requests.get(rid).is_some_and(|r| r.handled) {
        if let Some(r) = q.requests.get_mut(rid) {
            r.order = next_seq as i64 + 1;
        }
        q.next_seq += 1;
    }
    touch(&mut q.meta, true);
    Ok(data(
        200,
        json!({"requestId": rid, "wasAlreadyPresent": true, "wasAlreadyHandled": was_handled}),
    ))
}

pub fn rq_delete_request(a: &mut Account, id: &str, rid: &str) -> ApiResult {
    let q = rq_mut(a, id)?;
    let r = q.requests.remove(rid).ok_or_else(|| not_found("Request"))?;
    if let Some(u) = r.data.get("uniqueKey").and_then(Value::as_str) {
        q.by_unique.remove(u);
    }
    touch(&mut q.meta, true);
    Ok(http::no_content())
}

fn pending_sorted(q: &Rq) -> Vec<&RqRequest> {
    let mut v: Vec<&RqRequest> = q.requests.values().filter(|r| !r.handled).collect();
    v.sort_by(|a, b| a.order.cmp(&b.order).then(a.seq.cmp(&b.seq)));
    v
}

pub fn rq_head(a: &mut Account, id: &str, ctx: &Ctx) -> ApiResult {
    let limit = ctx.qint("limit")?.unwrap_or(100).clamp(0, 10_000) as usize;
    let q = rq_mut(a, id)?;
    note_client(q, ctx);
    let now = now_ms();
    let items: Vec<Value> = pending_sorted(q)
        .into_iter()
        .filter(|r| !locked(r, now))
        .take(limit)
        .map(|r| head_item(r, false))
        .collect();
    Ok(data(
        200,
        json!({"limit": limit, "queueModifiedAt": iso(q.meta.modified_ms),
        "hadMultipleClients": q.client_keys.len() > 1, "items": items}),
    ))
}

pub fn rq_head_lock(a: &mut Account, id: &str, ctx: &Ctx) -> ApiResult {
    let lock_secs = ctx
        .qint("lockSecs")?
        .ok_or_else(|| invalid("Parameter 'lockSecs' is required"))?;
    if lock_secs < 0 {
        return Err(invalid("Parameter 'lockSecs' must be >= 0"));
    }
    let limit = ctx.qint("limit")?.unwrap_or(25).clamp(0, 25) as usize;
    let client = ctx.q("clientKey").map(str::to_string);
    let q = rq_mut(a, id)?;
    note_client(q, ctx);
    let now = now_ms();
    let ids: Vec<String> = pending_sorted(q)
        .into_iter()
        .filter(|r| !locked(r, now))
        .take(limit)
        .filter_map(|r| r.data.get("id").and_then(Value::as_str).map(str::to_string))
        .collect();
    let mut items = Vec::new();
    for rid in &ids {
        if let Some(r) = q.requests.get_mut(rid) {
            r.lock_expires_ms = Some(now + lock_secs * 1000);
            r.lock_client = client.clone();
            items.push(head_item(r, true));
        }
    }
    let has_locked = q.requests.values().any(|r| !r.handled && locked(r, now));
    Ok(data(
        201,
        json!({"limit": limit, "lockSecs": lock_secs, "queueModifiedAt": iso(q.meta.modified_ms),
        "hadMultipleClients": q.client_keys.len() > 1, "queueHasLockedRequests": has_locked,
        "clientKey": client, "items": items}),
    ))
}

fn check_lock_owner(r: &RqRequest, ctx: &Ctx, now: i64) -> Result<(), ApiError> {
    if !locked(r, now) {
        return Err(ApiError::new(
            404,
            "record-not-found",
            "Request is not locked",
        ));
    }
    if let (Some(owner), Some(c)) = (&r.lock_client, ctx.q("clientKey")) {
        if owner != c {
            return Err(ApiError::new(
                409,
                "request-handled-or-locked",
                "Request is locked by another client",
            ));
        }
    }
    Ok(())
}

pub fn rq_prolong_lock(a: &mut Account, id: &str, rid: &str, ctx: &Ctx) -> ApiResult {
    let lock_secs = ctx
        .qint("lockSecs")?
        .ok_or_else(|| invalid("Parameter 'lockSecs' is required"))?;
    let forefront = ctx.qbool("forefront");
    let q = rq_mut(a, id)?;
    let now = now_ms();
    let r = q
        .requests
        .get_mut(rid)
        .ok_or_else(|| not_found("Request"))?;
    check_lock_owner(r, ctx, now)?;
    r.lock_expires_ms = Some(now + lock_secs.max(0) * 1000);
    let exp = iso(now + lock_secs.max(0) * 1000);
    if forefront {
        q.next_front -= 1;
        let f = q.next_front;
        if let Some(r) = q.requests.get_mut(rid) {
            r.order = f;
        }
    }
    Ok(data(200, json!({"lockExpiresAt": exp})))
}

pub fn rq_delete_lock(a: &mut Account, id: &str, rid: &str, ctx: &Ctx) -> ApiResult {
    let forefront = ctx.qbool("forefront");
    let q = rq_mut(a, id)?;
    let now = now_ms();
    let r = q
        .requests
        .get_mut(rid)
        .ok_or_else(|| not_found("Request"))?;
    check_lock_owner(r, ctx, now)?;
    r.lock_expires_ms = None;
    r.lock_client = None;
    if forefront {
        q.next_front -= 1;
        let f = q.next_front;
        if let Some(r) = q.requests.get_mut(rid) {
            r.order = f;
        }
    }
    Ok(http::no_content())
}

pub fn rq_unlock(a: &mut Account, id: &str, ctx: &Ctx) -> ApiResult {
    let client = ctx.q("clientKey").map(str::to_string);
    let q = rq_mut(a, id)?;
    let now = now_ms();
    let mut n = 0;
    for r in q.requests.values_mut() {
        if locked(r, now) && (client.is_none() || r.lock_client == client) {
            r.lock_expires_ms = None;
            r.lock_client = None;
            n += 1;
        }
    }
    Ok(data(200, json!({"unlockedCount": n})))
}

fn encode_cursor(seq: u64) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("seq:{seq}"))
}

fn decode_cursor(c: &str) -> Option<u64> {
    use base64::Engine;
    let b = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(c.trim_end_matches('='))
        .ok()?;
    String::from_utf8(b)
        .ok()?
        .strip_prefix("seq:")?
        .parse()
        .ok()
}

pub fn rq_list_requests(a: &mut Account, id: &str, ctx: &Ctx) -> ApiResult {
    let limit = ctx.qint("limit")?.unwrap_or(100);
    if limit < 0 {
        return Err(invalid("Parameter 'limit' must be >= 0"));
    }
    let limit = limit.clamp(1, 10_000) as usize;
    let filters = ctx.qlist("filter");
    for f in &filters {
        if f != "locked" && f != "pending" {
            return Err(invalid(format!(
                "Unknown filter '{f}' (use locked, pending)"
            )));
        }
    }
    let cursor = ctx.q("cursor").filter(|c| !c.is_empty());
    let start_id = ctx.q("exclusiveStartId").filter(|c| !c.is_empty());
    if cursor.is_some() && start_id.is_some() {
        return Err(invalid(
            "'cursor' and 'exclusiveStartId' are mutually exclusive",
        ));
    }
    let q = rq_mut(a, id)?;
    let after: u64 = match (cursor, start_id) {
        (Some(c), _) => decode_cursor(c).ok_or_else(|| invalid("Invalid cursor"))?,
        (_, Some(s)) => q.requests.get(s).map(|r| r.seq).unwrap_or(0),
        _ => 0,
    };
    let now = now_ms();
    let mut all: Vec<&RqRequest> = q
        .requests
        .values()
        .filter(|r| r.seq > after)
        .filter(|r| {
            filters.is_empty()
                || filters.iter().any(|f| match f.as_str() {
                    "locked" => !r.handled && locked(r, now),
                    _ => !r.handled,
                })
        })
        .collect();
    all.sort_by_key(|r| r.seq);
    let more = all.len() > limit;
    let page: Vec<&RqRequest> = all.into_iter().take(limit).collect();
    let next = if more {
        page.last().map(|r| encode_cursor(r.seq))
    } else {
        None
    };
    let items: Vec<Value> = page.iter().map(|r| rq_item(r)).collect();
    let mut m = Map::new();
    m.insert("items".into(), Value::Array(items));
    m.insert("count".into(), json!(page.len()));
    m.insert("limit".into(), json!(limit));
    if let Some(s) = start_id {
        m.insert("exclusiveStartId".into(), json!(s));
    }
    m.insert("cursor".into(), json!(cursor));
    m.insert("nextCursor".into(), json!(next));
    Ok(data(200, Value::Object(m)))
}
