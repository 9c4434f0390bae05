//! `client.webhookDispatch(id)`: `WebhookDispatchClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::get_resource;
use super::Resource;
use crate::core::request::TimeoutTier;
use crate::js::client::ApifyClient;
use crate::js::opts::required_string;

#[wasm_bindgen]
pub struct WebhookDispatchClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl WebhookDispatchClient {
    /// The dispatch (with its `eventData` and delivery `calls`), or `undefined` when it does
    /// not exist.
    #[wasm_bindgen(unchecked_return_type = "Promise<WebhookDispatch | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        get_resource(
            &self.r,
            &options,
            "WebhookDispatchClient.get",
            TimeoutTier::ClientDefault,
        )
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// A webhook dispatch by id.
    #[wasm_bindgen(js_name = webhookDispatch)]
    pub fn webhook_dispatch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<WebhookDispatchClient, JsValue> {
        let id = required_string(&id, "ApifyClient.webhookDispatch: id")?;
        Ok(WebhookDispatchClient {
            r: Resource::item(&self.inner, "webhook-dispatches", &id),
        })
    }
}
