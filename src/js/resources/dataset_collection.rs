//! `client.datasets()`: `DatasetCollectionClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::Resource;
use super::{get_or_create_storage, list_storages};

#[wasm_bindgen]
pub struct DatasetCollectionClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl DatasetCollectionClient {
    /// Lists the account's datasets. `await` it for the first page, or `for await` over all.
    #[wasm_bindgen(unchecked_return_type = "PaginatedIterator<Dataset>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "DatasetCollectionListOptions")]
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        list_storages(&self.r, &options, "DatasetCollectionClient.list")
    }

    /// Returns the dataset called `name`, creating it first if needed (no name: a new
    /// unnamed dataset).
    #[wasm_bindgen(js_name = getOrCreate, unchecked_return_type = "Promise<Dataset>")]
    pub fn get_or_create(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] name: JsValue,
        #[wasm_bindgen(
            unchecked_optional_param_type = "{ schema?: Record<string, unknown>; signal?: AbortSignal }"
        )]
        options: JsValue,
    ) -> Promise {
        get_or_create_storage(
            &self.r,
            &name,
            &options,
            "DatasetCollectionClient.getOrCreate",
            true,
        )
    }
}
