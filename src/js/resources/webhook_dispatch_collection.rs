//! `client.webhookDispatches()` and `webhook(id).dispatches()`:
//! `WebhookDispatchCollectionClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::{list_collection, Resource};
use crate::core::url::Query;
use crate::js::client::ApifyClient;
use crate::js::opts::Opts;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export type WebhookDispatchStatus = "ACTIVE" | "SUCCEEDED" | "FAILED";

/** One attempt to deliver a dispatch to the webhook's URL. */
export interface WebhookDispatchCall {
    startedAt: Date;
    finishedAt: Date | null;
    errorMessage: string | null;
    responseStatus: number | null;
    responseBody: string | null;
}

/** What triggered the dispatch. */
export interface WebhookDispatchEventData {
    actorRunId?: string;
    actorId?: string;
    actorTaskId?: string;
    actorBuildId?: string;
    [key: string]: unknown;
}

export interface WebhookDispatch {
    id: string;
    userId: string;
    webhookId: string;
    createdAt: Date;
    status: WebhookDispatchStatus;
    eventType: WebhookEventType;
    calls: WebhookDispatchCall[];
    webhook: Pick<Webhook, "requestUrl" | "isAdHoc">;
    eventData: WebhookDispatchEventData | null;
}

export interface WebhookDispatchCollectionListOptions extends ListOptions {}
"#;

#[wasm_bindgen]
pub struct WebhookDispatchCollectionClient {
    pub(crate) r: Resource,
}

impl WebhookDispatchCollectionClient {
    /// A dispatch collection below `parent` at `path` (`webhooks/{id}/dispatches`).
    pub(crate) fn below(parent: &Resource, path: &str) -> WebhookDispatchCollectionClient {
        WebhookDispatchCollectionClient {
            r: parent.below(&[path]),
        }
    }
}

#[wasm_bindgen]
impl WebhookDispatchCollectionClient {
    /// Lists webhook dispatches. `await` it for one page, or `for await` over all of them.
    #[wasm_bindgen(unchecked_return_type = "PaginatedIterator<WebhookDispatch>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "WebhookDispatchCollectionListOptions")]
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        const M: &str = "WebhookDispatchCollectionClient.list";
        let o = Opts::new(&options, M, &["limit", "offset", "desc"])?;
        list_collection(&self.r, M, &o, Query::new())
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// Every dispatch of the account's webhooks.
    #[wasm_bindgen(js_name = webhookDispatches)]
    pub fn webhook_dispatches(&self) -> WebhookDispatchCollectionClient {
        WebhookDispatchCollectionClient {
            r: Resource::collection(&self.inner, "webhook-dispatches"),
        }
    }
}
