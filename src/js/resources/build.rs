//! `client.build(id)`: `BuildClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::delete_resource;
use super::job::{get_job, wait_for_job, wait_secs};
use super::log::LogClient;
use super::{rejecting, send_object, spawn, Resource};
use crate::core::request::Method;
use crate::core::request::TimeoutTier;
use crate::js::client::ApifyClient;
use crate::js::opts::{required_string, Opts};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export type ActorJobStatus = "READY" | "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMING-OUT" | "TIMED-OUT" | "ABORTING" | "ABORTED";

export interface BuildMeta {
    origin: string;
    clientIp?: string;
    userAgent?: string;
}

export interface BuildStats {
    durationMillis?: number;
    runTimeSecs?: number;
    computeUnits?: number;
}

export interface BuildOptions {
    useCache?: boolean;
    betaPackages?: boolean;
    memoryMbytes?: number;
    diskMbytes?: number;
}

export interface Build {
    id: string;
    actId: string;
    userId: string;
    startedAt: Date;
    finishedAt?: Date | null;
    status: ActorJobStatus;
    meta: BuildMeta;
    stats?: BuildStats;
    options?: BuildOptions;
    usage?: Record<string, number>;
    usageTotalUsd?: number;
    usageUsd?: Record<string, number>;
    buildNumber: string;
    buildTag?: string;
    inputSchema?: string;
    readme?: string;
    actorDefinition?: Record<string, unknown>;
}

export interface BuildGetOptions extends CallOptions {
    /** Seconds (at most 60) the API may hold the request until the build finishes. */
    waitForFinish?: number;
}

export interface WaitForFinishOptions extends CallOptions {
    /** How long to wait in total; the build or run as it is then is returned. @default 999999 */
    waitSecs?: number;
}

export interface BuildCollectionListOptions extends ListOptions {}
"#;

/// An Actor build.
#[wasm_bindgen]
pub struct BuildClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl BuildClient {
    /// The build, or `undefined` when it does not exist. `waitForFinish` asks the API to hold
    /// the request (at most 60 s) until the build finishes.
    #[wasm_bindgen(unchecked_return_type = "Promise<Build | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "BuildGetOptions")] options: JsValue,
    ) -> Promise {
        get_job(&self.r, &options, "BuildClient.get")
    }

    /// Aborts the build; resolves to the build as it is after the abort.
    #[wasm_bindgen(unchecked_return_type = "Promise<Build>")]
    pub fn abort(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "BuildClient.abort";
            let o = Opts::new(&options, M, &[])?;
            let req = self.r.request(Method::Post, &["abort"], M);
            Ok(send_object(&self.r, req, None, o.signal()?))
        })
    }

    /// Deletes the build.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn delete(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        delete_resource(
            &self.r,
            &options,
            "BuildClient.delete",
            TimeoutTier::ClientDefault,
        )
    }

    /// The OpenAPI definition of the built Actor, as the API returns it (not unwrapped).
    #[wasm_bindgen(js_name = getOpenApiDefinition, unchecked_return_type = "Promise<Record<string, unknown>>")]
    pub fn get_open_api_definition(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "BuildClient.getOpenApiDefinition";
            let o = Opts::new(&options, M, &[])?;
            let req = self.r.request(Method::Get, &["openapi.json"], M);
            let client = self.r.client.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                Ok(client.call(&req, None, signal.as_ref()).await?.body)
            }))
        })
    }

    /// Waits until the build finishes or `waitSecs` runs out, polling with the API's 60 s hold,
    /// and resolves to the build as it is then (it may still be running). It does not reject
    /// when the build failed; check `status`.
    #[wasm_bindgen(js_name = waitForFinish, unchecked_return_type = "Promise<Build>")]
    pub fn wait_for_finish(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "WaitForFinishOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "BuildClient.waitForFinish";
            let o = Opts::new(&options, M, &["waitSecs"])?;
            let secs = wait_secs(&o, M)?;
            let req = self.r.request(Method::Get, &[], M);
            Ok(spawn(wait_for_job(
                self.r.client.clone(),
                req,
                secs,
                o.signal()?,
                "build",
            )))
        })
    }

    /// The build's log.
    pub fn log(&self) -> LogClient {
        LogClient {
            r: self.r.below(&["log"]),
        }
    }
}

/// Builds of the account, or of one Actor (`actor(id).builds()`).
#[wasm_bindgen]
pub struct BuildCollectionClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl BuildCollectionClient {
    /// Lists builds. `await` it for the first page, or `for await` over all.
    #[wasm_bindgen(unchecked_return_type = "PaginatedIterator<Build>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "BuildCollectionListOptions")]
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        const M: &str = "BuildCollectionClient.list";
        let o = Opts::new(&options, M, &["limit", "offset", "desc"])?;
        super::list_collection(&self.r, M, &o, crate::core::url::Query::new())
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// Builds of all the account's Actors.
    pub fn builds(&self) -> BuildCollectionClient {
        BuildCollectionClient {
            r: Resource::collection(&self.inner, "actor-builds"),
        }
    }

    /// A build by id.
    pub fn build(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<BuildClient, JsValue> {
        let id = required_string(&id, "ApifyClient.build: id")?;
        Ok(BuildClient {
            r: Resource::item(&self.inner, "actor-builds", &id),
        })
    }
}
