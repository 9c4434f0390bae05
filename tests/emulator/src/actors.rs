//! Actors, versions, env vars, builds, runs, tasks, schedules, webhooks, users, store, tools.

use crate::http::{not_found, ApiError, ApiResult};
use crate::server::{App, Ctx};
use crate::state::Account;
use serde_json::Value;
use std::sync::Arc;

pub fn resolve_actor_id(a: &Account, key: &str) -> Result<String, ApiError> {
    let _ = a;
    Err(not_found(&format!("Actor '{key}'")))
}

pub fn resolve_task(a: &Account, key: &str) -> Result<String, ApiError> {
    let _ = a;
    Err(not_found(&format!("Task '{key}'")))
}

pub fn last_run(
    a: &Account,
    field: &str,
    id: &str,
    status: Option<&str>,
    origin: Option<&str>,
) -> Result<String, ApiError> {
    let mut best: Option<(&String, &Value)> = None;
    for (rid, r) in a.runs.iter() {
        if r.get(field).and_then(Value::as_str) != Some(id) {
            continue;
        }
        if let Some(s) = status {
            if r.get("status").and_then(Value::as_str) != Some(s) {
                continue;
            }
        }
        if let Some(o) = origin {
            if r.pointer("/meta/origin").and_then(Value::as_str) != Some(o) {
                continue;
            }
        }
        let key = r.get("startedAt").and_then(Value::as_str).unwrap_or("");
        if best.is_none_or(|(_, b)| key >= b.get("startedAt").and_then(Value::as_str).unwrap_or("")) {
            best = Some((rid, r));
        }
    }
    best.map(|(id, _)| id.clone())
        .ok_or_else(|| not_found("Last run"))
}

pub async fn dispatch(app: &Arc<App>, key: &str, ctx: &mut Ctx) -> ApiResult {
    let _ = (app, ctx);
    Err(ApiError::new(501, "operation-not-allowed", format!("{key} is not emulated yet")))
}
