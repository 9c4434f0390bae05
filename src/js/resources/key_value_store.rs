//! `client.keyValueStore(id)`: `KeyValueStoreClient`, and the client accessors of key-value stores.

use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::key_value_store_collection::KeyValueStoreCollectionClient;
use super::{delete_resource, get_resource, update_resource};
use super::{
    hmac_signature, json_body, public_url, public_url_query, rejecting, send_empty, spawn,
    storage_content_signature, storage_signing_key, Resource,
};
use crate::core::paginate::TokenPager;
use crate::core::request::{Method, ResponseKind, TimeoutTier};
use crate::core::url::Query;
use crate::js::client::ApifyClient;
use crate::js::convert::shaped;
use crate::js::iter::{paginated, FetchPage, PageRequest, Pagination};
use crate::js::opts::{required_string, type_error, Opts};
use crate::js::sys;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export interface StorageCollectionListOptions extends ListOptions {
    unnamed?: boolean;
    ownership?: "ownedByMe" | "sharedWithMe";
}

export interface KeyValueStoreStats {
    readCount?: number;
    writeCount?: number;
    deleteCount?: number;
    listCount?: number;
    storageBytes?: number;
}

export interface KeyValueStore {
    id: string;
    name?: string;
    title?: string;
    userId: string;
    username?: string;
    createdAt: Date;
    modifiedAt: Date;
    accessedAt: Date;
    actId?: string;
    actRunId?: string;
    stats?: KeyValueStoreStats;
    generalAccess?: string | null;
    urlSigningSecretKey?: string | null;
    keysPublicUrl?: string;
    consoleUrl?: string;
}

export interface KeyValueClientUpdateOptions {
    name?: string | null;
    title?: string;
    generalAccess?: string | null;
}

export interface KeyValueClientListKeysOptions extends CallOptions {
    limit?: number;
    exclusiveStartKey?: string;
    collection?: string;
    prefix?: string;
    signature?: string;
}

/** Options of `downloadRecords` (not in the official client). */
export interface KeyValueStoreDownloadRecordsOptions extends CallOptions {
    /** Only the records of this collection (from the store's schema). */
    collection?: string;
    /** Only the records whose key starts with this. */
    prefix?: string;
    signature?: string;
}

export interface KeyValueListItem {
    key: string;
    size: number;
    recordPublicUrl: string;
}

export interface KeyValueClientListKeysResult {
    count: number;
    limit: number;
    exclusiveStartKey: string | null;
    isTruncated: boolean;
    nextExclusiveStartKey: string | null;
    items: KeyValueListItem[];
}

export interface KeyValueClientCreateKeysUrlOptions extends CallOptions {
    limit?: number;
    exclusiveStartKey?: string;
    collection?: string;
    prefix?: string;
    /** Seconds until the signed URL expires; omitted or 0: it never expires. */
    expiresInSecs?: number;
}

export interface KeyValueClientGetRecordOptions extends CallOptions {
    /** The value as bytes whatever its content type. */
    buffer?: boolean;
    /** The value as the response's `ReadableStream` (a web stream, in Node too). */
    stream?: boolean;
    signature?: string;
    /** Deprecated and ignored, as in the official client. */
    disableRedirect?: boolean;
}

/** JSON values are parsed, text stays a string, anything else is bytes (a `Buffer` in Node). */
export type KeyValueStoreValue = unknown;

export interface KeyValueStoreRecord<T = KeyValueStoreValue> {
    key: string;
    value: T;
    contentType?: string;
}

export interface KeyValueStoreRecordInput {
    key: string;
    /** Strings are sent as text, bytes (`Uint8Array`, `ArrayBuffer`, `Blob`) as they are,
     * anything else as JSON (pretty-printed, as the official client). */
    value: unknown;
    contentType?: string;
}

export interface KeyValueStoreRecordOptions extends CallOptions {
    timeoutSecs?: number;
    doNotRetryTimeouts?: boolean;
}
"#;

#[wasm_bindgen]
pub struct KeyValueStoreClient {
    pub(crate) r: Resource,
}

/// A record key: a non-empty string. (`ow.string` in the official client lets `''` through,
/// which would address `…/records/` itself: the list of all records, not a record.)
fn key_arg(key: &JsValue, m: &str) -> Result<String, JsValue> {
    match key.as_string() {
        Some(k) if !k.is_empty() => Ok(k),
        _ => Err(type_error(&text!(m, ": key must be a non-empty string"))),
    }
}

fn is_bytes(v: &JsValue) -> bool {
    v.is_instance_of::<js_sys::ArrayBuffer>()
        || js_sys::ArrayBuffer::is_view(v)
        || v.is_instance_of::<web_sys::Blob>()
}

fn is_stream(v: &JsValue) -> bool {
    v.is_instance_of::<web_sys::ReadableStream>()
        || crate::js::convert::get(v, "pipe").is_function()
}

#[wasm_bindgen]
impl KeyValueStoreClient {
    /// The store object, or `undefined` when it does not exist.
    #[wasm_bindgen(unchecked_return_type = "Promise<KeyValueStore | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        get_resource(
            &self.r,
            &options,
            "KeyValueStoreClient.get",
            TimeoutTier::Small,
        )
    }

    /// Updates the store's `name`, `title` or `generalAccess`.
    #[wasm_bindgen(unchecked_return_type = "Promise<KeyValueStore>")]
    pub fn update(
        &self,
        #[wasm_bindgen(unchecked_param_type = "KeyValueClientUpdateOptions")] new_fields: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        update_resource(
            &self.r,
            &new_fields,
            &options,
            "KeyValueStoreClient.update",
            TimeoutTier::Long,
        )
    }

    /// Deletes the store.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn delete(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        delete_resource(
            &self.r,
            &options,
            "KeyValueStoreClient.delete",
            TimeoutTier::Small,
        )
    }

    /// A page of keys (`await`), or every key after `exclusiveStartKey` (`for await`),
    /// following `nextExclusiveStartKey` until `limit` keys or the end.
    #[wasm_bindgen(
        js_name = listKeys,
        unchecked_return_type = "Promise<KeyValueClientListKeysResult> & AsyncIterable<KeyValueListItem>"
    )]
    pub fn list_keys(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "KeyValueClientListKeysOptions")]
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        const M: &str = "KeyValueStoreClient.listKeys";
        let o = Opts::new(
            &options,
            M,
            &[
                "limit",
                "exclusiveStartKey",
                "collection",
                "prefix",
                "signature",
            ],
        )?;
        let limit = o.uint("limit")?;
        let mut q = Query::new();
        q.opt("limit", limit)
            .opt("exclusiveStartKey", o.string("exclusiveStartKey")?)
            .opt("collection", o.string("collection")?)
            .opt("prefix", o.string("prefix")?)
            .opt("signature", o.string("signature")?);
        let base = self
            .r
            .request(Method::Get, &["keys"], M)
            .tier(TimeoutTier::Medium)
            .query(q);
        let signal = o.signal()?;
        let client = self.r.client.clone();
        let fetch: FetchPage = Rc::new(move |page| {
            let mut req = base.clone();
            if let PageRequest::Token { token, limit } = page {
                match limit {
                    Some(l) => {
                        req.query.set("limit", l);
                    }
                    None => req.query.remove("limit"),
                }
                if let Some(t) = token {
                    req.query.set("exclusiveStartKey", t);
                }
            }
            let (client, signal) = (client.clone(), signal.clone());
            Box::pin(async move {
                let resp = client.call(&req, None, signal.as_ref()).await?;
                Ok(shaped(&resp.body))
            })
        });
        Ok(paginated(
            fetch,
            Pagination::Token {
                pager: TokenPager::new(limit, None),
                next_field: "nextExclusiveStartKey",
            },
        ))
    }

    /// Every record (or those of `collection` / whose key starts with `prefix`) as one ZIP
    /// archive, one file per key, as bytes (`GET …/records`, not in the official client).
    #[wasm_bindgen(js_name = downloadRecords, unchecked_return_type = "Promise<Uint8Array>")]
    pub fn download_records(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "KeyValueStoreDownloadRecordsOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "KeyValueStoreClient.downloadRecords";
            let o = Opts::new(&options, M, &["collection", "prefix", "signature"])?;
            let mut q = Query::new();
            q.opt("collection", o.string("collection")?)
                .opt("prefix", o.string("prefix")?)
                .opt("signature", o.string("signature")?);
            let req = self
                .r
                .request(Method::Get, &["records"], M)
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

    /// `true` when the record exists (a `HEAD` request; the value is not downloaded).
    #[wasm_bindgen(js_name = recordExists, unchecked_return_type = "Promise<boolean>")]
    pub fn record_exists(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "KeyValueStoreClient.recordExists";
            let key = key_arg(&key, M)?;
            let o = Opts::new(&options, M, &[])?;
            let req = self
                .r
                .request(Method::Head, &["records", &key], M)
                .response(ResponseKind::Empty);
            let client = self.r.client.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                let found = client.call_or_none(&req, None, signal.as_ref()).await?;
                Ok(found.is_some().into())
            }))
        })
    }

    /// `{key, value, contentType}`, or `undefined` when the record does not exist. The value is
    /// decoded by content type (JSON parsed, text as a string, anything else as bytes); with
    /// `buffer: true` it is always bytes, with `stream: true` a `ReadableStream`.
    #[wasm_bindgen(
        js_name = getRecord,
        unchecked_return_type = "Promise<KeyValueStoreRecord | undefined>"
    )]
    pub fn get_record(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "KeyValueClientGetRecordOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "KeyValueStoreClient.getRecord";
            let key = key_arg(&key, M)?;
            let o = Opts::new(
                &options,
                M,
                &["buffer", "stream", "signature", "disableRedirect"],
            )?;
            let buffer = o.bool("buffer")?.unwrap_or(false);
            let stream = o.bool("stream")?.unwrap_or(false);
            o.bool("disableRedirect")?;
            let mut q = Query::new();
            q.set("attachment", true)
                .opt("signature", o.string("signature")?);
            let kind = if stream {
                ResponseKind::Stream
            } else if buffer {
                ResponseKind::Bytes
            } else {
                ResponseKind::Auto
            };
            let req = self
                .r
                .request(Method::Get, &["records", &key], M)
                .tier(TimeoutTier::Long)
                .query(q)
                .response(kind);
            let client = self.r.client.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                let Some(resp) = client.call_or_none(&req, None, signal.as_ref()).await? else {
                    return Ok(JsValue::UNDEFINED);
                };
                Ok(sys::record(&key, &resp.body, &resp.content_type))
            }))
        })
    }

    /// Stores a record. Without `contentType`: strings as `text/plain; charset=utf-8`, bytes
    /// (`Uint8Array`, `ArrayBuffer`, `Blob`) as `application/octet-stream`, anything else as
    /// pretty-printed JSON. Bytes are sent exactly as given.
    #[wasm_bindgen(js_name = setRecord, unchecked_return_type = "Promise<void>")]
    pub fn set_record(
        &self,
        #[wasm_bindgen(unchecked_param_type = "KeyValueStoreRecordInput")] record: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "KeyValueStoreRecordOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "KeyValueStoreClient.setRecord";
            if !record.is_object() {
                return Err(type_error(&text!(M, ": record must be an object")));
            }
            let rec = Opts::new(&record, M, &["key", "value", "contentType"])?;
            let key = key_arg(&rec.raw("key"), M)?;
            let value = rec.raw("value");
            let content_type = rec.string("contentType")?;
            if content_type.as_deref() == Some("") {
                return Err(type_error(&text!(
                    M,
                    ": contentType must be a non-empty string"
                )));
            }
            let o = Opts::new(&options, M, &["timeoutSecs", "doNotRetryTimeouts"])?;
            let timeout_secs = o.number("timeoutSecs")?;
            let no_timeout_retries = o.bool("doNotRetryTimeouts")?.unwrap_or(false);
            if value.is_undefined() || value.is_function() || value.is_symbol() {
                return Err(type_error(&text!(M, ": record.value must be a string, a number, a boolean, null, an object or bytes")));
            }
            if is_stream(&value) {
                return Err(type_error(&text!(M, ": streams cannot be uploaded by apify-client-wasm; read the stream into a Uint8Array or Blob first")));
            }
            let (body, ct) = if value.is_string() {
                let ct = content_type.unwrap_or_else(|| "text/plain; charset=utf-8".into());
                (value, ct)
            } else if is_bytes(&value) {
                let ct = content_type.unwrap_or_else(|| "application/octet-stream".into());
                (value, ct)
            } else {
                let ct = content_type.unwrap_or_else(|| "application/json; charset=utf-8".into());
                let text = if ct.starts_with("application/json") {
                    js_sys::JSON::stringify_with_replacer_and_space(
                        &value,
                        &JsValue::NULL,
                        &JsValue::from(2),
                    )
                    .map(JsValue::from)
                    .map_err(|e| {
                        let cause = crate::js::convert::get(&e, "message")
                            .as_string()
                            .unwrap_or_default();
                        JsValue::from(js_sys::Error::new(&text!("The record value cannot be stringified to JSON. Please provide other content type.\nCause: ", cause)))
                    })?
                } else {
                    json_body(&value)?
                };
                (text, ct)
            };
            let mut req = self
                .r
                .request(Method::Put, &["records", &key], M)
                .content_type(&ct);
            match timeout_secs {
                // The caller's own timeout replaces the tier (still capped by the client's).
                Some(t) => {
                    req.timeout_cap_ms = Some((t.max(0.0) * 1000.0) as u64);
                }
                None => req = req.tier(TimeoutTier::Long),
            }
            if no_timeout_retries {
                req = req.no_timeout_retries();
            }
            Ok(send_empty(&self.r, req, Some(body), o.signal()?))
        })
    }

    /// Deletes a record (a missing record is an error, as in the official client).
    #[wasm_bindgen(js_name = deleteRecord, unchecked_return_type = "Promise<void>")]
    pub fn delete_record(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "KeyValueStoreClient.deleteRecord";
            let key = key_arg(&key, M)?;
            let o = Opts::new(&options, M, &[])?;
            let req = self
                .r
                .request(Method::Delete, &["records", &key], M)
                .tier(TimeoutTier::Small);
            Ok(send_empty(&self.r, req, None, o.signal()?))
        })
    }

    /// The record's public URL (`{publicBaseUrl}/v2/key-value-stores/{id}/records/{key}`),
    /// signed with the store's `urlSigningSecretKey` when the token can read it.
    #[wasm_bindgen(js_name = getRecordPublicUrl, unchecked_return_type = "Promise<string>")]
    pub fn get_record_public_url(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "KeyValueStoreClient.getRecordPublicUrl";
            let key = key_arg(&key, M)?;
            let o = Opts::new(&options, M, &[])?;
            let r = self.r.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                let (_, secret) = storage_signing_key(&r, M, signal.as_ref()).await?;
                let signature = match secret {
                    Some(s) => Some(hmac_signature(&s, &key).await?),
                    None => None,
                };
                Ok(public_url(&r, &["records", &key], signature, &Query::new()).into())
            }))
        })
    }

    /// A public URL of the key listing with the given options, signed (optionally expiring
    /// after `expiresInSecs`) when the token can read the store's `urlSigningSecretKey`.
    #[wasm_bindgen(js_name = createKeysPublicUrl, unchecked_return_type = "Promise<string>")]
    pub fn create_keys_public_url(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "KeyValueClientCreateKeysUrlOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "KeyValueStoreClient.createKeysPublicUrl";
            let o = Opts::new(
                &options,
                M,
                &[
                    "limit",
                    "exclusiveStartKey",
                    "collection",
                    "prefix",
                    "expiresInSecs",
                ],
            )?;
            o.uint("limit")?;
            o.string("exclusiveStartKey")?;
            o.string("collection")?;
            o.string("prefix")?;
            let expires = o.number("expiresInSecs")?;
            let rest = public_url_query(&options, &["expiresInSecs"]);
            let r = self.r.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                let (id, secret) = storage_signing_key(&r, M, signal.as_ref()).await?;
                let signature = match secret {
                    Some(s) => Some(storage_content_signature(&id, &s, expires).await?),
                    None => None,
                };
                Ok(public_url(&r, &["keys"], signature, &rest).into())
            }))
        })
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// The account's key-value stores.
    #[wasm_bindgen(js_name = keyValueStores)]
    pub fn key_value_stores(&self) -> KeyValueStoreCollectionClient {
        KeyValueStoreCollectionClient {
            r: Resource::collection(&self.inner, "key-value-stores"),
        }
    }

    /// A key-value store by id or `username/name`.
    #[wasm_bindgen(js_name = keyValueStore)]
    pub fn key_value_store(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<KeyValueStoreClient, JsValue> {
        let id = required_string(&id, "ApifyClient.keyValueStore: id")?;
        Ok(KeyValueStoreClient {
            r: Resource::item(&self.inner, "key-value-stores", &id),
        })
    }
}
