//! `client.schedules()`: `ScheduleCollectionClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::{
    json_request, list_collection, optional_json_object, rejecting, send_object, Resource,
};
use crate::core::request::Method;
use crate::core::url::Query;
use crate::js::client::ApifyClient;
use crate::js::opts::Opts;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The `type` of a schedule action. */
export type ScheduleActions = "RUN_ACTOR" | "RUN_ACTOR_TASK";

/** The input a scheduled Actor run gets: a body and its content type. */
export interface ScheduledActorRunInput {
    body: string;
    contentType: string;
}

export interface ScheduledActorRunOptions {
    build: string;
    timeoutSecs: number;
    memoryMbytes: number;
    restartOnError?: boolean;
}

export interface ScheduleActionRunActor {
    id: string;
    type: "RUN_ACTOR";
    actorId: string;
    runInput?: ScheduledActorRunInput;
    runOptions?: ScheduledActorRunOptions;
}

export interface ScheduleActionRunActorTask {
    id: string;
    type: "RUN_ACTOR_TASK";
    actorTaskId: string;
    /** Overrides of the task's input, as a JSON object. */
    input?: Record<string, unknown>;
}

export type ScheduleAction = ScheduleActionRunActor | ScheduleActionRunActorTask;

export interface Schedule {
    id: string;
    userId: string;
    name: string;
    title?: string;
    cronExpression: string;
    /** An IANA time zone, e.g. `"UTC"` or `"Europe/Prague"`. */
    timezone: string;
    isEnabled: boolean;
    isExclusive: boolean;
    description?: string;
    createdAt: Date;
    modifiedAt: Date;
    nextRunAt: Date | null;
    lastRunAt: Date | null;
    actions: ScheduleAction[];
    notifications?: { email: boolean };
}

/** The fields of `schedules().create()` and `schedule(id).update()`; action ids are optional. */
export interface ScheduleCreateOrUpdateData {
    name?: string;
    title?: string;
    cronExpression?: string;
    timezone?: string;
    isEnabled?: boolean;
    isExclusive?: boolean;
    description?: string;
    notifications?: { email: boolean };
    actions?: (Omit<ScheduleActionRunActor, "id"> & { id?: string } | Omit<ScheduleActionRunActorTask, "id"> & { id?: string })[];
}

/** One entry of a schedule's log: when it was invoked and what happened. */
export interface ScheduleLogEntry {
    message: string;
    level: string;
    createdAt: Date;
}

export interface ScheduleCollectionListOptions extends ListOptions {}
"#;

#[wasm_bindgen]
pub struct ScheduleCollectionClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl ScheduleCollectionClient {
    /// Lists the account's schedules. `await` it for one page, or `for await` over all.
    #[wasm_bindgen(unchecked_return_type = "PaginatedIterator<Schedule>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ScheduleCollectionListOptions")]
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        const M: &str = "ScheduleCollectionClient.list";
        let o = Opts::new(&options, M, &["limit", "offset", "desc"])?;
        list_collection(&self.r, M, &o, Query::new())
    }

    /// Creates a schedule.
    #[wasm_bindgen(unchecked_return_type = "Promise<Schedule>")]
    pub fn create(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ScheduleCreateOrUpdateData")]
        schedule: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "ScheduleCollectionClient.create";
            let o = Opts::new(&options, M, &[])?;
            let body = optional_json_object(&schedule, M, "schedule")?;
            let req = json_request(self.r.request(Method::Post, &[], M), &body);
            Ok(send_object(&self.r, req, body, o.signal()?))
        })
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// The account's schedules.
    pub fn schedules(&self) -> ScheduleCollectionClient {
        ScheduleCollectionClient {
            r: Resource::collection(&self.inner, "schedules"),
        }
    }
}
