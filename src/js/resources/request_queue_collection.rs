//! `client.requestQueues()`: `RequestQueueCollectionClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::Resource;
use super::{get_or_create_storage, list_storages};

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
        list_storages(&self.r, &options, "RequestQueueCollectionClient.list")
    }

    /// Returns the request queue called `name`, creating it first if needed (no name: a new
    /// unnamed queue).
    #[wasm_bindgen(js_name = getOrCreate, unchecked_return_type = "Promise<RequestQueue>")]
    pub fn get_or_create(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] name: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        get_or_create_storage(
            &self.r,
            &name,
            &options,
            "RequestQueueCollectionClient.getOrCreate",
            false,
        )
    }
}
