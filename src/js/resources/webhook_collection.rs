//! `client.webhooks()`, `actor(id).webhooks()`, `task(id).webhooks()`: `WebhookCollectionClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::{
    json_request, list_collection, optional_json_object, rejecting, send_object, Resource,
};
use crate::core::request::Method;
use crate::core::url::Query;
use crate::js::client::ApifyClient;
use crate::js::opts::Opts;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** An event a webhook fires on (`ACTOR.RUN.SUCCEEDED`, …; `TEST` for `webhook(id).test()`). */
export type WebhookEventType =
    | "ACTOR.BUILD.ABORTED"
    | "ACTOR.BUILD.CREATED"
    | "ACTOR.BUILD.FAILED"
    | "ACTOR.BUILD.SUCCEEDED"
    | "ACTOR.BUILD.TIMED_OUT"
    | "ACTOR.RUN.ABORTED"
    | "ACTOR.RUN.CREATED"
    | "ACTOR.RUN.FAILED"
    | "ACTOR.RUN.RESURRECTED"
    | "ACTOR.RUN.SUCCEEDED"
    | "ACTOR.RUN.TIMED_OUT"
    | "TEST";

/** What a webhook watches: every run of an Actor, every run of a task, or one run. */
export type WebhookCondition =
    | WebhookAnyRunOfActorCondition
    | WebhookAnyRunOfActorTaskCondition
    | WebhookCertainRunCondition;

export interface WebhookAnyRunOfActorCondition {
    actorId: string;
}

export interface WebhookAnyRunOfActorTaskCondition {
    actorTaskId: string;
}

export interface WebhookCertainRunCondition {
    actorRunId: string;
}

export interface WebhookStats {
    totalDispatches: number;
}

export interface WebhookLastDispatch {
    status: WebhookDispatchStatus;
    finishedAt: Date;
}

export interface Webhook {
    id: string;
    userId: string;
    createdAt: Date;
    modifiedAt: Date;
    isAdHoc: boolean;
    eventTypes: WebhookEventType[];
    condition: WebhookCondition;
    ignoreSslErrors: boolean;
    doNotRetry: boolean;
    requestUrl: string;
    payloadTemplate: string | null;
    headersTemplate: string | null;
    shouldInterpolateStrings: boolean;
    isApifyIntegration?: boolean;
    description?: string | null;
    lastDispatch: WebhookLastDispatch | null;
    stats: WebhookStats;
}

/** The fields of `webhooks().create()` and `webhook(id).update()`. */
export interface WebhookUpdateData {
    isAdHoc?: boolean;
    eventTypes?: readonly WebhookEventType[];
    condition?: WebhookCondition;
    ignoreSslErrors?: boolean;
    doNotRetry?: boolean;
    requestUrl?: string;
    payloadTemplate?: string;
    headersTemplate?: string;
    shouldInterpolateStrings?: boolean;
    isApifyIntegration?: boolean;
    description?: string;
    /** Creating twice with the same key returns the webhook the first call created. */
    idempotencyKey?: string;
}

export interface WebhookCollectionListOptions extends ListOptions {}

/** A webhook as `list()` returns it: without its templates. */
export type WebhookListItem = Omit<Webhook, "payloadTemplate" | "headersTemplate">;
"#;

#[wasm_bindgen]
pub struct WebhookCollectionClient {
    pub(crate) r: Resource,
}

impl WebhookCollectionClient {
    /// The collection at `r` itself (`/webhooks`, `/actors/{id}/webhooks`,
    /// `/actor-tasks/{id}/webhooks`); list-style parameters of `r` carry to every request.
    pub(crate) fn new(r: Resource) -> WebhookCollectionClient {
        WebhookCollectionClient { r }
    }

    /// The `webhooks` sub-collection of a parent resource (an Actor or a task), as the
    /// official client's `_subResourceOptions({resourcePath: 'webhooks'})`.
    pub(crate) fn below(parent: &Resource) -> WebhookCollectionClient {
        WebhookCollectionClient::new(parent.below(&["webhooks"]))
    }
}

#[wasm_bindgen]
impl WebhookCollectionClient {
    /// Lists webhooks (without their templates). `await` it for one page, or `for await` over
    /// all of them.
    #[wasm_bindgen(unchecked_return_type = "PaginatedIterator<WebhookListItem>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "WebhookCollectionListOptions")]
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        const M: &str = "WebhookCollectionClient.list";
        let o = Opts::new(&options, M, &["limit", "offset", "desc"])?;
        list_collection(&self.r, M, &o, Query::new())
    }

    /// Creates a webhook. An `idempotencyKey` in the data makes retried creates return the
    /// first webhook instead of a duplicate.
    #[wasm_bindgen(unchecked_return_type = "Promise<Webhook>")]
    pub fn create(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "WebhookUpdateData")] webhook: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "WebhookCollectionClient.create";
            let o = Opts::new(&options, M, &[])?;
            let body = optional_json_object(&webhook, M, "webhook")?;
            let req = json_request(self.r.request(Method::Post, &[], M), &body);
            Ok(send_object(&self.r, req, body, o.signal()?))
        })
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// The account's webhooks.
    pub fn webhooks(&self) -> WebhookCollectionClient {
        WebhookCollectionClient::new(Resource::collection(&self.inner, "webhooks"))
    }
}
