//! `client.schedule(id)`: `ScheduleClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::{delete_resource, get_resource};
use super::{get_object, json_body, json_request, rejecting, send_object, Resource};
use crate::core::request::Method;
use crate::core::request::TimeoutTier;
use crate::js::client::ApifyClient;
use crate::js::opts::{required_string, type_error, Opts};

#[wasm_bindgen]
pub struct ScheduleClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl ScheduleClient {
    /// The schedule, or `undefined` when it does not exist.
    #[wasm_bindgen(unchecked_return_type = "Promise<Schedule | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        get_resource(
            &self.r,
            &options,
            "ScheduleClient.get",
            TimeoutTier::ClientDefault,
        )
    }

    /// Updates the given fields of the schedule and resolves to the whole updated schedule.
    #[wasm_bindgen(unchecked_return_type = "Promise<Schedule>")]
    pub fn update(
        &self,
        #[wasm_bindgen(js_name = newFields, unchecked_param_type = "ScheduleCreateOrUpdateData")]
        new_fields: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "ScheduleClient.update";
            let o = Opts::new(&options, M, &[])?;
            if !new_fields.is_object() || js_sys::Array::is_array(&new_fields) {
                return Err(type_error(&text!(M, ": newFields must be an object")));
            }
            let body = Some(json_body(&new_fields)?);
            let req = json_request(self.r.request(Method::Put, &[], M), &body);
            Ok(send_object(&self.r, req, body, o.signal()?))
        })
    }

    /// Deletes the schedule.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn delete(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        delete_resource(
            &self.r,
            &options,
            "ScheduleClient.delete",
            TimeoutTier::ClientDefault,
        )
    }

    /// The schedule's log: its invocations, oldest first, or `undefined` when the schedule
    /// does not exist. (The official typings say `string`; the API returns these entries.)
    #[wasm_bindgen(js_name = getLog, unchecked_return_type = "Promise<ScheduleLogEntry[] | undefined>")]
    pub fn get_log(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "ScheduleClient.getLog";
            let o = Opts::new(&options, M, &[])?;
            let req = self.r.request(Method::Get, &["log"], M);
            Ok(get_object(&self.r, req, o.signal()?))
        })
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// A schedule by id or `username/name`.
    pub fn schedule(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<ScheduleClient, JsValue> {
        let id = required_string(&id, "ApifyClient.schedule: id")?;
        Ok(ScheduleClient {
            r: Resource::item(&self.inner, "schedules", &id),
        })
    }
}
