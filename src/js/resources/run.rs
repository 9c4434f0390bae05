//! `client.run(id)`, `actor(id).lastRun()`, `task(id).lastRun()`: `RunClient`, and the run
//! collections: `RunCollectionClient`.

use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;

use super::dataset::DatasetClient;
use super::job::{actor_id_param, get_job, input_body, non_negative, wait_for_job, wait_secs};
use super::key_value_store::KeyValueStoreClient;
use super::log::LogClient;
use super::request_queue::RequestQueueClient;
use super::Resource;
use super::{delete_resource, update_resource};
use super::{json_body, list_collection, rejecting, send_object, spawn};
use crate::core::request::Method;
use crate::core::request::TimeoutTier;
use crate::core::url::Query;
use crate::core::wait::default_idempotency_key;
use crate::js::client::ApifyClient;
use crate::js::convert::{object, shaped};
use crate::js::opts::{required_string, type_error, Opts};
use crate::js::sys;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export interface ActorRunMeta {
    origin: string;
    clientIp?: string;
    userAgent?: string;
    scheduleId?: string;
    scheduledAt?: Date;
}

export interface ActorRunStats {
    inputBodyLen?: number;
    restartCount?: number;
    resurrectCount?: number;
    durationMillis?: number;
    runTimeSecs?: number;
    computeUnits?: number;
    [stat: string]: number | undefined;
}

export interface ActorRunOptions {
    build: string;
    timeoutSecs: number;
    memoryMbytes: number;
    diskMbytes?: number;
    maxItems?: number;
    maxTotalChargeUsd?: number;
    restartOnError?: boolean;
}

export interface ActorRun {
    id: string;
    actId: string;
    userId: string;
    actorTaskId?: string | null;
    startedAt: Date;
    finishedAt?: Date | null;
    status: ActorJobStatus;
    statusMessage?: string | null;
    isStatusMessageTerminal?: boolean;
    meta: ActorRunMeta;
    stats: ActorRunStats;
    options: ActorRunOptions;
    buildId: string;
    buildNumber?: string;
    exitCode?: number | null;
    defaultKeyValueStoreId: string;
    defaultDatasetId: string;
    defaultRequestQueueId: string;
    storageIds?: Record<string, unknown>;
    containerUrl?: string;
    generalAccess?: string;
    usage?: Record<string, number>;
    usageTotalUsd?: number;
    usageUsd?: Record<string, number>;
    pricingInfo?: Record<string, unknown>;
    chargedEventCounts?: Record<string, number>;
}

export interface RunGetOptions extends CallOptions {
    /** Seconds (at most 60) the API may hold the request until the run finishes. */
    waitForFinish?: number;
}

export interface RunAbortOptions extends CallOptions {
    /** Let the Actor finish its work and persist its state first. */
    gracefully?: boolean;
}

export interface RunMetamorphOptions extends CallOptions {
    build?: string;
    /** The content type of `input` when it is a string or bytes. */
    contentType?: string;
}

export interface RunUpdateOptions {
    statusMessage?: string;
    isStatusMessageTerminal?: boolean;
    generalAccess?: string;
}

export interface RunResurrectOptions extends CallOptions {
    build?: string;
    memory?: number;
    timeout?: number;
    maxItems?: number;
    maxTotalChargeUsd?: number;
    restartOnError?: boolean;
}

export interface RunChargeOptions extends CallOptions {
    eventName: string;
    /** @default 1 */
    count?: number;
    /** @default `${runId}-${eventName}-${Date.now()}-${5 random characters}` */
    idempotencyKey?: string;
}

/** What `charge()` resolves to: the HTTP response, as the official client returns it. */
export interface RunChargeResponse {
    status: number;
    headers: Record<string, string>;
    data: unknown;
}

export interface RunCollectionListOptions extends ListOptions {
    status?: ActorJobStatus | ActorJobStatus[];
    startedBefore?: Date | string;
    startedAfter?: Date | string;
}

export interface LastRunOptions {
    status?: ActorJobStatus;
    origin?: "DEVELOPMENT" | "WEB" | "API" | "SCHEDULER" | "TEST" | "WEBHOOK" | "ACTOR" | "CLI" | "STANDBY";
}
"#;

/// An Actor run.
#[wasm_bindgen]
pub struct RunClient {
    pub(crate) r: Resource,
    /// The id as given (`last` for `lastRun()`), for `charge`'s default idempotency key.
    pub(crate) id: String,
}

impl RunClient {
    /// A request without the inherited `lastRun` params (`reboot`, `charge`).
    fn bare(
        &self,
        method: Method,
        tail: &[&str],
        m: &'static str,
    ) -> crate::core::request::ApiRequest {
        let mut req = self.r.request(method, tail, m);
        req.query = Query::new();
        req
    }
}

#[wasm_bindgen]
impl RunClient {
    /// The run, or `undefined` when it does not exist. `waitForFinish` asks the API to hold the
    /// request (at most 60 s) until the run finishes.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorRun | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "RunGetOptions")] options: JsValue,
    ) -> Promise {
        get_job(&self.r, &options, "RunClient.get")
    }

    /// Aborts the run, at once or (`gracefully`) after the Actor has persisted its state.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorRun>")]
    pub fn abort(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "RunAbortOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RunClient.abort";
            let o = Opts::new(&options, M, &["gracefully"])?;
            let mut req = self.r.request(Method::Post, &["abort"], M);
            req.query.opt("gracefully", o.bool("gracefully")?);
            Ok(send_object(&self.r, req, None, o.signal()?))
        })
    }

    /// Deletes the run.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn delete(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        delete_resource(
            &self.r,
            &options,
            "RunClient.delete",
            TimeoutTier::ClientDefault,
        )
    }

    /// Transforms the running Actor into `targetActorId` (an id or `username/name`), which
    /// continues the same run with `input`.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorRun>")]
    pub fn metamorph(
        &self,
        #[wasm_bindgen(js_name = targetActorId, unchecked_param_type = "string")]
        target_actor_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "unknown")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RunMetamorphOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RunClient.metamorph";
            let target = required_string(&target_actor_id, "RunClient.metamorph: targetActorId")?;
            let o = Opts::new(&options, M, &["build", "contentType"])?;
            let mut req = self.r.request(Method::Post, &["metamorph"], M);
            req.query
                .set("targetActorId", actor_id_param(&target))
                .opt("build", o.string("build")?);
            let (body, ct) = input_body(&input, o.string("contentType")?)?;
            req.content_type = ct;
            Ok(send_object(&self.r, req, body, o.signal()?))
        })
    }

    /// Restarts the run's container; the run keeps its id and storages.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorRun>")]
    pub fn reboot(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RunClient.reboot";
            let o = Opts::new(&options, M, &[])?;
            let req = self.bare(Method::Post, &["reboot"], M);
            Ok(send_object(&self.r, req, None, o.signal()?))
        })
    }

    /// Updates the run's `statusMessage`, `isStatusMessageTerminal` or `generalAccess`.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorRun>")]
    pub fn update(
        &self,
        #[wasm_bindgen(js_name = newFields, unchecked_param_type = "RunUpdateOptions")]
        new_fields: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        update_resource(
            &self.r,
            &new_fields,
            &options,
            "RunClient.update",
            TimeoutTier::ClientDefault,
        )
    }

    /// Starts a finished run again, in the same storages, optionally with other settings.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorRun>")]
    pub fn resurrect(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "RunResurrectOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RunClient.resurrect";
            let o = Opts::new(
                &options,
                M,
                &[
                    "build",
                    "memory",
                    "timeout",
                    "maxItems",
                    "maxTotalChargeUsd",
                    "restartOnError",
                ],
            )?;
            let mut req = self.r.request(Method::Post, &["resurrect"], M);
            req.query
                .opt("build", o.string("build")?)
                .opt(
                    "memory",
                    non_negative(&o, M, "memory")?.map(sys::number_query),
                )
                .opt(
                    "timeout",
                    non_negative(&o, M, "timeout")?.map(sys::number_query),
                )
                .opt(
                    "maxItems",
                    non_negative(&o, M, "maxItems")?.map(sys::number_query),
                )
                .opt(
                    "maxTotalChargeUsd",
                    non_negative(&o, M, "maxTotalChargeUsd")?.map(sys::number_query),
                )
                .opt("restartOnError", o.bool("restartOnError")?);
            Ok(send_object(&self.r, req, None, o.signal()?))
        })
    }

    /// Charges `count` (default 1) `eventName` events of a pay-per-event run. The
    /// `idempotency-key` header makes retries safe; the default key is built as the official
    /// client builds it. Resolves to the HTTP response (`{status, headers, data}`).
    #[wasm_bindgen(unchecked_return_type = "Promise<RunChargeResponse>")]
    pub fn charge(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RunChargeOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RunClient.charge";
            if options.is_undefined() || options.is_null() {
                return Err(type_error(&text!(
                    M,
                    ": options with eventName are required"
                )));
            }
            let o = Opts::new(&options, M, &["eventName", "count", "idempotencyKey"])?;
            let event = o
                .string("eventName")?
                .filter(|e| !e.is_empty())
                .ok_or_else(|| {
                    type_error(&text!(
                        M,
                        ": option \"eventName\" must be a non-empty string"
                    ))
                })?;
            let count = o.uint("count")?.unwrap_or(1);
            let key = match o.string("idempotencyKey")? {
                Some(k) => k,
                None => default_idempotency_key(
                    &self.id,
                    &event,
                    js_sys::Date::now(),
                    js_sys::Math::random,
                ),
            };
            let mut req = self
                .bare(Method::Post, &["charge"], M)
                .content_type("application/json");
            req.headers.push(("idempotency-key".into(), key));
            let body = json_body(
                &object(&[
                    ("eventName", JsValue::from_str(&event)),
                    ("count", JsValue::from(count as f64)),
                ])
                .into(),
            )?;
            let client = self.r.client.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                let resp = client.call(&req, Some(&body), signal.as_ref()).await?;
                let headers =
                    Object::from_entries(&resp.headers()).unwrap_or_else(|_| Object::new());
                Ok(object(&[
                    ("status", JsValue::from(resp.status)),
                    ("headers", headers.into()),
                    ("data", resp.body),
                ])
                .into())
            }))
        })
    }

    /// Waits until the run finishes or `waitSecs` runs out, polling with the API's 60 s hold,
    /// and resolves to the run as it is then (it may still be running). It does not reject
    /// when the run failed; check `status`.
    #[wasm_bindgen(js_name = waitForFinish, unchecked_return_type = "Promise<ActorRun>")]
    pub fn wait_for_finish(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "WaitForFinishOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RunClient.waitForFinish";
            let o = Opts::new(&options, M, &["waitSecs"])?;
            let secs = wait_secs(&o, M)?;
            let req = self.r.request(Method::Get, &[], M);
            Ok(spawn(wait_for_job(
                self.r.client.clone(),
                req,
                secs,
                o.signal()?,
                "run",
            )))
        })
    }

    /// The run's default dataset.
    pub fn dataset(&self) -> DatasetClient {
        DatasetClient {
            r: self.r.below(&["dataset"]),
        }
    }

    /// The run's default key-value store (`OUTPUT`, `INPUT`, …).
    #[wasm_bindgen(js_name = keyValueStore)]
    pub fn key_value_store(&self) -> KeyValueStoreClient {
        KeyValueStoreClient {
            r: self.r.below(&["key-value-store"]),
        }
    }

    /// The run's default request queue (no `clientKey` or `timeoutSecs` here, as in the
    /// official client).
    #[wasm_bindgen(js_name = requestQueue)]
    pub fn request_queue(&self) -> RequestQueueClient {
        RequestQueueClient {
            r: self.r.below(&["request-queue"]),
            client_key: None,
            timeout_cap_ms: None,
        }
    }

    /// The run's log.
    pub fn log(&self) -> LogClient {
        LogClient {
            r: self.r.below(&["log"]),
        }
    }
}

/// Runs of the account, of an Actor (`actor(id).runs()`) or of a task (`task(id).runs()`).
#[wasm_bindgen]
pub struct RunCollectionClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl RunCollectionClient {
    /// Lists runs, optionally only those with a `status` (one or several) or started in a
    /// time window. `await` it for the first page, or `for await` over all.
    #[wasm_bindgen(unchecked_return_type = "PaginatedIterator<ActorRun>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "RunCollectionListOptions")]
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        const M: &str = "RunCollectionClient.list";
        let o = Opts::new(
            &options,
            M,
            &[
                "limit",
                "offset",
                "desc",
                "status",
                "startedBefore",
                "startedAfter",
            ],
        )?;
        let mut extra = Query::new();
        extra
            .opt("status", o.strings("status", true)?)
            .opt("startedAfter", o.date("startedAfter")?)
            .opt("startedBefore", o.date("startedBefore")?);
        list_collection(&self.r, M, &o, extra)
    }
}

/// `lastRun({status, origin})` of an Actor or task: a `RunClient` at `…/runs/last` whose
/// params every request and sub-client inherits.
pub fn last_run(
    r: &Resource,
    options: &JsValue,
    method: &'static str,
) -> Result<RunClient, JsValue> {
    let o = Opts::new(options, method, &["status", "origin"])?;
    let mut run = r.below(&["runs", "last"]);
    run.params
        .opt("status", o.string("status")?)
        .opt("origin", o.string("origin")?);
    Ok(RunClient {
        r: run,
        id: "last".into(),
    })
}

/// `call()` of an Actor or task: sends the `start` request, then waits for the run at the
/// top-level `/actor-runs/{id}` (as the official client does) and resolves to it.
pub async fn start_and_wait(
    client: std::rc::Rc<crate::js::http::ClientInner>,
    start: crate::core::request::ApiRequest,
    body: Option<JsValue>,
    wait: Option<f64>,
    signal: Option<web_sys::AbortSignal>,
) -> Result<JsValue, JsValue> {
    let resp = client.call(&start, body.as_ref(), signal.as_ref()).await?;
    let run = shaped(&resp.body);
    let id = crate::js::convert::get(&run, "id")
        .as_string()
        .ok_or_else(|| type_error("The API started a run but returned no run id"))?;
    let poll = Resource::item(&client, "actor-runs", &id).request(
        Method::Get,
        &[],
        "RunClient.waitForFinish",
    );
    wait_for_job(client, poll, wait, signal, "run").await
}

#[wasm_bindgen]
impl ApifyClient {
    /// Runs of all the account's Actors.
    pub fn runs(&self) -> RunCollectionClient {
        RunCollectionClient {
            r: Resource::collection(&self.inner, "actor-runs"),
        }
    }

    /// A run by id.
    pub fn run(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<RunClient, JsValue> {
        let id = required_string(&id, "ApifyClient.run: id")?;
        Ok(RunClient {
            r: Resource::item(&self.inner, "actor-runs", &id),
            id,
        })
    }
}
