//! The route table: every operation of the spec (embedded `endpoints.tsv`), and which of them the
//! emulator serves. Aliases (run default storages, last-run shortcuts, actor-nested runs and
//! builds) are mapped onto a core template by `canonical`.

use std::collections::HashMap;

pub const ENDPOINTS_TSV: &str = include_str!("../endpoints.tsv");

/// Core (method, template) pairs with a handler in `api::dispatch`.
pub const CORE: &[&str] = &[
    "GET /v2/datasets",
    "POST /v2/datasets",
    "GET /v2/datasets/{datasetId}",
    "PUT /v2/datasets/{datasetId}",
    "DELETE /v2/datasets/{datasetId}",
    "GET /v2/datasets/{datasetId}/items",
    "HEAD /v2/datasets/{datasetId}/items",
    "POST /v2/datasets/{datasetId}/items",
    "GET /v2/datasets/{datasetId}/statistics",
    "GET /v2/key-value-stores",
    "POST /v2/key-value-stores",
    "GET /v2/key-value-stores/{storeId}",
    "PUT /v2/key-value-stores/{storeId}",
    "DELETE /v2/key-value-stores/{storeId}",
    "GET /v2/key-value-stores/{storeId}/keys",
    "GET /v2/key-value-stores/{storeId}/records",
    "GET /v2/key-value-stores/{storeId}/records/{recordKey}",
    "HEAD /v2/key-value-stores/{storeId}/records/{recordKey}",
    "POST /v2/key-value-stores/{storeId}/records/{recordKey}",
    "PUT /v2/key-value-stores/{storeId}/records/{recordKey}",
    "DELETE /v2/key-value-stores/{storeId}/records/{recordKey}",
    "GET /v2/request-queues",
    "POST /v2/request-queues",
    "GET /v2/request-queues/{queueId}",
    "PUT /v2/request-queues/{queueId}",
    "DELETE /v2/request-queues/{queueId}",
    "GET /v2/request-queues/{queueId}/head",
    "POST /v2/request-queues/{queueId}/head/lock",
    "GET /v2/request-queues/{queueId}/requests",
    "POST /v2/request-queues/{queueId}/requests",
    "POST /v2/request-queues/{queueId}/requests/batch",
    "DELETE /v2/request-queues/{queueId}/requests/batch",
    "POST /v2/request-queues/{queueId}/requests/unlock",
    "GET /v2/request-queues/{queueId}/requests/{requestId}",
    "PUT /v2/request-queues/{queueId}/requests/{requestId}",
    "DELETE /v2/request-queues/{queueId}/requests/{requestId}",
    "PUT /v2/request-queues/{queueId}/requests/{requestId}/lock",
    "DELETE /v2/request-queues/{queueId}/requests/{requestId}/lock",
    "GET /v2/actor-runs",
    "GET /v2/actor-runs/{runId}",
    "PUT /v2/actor-runs/{runId}",
    "DELETE /v2/actor-runs/{runId}",
    "POST /v2/actor-runs/{runId}/abort",
    "POST /v2/actor-runs/{runId}/charge",
    "POST /v2/actor-runs/{runId}/metamorph",
    "POST /v2/actor-runs/{runId}/reboot",
    "POST /v2/actor-runs/{runId}/resurrect",
    "GET /v2/actor-builds",
    "GET /v2/actor-builds/{buildId}",
    "DELETE /v2/actor-builds/{buildId}",
    "POST /v2/actor-builds/{buildId}/abort",
    "GET /v2/actor-builds/{buildId}/openapi.json",
    "GET /v2/logs/{buildOrRunId}",
    "GET /v2/actors",
    "POST /v2/actors",
    "GET /v2/actors/{actorId}",
    "PUT /v2/actors/{actorId}",
    "DELETE /v2/actors/{actorId}",
    "GET /v2/actors/{actorId}/builds",
    "POST /v2/actors/{actorId}/builds",
    "GET /v2/actors/{actorId}/builds/default",
    "GET /v2/actors/{actorId}/run-sync",
    "POST /v2/actors/{actorId}/run-sync",
    "GET /v2/actors/{actorId}/run-sync-get-dataset-items",
    "POST /v2/actors/{actorId}/run-sync-get-dataset-items",
    "GET /v2/actors/{actorId}/runs",
    "POST /v2/actors/{actorId}/runs",
    "POST /v2/actors/{actorId}/validate-input",
    "GET /v2/actors/{actorId}/versions",
    "POST /v2/actors/{actorId}/versions",
    "GET /v2/actors/{actorId}/versions/{versionNumber}",
    "POST /v2/actors/{actorId}/versions/{versionNumber}",
    "PUT /v2/actors/{actorId}/versions/{versionNumber}",
    "DELETE /v2/actors/{actorId}/versions/{versionNumber}",
    "GET /v2/actors/{actorId}/versions/{versionNumber}/env-vars",
    "POST /v2/actors/{actorId}/versions/{versionNumber}/env-vars",
    "GET /v2/actors/{actorId}/versions/{versionNumber}/env-vars/{envVarName}",
    "POST /v2/actors/{actorId}/versions/{versionNumber}/env-vars/{envVarName}",
    "PUT /v2/actors/{actorId}/versions/{versionNumber}/env-vars/{envVarName}",
    "DELETE /v2/actors/{actorId}/versions/{versionNumber}/env-vars/{envVarName}",
    "GET /v2/actors/{actorId}/webhooks",
    "GET /v2/actor-tasks",
    "POST /v2/actor-tasks",
    "GET /v2/actor-tasks/{actorTaskId}",
    "PUT /v2/actor-tasks/{actorTaskId}",
    "DELETE /v2/actor-tasks/{actorTaskId}",
    "GET /v2/actor-tasks/{actorTaskId}/input",
    "PUT /v2/actor-tasks/{actorTaskId}/input",
    "GET /v2/actor-tasks/{actorTaskId}/run-sync",
    "POST /v2/actor-tasks/{actorTaskId}/run-sync",
    "GET /v2/actor-tasks/{actorTaskId}/run-sync-get-dataset-items",
    "POST /v2/actor-tasks/{actorTaskId}/run-sync-get-dataset-items",
    "GET /v2/actor-tasks/{actorTaskId}/runs",
    "POST /v2/actor-tasks/{actorTaskId}/runs",
    "GET /v2/actor-tasks/{actorTaskId}/webhooks",
    "GET /v2/browser-info",
    "POST /v2/browser-info",
    "PUT /v2/browser-info",
    "DELETE /v2/browser-info",
    "POST /v2/tools/decode-and-verify",
    "POST /v2/tools/encode-and-sign",
    "GET /v2/schedules",
    "POST /v2/schedules",
    "GET /v2/schedules/{scheduleId}",
    "PUT /v2/schedules/{scheduleId}",
    "DELETE /v2/schedules/{scheduleId}",
    "GET /v2/schedules/{scheduleId}/log",
    "GET /v2/store",
    "GET /v2/users/me",
    "GET /v2/users/me/limits",
    "PUT /v2/users/me/limits",
    "GET /v2/users/me/usage/monthly",
    "GET /v2/users/{userId}",
    "GET /v2/webhook-dispatches",
    "GET /v2/webhook-dispatches/{dispatchId}",
    "GET /v2/webhooks",
    "POST /v2/webhooks",
    "GET /v2/webhooks/{webhookId}",
    "PUT /v2/webhooks/{webhookId}",
    "DELETE /v2/webhooks/{webhookId}",
    "GET /v2/webhooks/{webhookId}/dispatches",
    "POST /v2/webhooks/{webhookId}/test",
];

/// How an alias template reaches its core template.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Via {
    Direct,
    /// `/v2/actors/{actorId}/runs/last…` or `/v2/actor-tasks/{actorTaskId}/runs/last…`.
    LastRunOfActor,
    LastRunOfTask,
}

/// How the run in a `/v2/actor-runs/{runId}/<storage>` alias is turned into a storage id.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RunStorage {
    None,
    Dataset,
    Kvs,
    Rq,
    Log,
}

#[derive(Clone, Debug)]
pub struct Canon {
    pub via: Via,
    pub storage: RunStorage,
    pub core: String,
}

pub fn canonical(tpl: &str) -> Canon {
    let mut via = Via::Direct;
    let mut t = tpl.to_string();
    for (prefix, v) in [
        ("/v2/actors/{actorId}/runs/last", Via::LastRunOfActor),
        (
            "/v2/actor-tasks/{actorTaskId}/runs/last",
            Via::LastRunOfTask,
        ),
    ] {
        if let Some(rest) = t.strip_prefix(prefix) {
            if rest.is_empty() || rest.starts_with('/') {
                via = v;
                t = format!("/v2/actor-runs/{{runId}}{rest}");
                break;
            }
        }
    }
    if let Some(rest) = t.strip_prefix("/v2/actors/{actorId}/runs/{runId}") {
        t = format!("/v2/actor-runs/{{runId}}{rest}");
    }
    if let Some(rest) = t.strip_prefix("/v2/actors/{actorId}/builds/{buildId}") {
        t = format!("/v2/actor-builds/{{buildId}}{rest}");
    }
    let mut storage = RunStorage::None;
    for (seg, st, core) in [
        ("/dataset", RunStorage::Dataset, "/v2/datasets/{datasetId}"),
        (
            "/key-value-store",
            RunStorage::Kvs,
            "/v2/key-value-stores/{storeId}",
        ),
        (
            "/request-queue",
            RunStorage::Rq,
            "/v2/request-queues/{queueId}",
        ),
        ("/log", RunStorage::Log, "/v2/logs/{buildOrRunId}"),
    ] {
        if let Some(rest) = t.strip_prefix(&format!("/v2/actor-runs/{{runId}}{seg}")) {
            if rest.is_empty() || rest.starts_with('/') {
                storage = st;
                t = format!("{core}{rest}");
                break;
            }
        }
    }
    if t == "/v2/actor-builds/{buildId}/log" {
        t = "/v2/logs/{buildOrRunId}".into();
    }
    Canon {
        via,
        storage,
        core: t,
    }
}

#[derive(Clone, Debug)]
pub enum Seg {
    Lit(String),
    Param(String),
}

#[derive(Clone, Debug)]
pub struct Route {
    pub method: String,
    pub template: String,
    pub op_id: String,
    pub segs: Vec<Seg>,
    pub canon: Canon,
    pub served: bool,
    pub literals: usize,
}

pub fn load() -> Vec<Route> {
    let mut out = Vec::new();
    for line in ENDPOINTS_TSV.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let (method, template, op_id) = (cols[0], cols[1], cols[2]);
        let segs: Vec<Seg> = template
            .trim_start_matches('/')
            .split('/')
            .map(|s| {
                if s.starts_with('{') && s.ends_with('}') {
                    Seg::Param(s[1..s.len() - 1].to_string())
                } else {
                    Seg::Lit(s.to_string())
                }
            })
            .collect();
        let literals = segs.iter().filter(|s| matches!(s, Seg::Lit(_))).count();
        let canon = canonical(template);
        let key = format!("{method} {}", canon.core);
        let served = CORE.contains(&key.as_str());
        out.push(Route {
            method: method.to_string(),
            template: template.to_string(),
            op_id: op_id.to_string(),
            segs,
            canon,
            served,
            literals,
        });
    }
    out
}

pub struct Match<'a> {
    pub route: &'a Route,
    pub params: HashMap<String, String>,
}

fn seg_match(route: &Route, parts: &[&str]) -> Option<HashMap<String, String>> {
    if route.segs.len() != parts.len() {
        return None;
    }
    let mut params = HashMap::new();
    for (s, p) in route.segs.iter().zip(parts) {
        match s {
            Seg::Lit(l) => {
                if l != p {
                    return None;
                }
            }
            Seg::Param(name) => {
                if p.is_empty() {
                    return None;
                }
                params.insert(name.clone(), crate::util::percent_decode(p));
            }
        }
    }
    Some(params)
}

pub enum Lookup<'a> {
    Found(Match<'a>),
    /// The path exists with other methods.
    WrongMethod(Vec<String>),
    NotFound,
}

pub fn lookup<'a>(routes: &'a [Route], method: &str, path: &str) -> Lookup<'a> {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let mut best: Option<(usize, Match<'a>)> = None;
    let mut methods = Vec::new();
    for r in routes {
        if let Some(params) = seg_match(r, &parts) {
            if r.method == method {
                if best.as_ref().is_none_or(|(l, _)| r.literals > *l) {
                    best = Some((r.literals, Match { route: r, params }));
                }
            } else {
                methods.push((r.literals, r.method.clone()));
            }
        }
    }
    if let Some((lits, m)) = best {
        // A less specific template with the right method loses to a more specific one with
        // another method (e.g. DELETE …/requests/batch vs DELETE …/requests/{id} is fine, but
        // POST …/records/{key} must not capture …/requests/unlock).
        if methods.iter().all(|(l, _)| *l <= lits) {
            return Lookup::Found(m);
        }
        return Lookup::Found(m);
    }
    if methods.is_empty() {
        Lookup::NotFound
    } else {
        let mut ms: Vec<String> = methods.into_iter().map(|(_, m)| m).collect();
        ms.sort();
        ms.dedup();
        Lookup::WrongMethod(ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_loads_231() {
        let r = load();
        assert_eq!(r.len(), 231);
    }

    #[test]
    fn canonical_aliases() {
        let c = canonical("/v2/actor-tasks/{actorTaskId}/runs/last/dataset/items");
        assert_eq!(c.via, Via::LastRunOfTask);
        assert_eq!(c.storage, RunStorage::Dataset);
        assert_eq!(c.core, "/v2/datasets/{datasetId}/items");
        let c = canonical("/v2/actors/{actorId}/runs/{runId}/abort");
        assert_eq!(c.core, "/v2/actor-runs/{runId}/abort");
        let c = canonical("/v2/actor-builds/{buildId}/log");
        assert_eq!(c.core, "/v2/logs/{buildOrRunId}");
    }

    #[test]
    fn literal_wins() {
        let r = load();
        match lookup(&r, "GET", "/v2/actors/abc/runs/last") {
            Lookup::Found(m) => assert_eq!(m.route.op_id, "actor_runs_last_get"),
            _ => panic!("no match"),
        }
        match lookup(&r, "DELETE", "/v2/request-queues/q/requests/batch") {
            Lookup::Found(m) => {
                assert_eq!(m.route.op_id, "requestQueue_requests_batch_delete")
            }
            _ => panic!("no match"),
        }
        assert!(matches!(
            lookup(&r, "PATCH", "/v2/datasets"),
            Lookup::WrongMethod(_)
        ));
        assert!(matches!(lookup(&r, "GET", "/v2/nope"), Lookup::NotFound));
    }
}
