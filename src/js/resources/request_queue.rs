//! `client.requestQueue(id, {clientKey, timeoutSecs})`: `RequestQueueClient`, and the client
//! accessors of request queues.

use crate::core::text::int_text;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use js_sys::{Array, Object, Promise, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use super::request_queue_collection::RequestQueueCollectionClient;
use super::{
    delete_quietly, get_object, json_body, rejecting, send_empty, send_object, spawn, Resource,
};
use crate::core::batch::{
    payload_limit_bytes, plan_batches, unprocessed_backoff_ms, MAX_REQUESTS_PER_BATCH,
};
use crate::core::paginate::TokenPager;
use crate::core::request::{ApiRequest, Method, TimeoutTier};
use crate::core::transport::Platform;
use crate::core::url::Query;
use crate::js::client::ApifyClient;
use crate::js::convert::{get, object, pluck_data, shaped};
use crate::js::http::ClientInner;
use crate::js::iter::{paginated, FetchPage, PageRequest, Pagination};
use crate::js::opts::{required_string, type_error, Opts};
use crate::js::sys;
use crate::js::transport::JsPlatform;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export interface RequestQueueClientOptions {
    /** Identifies this client to the queue (locks, `hadMultipleClients`). */
    clientKey?: string;
    /** Lowers every request's timeout to at most this many seconds. */
    timeoutSecs?: number;
}

export interface RequestQueueStats {
    readCount?: number;
    writeCount?: number;
    deleteCount?: number;
    headItemReadCount?: number;
    storageBytes?: number;
}

export interface RequestQueue {
    id: string;
    name?: string;
    title?: string;
    userId: string;
    username?: string;
    createdAt: Date;
    modifiedAt: Date;
    accessedAt: Date;
    expireAt?: string;
    totalRequestCount: number;
    handledRequestCount: number;
    pendingRequestCount: number;
    actId?: string;
    actRunId?: string;
    hadMultipleClients: boolean;
    stats?: RequestQueueStats;
    generalAccess?: string | null;
    consoleUrl?: string;
}

export interface RequestQueueClientUpdateOptions {
    name?: string | null;
    title?: string;
    generalAccess?: string | null;
}

export interface RequestQueueClientRequestSchema {
    id: string;
    uniqueKey: string;
    url: string;
    method?: string;
    payload?: string;
    retryCount?: number;
    errorMessages?: string[];
    headers?: Record<string, string>;
    userData?: Record<string, unknown>;
    handledAt?: string | Date | null;
    noRetry?: boolean;
    loadedUrl?: string;
    lockExpiresAt?: Date;
    [field: string]: unknown;
}

/** A request to add: no `id` (the API assigns it); `uniqueKey` defaults to `url`. */
export type RequestQueueClientNewRequest = Omit<RequestQueueClientRequestSchema, "id" | "uniqueKey"> & {
    uniqueKey?: string;
    id?: undefined;
};

export interface RequestQueueClientListHeadOptions extends CallOptions {
    limit?: number;
}

export interface RequestQueueClientListItem {
    id: string;
    retryCount: number;
    uniqueKey: string;
    url: string;
    method: string;
    lockExpiresAt?: Date;
}

export interface RequestQueueClientListHeadResult {
    limit: number;
    queueModifiedAt: Date;
    hadMultipleClients: boolean;
    items: RequestQueueClientListItem[];
}

export interface RequestQueueClientListAndLockHeadOptions extends CallOptions {
    lockSecs: number;
    limit?: number;
}

export interface RequestQueueClientListAndLockHeadResult extends RequestQueueClientListHeadResult {
    lockSecs: number;
    queueHasLockedRequests: boolean;
    clientKey: string;
}

export interface RequestQueueClientAddRequestOptions extends CallOptions {
    forefront?: boolean;
}

export interface RequestQueueClientAddRequestResult {
    requestId: string;
    wasAlreadyPresent: boolean;
    wasAlreadyHandled: boolean;
}

export interface RequestQueueClientProcessedRequest extends RequestQueueClientAddRequestResult {
    uniqueKey: string;
}

export interface RequestQueueClientUnprocessedRequest {
    uniqueKey?: string;
    url?: string;
    method?: string;
}

export interface RequestQueueClientBatchRequestsOperationResult {
    processedRequests: RequestQueueClientProcessedRequest[];
    unprocessedRequests: RequestQueueClientUnprocessedRequest[];
}

export interface RequestQueueClientBatchAddRequestWithRetriesOptions extends CallOptions {
    forefront?: boolean;
    /** @default 3 */
    maxUnprocessedRequestsRetries?: number;
    /** Batches of 25 in flight at once. @default 5 */
    maxParallel?: number;
    /** @default 500 */
    minDelayBetweenUnprocessedRequestsRetriesMillis?: number;
}

export type RequestQueueClientRequestToDelete = { id: string; uniqueKey?: string } | { id?: string; uniqueKey: string };

export interface RequestQueueClientBatchDeleteResult {
    processedRequests: { id?: string; uniqueKey: string }[];
    unprocessedRequests: { id?: string; uniqueKey?: string }[];
}

export interface RequestQueueClientProlongRequestLockOptions extends CallOptions {
    lockSecs: number;
    forefront?: boolean;
}

export interface RequestQueueClientDeleteRequestLockOptions extends CallOptions {
    forefront?: boolean;
}

export interface RequestQueueClientUnlockRequestsResult {
    unlockedCount: number;
}

export interface RequestQueueClientListRequestsOptions extends CallOptions {
    limit?: number;
    cursor?: string;
    /** @deprecated use `cursor` */
    exclusiveStartId?: string;
    filter?: ("locked" | "pending")[];
}

export interface RequestQueueClientPaginateRequestsOptions extends RequestQueueClientListRequestsOptions {
    /** @default 1000 */
    maxPageLimit?: number;
}

export interface RequestQueueClientListRequestsResult {
    limit: number;
    count?: number;
    exclusiveStartId?: string;
    cursor?: string | null;
    nextCursor?: string | null;
    items: RequestQueueClientRequestSchema[];
}
"#;

#[wasm_bindgen]
pub struct RequestQueueClient {
    pub(crate) r: Resource,
    pub(crate) client_key: Option<String>,
    pub(crate) timeout_cap_ms: Option<u64>,
}

fn id_arg(v: &JsValue, what: &str) -> Result<String, JsValue> {
    required_string(v, what)
}

impl RequestQueueClient {
    /// A request with the tier lowered by `timeoutSecs`; `clientKey` is added by [`Self::ck`].
    fn req(&self, method: Method, tail: &[&str], m: &'static str, tier: TimeoutTier) -> ApiRequest {
        let mut req = self.r.request(method, tail, m).tier(tier);
        req.timeout_cap_ms = self.timeout_cap_ms;
        req
    }

    fn ck(&self, q: &mut Query) {
        q.opt("clientKey", self.client_key.clone());
    }
}

#[wasm_bindgen]
impl RequestQueueClient {
    /// The queue object, or `undefined` when it does not exist.
    #[wasm_bindgen(unchecked_return_type = "Promise<RequestQueue | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.get";
            let o = Opts::new(&options, M, &[])?;
            let req = self.req(Method::Get, &[], M, TimeoutTier::Small);
            Ok(get_object(&self.r, req, o.signal()?))
        })
    }

    /// Updates the queue's `name`, `title` or `generalAccess`.
    #[wasm_bindgen(unchecked_return_type = "Promise<RequestQueue>")]
    pub fn update(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RequestQueueClientUpdateOptions")]
        new_fields: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.update";
            let o = Opts::new(&options, M, &[])?;
            if !new_fields.is_object() {
                return Err(type_error(&text!(M, ": newFields must be an object")));
            }
            let req = self
                .req(Method::Put, &[], M, TimeoutTier::Small)
                .content_type("application/json");
            Ok(send_object(
                &self.r,
                req,
                Some(json_body(&new_fields)?),
                o.signal()?,
            ))
        })
    }

    /// Deletes the queue.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn delete(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.delete";
            let o = Opts::new(&options, M, &[])?;
            let req = self.req(Method::Delete, &[], M, TimeoutTier::Small);
            Ok(delete_quietly(&self.r, req, o.signal()?))
        })
    }

    /// The first `limit` pending requests, without locking them.
    #[wasm_bindgen(js_name = listHead, unchecked_return_type = "Promise<RequestQueueClientListHeadResult>")]
    pub fn list_head(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestQueueClientListHeadOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.listHead";
            let o = Opts::new(&options, M, &["limit"])?;
            let mut req = self.req(Method::Get, &["head"], M, TimeoutTier::Small);
            req.query.opt("limit", o.uint("limit")?);
            self.ck(&mut req.query);
            Ok(send_object(&self.r, req, None, o.signal()?))
        })
    }

    /// Locks and returns the first `limit` pending requests for `lockSecs` seconds.
    #[wasm_bindgen(
        js_name = listAndLockHead,
        unchecked_return_type = "Promise<RequestQueueClientListAndLockHeadResult>"
    )]
    pub fn list_and_lock_head(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RequestQueueClientListAndLockHeadOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.listAndLockHead";
            let o = Opts::new(&options, M, &["lockSecs", "limit"])?;
            let lock_secs = o
                .number("lockSecs")?
                .ok_or_else(|| type_error(&text!(M, ": option \"lockSecs\" is required")))?;
            let mut req = self.req(Method::Post, &["head", "lock"], M, TimeoutTier::Medium);
            req.query
                .opt("limit", o.uint("limit")?)
                .set("lockSecs", sys::number_query(lock_secs));
            self.ck(&mut req.query);
            Ok(send_object(&self.r, req, None, o.signal()?))
        })
    }

    /// Adds one request (it must not have an `id`); `forefront` puts it at the head.
    #[wasm_bindgen(js_name = addRequest, unchecked_return_type = "Promise<RequestQueueClientAddRequestResult>")]
    pub fn add_request(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RequestQueueClientNewRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestQueueClientAddRequestOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.addRequest";
            check_new_request(&request, M, None)?;
            let o = Opts::new(&options, M, &["forefront"])?;
            let mut req = self
                .req(Method::Post, &["requests"], M, TimeoutTier::Small)
                .content_type("application/json");
            req.query.opt("forefront", o.bool("forefront")?);
            self.ck(&mut req.query);
            Ok(send_object(
                &self.r,
                req,
                Some(json_body(&request)?),
                o.signal()?,
            ))
        })
    }

    /// A request by id, or `undefined` when there is none.
    #[wasm_bindgen(js_name = getRequest, unchecked_return_type = "Promise<RequestQueueClientRequestSchema | undefined>")]
    pub fn get_request(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.getRequest";
            let id = id_arg(&id, "RequestQueueClient.getRequest: id")?;
            let o = Opts::new(&options, M, &[])?;
            let req = self.req(Method::Get, &["requests", &id], M, TimeoutTier::Small);
            Ok(get_object(&self.r, req, o.signal()?))
        })
    }

    /// Replaces a request (identified by its `id`); set `handledAt` to mark it handled.
    #[wasm_bindgen(js_name = updateRequest, unchecked_return_type = "Promise<RequestQueueClientAddRequestResult>")]
    pub fn update_request(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RequestQueueClientRequestSchema")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestQueueClientAddRequestOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.updateRequest";
            if !request.is_object() {
                return Err(type_error(&text!(M, ": request must be an object")));
            }
            let id = id_arg(
                &get(&request, "id"),
                "RequestQueueClient.updateRequest: request.id",
            )?;
            let o = Opts::new(&options, M, &["forefront"])?;
            let mut req = self
                .req(Method::Put, &["requests", &id], M, TimeoutTier::Medium)
                .content_type("application/json");
            req.query.opt("forefront", o.bool("forefront")?);
            self.ck(&mut req.query);
            Ok(send_object(
                &self.r,
                req,
                Some(json_body(&request)?),
                o.signal()?,
            ))
        })
    }

    /// Deletes a request by id.
    #[wasm_bindgen(js_name = deleteRequest, unchecked_return_type = "Promise<void>")]
    pub fn delete_request(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.deleteRequest";
            let id = id_arg(&id, "RequestQueueClient.deleteRequest: id")?;
            let o = Opts::new(&options, M, &[])?;
            let mut req = self.req(Method::Delete, &["requests", &id], M, TimeoutTier::Small);
            self.ck(&mut req.query);
            Ok(send_empty(&self.r, req, None, o.signal()?))
        })
    }

    /// Extends this client's lock of a request to `lockSecs` from now.
    #[wasm_bindgen(js_name = prolongRequestLock, unchecked_return_type = "Promise<{ lockExpiresAt: Date }>")]
    pub fn prolong_request_lock(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RequestQueueClientProlongRequestLockOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.prolongRequestLock";
            let id = id_arg(&id, "RequestQueueClient.prolongRequestLock: id")?;
            let o = Opts::new(&options, M, &["lockSecs", "forefront"])?;
            let lock_secs = o
                .number("lockSecs")?
                .ok_or_else(|| type_error(&text!(M, ": option \"lockSecs\" is required")))?;
            let mut req = self.req(
                Method::Put,
                &["requests", &id, "lock"],
                M,
                TimeoutTier::Medium,
            );
            req.query
                .opt("forefront", o.bool("forefront")?)
                .set("lockSecs", sys::number_query(lock_secs));
            self.ck(&mut req.query);
            Ok(send_object(&self.r, req, None, o.signal()?))
        })
    }

    /// Releases this client's lock of a request (`forefront` returns it to the head).
    #[wasm_bindgen(js_name = deleteRequestLock, unchecked_return_type = "Promise<void>")]
    pub fn delete_request_lock(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(
            unchecked_optional_param_type = "RequestQueueClientDeleteRequestLockOptions"
        )]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.deleteRequestLock";
            let id = id_arg(&id, "RequestQueueClient.deleteRequestLock: id")?;
            let o = Opts::new(&options, M, &["forefront"])?;
            let mut req = self.req(
                Method::Delete,
                &["requests", &id, "lock"],
                M,
                TimeoutTier::Small,
            );
            req.query.opt("forefront", o.bool("forefront")?);
            self.ck(&mut req.query);
            Ok(send_empty(&self.r, req, None, o.signal()?))
        })
    }

    /// Releases every lock this client (its `clientKey`) holds.
    #[wasm_bindgen(js_name = unlockRequests, unchecked_return_type = "Promise<RequestQueueClientUnlockRequestsResult>")]
    pub fn unlock_requests(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.unlockRequests";
            let o = Opts::new(&options, M, &[])?;
            let mut req = self.req(
                Method::Post,
                &["requests", "unlock"],
                M,
                TimeoutTier::Medium,
            );
            self.ck(&mut req.query);
            Ok(send_object(&self.r, req, None, o.signal()?))
        })
    }

    /// Deletes 1–25 requests given by `id` or `uniqueKey`.
    #[wasm_bindgen(js_name = batchDeleteRequests, unchecked_return_type = "Promise<RequestQueueClientBatchDeleteResult>")]
    pub fn batch_delete_requests(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RequestQueueClientRequestToDelete[]")]
        requests: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.batchDeleteRequests";
            let list = match Array::is_array(&requests) {
                true => Array::from(&requests),
                false => return Err(type_error(&text!(M, ": requests must be an array"))),
            };
            if list.length() == 0 || list.length() as usize > MAX_REQUESTS_PER_BATCH {
                return Err(type_error(&text!(
                    M,
                    ": requests must hold 1 to ",
                    int_text(MAX_REQUESTS_PER_BATCH as i64),
                    " items, got ",
                    int_text(i64::from(list.length()))
                )));
            }
            for (i, r) in list.iter().enumerate() {
                if !(get(&r, "id").is_string() || get(&r, "uniqueKey").is_string()) {
                    return Err(type_error(&text!(
                        M,
                        ": requests[",
                        int_text(i as i64),
                        "] must have a string id or uniqueKey"
                    )));
                }
            }
            let o = Opts::new(&options, M, &[])?;
            let mut req = self
                .req(
                    Method::Delete,
                    &["requests", "batch"],
                    M,
                    TimeoutTier::Small,
                )
                .content_type("application/json");
            self.ck(&mut req.query);
            Ok(send_object(
                &self.r,
                req,
                Some(json_body(&requests)?),
                o.signal()?,
            ))
        })
    }

    /// Adds any number of requests in batches of 25 (and at most 9,436,240 bytes of JSON),
    /// `maxParallel` batches at a time, retrying the ones the API leaves unprocessed. It never
    /// rejects for API errors: every request is in exactly one of `processedRequests` and
    /// `unprocessedRequests` of the result.
    #[wasm_bindgen(
        js_name = batchAddRequests,
        unchecked_return_type = "Promise<RequestQueueClientBatchRequestsOperationResult>"
    )]
    pub fn batch_add_requests(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RequestQueueClientNewRequest[]")] requests: JsValue,
        #[wasm_bindgen(
            unchecked_optional_param_type = "RequestQueueClientBatchAddRequestWithRetriesOptions"
        )]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueClient.batchAddRequests";
            if !Array::is_array(&requests) || Array::from(&requests).length() == 0 {
                return Err(type_error(&text!(
                    M,
                    ": requests must be a non-empty array"
                )));
            }
            let list = Array::from(&requests);
            let o = Opts::new(
                &options,
                M,
                &[
                    "forefront",
                    "maxUnprocessedRequestsRetries",
                    "maxParallel",
                    "minDelayBetweenUnprocessedRequestsRetriesMillis",
                ],
            )?;
            let max_retries = o.uint("maxUnprocessedRequestsRetries")?.unwrap_or(3) as u32;
            let max_parallel = o.uint("maxParallel")?.unwrap_or(5).max(1) as usize;
            let min_delay = o
                .number("minDelayBetweenUnprocessedRequestsRetriesMillis")?
                .unwrap_or(500.0);
            // Each request's JSON and size come from support.js in one call (see there why).
            let prepared = sys::prepare_batch_requests(&list);
            if let Some(i) = prepared.as_f64() {
                // (An integer: formatting an f64 would pull Rust's float formatting in.)
                let i = i as usize;
                let r = list.get(i as u32);
                check_new_request(&r, M, Some(i))?;
                json_body(&r)?;
                return Err(type_error(&text!(
                    M,
                    ": requests[",
                    int_text(i as i64),
                    "] cannot be sent"
                )));
            }
            let prepared: Array = prepared.unchecked_into();
            let (jsons, keys) = (prepared.get(0), prepared.get(2));
            let sizes: Vec<usize> = Uint32Array::from(prepared.get(1))
                .to_vec()
                .into_iter()
                .map(|n| n as usize)
                .collect();
            let batches = plan_batches(&sizes, MAX_REQUESTS_PER_BATCH, payload_limit_bytes())
                .map_err(|e| JsValue::from(js_sys::Error::new(&e.message())))?;
            let mut req = self
                .req(Method::Post, &["requests", "batch"], M, TimeoutTier::Medium)
                .content_type("application/json");
            req.query.opt("forefront", o.bool("forefront")?);
            self.ck(&mut req.query);
            let ctx = Rc::new(BatchCtx {
                client: self.r.client.clone(),
                req,
                jsons,
                keys,
                requests: list,
                max_retries,
                min_delay,
                signal: o.signal()?,
            });
            Ok(spawn(async move {
                let jobs: VecDeque<BatchFuture> = batches
                    .into_iter()
                    .map(|range| {
                        let ctx = ctx.clone();
                        let indexes = range.map(|i| i as u32).collect();
                        Box::pin(async move { add_batch(ctx, indexes).await }) as BatchFuture
                    })
                    .collect();
                let outcomes = Pool::new(jobs, max_parallel).await;
                // Flattened once at the end: concatenating per batch copies O(n²) entries.
                let (processed, unprocessed) = (Array::new(), Array::new());
                for outcome in outcomes {
                    let (p, u) = outcome?;
                    processed.push(&p);
                    unprocessed.push(&u);
                }
                let (processed, unprocessed) = (processed.flat(1), unprocessed.flat(1));
                Ok(object(&[
                    ("processedRequests", processed.into()),
                    ("unprocessedRequests", unprocessed.into()),
                ])
                .into())
            }))
        })
    }

    /// A page of requests (`await`), or every request (`for await`), following `nextCursor`.
    #[wasm_bindgen(
        js_name = listRequests,
        unchecked_return_type = "Promise<RequestQueueClientListRequestsResult> & AsyncIterable<RequestQueueClientRequestSchema>"
    )]
    pub fn list_requests(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestQueueClientListRequestsOptions")]
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        const M: &str = "RequestQueueClient.listRequests";
        let o = Opts::new(
            &options,
            M,
            &["limit", "cursor", "exclusiveStartId", "filter"],
        )?;
        let base = self.list_requests_request(&o, M)?;
        let limit = o.uint("limit")?;
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
                    // Later pages follow the cursor; `exclusiveStartId` was for the first only.
                    req.query.remove("exclusiveStartId");
                    req.query.set("cursor", t);
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
                next_field: "nextCursor",
            },
        ))
    }

    /// An async iterable of pages of at most `maxPageLimit` (1000) requests each, following
    /// `nextCursor` until `limit` requests, an empty page or the end.
    #[wasm_bindgen(
        js_name = paginateRequests,
        unchecked_return_type = "AsyncIterable<RequestQueueClientListRequestsResult>"
    )]
    pub fn paginate_requests(
        &self,
        #[wasm_bindgen(
            unchecked_optional_param_type = "RequestQueueClientPaginateRequestsOptions"
        )]
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        const M: &str = "RequestQueueClient.paginateRequests";
        let o = Opts::new(
            &options,
            M,
            &[
                "limit",
                "maxPageLimit",
                "cursor",
                "exclusiveStartId",
                "filter",
            ],
        )?;
        let base = self.list_requests_request(&o, M)?;
        let source = PagesSource {
            client: self.r.client.clone(),
            base,
            limit: o.uint("limit")?.filter(|&l| l > 0),
            max_page: o.uint("maxPageLimit")?.filter(|&l| l > 0).unwrap_or(1000),
            signal: o.signal()?,
        };
        let holder = Object::new();
        Ok(sys::attach_async_iterator(holder.unchecked_ref(), source.into()).into())
    }
}

impl RequestQueueClient {
    /// `GET …/requests?limit&cursor&exclusiveStartId&filter&clientKey` from the options.
    fn list_requests_request(&self, o: &Opts, m: &'static str) -> Result<ApiRequest, JsValue> {
        let cursor = o.string("cursor")?;
        let start = o.string("exclusiveStartId")?;
        if cursor.is_some() && start.is_some() {
            return Err(type_error(&text!(
                m,
                ": options \"cursor\" and \"exclusiveStartId\" cannot be used together"
            )));
        }
        let filter = o.strings("filter", false)?;
        if let Some(f) = &filter {
            if let Some(bad) = f.iter().find(|x| *x != "locked" && *x != "pending") {
                return Err(type_error(&text!(
                    m,
                    ": option \"filter\" may hold only \"locked\" and \"pending\", got \"",
                    bad,
                    "\""
                )));
            }
        }
        let mut req = self.req(Method::Get, &["requests"], m, TimeoutTier::Medium);
        req.query
            .opt("limit", o.uint("limit")?)
            .opt("cursor", cursor)
            .opt("exclusiveStartId", start)
            .opt("filter", filter);
        self.ck(&mut req.query);
        Ok(req)
    }
}

/// A request to add must be an object without an `id`.
fn check_new_request(r: &JsValue, m: &str, index: Option<usize>) -> Result<(), JsValue> {
    let what = match index {
        Some(i) => text!("requests[", int_text(i as i64), "]"),
        None => "request".to_string(),
    };
    if !r.is_object() || Array::is_array(r) {
        return Err(type_error(&text!(m, ": ", what, " must be an object")));
    }
    if !get(r, "id").is_undefined() {
        return Err(type_error(&text!(
            m,
            ": ",
            what,
            " must not have an id (the API assigns it)"
        )));
    }
    Ok(())
}

/// What every batch of one `batchAddRequests` call shares.
struct BatchCtx {
    client: Rc<ClientInner>,
    req: ApiRequest,
    /// Each request's JSON text and the key the API reports it under (JS arrays, from
    /// `prepareBatchRequests`).
    jsons: JsValue,
    keys: JsValue,
    requests: Array,
    max_retries: u32,
    min_delay: f64,
    signal: Option<AbortSignal>,
}

/// The processed entries and the unprocessed requests of one batch, as JS arrays.
type BatchOutcome = Result<(Array, Array), JsValue>;
type BatchFuture = Pin<Box<dyn Future<Output = BatchOutcome>>>;

/// One batch: up to `1 + max_retries` API calls, each sending what no processed entry accounts
/// for yet. API errors end the batch with the rest reported unprocessed; only an abort rejects.
async fn add_batch(ctx: Rc<BatchCtx>, indexes: Vec<u32>) -> BatchOutcome {
    let mut pending = Uint32Array::from(&indexes[..]);
    let mut processed = Array::new();
    let platform = JsPlatform {
        signal: ctx.signal.as_ref(),
    };
    for i in 0..=ctx.max_retries {
        let body = sys::batch_body(&ctx.jsons, &pending);
        let sent = ctx
            .client
            .call(&ctx.req, Some(&body), ctx.signal.as_ref())
            .await;
        match sent {
            Ok(resp) => {
                let data = pluck_data(resp.body);
                let done = get(&data, "processedRequests");
                if Array::is_array(&done) {
                    processed = processed.concat(done.unchecked_ref::<Array>());
                }
                let left = get(&data, "unprocessedRequests");
                if Array::is_array(&left) && Array::from(&left).length() > 0 {
                    // As the official client: unprocessed requests count as rate limiting.
                    ctx.client.stats.add_rate_limit_error(i + 1);
                }
                pending = sys::still_pending(&ctx.keys, &pending, &done);
                if pending.length() == 0 {
                    break;
                }
            }
            Err(e) => {
                if ctx.signal.as_ref().is_some_and(|s| s.aborted()) {
                    return Err(e.into());
                }
                break;
            }
        }
        if i < ctx.max_retries {
            let ms = unprocessed_backoff_ms(i, ctx.min_delay, platform.random());
            platform.sleep(ms).await?;
        }
    }
    let unprocessed: Array = pending
        .to_vec()
        .into_iter()
        .map(|j| {
            let r = ctx.requests.get(j);
            JsValue::from(object(&[
                ("method", get(&r, "method")),
                (
                    "uniqueKey",
                    Reflect::get_u32(&ctx.keys, j).unwrap_or_default(),
                ),
                ("url", get(&r, "url")),
            ]))
        })
        .collect();
    Ok((processed, unprocessed))
}

/// Runs futures with at most `max` of them in flight (a `Promise.race` pool without extra
/// crates); outputs in completion order.
struct Pool<T> {
    waiting: VecDeque<Pin<Box<dyn Future<Output = T>>>>,
    running: Vec<Pin<Box<dyn Future<Output = T>>>>,
    max: usize,
    done: Vec<T>,
}

impl<T> Pool<T> {
    fn new(jobs: VecDeque<Pin<Box<dyn Future<Output = T>>>>, max: usize) -> Self {
        Pool {
            waiting: jobs,
            running: Vec::new(),
            max: max.max(1),
            done: Vec::new(),
        }
    }
}

impl<T: Unpin> Future for Pool<T> {
    type Output = Vec<T>;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Vec<T>> {
        let this = self.get_mut();
        loop {
            while this.running.len() < this.max {
                match this.waiting.pop_front() {
                    Some(f) => this.running.push(f),
                    None => break,
                }
            }
            let mut finished = false;
            let mut i = 0;
            while i < this.running.len() {
                if let Poll::Ready(v) = this.running[i].as_mut().poll(cx) {
                    drop(this.running.swap_remove(i));
                    this.done.push(v);
                    finished = true;
                } else {
                    i += 1;
                }
            }
            if this.running.is_empty() && this.waiting.is_empty() {
                return Poll::Ready(std::mem::take(&mut this.done));
            }
            if !finished {
                return Poll::Pending;
            }
        }
    }
}

/// Held by the object `paginateRequests` returns; makes a fresh page iterator per `for await`.
#[wasm_bindgen]
pub struct PagesSource {
    client: Rc<ClientInner>,
    base: ApiRequest,
    limit: Option<u64>,
    max_page: u64,
    signal: Option<AbortSignal>,
}

#[wasm_bindgen]
impl PagesSource {
    /// A new iterator over pages (the argument is the iterable itself, unused).
    pub fn iterator(
        &self,
        #[wasm_bindgen(unchecked_param_type = "unknown")] _iterable: JsValue,
    ) -> PagesIterator {
        PagesIterator {
            state: Rc::new(RefCell::new(PagesState {
                client: self.client.clone(),
                base: self.base.clone(),
                remaining: self.limit,
                max_page: self.max_page,
                signal: self.signal.clone(),
                cursor: None,
                first: true,
                finished: false,
            })),
            chain: RefCell::new(None),
        }
    }
}

struct PagesState {
    client: Rc<ClientInner>,
    base: ApiRequest,
    remaining: Option<u64>,
    max_page: u64,
    signal: Option<AbortSignal>,
    cursor: Option<String>,
    first: bool,
    finished: bool,
}

/// The async iterator of `paginateRequests`: one `listRequests` page per `next()`.
#[wasm_bindgen]
pub struct PagesIterator {
    state: Rc<RefCell<PagesState>>,
    chain: RefCell<Option<Promise>>,
}

fn iter_result(value: JsValue, done: bool) -> JsValue {
    object(&[("value", value), ("done", done.into())]).into()
}

async fn next_page(state: Rc<RefCell<PagesState>>) -> Result<JsValue, JsValue> {
    let (client, req, signal) = {
        let s = state.borrow();
        if s.finished {
            return Ok(iter_result(JsValue::UNDEFINED, true));
        }
        let mut req = s.base.clone();
        let limit = s.remaining.map_or(s.max_page, |r| r.min(s.max_page));
        req.query.set("limit", limit);
        if !s.first {
            req.query.remove("exclusiveStartId");
            match &s.cursor {
                Some(c) => {
                    req.query.set("cursor", c.clone());
                }
                None => req.query.remove("cursor"),
            }
        }
        (s.client.clone(), req, s.signal.clone())
    };
    let result = client.call(&req, None, signal.as_ref()).await;
    let mut s = state.borrow_mut();
    let resp = result.inspect_err(|_| s.finished = true)?;
    let page = shaped(&resp.body);
    let items = get(&page, "items");
    let count = if Array::is_array(&items) {
        Array::from(&items).length() as u64
    } else {
        0
    };
    s.first = false;
    s.cursor = get(&page, "nextCursor").as_string();
    if let Some(r) = s.remaining.as_mut() {
        *r = r.saturating_sub(count);
    }
    if count == 0 || s.cursor.is_none() || s.remaining == Some(0) {
        s.finished = true;
    }
    Ok(iter_result(page, false))
}

#[wasm_bindgen]
impl PagesIterator {
    #[wasm_bindgen(
        unchecked_return_type = "Promise<IteratorResult<RequestQueueClientListRequestsResult>>"
    )]
    pub fn next(&self) -> Promise {
        let state = self.state.clone();
        let previous = self.chain.borrow_mut().take();
        let promise = spawn(async move {
            if let Some(p) = previous {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            }
            next_page(state).await
        });
        *self.chain.borrow_mut() = Some(promise.clone());
        promise
    }

    /// Called by `break` in `for await`: no further pages are fetched.
    #[wasm_bindgen(
        js_name = "return",
        unchecked_return_type = "Promise<IteratorResult<RequestQueueClientListRequestsResult>>"
    )]
    pub fn return_(&self) -> Promise {
        self.state.borrow_mut().finished = true;
        Promise::resolve(&iter_result(JsValue::UNDEFINED, true))
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// The account's request queues.
    #[wasm_bindgen(js_name = requestQueues)]
    pub fn request_queues(&self) -> RequestQueueCollectionClient {
        RequestQueueCollectionClient {
            r: Resource::collection(&self.inner, "request-queues"),
        }
    }

    /// A request queue by id or `username/name`. `clientKey` identifies this client to the
    /// queue; `timeoutSecs` lowers every request's timeout.
    #[wasm_bindgen(js_name = requestQueue)]
    pub fn request_queue(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestQueueClientOptions")]
        options: JsValue,
    ) -> Result<RequestQueueClient, JsValue> {
        const M: &str = "ApifyClient.requestQueue";
        let id = required_string(&id, "ApifyClient.requestQueue: id")?;
        let o = Opts::new(&options, M, &["clientKey", "timeoutSecs"])?;
        if !o.raw("signal").is_undefined() {
            return Err(type_error(&text!(
                M,
                ": \"signal\" is an option of each call, not of the client"
            )));
        }
        let timeout_cap_ms = o
            .number("timeoutSecs")?
            .map(|t| (t.max(0.0) * 1000.0) as u64);
        Ok(RequestQueueClient {
            r: Resource::item(&self.inner, "request-queues", &id),
            client_key: o.string("clientKey")?,
            timeout_cap_ms,
        })
    }
}
