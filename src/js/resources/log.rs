//! `client.log(id)`, `run(id).log()`, `build(id).log()`: `LogClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::{rejecting, spawn, Resource};
use crate::core::request::{Method, ResponseKind};
use crate::js::client::ApifyClient;
use crate::js::opts::{required_string, Opts};
use crate::js::sys;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export interface LogOptions extends CallOptions {
    /** The log as the Actor wrote it, without the platform's ANSI colouring. */
    raw?: boolean;
}
"#;

/// The log of an Actor run or build.
#[wasm_bindgen]
pub struct LogClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl LogClient {
    /// The whole log as text (`""` when it is empty), or `undefined` when there is no such log.
    #[wasm_bindgen(unchecked_return_type = "Promise<string | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "LogOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "LogClient.get";
            let o = Opts::new(&options, M, &["raw"])?;
            let mut req = self.r.request(Method::Get, &[], M);
            req.query.opt("raw", o.bool("raw")?);
            let client = self.r.client.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                Ok(
                    match client.call_or_none(&req, None, signal.as_ref()).await? {
                        Some(resp) if resp.body.is_undefined() => JsValue::from_str(""),
                        Some(resp) => resp.body,
                        None => JsValue::UNDEFINED,
                    },
                )
            }))
        })
    }

    /// The log as a `ReadableStream<string>` that grows while the run or build is going and
    /// ends with it; `undefined` when there is no such log. Nothing is buffered: the response
    /// body is decoded as it arrives (`TextDecoderStream`). The `signal` cancels the stream.
    #[wasm_bindgen(unchecked_return_type = "Promise<ReadableStream<string> | undefined>")]
    pub fn stream(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "LogOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "LogClient.stream";
            let o = Opts::new(&options, M, &["raw"])?;
            let mut req = self
                .r
                .request(Method::Get, &[], M)
                .response(ResponseKind::Stream);
            req.query.set("stream", true).opt("raw", o.bool("raw")?);
            let client = self.r.client.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                match client.call_or_none(&req, None, signal.as_ref()).await? {
                    Some(resp) => sys::decode_text_stream(&resp.body),
                    None => Ok(JsValue::UNDEFINED),
                }
            }))
        })
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// The log of the run or build `buildOrRunId`.
    pub fn log(
        &self,
        #[wasm_bindgen(js_name = buildOrRunId, unchecked_param_type = "string")]
        build_or_run_id: JsValue,
    ) -> Result<LogClient, JsValue> {
        let id = required_string(&build_or_run_id, "ApifyClient.log: buildOrRunId")?;
        Ok(LogClient {
            r: Resource::item(&self.inner, "logs", &id),
        })
    }
}
