//! `client.keyValueStores()`: `KeyValueStoreCollectionClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::{json_body, list_collection, rejecting, send_object, Resource};
use crate::core::request::Method;
use crate::core::url::Query;
use crate::js::convert::object;
use crate::js::opts::Opts;

#[wasm_bindgen]
pub struct KeyValueStoreCollectionClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl KeyValueStoreCollectionClient {
    /// Lists the account's key-value stores. `await` it for the first page, or `for await` over all.
    #[wasm_bindgen(unchecked_return_type = "PaginatedIterator<KeyValueStore>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "StorageCollectionListOptions")]
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        const M: &str = "KeyValueStoreCollectionClient.list";
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

    /// Returns the key-value store called `name`, creating it first if needed (no name: a new
    /// unnamed store).
    #[wasm_bindgen(js_name = getOrCreate, unchecked_return_type = "Promise<KeyValueStore>")]
    pub fn get_or_create(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] name: JsValue,
        #[wasm_bindgen(
            unchecked_optional_param_type = "{ schema?: Record<string, unknown>; signal?: AbortSignal }"
        )]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "KeyValueStoreCollectionClient.getOrCreate";
            let o = Opts::new(&options, M, &["schema"])?;
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
            let body = match o.object("schema")? {
                Some(schema) => {
                    req.content_type = Some("application/json".into());
                    Some(json_body(&object(&[("schema", schema)]).into())?)
                }
                None => None,
            };
            Ok(send_object(&self.r, req, body, o.signal()?))
        })
    }
}
