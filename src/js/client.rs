//! `ApifyClient`: reads its options once and hands out resource clients.

use std::rc::Rc;

use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::convert::object;
use super::http::ClientInner;
use super::opts::{option_error, required_string, type_error, Opts};
use super::resources::dataset::DatasetClient;
use super::resources::dataset_collection::DatasetCollectionClient;
use super::resources::Resource;
use super::sys;
use crate::core::options::RawClientOptions;

/// The entry point: `new ApifyClient({ token })`, then `client.dataset(id).listItems()` and
/// the rest, as in the official `apify-client`.
#[wasm_bindgen]
pub struct ApifyClient {
    pub(crate) inner: Rc<ClientInner>,
}

const CLIENT_OPTIONS: &[&str] = &[
    "token",
    "baseUrl",
    "publicBaseUrl",
    "maxRetries",
    "minDelayBetweenRetriesMillis",
    "timeoutSecs",
    "userAgentSuffix",
    "fetch",
    "requestInterceptors",
];

#[wasm_bindgen]
impl ApifyClient {
    /// A client for the API at `baseUrl` with `token`; unknown options throw a TypeError.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "ApifyClientOptions")] options: JsValue,
    ) -> Result<ApifyClient, JsValue> {
        const M: &str = "new ApifyClient";
        let o = Opts::new(&options, M, CLIENT_OPTIONS)?;
        if !o.raw("signal").is_undefined() {
            return Err(type_error(
                "new ApifyClient: \"signal\" is an option of each call, not of the client",
            ));
        }
        let fetch =
            match o.raw("fetch") {
                v if v.is_undefined() => None,
                v => Some(v.dyn_into::<Function>().map_err(|_| {
                    type_error("new ApifyClient: option \"fetch\" must be a function")
                })?),
            };
        let interceptors = o.raw("requestInterceptors");
        let no_interceptors = interceptors.is_undefined()
            || (Array::is_array(&interceptors) && Array::from(&interceptors).length() == 0);
        if !no_interceptors {
            return Err(type_error(
                "new ApifyClient: requestInterceptors are not supported by apify-client-wasm; pass a custom \"fetch\" function instead",
            ));
        }
        let raw = RawClientOptions {
            token: o.string("token")?,
            base_url: o.string("baseUrl")?,
            public_base_url: o.string("publicBaseUrl")?,
            max_retries: o.number("maxRetries")?,
            min_delay_between_retries_millis: o.number("minDelayBetweenRetriesMillis")?,
            timeout_secs: o.number("timeoutSecs")?,
            user_agent_suffix: o.strings("userAgentSuffix", true)?.unwrap_or_default(),
        };
        let config = raw.validate(sys::number_text).map_err(option_error)?;
        Ok(ApifyClient {
            inner: Rc::new(ClientInner::new(config, fetch, sys::is_browser())),
        })
    }

    /// `{baseUrl}/v2`, as in the official client.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.inner.api_base.clone()
    }

    /// `{publicBaseUrl}/v2`: the base of the public URLs the client builds.
    #[wasm_bindgen(getter, js_name = publicBaseUrl)]
    pub fn public_base_url(&self) -> String {
        self.inner.public_api_base.clone()
    }

    /// The API token the client sends, if any.
    #[wasm_bindgen(getter)]
    pub fn token(&self) -> Option<String> {
        self.inner.config.token.clone()
    }

    /// `{calls, requests, rateLimitErrors}`: calls made, HTTP requests sent (retries included)
    /// and 429 responses per attempt number (`rateLimitErrors[0]`: on first attempts).
    #[wasm_bindgen(getter, unchecked_return_type = "ClientStats")]
    pub fn stats(&self) -> JsValue {
        let s = &self.inner.stats;
        let rl: Array = s
            .rate_limit_errors
            .borrow()
            .iter()
            .map(|&n| JsValue::from(n as f64))
            .collect();
        object(&[
            ("calls", (s.calls.get() as f64).into()),
            ("requests", (s.requests.get() as f64).into()),
            ("rateLimitErrors", rl.into()),
        ])
        .into()
    }

    /// The account's datasets.
    pub fn datasets(&self) -> DatasetCollectionClient {
        DatasetCollectionClient {
            r: Resource::collection(&self.inner, "datasets"),
        }
    }

    /// A dataset by id or `username/name`.
    pub fn dataset(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<DatasetClient, JsValue> {
        let id = required_string(&id, "ApifyClient.dataset: id")?;
        Ok(DatasetClient {
            r: Resource::item(&self.inner, "datasets", &id),
        })
    }
}
