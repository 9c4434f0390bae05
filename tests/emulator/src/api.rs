//! Dispatch of a matched route to its handler.

use crate::http::{not_found, ApiError, ApiResult};
use crate::routes::{Route, RunStorage, Via};
use crate::server::{App, Ctx};
use crate::stores::{self as st, Kind};
use serde_json::Value;
use std::sync::Arc;

/// Resolves the alias part of a route (last run, run default storage) into core params.
fn resolve_alias(app: &App, route: &Route, ctx: &mut Ctx) -> Result<(), ApiError> {
    let canon = &route.canon;
    if canon.via != Via::Direct {
        let status = ctx.q("status").map(str::to_string);
        let origin = ctx.q("origin").map(str::to_string);
        let run_id = app.with(&ctx.acct, |a| match canon.via {
            Via::LastRunOfActor => {
                let act = crate::actors::resolve_actor_id(a, &ctx.p("actorId"))?;
                crate::actors::last_run(a, "actId", &act, status.as_deref(), origin.as_deref())
            }
            _ => {
                let task = crate::actors::resolve_task(a, &ctx.p("actorTaskId"))?;
                crate::actors::last_run(
                    a,
                    "actorTaskId",
                    &task,
                    status.as_deref(),
                    origin.as_deref(),
                )
            }
        })?;
        ctx.params.insert("runId".into(), run_id);
    }
    if canon.storage != RunStorage::None {
        let run_id = ctx.p("runId");
        let (field, param) = match canon.storage {
            RunStorage::Dataset => ("defaultDatasetId", "datasetId"),
            RunStorage::Kvs => ("defaultKeyValueStoreId", "storeId"),
            RunStorage::Rq => ("defaultRequestQueueId", "queueId"),
            _ => ("id", "buildOrRunId"),
        };
        let id = app.with(&ctx.acct, |a| {
            a.runs
                .get(&run_id)
                .and_then(|r| r.get(field))
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| not_found(&format!("Run '{run_id}'")))
        })?;
        ctx.params.insert(param.into(), id);
    }
    if canon.core == "/v2/logs/{buildOrRunId}" && !ctx.params.contains_key("buildOrRunId") {
        let b = ctx.p("buildId");
        ctx.params.insert("buildOrRunId".into(), b);
    }
    Ok(())
}

fn storage_id(app: &App, ctx: &Ctx, kind: Kind, param: &str) -> Result<String, ApiError> {
    let key = ctx.p(param);
    app.with(&ctx.acct, |a| st::resolve(a, kind, &key))
}

pub async fn dispatch(app: &Arc<App>, route: &Route, ctx: &mut Ctx) -> ApiResult {
    resolve_alias(app, route, ctx)?;
    let key = format!("{} {}", route.method, route.canon.core);
    let acct = ctx.acct.clone();
    let c = &*ctx;
    macro_rules! with {
        ($a:ident, $body:expr) => {
            app.with(&acct, |$a| $body)
        };
    }
    match key.as_str() {
        // ---- datasets
        "GET /v2/datasets" => with!(a, st::collection_list(a, Kind::Dataset, c)),
        "POST /v2/datasets" => with!(a, st::get_or_create(a, Kind::Dataset, c)),
        "GET /v2/datasets/{datasetId}" => {
            let id = storage_id(app, c, Kind::Dataset, "datasetId")?;
            with!(a, st::get(a, Kind::Dataset, &id))
        }
        "PUT /v2/datasets/{datasetId}" => {
            let id = storage_id(app, c, Kind::Dataset, "datasetId")?;
            with!(a, st::update(a, Kind::Dataset, &id, c))
        }
        "DELETE /v2/datasets/{datasetId}" => {
            let id = storage_id(app, c, Kind::Dataset, "datasetId")?;
            with!(a, st::delete(a, Kind::Dataset, &id))
        }
        "GET /v2/datasets/{datasetId}/items" | "HEAD /v2/datasets/{datasetId}/items" => {
            let id = storage_id(app, c, Kind::Dataset, "datasetId")?;
            st::get_items_app(app, &acct, &id, c, 200)
        }
        "POST /v2/datasets/{datasetId}/items" => {
            let id = storage_id(app, c, Kind::Dataset, "datasetId")?;
            with!(a, st::post_items(a, &id, c))
        }
        "GET /v2/datasets/{datasetId}/statistics" => {
            let id = storage_id(app, c, Kind::Dataset, "datasetId")?;
            with!(a, st::statistics(a, &id))
        }
        // ---- key-value stores
        "GET /v2/key-value-stores" => with!(a, st::collection_list(a, Kind::Kvs, c)),
        "POST /v2/key-value-stores" => with!(a, st::get_or_create(a, Kind::Kvs, c)),
        "GET /v2/key-value-stores/{storeId}" => {
            let id = storage_id(app, c, Kind::Kvs, "storeId")?;
            with!(a, st::get(a, Kind::Kvs, &id))
        }
        "PUT /v2/key-value-stores/{storeId}" => {
            let id = storage_id(app, c, Kind::Kvs, "storeId")?;
            with!(a, st::update(a, Kind::Kvs, &id, c))
        }
        "DELETE /v2/key-value-stores/{storeId}" => {
            let id = storage_id(app, c, Kind::Kvs, "storeId")?;
            with!(a, st::delete(a, Kind::Kvs, &id))
        }
        "GET /v2/key-value-stores/{storeId}/keys" => {
            let id = storage_id(app, c, Kind::Kvs, "storeId")?;
            with!(a, st::list_keys(a, &id, c))
        }
        "GET /v2/key-value-stores/{storeId}/records" => {
            let id = storage_id(app, c, Kind::Kvs, "storeId")?;
            with!(a, st::records_zip(a, &id, c))
        }
        "GET /v2/key-value-stores/{storeId}/records/{recordKey}"
        | "HEAD /v2/key-value-stores/{storeId}/records/{recordKey}" => {
            let id = storage_id(app, c, Kind::Kvs, "storeId")?;
            let k = c.p("recordKey");
            with!(a, st::get_record(a, &id, &k, c))
        }
        "PUT /v2/key-value-stores/{storeId}/records/{recordKey}"
        | "POST /v2/key-value-stores/{storeId}/records/{recordKey}" => {
            let id = storage_id(app, c, Kind::Kvs, "storeId")?;
            let k = c.p("recordKey");
            with!(a, st::put_record(a, &id, &k, c))
        }
        "DELETE /v2/key-value-stores/{storeId}/records/{recordKey}" => {
            let id = storage_id(app, c, Kind::Kvs, "storeId")?;
            let k = c.p("recordKey");
            with!(a, st::delete_record(a, &id, &k))
        }
        // ---- request queues
        "GET /v2/request-queues" => with!(a, st::collection_list(a, Kind::Rq, c)),
        "POST /v2/request-queues" => with!(a, st::get_or_create(a, Kind::Rq, c)),
        "GET /v2/request-queues/{queueId}" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            with!(a, st::get(a, Kind::Rq, &id))
        }
        "PUT /v2/request-queues/{queueId}" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            with!(a, st::update(a, Kind::Rq, &id, c))
        }
        "DELETE /v2/request-queues/{queueId}" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            with!(a, st::delete(a, Kind::Rq, &id))
        }
        "GET /v2/request-queues/{queueId}/head" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            with!(a, st::rq_head(a, &id, c))
        }
        "POST /v2/request-queues/{queueId}/head/lock" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            with!(a, st::rq_head_lock(a, &id, c))
        }
        "GET /v2/request-queues/{queueId}/requests" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            with!(a, st::rq_list_requests(a, &id, c))
        }
        "POST /v2/request-queues/{queueId}/requests" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            with!(a, st::rq_add(a, &id, c))
        }
        "POST /v2/request-queues/{queueId}/requests/batch" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            with!(a, st::rq_batch_add(a, &id, c))
        }
        "DELETE /v2/request-queues/{queueId}/requests/batch" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            with!(a, st::rq_batch_delete(a, &id, c))
        }
        "POST /v2/request-queues/{queueId}/requests/unlock" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            with!(a, st::rq_unlock(a, &id, c))
        }
        "GET /v2/request-queues/{queueId}/requests/{requestId}" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            let r = c.p("requestId");
            with!(a, st::rq_get_request(a, &id, &r))
        }
        "PUT /v2/request-queues/{queueId}/requests/{requestId}" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            let r = c.p("requestId");
            with!(a, st::rq_update_request(a, &id, &r, c))
        }
        "DELETE /v2/request-queues/{queueId}/requests/{requestId}" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            let r = c.p("requestId");
            with!(a, st::rq_delete_request(a, &id, &r))
        }
        "PUT /v2/request-queues/{queueId}/requests/{requestId}/lock" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            let r = c.p("requestId");
            with!(a, st::rq_prolong_lock(a, &id, &r, c))
        }
        "DELETE /v2/request-queues/{queueId}/requests/{requestId}/lock" => {
            let id = storage_id(app, c, Kind::Rq, "queueId")?;
            let r = c.p("requestId");
            with!(a, st::rq_delete_lock(a, &id, &r, c))
        }
        _ => crate::actors::dispatch(app, &key, ctx).await,
    }
}
