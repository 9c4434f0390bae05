//! `client.dataset(id)`: `DatasetClient`.

use std::rc::Rc;

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;

use super::{delete_resource, get_resource, update_resource};
use super::{json_body, rejecting, send_empty, spawn, Resource};
use crate::core::num::parse_digits;
use crate::core::paginate::OffsetPager;
use crate::core::request::{Method, ResponseKind, TimeoutTier};
use crate::core::text::comma_list;
use crate::core::url::Query;
use crate::js::convert::object;
use crate::js::iter::{paginated, FetchPage, PageRequest, Pagination};
use crate::js::opts::{type_error, Opts};

#[wasm_bindgen]
pub struct DatasetClient {
    pub(crate) r: Resource,
}

/// The item filters `listItems`, `downloadItems` and `createItemsPublicUrl` share.
const ITEM_FILTERS: &[&str] = &[
    "clean",
    "desc",
    "fields",
    "omit",
    "flatten",
    "unwind",
    "skipEmpty",
    "skipHidden",
    "view",
    "signature",
];

pub(crate) fn item_filters(o: &Opts) -> Result<Query, JsValue> {
    let mut q = Query::new();
    q.opt("clean", o.bool("clean")?)
        .opt("desc", o.bool("desc")?)
        .opt("fields", o.strings("fields", false)?)
        .opt("omit", o.strings("omit", false)?)
        .opt("flatten", o.strings("flatten", false)?)
        .opt("unwind", o.strings("unwind", true)?)
        .opt("skipEmpty", o.bool("skipEmpty")?)
        .opt("skipHidden", o.bool("skipHidden")?)
        .opt("view", o.string("view")?)
        .opt("signature", o.string("signature")?);
    Ok(q)
}

fn allowed(extra: &[&'static str]) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = ITEM_FILTERS.to_vec();
    v.extend_from_slice(extra);
    v
}

const FORMATS: &[&str] = &["json", "jsonl", "xml", "html", "csv", "xlsx", "rss"];

#[wasm_bindgen]
impl DatasetClient {
    /// The dataset object, or `undefined` when it does not exist.
    #[wasm_bindgen(unchecked_return_type = "Promise<Dataset | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        get_resource(&self.r, &options, "DatasetClient.get", TimeoutTier::Small)
    }

    /// Updates the dataset's `name`, `title` or `generalAccess`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Dataset>")]
    pub fn update(
        &self,
        #[wasm_bindgen(js_name = newFields, unchecked_param_type = "DatasetUpdateFields")]
        new_fields: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        update_resource(
            &self.r,
            &new_fields,
            &options,
            "DatasetClient.update",
            TimeoutTier::Small,
        )
    }

    /// Deletes the dataset.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn delete(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        delete_resource(
            &self.r,
            &options,
            "DatasetClient.delete",
            TimeoutTier::Small,
        )
    }

    /// A page of items (`await`), or every item (`for await`), in pages of at most
    /// `chunkSize`. Items are parsed by the platform and returned as they are stored.
    #[wasm_bindgen(js_name = listItems, unchecked_return_type = "PaginatedIterator<DatasetItem>")]
    pub fn list_items(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "DatasetListItemsOptions")] options: JsValue,
    ) -> Result<Promise, JsValue> {
        const M: &str = "DatasetClient.listItems";
        let o = Opts::new(&options, M, &allowed(&["offset", "limit", "chunkSize"]))?;
        let filters = item_filters(&o)?;
        let desc = o.bool("desc")?;
        let user_offset = o.uint("offset")?;
        let pager = OffsetPager::new(user_offset, o.uint("limit")?, o.uint("chunkSize")?);
        let signal = o.signal()?;
        let base = self
            .r
            .request(Method::Get, &["items"], M)
            .tier(TimeoutTier::Long)
            .query(filters);
        let client = self.r.client.clone();
        let fetch: FetchPage = Rc::new(move |page| {
            let mut req = base.clone();
            if let PageRequest::Offset { offset, limit } = page {
                // As the official client: no `offset` on a first page the caller did not place.
                let offset = (offset > 0 || user_offset.is_some()).then_some(offset);
                req.query.opt("offset", offset).opt("limit", limit);
            }
            let (client, signal) = (client.clone(), signal.clone());
            Box::pin(async move {
                let resp = client.call(&req, None, signal.as_ref()).await?;
                let headers = resp.headers();
                let items = if Array::is_array(&resp.body) {
                    resp.body
                } else {
                    Array::new().into()
                };
                let header = |name: &str| headers.get(name).ok().flatten();
                // Whole numbers: parsed as integers (no float parser in the wasm).
                let num = |name: &str| {
                    header(name)
                        .and_then(|v| parse_digits(v.trim()))
                        .map(|n| n as f64)
                };
                let count = Array::from(&items).length();
                let page_desc = match header("x-apify-pagination-desc") {
                    Some(v) => v == "true" || v == "1",
                    None => desc.unwrap_or(false),
                };
                // `count` is the items received: the header is wrong when items were skipped.
                Ok(object(&[
                    ("items", items),
                    (
                        "total",
                        num("x-apify-pagination-total").map_or(JsValue::UNDEFINED, JsValue::from),
                    ),
                    (
                        "offset",
                        num("x-apify-pagination-offset").map_or(JsValue::UNDEFINED, JsValue::from),
                    ),
                    (
                        "limit",
                        num("x-apify-pagination-limit").map_or(JsValue::UNDEFINED, JsValue::from),
                    ),
                    ("count", count.into()),
                    ("desc", page_desc.into()),
                ])
                .into())
            })
        });
        Ok(paginated(fetch, Pagination::Offset(pager)))
    }

    /// The items in `format` (`json`, `jsonl`, `xml`, `html`, `csv`, `xlsx`, `rss`) as bytes:
    /// a `Buffer` in Node, a `Uint8Array` elsewhere.
    #[wasm_bindgen(js_name = downloadItems, unchecked_return_type = "Promise<Uint8Array>")]
    pub fn download_items(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DownloadItemsFormat")] format: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "DatasetDownloadItemsOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "DatasetClient.downloadItems";
            let format = match format.as_string() {
                Some(f) if FORMATS.contains(&f.as_str()) => f,
                _ => {
                    return Err(type_error(&text!(
                        M,
                        ": format must be one of ",
                        comma_list(FORMATS)
                    )));
                }
            };
            let o = Opts::new(
                &options,
                M,
                &allowed(&[
                    "offset",
                    "limit",
                    "bom",
                    "delimiter",
                    "skipHeaderRow",
                    "xmlRoot",
                    "xmlRow",
                    "attachment",
                ]),
            )?;
            let mut q = Query::new();
            q.set("format", format);
            let filters = item_filters(&o)?;
            q.inherit(&filters);
            q.opt("offset", o.uint("offset")?)
                .opt("limit", o.uint("limit")?)
                .opt("bom", o.bool("bom")?)
                .opt("delimiter", o.string("delimiter")?)
                .opt("skipHeaderRow", o.bool("skipHeaderRow")?)
                .opt("xmlRoot", o.string("xmlRoot")?)
                .opt("xmlRow", o.string("xmlRow")?)
                .opt("attachment", o.bool("attachment")?);
            let req = self
                .r
                .request(Method::Get, &["items"], M)
                .tier(TimeoutTier::Long)
                .query(q)
                .response(ResponseKind::Bytes);
            let client = self.r.client.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                Ok(client.call(&req, None, signal.as_ref()).await?.body)
            }))
        })
    }

    /// Appends an item, an array of items, or a JSON string of either.
    /// Timeouts are not retried, so that a slow push never stores the items twice.
    #[wasm_bindgen(js_name = pushItems, unchecked_return_type = "Promise<void>")]
    pub fn push_items(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | DatasetItem | string[] | DatasetItem[]")]
        items: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "DatasetClient.pushItems";
            let o = Opts::new(&options, M, &[])?;
            let body = if items.is_string() {
                items
            } else if items.is_object() {
                json_body(&items)?
            } else {
                return Err(type_error(&text!(
                    M,
                    ": items must be an object, an array or a JSON string"
                )));
            };
            let req = self
                .r
                .request(Method::Post, &["items"], M)
                .tier(TimeoutTier::Medium)
                .content_type("application/json; charset=utf-8")
                .no_timeout_retries();
            Ok(send_empty(&self.r, req, Some(body), o.signal()?))
        })
    }

    /// A public URL of the items with the given filters, signed (optionally expiring after
    /// `expiresInSecs`) when the token can read the dataset's `urlSigningSecretKey`.
    #[wasm_bindgen(js_name = createItemsPublicUrl, unchecked_return_type = "Promise<string>")]
    pub fn create_items_public_url(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "DatasetClientCreateItemsUrlOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "DatasetClient.createItemsPublicUrl";
            let mut names = allowed(&["offset", "limit", "expiresInSecs"]);
            names.retain(|n| *n != "signature");
            let o = Opts::new(&options, M, &names)?;
            item_filters(&o)?;
            o.uint("offset")?;
            o.uint("limit")?;
            let expires = o.number("expiresInSecs")?;
            let rest = super::public_url_query(&options, &["expiresInSecs"]);
            let r = self.r.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                let (id, secret) = super::storage_signing_key(&r, M, signal.as_ref()).await?;
                let signature = match secret {
                    Some(s) => Some(super::storage_content_signature(&id, &s, expires).await?),
                    None => None,
                };
                Ok(super::public_url(&r, &["items"], signature, &rest).into())
            }))
        })
    }

    /// Per-field statistics, or `undefined` when the dataset does not exist.
    #[wasm_bindgen(js_name = getStatistics, unchecked_return_type = "Promise<DatasetStatistics | undefined>")]
    pub fn get_statistics(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "DatasetClient.getStatistics";
            let o = Opts::new(&options, M, &[])?;
            let req = self
                .r
                .request(Method::Get, &["statistics"], M)
                .tier(TimeoutTier::Small);
            let client = self.r.client.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                Ok(
                    match client.call_or_none(&req, None, signal.as_ref()).await? {
                        Some(resp) => crate::js::convert::pluck_data(resp.body),
                        None => JsValue::UNDEFINED,
                    },
                )
            }))
        })
    }
}
