//! `client.tasks()` and `client.task(id)`: `TaskCollectionClient` and `TaskClient`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::job::{run_sync, start_query, wait_secs, SYNC_ITEM_OPTIONS, TASK_START_OPTIONS};
use super::run::{last_run, start_and_wait, RunClient, RunCollectionClient};
use super::webhook_collection::WebhookCollectionClient;
use super::{delete_resource, get_resource};
use super::{json_body, list_collection, rejecting, send_object, spawn, Resource};
use crate::core::request::TimeoutTier;
use crate::core::request::{ApiRequest, Method};
use crate::core::url::Query;
use crate::js::client::ApifyClient;
use crate::js::convert::object;
use crate::js::opts::{required_string, type_error, Opts};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export interface TaskStats {
    totalRuns?: number;
}

export interface TaskOptions {
    build?: string;
    timeoutSecs?: number;
    memoryMbytes?: number;
    restartOnError?: boolean;
}

export type TaskInput = Record<string, unknown>;

export interface Task {
    id: string;
    userId: string;
    actId: string;
    name: string;
    title?: string;
    description?: string;
    username?: string;
    createdAt: Date;
    modifiedAt: Date;
    removedAt?: Date | null;
    stats?: TaskStats;
    options?: TaskOptions;
    input?: TaskInput;
    actorStandby?: Record<string, unknown>;
    isPublic?: boolean;
    publicConfig?: Record<string, unknown>;
}

export interface TaskCreateOptions {
    actId: string;
    name: string;
    title?: string;
    description?: string;
    options?: TaskOptions;
    input?: TaskInput;
    actorStandby?: Record<string, unknown>;
    isPublic?: boolean;
    publicConfig?: Record<string, unknown>;
}

export type TaskUpdateOptions = Partial<Omit<TaskCreateOptions, "actId">>;

export interface TaskStartOptions extends CallOptions {
    waitForFinish?: number;
    timeout?: number;
    memory?: number;
    build?: string;
    webhooks?: AdHocWebhook[];
    maxItems?: number;
    maxTotalChargeUsd?: number;
    restartOnError?: boolean;
}

export interface TaskCallOptions extends Omit<TaskStartOptions, "waitForFinish"> {
    /** How long to wait for the run; it is returned as it is then. @default 999999 */
    waitSecs?: number;
}

/** Options of `runSync` (not in the official client). */
export interface TaskRunSyncOptions extends Omit<TaskStartOptions, "waitForFinish"> {
    /** The record to answer with. @default "OUTPUT" */
    outputRecordKey?: string;
}

/** Options of `runSyncGetDatasetItems` (not in the official client): the run's options and
 * the dataset item filters of `listItems`. */
export interface TaskRunSyncGetDatasetItemsOptions extends Omit<TaskStartOptions, "waitForFinish"> {
    clean?: boolean;
    desc?: boolean;
    fields?: string[];
    omit?: string[];
    flatten?: string[];
    unwind?: string | string[];
    skipEmpty?: boolean;
    skipHidden?: boolean;
    view?: string;
    offset?: number;
    limit?: number;
}

export interface TaskCollectionListOptions extends ListOptions {}
"#;

/// A task's input override as a JSON body: an object, or nothing.
fn task_input(input: &JsValue, m: &str) -> Result<Option<JsValue>, JsValue> {
    if input.is_undefined() || input.is_null() {
        Ok(None)
    } else if input.is_object() && !js_sys::Array::is_array(input) {
        Ok(Some(json_body(input)?))
    } else {
        Err(type_error(&text!(
            m,
            ": input must be an object (it overrides the task's input)"
        )))
    }
}

/// The options of `runSync*`: those of `start` but `waitForFinish`, and `extra`.
fn sync_options(extra: &[&'static str]) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = TASK_START_OPTIONS
        .iter()
        .copied()
        .filter(|k| *k != "waitForFinish")
        .collect();
    v.extend_from_slice(extra);
    v
}

/// One saved task, by id or `username/name`.
#[wasm_bindgen]
pub struct TaskClient {
    pub(crate) r: Resource,
}

impl TaskClient {
    fn start_request(
        &self,
        input: &JsValue,
        o: &Opts,
        m: &'static str,
    ) -> Result<(ApiRequest, Option<JsValue>), JsValue> {
        let body = task_input(input, m)?;
        let q = start_query(o, m)?;
        let mut req = self.r.request(Method::Post, &["runs"], m).query(q);
        req.content_type = Some("application/json".into());
        Ok((req, body))
    }

    fn put(
        &self,
        tail: &[&str],
        value: &JsValue,
        options: &JsValue,
        m: &'static str,
    ) -> Result<(ApiRequest, JsValue, Opts), JsValue> {
        let o = Opts::new(options, m, &[])?;
        if !value.is_object() {
            return Err(type_error(&text!(
                m,
                ": the first argument must be an object"
            )));
        }
        let req = self
            .r
            .request(Method::Put, tail, m)
            .content_type("application/json");
        Ok((req, json_body(value)?, o))
    }
}

#[wasm_bindgen]
impl TaskClient {
    /// The task, or `undefined` when it does not exist.
    #[wasm_bindgen(unchecked_return_type = "Promise<Task | undefined>")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        get_resource(
            &self.r,
            &options,
            "TaskClient.get",
            TimeoutTier::ClientDefault,
        )
    }

    /// Updates the task.
    #[wasm_bindgen(unchecked_return_type = "Promise<Task>")]
    pub fn update(
        &self,
        #[wasm_bindgen(js_name = newFields, unchecked_param_type = "TaskUpdateOptions")]
        new_fields: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            let (req, body, o) = self.put(&[], &new_fields, &options, "TaskClient.update")?;
            Ok(send_object(&self.r, req, Some(body), o.signal()?))
        })
    }

    /// Makes the task public (`update({isPublic: true})`).
    #[wasm_bindgen(unchecked_return_type = "Promise<Task>")]
    pub fn publish(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            let fields = object(&[("isPublic", true.into())]).into();
            let (req, body, o) = self.put(&[], &fields, &options, "TaskClient.publish")?;
            Ok(send_object(&self.r, req, Some(body), o.signal()?))
        })
    }

    /// Makes the task private again (`update({isPublic: false})`).
    #[wasm_bindgen(unchecked_return_type = "Promise<Task>")]
    pub fn unpublish(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            let fields = object(&[("isPublic", false.into())]).into();
            let (req, body, o) = self.put(&[], &fields, &options, "TaskClient.unpublish")?;
            Ok(send_object(&self.r, req, Some(body), o.signal()?))
        })
    }

    /// Deletes the task (resolves also when it was already gone).
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn delete(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        delete_resource(
            &self.r,
            &options,
            "TaskClient.delete",
            TimeoutTier::ClientDefault,
        )
    }

    /// Starts a run of the task; `input` (an object) overrides fields of the task's input.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorRun>")]
    pub fn start(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "TaskInput")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TaskStartOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "TaskClient.start";
            let o = Opts::new(&options, M, TASK_START_OPTIONS)?;
            let (req, body) = self.start_request(&input, &o, M)?;
            Ok(send_object(&self.r, req, body, o.signal()?))
        })
    }

    /// Starts a run of the task and waits for it to finish (or for `waitSecs`); resolves to
    /// the run as it is then. A failed run resolves too: check `status`.
    #[wasm_bindgen(unchecked_return_type = "Promise<ActorRun>")]
    pub fn call(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "TaskInput")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TaskCallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "TaskClient.call";
            let mut allowed: Vec<&str> = TASK_START_OPTIONS
                .iter()
                .copied()
                .filter(|k| *k != "waitForFinish")
                .collect();
            allowed.push("waitSecs");
            let o = Opts::new(&options, M, &allowed)?;
            let secs = wait_secs(&o, M)?;
            let (req, body) = self.start_request(&input, &o, M)?;
            Ok(spawn(start_and_wait(
                self.r.client.clone(),
                req,
                body,
                secs,
                o.signal()?,
            )))
        })
    }

    /// Runs the task and resolves to its `OUTPUT` record (or `outputRecordKey`) in one
    /// request (`…/run-sync`, not in the official client): JSON parsed, text as a string, other
    /// content as bytes, `undefined` when the run wrote none. `input` (an object) overrides
    /// fields of the task's input; none → `GET`. A run that does not succeed rejects.
    #[wasm_bindgen(js_name = runSync, unchecked_return_type = "Promise<unknown>")]
    pub fn run_sync(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "TaskInput")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TaskRunSyncOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "TaskClient.runSync";
            let o = Opts::new(&options, M, &sync_options(&["outputRecordKey"]))?;
            let body = task_input(&input, M)?;
            let ct = Some("application/json".to_string());
            run_sync(&self.r, "run-sync", body, ct, &o, false, M)
        })
    }

    /// Runs the task and resolves to the items of its default dataset in one request
    /// (`…/run-sync-get-dataset-items`, not in the official client), filtered as `listItems`.
    /// A run that does not succeed rejects.
    #[wasm_bindgen(
        js_name = runSyncGetDatasetItems,
        unchecked_return_type = "Promise<DatasetItem[]>"
    )]
    pub fn run_sync_get_dataset_items(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "TaskInput")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TaskRunSyncGetDatasetItemsOptions")]
        options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "TaskClient.runSyncGetDatasetItems";
            let o = Opts::new(&options, M, &sync_options(SYNC_ITEM_OPTIONS))?;
            let body = task_input(&input, M)?;
            let ct = Some("application/json".to_string());
            run_sync(&self.r, "run-sync-get-dataset-items", body, ct, &o, true, M)
        })
    }
    /// The task's saved input as the API returns it, or `undefined` when the task does not
    /// exist.
    #[wasm_bindgen(js_name = getInput, unchecked_return_type = "Promise<TaskInput | undefined>")]
    pub fn get_input(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "TaskClient.getInput";
            let o = Opts::new(&options, M, &[])?;
            let req = self.r.request(Method::Get, &["input"], M);
            let client = self.r.client.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                Ok(client
                    .call_or_none(&req, None, signal.as_ref())
                    .await?
                    .map_or(JsValue::UNDEFINED, |r| r.body))
            }))
        })
    }

    /// Replaces the task's saved input; resolves to it as the API returns it.
    #[wasm_bindgen(js_name = updateInput, unchecked_return_type = "Promise<TaskInput>")]
    pub fn update_input(
        &self,
        #[wasm_bindgen(js_name = newFields, unchecked_param_type = "TaskInput")]
        new_fields: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            let (req, body, o) =
                self.put(&["input"], &new_fields, &options, "TaskClient.updateInput")?;
            let client = self.r.client.clone();
            let signal = o.signal()?;
            Ok(spawn(async move {
                Ok(client.call(&req, Some(&body), signal.as_ref()).await?.body)
            }))
        })
    }

    /// The task's last run (optionally the last with `status`, or from `origin`); the filter
    /// carries to every call and sub-client.
    #[wasm_bindgen(js_name = lastRun)]
    pub fn last_run(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "LastRunOptions")] options: JsValue,
    ) -> Result<RunClient, JsValue> {
        last_run(&self.r, &options, "TaskClient.lastRun")
    }

    /// Webhooks of the task's runs.
    pub fn webhooks(&self) -> WebhookCollectionClient {
        WebhookCollectionClient::below(&self.r)
    }

    /// The task's runs.
    pub fn runs(&self) -> RunCollectionClient {
        RunCollectionClient {
            r: self.r.below(&["runs"]),
        }
    }
}

/// The account's saved tasks.
#[wasm_bindgen]
pub struct TaskCollectionClient {
    pub(crate) r: Resource,
}

#[wasm_bindgen]
impl TaskCollectionClient {
    /// Lists tasks. `await` it for the first page, or `for await` over all.
    #[wasm_bindgen(unchecked_return_type = "PaginatedIterator<Task>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "TaskCollectionListOptions")]
        options: JsValue,
    ) -> Result<Promise, JsValue> {
        const M: &str = "TaskCollectionClient.list";
        let o = Opts::new(&options, M, &["limit", "offset", "desc"])?;
        list_collection(&self.r, M, &o, Query::new())
    }

    /// Creates a task of Actor `actId`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Task>")]
    pub fn create(
        &self,
        #[wasm_bindgen(unchecked_param_type = "TaskCreateOptions")] task: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        rejecting(|| {
            const M: &str = "TaskCollectionClient.create";
            let o = Opts::new(&options, M, &[])?;
            if !task.is_object() {
                return Err(type_error(&text!(M, ": task must be an object")));
            }
            let req = self
                .r
                .request(Method::Post, &[], M)
                .content_type("application/json");
            Ok(send_object(
                &self.r,
                req,
                Some(json_body(&task)?),
                o.signal()?,
            ))
        })
    }
}

#[wasm_bindgen]
impl ApifyClient {
    /// The account's saved tasks.
    pub fn tasks(&self) -> TaskCollectionClient {
        TaskCollectionClient {
            r: Resource::collection(&self.inner, "actor-tasks"),
        }
    }

    /// A task by id or `username/name`.
    pub fn task(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<TaskClient, JsValue> {
        let id = required_string(&id, "ApifyClient.task: id")?;
        Ok(TaskClient {
            r: Resource::item(&self.inner, "actor-tasks", &id),
        })
    }
}
