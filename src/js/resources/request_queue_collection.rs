//! `client.requestQueues()`: `RequestQueueCollectionClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::{list_collection, rejecting, send_object, Resource};
use crate::core::request::Method;
use crate::core::url::Query;
use crate::js::opts::Opts;

#[wasm_bindgen]
pub struct RequestQueueCollectionClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl RequestQueueCollectionClient {
    /// Lists the account's request queues. `await` it for the first page, or `for await` over all.
    #[wasm_bindgen(unchecked_return_type = "PaginatedIterator<RequestQueue>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "StorageCollectionListOptions")]
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        const M: &str = "RequestQueueCollectionClient.list";
        let o = Opts::new(
            &options,
            M,
            &["unnamed", "limit", "offset", "desc", "ownership"],
        )?;
        let mut extra = Query::new();
        extra
            .opt("unnamed", o.bool("unnamed")?)
            .opt("ownership", o.string("ownership")?);
        list_collection(&self.r, M, &o, extra)
    }

    /// Returns the request queue called `name`, creating it first if needed (no name: a new
    /// unnamed queue).
    #[wasm_bindgen(js_name = getOrCreate, unchecked_return_type = "Promise<RequestQueue>")]
    pub fn get_or_create(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] name: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RequestQueueCollectionClient.getOrCreate";
            let o = Opts::new(&options, M, &[])?;
            let mut req = self.r.request(Method::Post, &[], M);
            let name = match name.as_string() {
                Some(n) => Some(n),
                None if name.is_undefined() || name.is_null() => None,
                None => {
                    return Err(crate::js::opts::type_error(&format!(
                        "{M}: name must be a string"
                    )))
                }
            };
            req.query.opt("name", name);
            Ok(send_object(&self.r, req, None, o.signal()?))
        })
    }
}
