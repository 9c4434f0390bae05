//! `client.actors()` and `client.actor(id)`: `ActorCollectionClient` and `ActorClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::actor_version::{ActorVersionClient, ActorVersionCollectionClient};
use super::build::{BuildClient, BuildCollectionClient};
use super::job::{
    input_body, run_sync, start_query, wait_secs, ACTOR_START_OPTIONS, SYNC_ITEM_OPTIONS,
};
use super::run::{last_run, start_and_wait, RunClient, RunCollectionClient};
use super::webhook_collection::WebhookCollectionClient;
use super::{delete_resource, get_resource, update_resource};
use super::{json_body, list_collection, rejecting, send_object, spawn, Resource};
use crate::core::request::Method;
use crate::core::request::TimeoutTier;
use crate::core::url::Query;
use crate::js::client::ApifyClient;
use crate::js::convert::{get, shaped};
use crate::js::opts::{required_string, type_error, Opts};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export interface ActorStats {
    totalBuilds?: number;
    totalRuns?: number;
    totalUsers?: number;
    totalUsers7Days?: number;
    totalUsers30Days?: number;
    totalUsers90Days?: number;
    totalMetamorphs?: number;
    lastRunStartedAt?: Date | null;
}

export interface ActorDefaultRunOptions {
    build?: string;
    timeoutSecs?: number;
    memoryMbytes?: number;
    restartOnError?: boolean;
}

export interface ActorExampleRunInput {
    body: string;
    contentType: string;
}

export interface ActorTaggedBuild {
    buildId?: string;
    buildNumber?: string;
    finishedAt?: Date;
}

export interface Actor {
    id: string;
    userId: string;
    name: string;
    username: string;
    title?: string | null;
    description?: string | null;
    restartOnError?: boolean;
    isPublic: boolean;
    isDeprecated?: boolean;
    isAnonymouslyRunnable?: boolean;
    createdAt: Date;
    modifiedAt: Date;
    stats: ActorStats;
    versions: ActorVersion[];
    defaultRunOptions: ActorDefaultRunOptions;
    exampleRunInput?: ActorExampleRunInput;
    categories?: string[];
    seoTitle?: string;
    seoDescription?: string;
    taggedBuilds?: Record<string, ActorTaggedBuild>;
    actorStandby?: Record<string, unknown>;
    actorPermissionLevel?: "FULL_PERMISSIONS" | "LIMITED_PERMISSIONS";
    pricingInfos?: Record<string, unknown>[];
}

/** An Actor in `actors().list()`: the short form. */
export interface ActorCollectionListItem {
    id: string;
    createdAt: Date;
    modifiedAt: Date;
    name: string;
    username: string;
    title?: string;
    stats?: ActorStats;
}

export interface ActorCollectionListOptions extends ListOptions {
    /** Only the account's own Actors. */
    my?: boolean;
    sortBy?: "createdAt" | "stats.lastRunStartedAt";
}

export interface ActorCreateOptions {
    name?: string;
    title?: string;
    description?: string;
    isPublic?: boolean;
    isDeprecated?: boolean;
    seoTitle?: string;
    seoDescription?: string;
    categories?: string[];
    defaultRunOptions?: ActorDefaultRunOptions;
    exampleRunInput?: ActorExampleRunInput;
    versions?: ActorVersion[];
    actorStandby?: Record<string, unknown>;
    actorPermissionLevel?: "FULL_PERMISSIONS" | "LIMITED_PERMISSIONS";
    /** @deprecated use defaultRunOptions.restartOnError */
    restartOnError?: boolean;
}

export interface ActorUpdateOptions extends ActorCreateOptions {
    taggedBuilds?: Record<string, { buildId: string } | null>;
}

/** An ad-hoc webhook of one run (`start({webhooks})`). */
export interface AdHocWebhook {
    eventTypes: string[];
    requestUrl: string;
    payloadTemplate?: string;
    headersTemplate?: string;
    description?: string;
    idempotencyKey?: string;
    ignoreSslErrors?: boolean;
    doNotRetry?: boolean;
    shouldInterpolateStrings?: boolean;
}

export interface ActorStartOptions extends CallOptions {
    /** Seconds (at most 60) the API may hold the request until the run finishes. */
    waitForFinish?: number;
    /** The run's timeout in seconds (not an HTTP timeout). */
    timeout?: number;
    /** The run's memory in megabytes. */
    memory?: number;
    /** A build tag or number. */
    build?: string;
    webhooks?: AdHocWebhook[];
    maxItems?: number;
    maxTotalChargeUsd?: number;
    restartOnError?: boolean;
    forcePermissionLevel?: "FULL_PERMISSIONS" | "LIMITED_PERMISSIONS";
    /** The content type of `input`. Objects are sent as JSON; strings and bytes as they are. */
    contentType?: string;
}

export interface ActorCallOptions extends Omit<ActorStartOptions, "waitForFinish"> {
    /** How long to wait for the run; it is returned as it is then. @default 999999 */
    waitSecs?: number;
    /** Accepted for compatibility; the run's log is not redirected (use `run(id).log().stream()`). */
    log?: null | "default" | object;
}

/** Options of `runSync` (not in the official client). */
export interface ActorRunSyncOptions extends Omit<ActorStartOptions, "waitForFinish"> {
    /** The record to answer with. @default "OUTPUT" */
    outputRecordKey?: string;
}

/** Options of `runSyncGetDatasetItems` (not in the official client): the run's options and
 * the dataset item filters of `listItems`. */
export interface ActorRunSyncGetDatasetItemsOptions extends Omit<ActorStartOptions, "waitForFinish"> {
    clean?: boolean;
    desc?: boolean;
    fields?: string[];
    omit?: string[];
    flatten?: string[];
    unwind?: string | string[];
    skipEmpty?: boolean;
    skipHidden?: boolean;
    view?: string;
    offset?: number;
    limit?: number;
}

export interface ActorValidateInputOptions extends CallOptions {
    build?: string;
    contentType?: string;
}

export interface ActorBuildOptions extends CallOptions {
    betaPackages?: boolean;
    tag?: string;
    useCache?: boolean;
    /** Seconds (at most 60) the API may hold the request until the build finishes. */
    waitForFinish?: number;
}

export interface ActorDefaultBuildOptions extends CallOptions {
    waitForFinish?: number;
}
"#;

/// One Actor, by id or `username/name`.
#[wasm_bindgen]
pub struct ActorClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl ActorClient {
    /// The Actor, or `undefined` when it does not exist.
    #[wasm_bindgen(unchecked_return_type = "Promise<Actor | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        get_resource(
            &self.r,
            &options,
            "ActorClient.get",
            TimeoutTier::ClientDefault,
        )
    }

    /// Updates the Actor's settings.
    #[wasm_bindgen(unchecked_return_type = "Promise<Actor>")]
    pub fn update(
        &self,
        #[wasm_bindgen(js_name = newFields, unchecked_param_type = "ActorUpdateOptions")]
        new_fields: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        update_resource(
            &self.r,
            &new_fields,
            &options,
            "ActorClient.update",
            TimeoutTier::ClientDefault,
        )
    }

    /// Deletes the Actor (resolves also when it was already gone).
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn delete(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        delete_resource(
            &self.r,
            &options,
            "ActorClient.delete",
            TimeoutTier::ClientDefault,
        )
    }

    /// Starts a run with `input` and resolves to it at once (or after the `waitForFinish`
    /// hold). Objects are sent as JSON; strings and bytes as they are, with `contentType`.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorRun>")]
    pub fn start(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "unknown")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ActorStartOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "ActorClient.start";
            let o = Opts::new(&options, M, ACTOR_START_OPTIONS)?;
            let (req, body) = self.start_request(&input, &o, M)?;
            Ok(send_object(&self.r, req, body, o.signal()?))
        })
    }

    /// Starts a run and waits for it to finish (or for `waitSecs`), polling with the API's
    /// 60 s hold; resolves to the run as it is then. A failed run resolves too: check
    /// `status`. Abort with `signal`.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorRun>")]
    pub fn call(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "unknown")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ActorCallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "ActorClient.call";
            let mut allowed: Vec<&str> = ACTOR_START_OPTIONS
                .iter()
                .copied()
                .filter(|k| *k != "waitForFinish")
                .collect();
            allowed.extend(["waitSecs", "log"]);
            let o = Opts::new(&options, M, &allowed)?;
            let log = o.raw("log");
            if !(log.is_undefined()
                || log.is_null()
                || log.as_string().as_deref() == Some("default")
                || log.is_object())
            {
                return Err(type_error(&text!(
                    M,
                    ": option \"log\" must be null, \"default\" or a logger"
                )));
            }
            let secs = wait_secs(&o, M)?;
            let (req, body) = self.start_request(&input, &o, M)?;
            Ok(spawn(start_and_wait(
                self.r.client.clone(),
                req,
                body,
                secs,
                o.signal()?,
            )))
        })
    }

    /// Runs the Actor and resolves to its `OUTPUT` record (or `outputRecordKey`) in one
    /// request (`…/run-sync`, not in the official client): JSON parsed, text as a string, other
    /// content as bytes, `undefined` when the run wrote none. The platform waits at most 300 s
    /// (then 408); a run that does not succeed rejects. No `input` → `GET`.
    #[wasm_bindgen(js_name = runSync, unchecked_return_type = "Promise<unknown>")]
    pub fn run_sync(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "unknown")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ActorRunSyncOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "ActorClient.runSync";
            let o = Opts::new(&options, M, &sync_options(&["outputRecordKey"]))?;
            let (body, ct) = input_body(&input, o.string("contentType")?)?;
            run_sync(&self.r, "run-sync", body, ct, &o, false, M)
        })
    }

    /// Runs the Actor and resolves to the items of its default dataset in one request
    /// (`…/run-sync-get-dataset-items`, not in the official client), filtered as `listItems`.
    /// The platform waits at most 300 s (then 408); a run that does not succeed rejects.
    #[wasm_bindgen(
        js_name = runSyncGetDatasetItems,
        unchecked_return_type = "Promise<DatasetItem[]>"
    )]
    pub fn run_sync_get_dataset_items(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "unknown")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ActorRunSyncGetDatasetItemsOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "ActorClient.runSyncGetDatasetItems";
            let o = Opts::new(&options, M, &sync_options(SYNC_ITEM_OPTIONS))?;
            let (body, ct) = input_body(&input, o.string("contentType")?)?;
            run_sync(&self.r, "run-sync-get-dataset-items", body, ct, &o, true, M)
        })
    }

    /// Checks `input` against the input schema of the Actor's `build` (default: its default
    /// build); resolves to `true` when valid, rejects with the API's error otherwise.
    #[wasm_bindgen(js_name = validateInput, unchecked_return_type = "Promise<boolean>")]
    pub fn validate_input(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "unknown")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ActorValidateInputOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "ActorClient.validateInput";
            let o = Opts::new(&options, M, &["build", "contentType"])?;
            let mut req = self.r.request(Method::Post, &["validate-input"], M);
            req.query.opt("build", o.string("build")?);
            let (body, ct) = input_body(&input, o.string("contentType")?)?;
            req.content_type = ct;
            let client = self.r.client.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                let resp = client.call(&req, body.as_ref(), signal.as_ref()).await?;
                Ok(get(&resp.body, "valid"))
            }))
        })
    }

    /// Builds `versionNumber` of the Actor; resolves to the build (finished only when the
    /// `waitForFinish` hold sufficed).
    #[wasm_bindgen(unchecked_return_type = "Promise<Build>")]
    pub fn build(
        &self,
        #[wasm_bindgen(js_name = versionNumber, unchecked_param_type = "string")]
        version_number: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ActorBuildOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "ActorClient.build";
            let version = required_string(&version_number, "ActorClient.build: versionNumber")?;
            let o = Opts::new(
                &options,
                M,
                &["betaPackages", "tag", "useCache", "waitForFinish"],
            )?;
            let mut req = self.r.request(Method::Post, &["builds"], M);
            req.query
                .set("version", version)
                .opt("betaPackages", o.bool("betaPackages")?)
                .opt("tag", o.string("tag")?)
                .opt("useCache", o.bool("useCache")?)
                .opt("waitForFinish", o.uint("waitForFinish")?);
            Ok(send_object(&self.r, req, None, o.signal()?))
        })
    }

    /// A `BuildClient` for the Actor's default build.
    #[wasm_bindgen(js_name = defaultBuild, unchecked_return_type = "Promise<BuildClient>")]
    pub fn default_build(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ActorDefaultBuildOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "ActorClient.defaultBuild";
            let o = Opts::new(&options, M, &["waitForFinish"])?;
            let mut req = self.r.request(Method::Get, &["builds", "default"], M);
            req.query.opt("waitForFinish", o.uint("waitForFinish")?);
            let client = self.r.client.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                let resp = client.call(&req, None, signal.as_ref()).await?;
                let id = get(&shaped(&resp.body), "id")
                    .as_string()
                    .ok_or_else(|| type_error("The API returned a default build without an id"))?;
                Ok(BuildClient {
                    r: Resource::item(&client, "actor-builds", &id),
                }
                .into())
            }))
        })
    }

    /// The Actor's last run (optionally the last with `status`, or from `origin`). The
    /// filter carries to every call and sub-client: `lastRun({status}).dataset().listItems()`.
    #[wasm_bindgen(js_name = lastRun)]
    pub fn last_run(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "LastRunOptions")] options: JsValue,
    ) -> Result<RunClient, JsValue> {
        last_run(&self.r, &options, "ActorClient.lastRun")
    }

    /// The Actor's builds.
    pub fn builds(&self) -> BuildCollectionClient {
        BuildCollectionClient {
            r: self.r.below(&["builds"]),
        }
    }

    /// The Actor's runs.
    pub fn runs(&self) -> RunCollectionClient {
        RunCollectionClient {
            r: self.r.below(&["runs"]),
        }
    }

    /// Webhooks of the Actor's runs.
    pub fn webhooks(&self) -> WebhookCollectionClient {
        WebhookCollectionClient::below(&self.r)
    }

    /// The Actor's versions.
    pub fn versions(&self) -> ActorVersionCollectionClient {
        ActorVersionCollectionClient {
            r: self.r.below(&["versions"]),
        }
    }

    /// One version of the Actor, by number (`"0.1"`).
    pub fn version(
        &self,
        #[wasm_bindgen(js_name = versionNumber, unchecked_param_type = "string")]
        version_number: JsValue,
    ) -> Result<ActorVersionClient, JsValue> {
        let v = required_string(&version_number, "ActorClient.version: versionNumber")?;
        Ok(ActorVersionClient {
            r: self.r.below(&["versions", &v]),
        })
    }
}

impl ActorClient {
    fn start_request(
        &self,
        input: &JsValue,
        o: &Opts,
        m: &'static str,
    ) -> Result<(crate::core::request::ApiRequest, Option<JsValue>), JsValue> {
        let q = start_query(o, m)?;
        let mut req = self.r.request(Method::Post, &["runs"], m).query(q);
        let (body, ct) = input_body(input, o.string("contentType")?)?;
        req.content_type = ct;
        Ok((req, body))
    }
}

/// The options of `runSync*`: those of `start` but `waitForFinish`, and `extra`.
fn sync_options(extra: &[&'static str]) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = ACTOR_START_OPTIONS
        .iter()
        .copied()
        .filter(|k| *k != "waitForFinish")
        .collect();
    v.extend_from_slice(extra);
    v
}

/// The account's Actors.
#[wasm_bindgen]
pub struct ActorCollectionClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl ActorCollectionClient {
    /// Lists Actors (`my`: only the account's own). `await` it for the first page, or
    /// `for await` over all.
    #[wasm_bindgen(unchecked_return_type = "PaginatedIterator<ActorCollectionListItem>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ActorCollectionListOptions")]
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        const M: &str = "ActorCollectionClient.list";
        let o = Opts::new(&options, M, &["my", "limit", "offset", "desc", "sortBy"])?;
        let mut extra = Query::new();
        extra
            .opt("my", o.bool("my")?)
            .opt("sortBy", o.string("sortBy")?);
        list_collection(&self.r, M, &o, extra)
    }

    /// Creates an Actor.
    #[wasm_bindgen(unchecked_return_type = "Promise<Actor>")]
    pub fn create(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ActorCreateOptions")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "ActorCollectionClient.create";
            let o = Opts::new(&options, M, &[])?;
            if !actor.is_object() {
                return Err(type_error(&text!(M, ": actor must be an object")));
            }
            let req = self
                .r
                .request(Method::Post, &[], M)
                .content_type("application/json");
            Ok(send_object(
                &self.r,
                req,
                Some(json_body(&actor)?),
                o.signal()?,
            ))
        })
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// The account's Actors.
    pub fn actors(&self) -> ActorCollectionClient {
        ActorCollectionClient {
            r: Resource::collection(&self.inner, "actors"),
        }
    }

    /// An Actor by id or `username/name`.
    pub fn actor(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<ActorClient, JsValue> {
        let id = required_string(&id, "ApifyClient.actor: id")?;
        Ok(ActorClient {
            r: Resource::item(&self.inner, "actors", &id),
        })
    }
}
