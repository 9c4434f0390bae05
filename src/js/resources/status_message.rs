//! `client.setStatusMessage(message, options)`: the status message of the Actor run this code
//! runs in, found through the `ACTOR_RUN_ID` environment variable.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::{json_body, json_request, rejecting, send_empty, Resource};
use crate::core::request::Method;
use crate::js::client::ApifyClient;
use crate::js::convert::{object, set};
use crate::js::opts::{type_error, Opts};
use crate::js::sys;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Options of `setStatusMessage` (`SetStatusMessageOptions` of `@crawlee/types`). */
export interface SetStatusMessageOptions extends CallOptions {
    /** The message is final: the run will not change it any more. */
    isStatusMessageTerminal?: boolean;
    level?: "DEBUG" | "INFO" | "WARNING" | "ERROR";
}
"#;

/// The variables the official client reads, in its order (`ACTOR_ENV_VARS.RUN_ID`, then the
/// legacy `APIFY_ACTOR_RUN_ID`).
const RUN_ID_VARS: &[&str] = &["ACTOR_RUN_ID", "APIFY_ACTOR_RUN_ID"];

fn current_run_id() -> Result<String, JsValue> {
    for name in RUN_ID_VARS {
        match sys::env_var(name) {
            Ok(Some(id)) if !id.is_empty() => return Ok(id),
            Ok(_) => {}
            Err(cause) => {
                let e = js_sys::Error::new(&text!(
                    "setStatusMessage: the runtime refused to read the environment variable ",
                    name,
                    " (in Deno, allow it with --allow-env=",
                    name,
                    ")"
                ));
                e.set_cause(&cause);
                return Err(e.into());
            }
        }
    }
    Err(js_sys::Error::new(
        "Environment variable ACTOR_RUN_ID is not set! setStatusMessage only works inside an Actor run, in a runtime that exposes environment variables (process.env or Deno.env); elsewhere use client.run(id).update({ statusMessage })",
    )
    .into())
}

#[wasm_bindgen]
impl ApifyClient {
    /// Sets the status message of the current Actor run (`ACTOR_RUN_ID`, read from
    /// `process.env` or `Deno.env`): `PUT /v2/actor-runs/{ACTOR_RUN_ID}`. Rejects where the
    /// variable is not set or the runtime has no environment (browsers, Workers without
    /// `nodejs_compat`).
    #[wasm_bindgen(js_name = setStatusMessage, unchecked_return_type = "Promise<void>")]
    pub fn set_status_message(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] message: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SetStatusMessageOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "RunClient.update";
            let o = Opts::new(
                &options,
                "ApifyClient.setStatusMessage",
                &["isStatusMessageTerminal", "level"],
            )?;
            if !message.is_string() {
                return Err(type_error(
                    "ApifyClient.setStatusMessage: message must be a string",
                ));
            }
            let terminal = o.bool("isStatusMessageTerminal")?;
            let level = o.string("level")?;
            let run_id = current_run_id()?;
            let fields = object(&[("statusMessage", message)]);
            if let Some(t) = terminal {
                set(&fields, "isStatusMessageTerminal", &t.into());
            }
            if let Some(l) = level {
                set(&fields, "level", &l.into());
            }
            let run = Resource::item(&self.inner, "actor-runs", &run_id);
            let body = Some(json_body(&fields)?);
            let req = json_request(run.request(Method::Put, &[], M), &body);
            Ok(send_empty(&run, req, body, o.signal()?))
        })
    }
}
