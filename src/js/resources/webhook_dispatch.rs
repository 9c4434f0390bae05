//! `client.webhookDispatch(id)`: `WebhookDispatchClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::{get_object, rejecting, Resource};
use crate::core::request::Method;
use crate::js::client::ApifyClient;
use crate::js::opts::{required_string, Opts};

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
        rejecting(|| {
            const M: &str = "WebhookDispatchClient.get";
            let o = Opts::new(&options, M, &[])?;
            let req = self.r.request(Method::Get, &[], M);
            Ok(get_object(&self.r, req, o.signal()?))
        })
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
