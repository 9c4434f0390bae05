//! `client.webhook(id)`: `WebhookClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::webhook_dispatch_collection::WebhookDispatchCollectionClient;
use super::{delete_resource, get_resource};
use super::{get_object, json_body, json_request, rejecting, send_object, Resource};
use crate::core::request::Method;
use crate::core::request::TimeoutTier;
use crate::js::client::ApifyClient;
use crate::js::opts::{required_string, type_error, Opts};

#[wasm_bindgen]
pub struct WebhookClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl WebhookClient {
    /// The webhook, or `undefined` when it does not exist.
    #[wasm_bindgen(unchecked_return_type = "Promise<Webhook | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        get_resource(
            &self.r,
            &options,
            "WebhookClient.get",
            TimeoutTier::ClientDefault,
        )
    }

    /// Updates the given fields of the webhook and resolves to the whole updated webhook.
    #[wasm_bindgen(unchecked_return_type = "Promise<Webhook>")]
    pub fn update(
        &self,
        #[wasm_bindgen(js_name = newFields, unchecked_param_type = "WebhookUpdateData")] new_fields: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "WebhookClient.update";
            let o = Opts::new(&options, M, &[])?;
            if !new_fields.is_object() || js_sys::Array::is_array(&new_fields) {
                return Err(type_error(&text!(M, ": newFields must be an object")));
            }
            let body = Some(json_body(&new_fields)?);
            let req = json_request(self.r.request(Method::Put, &[], M), &body);
            Ok(send_object(&self.r, req, body, o.signal()?))
        })
    }

    /// Deletes the webhook.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn delete(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        delete_resource(
            &self.r,
            &options,
            "WebhookClient.delete",
            TimeoutTier::ClientDefault,
        )
    }

    /// Dispatches a `TEST` event to the webhook's URL; resolves to the dispatch, or `undefined`
    /// when the webhook does not exist.
    #[wasm_bindgen(unchecked_return_type = "Promise<WebhookDispatch | undefined>")]
    pub fn test(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "WebhookClient.test";
            let o = Opts::new(&options, M, &[])?;
            let req = self.r.request(Method::Post, &["test"], M);
            Ok(get_object(&self.r, req, o.signal()?))
        })
    }

    /// The dispatches of this webhook: `webhook(id).dispatches().list()`.
    pub fn dispatches(&self) -> WebhookDispatchCollectionClient {
        WebhookDispatchCollectionClient::below(&self.r, "dispatches")
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// A webhook by id.
    pub fn webhook(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<WebhookClient, JsValue> {
        let id = required_string(&id, "ApifyClient.webhook: id")?;
        Ok(WebhookClient {
            r: Resource::item(&self.inner, "webhooks", &id),
        })
    }
}
