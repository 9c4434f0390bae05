//! Actors, versions, env vars, builds, runs, tasks, schedules, webhooks, users, store, tools.

use crate::http::{self, data, invalid, not_found, ApiError, ApiResult, Body};
use crate::server::{App, Ctx};
use crate::state::Account;
use crate::stores::{self as st, Kind};
use crate::util::{iso, new_id, now_iso, now_ms, parse_iso};
use serde_json::{json, Map, Value};
use std::sync::Arc;
use std::time::Duration;

pub const TERMINAL: &[&str] = &["SUCCEEDED", "FAILED", "TIMED-OUT", "ABORTED"];

/// The built-in catalogue: (id, name, title, description).
pub const CATALOGUE: &[(&str, &str, &str, &str)] = &[
    ("aPifYhElLoWoRlD01", "hello-world", "Hello world", "Writes its input to the OUTPUT record and pushes items (input.items, or input.count greetings) to its dataset."),
    ("aPifYsLeEpEr00001", "sleeper", "Sleeper", "Runs for input.seconds seconds (default 5) and succeeds."),
    ("aPifYfAiLeR000001", "failer", "Failer", "Fails after a short while (input.message becomes the status message)."),
    ("aPifYlOgGeR000001", "logger", "Logger", "Writes input.lines log lines (default 10), one every input.intervalMs ms (default 200)."),
];

pub const CATALOGUE_USER_ID: &str = "aPifYuSeR00000001";

fn is_terminal(s: &str) -> bool {
    TERMINAL.contains(&s)
}

pub fn behavior_of(name: &str) -> &'static str {
    for b in ["sleeper", "failer", "logger"] {
        if name.contains(b) {
            return b;
        }
    }
    "hello-world"
}

fn gs<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

// ------------------------------------------------------------------ actors

fn new_actor(
    id: String,
    user_id: &str,
    username: &str,
    name: &str,
    body: &Map<String, Value>,
) -> Value {
    let now = now_iso();
    let mut a = json!({
        "id": id, "userId": user_id, "name": name, "username": username,
        "title": body.get("title").cloned().unwrap_or(Value::Null),
        "description": body.get("description").cloned().unwrap_or(Value::Null),
        "isPublic": body.get("isPublic").cloned().unwrap_or(json!(false)),
        "isDeprecated": false, "isAnonymouslyRunnable": false,
        "restartOnError": false,
        "categories": body.get("categories").cloned().unwrap_or(json!([])),
        "createdAt": now, "modifiedAt": now,
        "stats": {"totalBuilds": 0, "totalRuns": 0, "totalUsers": 1, "totalUsers7Days": 1,
                   "totalUsers30Days": 1, "totalUsers90Days": 1, "totalMetamorphs": 0,
                   "lastRunStartedAt": null},
        "versions": body.get("versions").cloned().unwrap_or_else(|| json!([{
            "versionNumber": "0.0", "sourceType": "SOURCE_FILES", "envVars": [],
            "applyEnvVarsToBuild": false, "buildTag": "latest", "sourceFiles": []}])),
        "defaultRunOptions": {"build": "latest", "timeoutSecs": 3600, "memoryMbytes": 1024,
                               "restartOnError": false},
        "exampleRunInput": {"body": "{ \"helloWorld\": 123 }", "contentType": "application/json; charset=utf-8"},
        "taggedBuilds": {},
        "pricingInfos": [],
        "actorPermissionLevel": "LIMITED_PERMISSIONS",
    });
    if let (Some(Value::Object(d)), Some(o)) = (
        body.get("defaultRunOptions"),
        a.get_mut("defaultRunOptions"),
    ) {
        if let Some(o) = o.as_object_mut() {
            for (k, v) in d {
                o.insert(k.clone(), v.clone());
            }
        }
    }
    a
}

fn new_build(a: &mut Account, actor_id: &str, version: &str, tag: &str, status: &str) -> Value {
    let id = new_id();
    let n = a
        .builds
        .values()
        .filter(|b| gs(b, "actId") == actor_id)
        .count()
        + 1;
    let now = now_iso();
    let finished = is_terminal(status);
    let b = json!({
        "id": id, "actId": actor_id, "userId": a.user_id, "startedAt": now,
        "finishedAt": if finished { json!(now) } else { Value::Null },
        "status": status, "buildNumber": format!("{version}.{n}"),
        "meta": {"origin": "API", "clientIp": "127.0.0.1", "userAgent": "apify-emulator"},
        "stats": {"durationMillis": 0, "runTimeSecs": 0, "computeUnits": 0},
        "options": {"useCache": true, "betaPackages": false, "memoryMbytes": 1024, "diskMbytes": 2048},
        "usage": {"ACTOR_COMPUTE_UNITS": 0}, "usageTotalUsd": 0, "usageUsd": {"ACTOR_COMPUTE_UNITS": 0},
        "inputSchema": "{\"title\":\"Input\",\"type\":\"object\",\"schemaVersion\":1,\"properties\":{}}",
        "readme": "# Emulated Actor",
        "actorDefinition": {"actorSpecification": 1, "name": actor_id, "version": version},
        "buildTag": tag,
    });
    a.logs
        .insert(id.clone(), format!("{now} ACTOR: Build started\n"));
    a.builds.insert(id.clone(), b.clone());
    if finished {
        tag_build(a, actor_id, &id, tag);
        a.logs
            .entry(id.clone())
            .or_default()
            .push_str(&format!("{now} ACTOR: Build finished\n"));
    }
    if let Some(act) = a.actors.get_mut(actor_id) {
        let t = act
            .pointer("/stats/totalBuilds")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        act["stats"]["totalBuilds"] = json!(t + 1);
    }
    b
}

fn tag_build(a: &mut Account, actor_id: &str, build_id: &str, tag: &str) {
    let Some(b) = a.builds.get(build_id).cloned() else {
        return;
    };
    if let Some(act) = a.actors.get_mut(actor_id) {
        if !act.get("taggedBuilds").is_some_and(Value::is_object) {
            act["taggedBuilds"] = json!({});
        }
        act["taggedBuilds"][tag] = json!({"buildId": build_id, "buildNumber": b["buildNumber"], "finishedAt": b["finishedAt"]});
    }
}

/// Seeds a new account with the catalogue Actors (owned by `apify`).
pub fn seed(a: &mut Account) {
    for (id, name, title, desc) in CATALOGUE {
        let mut body = Map::new();
        body.insert("title".into(), json!(title));
        body.insert("description".into(), json!(desc));
        body.insert("isPublic".into(), json!(true));
        let act = new_actor(id.to_string(), CATALOGUE_USER_ID, "apify", name, &body);
        a.actors.insert(id.to_string(), act);
        new_build(a, id, "0.0", "latest", "SUCCEEDED");
    }
}

pub fn resolve_actor_id(a: &Account, key: &str) -> Result<String, ApiError> {
    if a.actors.contains_key(key) {
        return Ok(key.to_string());
    }
    let (user, name) = match key.split_once(['~', '/']) {
        Some((u, n)) => (Some(u), n),
        None => (None, key),
    };
    a.actors
        .iter()
        .find(|(_, v)| {
            gs(v, "name") == name
                && match user {
                    Some(u) => gs(v, "username") == u || gs(v, "userId") == u,
                    None => gs(v, "userId") == a.user_id,
                }
        })
        .map(|(id, _)| id.clone())
        .ok_or_else(|| {
            ApiError::new(
                404,
                "record-not-found",
                format!("Actor '{key}' was not found"),
            )
        })
}

pub fn resolve_task(a: &Account, key: &str) -> Result<String, ApiError> {
    if a.tasks.contains_key(key) {
        return Ok(key.to_string());
    }
    let (user, name) = match key.split_once(['~', '/']) {
        Some((u, n)) => (Some(u), n),
        None => (None, key),
    };
    if user.is_some_and(|u| u != a.username && u != a.user_id) {
        return Err(not_found(&format!("Actor task '{key}'")));
    }
    a.tasks
        .iter()
        .find(|(_, v)| gs(v, "name") == name)
        .map(|(id, _)| id.clone())
        .ok_or_else(|| not_found(&format!("Actor task '{key}'")))
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
            if gs(r, "status") != s {
                continue;
            }
        }
        if let Some(o) = origin {
            if r.pointer("/meta/origin").and_then(Value::as_str) != Some(o) {
                continue;
            }
        }
        let key = (
            gs(r, "startedAt"),
            r.get("seq").and_then(Value::as_u64).unwrap_or(0),
        );
        if best.is_none_or(|(_, b)| {
            key >= (
                gs(b, "startedAt"),
                b.get("seq").and_then(Value::as_u64).unwrap_or(0),
            )
        }) {
            best = Some((rid, r));
        }
    }
    best.map(|(id, _)| id.clone())
        .ok_or_else(|| not_found("Last run"))
}

fn actor_list(a: &Account, ctx: &Ctx) -> ApiResult {
    let my = ctx.qbool("my");
    let mut v: Vec<&Value> = a
        .actors
        .values()
        .filter(|x| !my || gs(x, "userId") == a.user_id)
        .collect();
    v.sort_by(|x, y| {
        gs(x, "createdAt")
            .cmp(gs(y, "createdAt"))
            .then(gs(x, "id").cmp(gs(y, "id")))
    });
    let items = v
        .into_iter()
        .map(|x| {
            json!({"id": x["id"], "createdAt": x["createdAt"], "modifiedAt": x["modifiedAt"],
                   "name": x["name"], "username": x["username"], "title": x["title"], "stats": x["stats"],
                   "defaultRunOptions": x["defaultRunOptions"]})
        })
        .collect();
    st::list_page(ctx, items, None)
}

fn actor_create(a: &mut Account, ctx: &Ctx) -> ApiResult {
    let body = ctx.json_obj()?;
    let name = body
        .get("name")
        .and_then(Value::as_str)
        .filter(|n| st::valid_name(n))
        .ok_or_else(|| {
            invalid("Actor 'name' is required and may contain only letters, digits and dashes")
        })?
        .to_string();
    if a.actors
        .values()
        .any(|v| gs(v, "name") == name && gs(v, "userId") == a.user_id)
    {
        return Err(ApiError::new(
            400,
            "actor-name-not-unique",
            format!("Actor name '{name}' is already used"),
        ));
    }
    let id = new_id();
    let act = new_actor(
        id.clone(),
        &a.user_id.clone(),
        &a.username.clone(),
        &name,
        &body,
    );
    a.actors.insert(id.clone(), act);
    new_build(a, &id, "0.0", "latest", "SUCCEEDED");
    Ok(data(201, a.actors.get(&id).cloned().unwrap_or(Value::Null)))
}

fn merge(target: &mut Value, body: &Map<String, Value>, skip: &[&str]) {
    if let Some(t) = target.as_object_mut() {
        for (k, v) in body {
            if !skip.contains(&k.as_str()) {
                t.insert(k.clone(), v.clone());
            }
        }
    }
}

fn actor_update(a: &mut Account, id: &str, ctx: &Ctx) -> ApiResult {
    let body = ctx.json_obj()?;
    if let Some(n) = body.get("name") {
        let n = n
            .as_str()
            .filter(|n| st::valid_name(n))
            .ok_or_else(|| invalid("Invalid Actor name"))?;
        if a.actors
            .iter()
            .any(|(i, v)| i != id && gs(v, "name") == n && gs(v, "userId") == a.user_id)
        {
            return Err(ApiError::new(
                400,
                "actor-name-not-unique",
                format!("Actor name '{n}' is already used"),
            ));
        }
    }
    let act = a.actors.get_mut(id).ok_or_else(|| not_found("Actor"))?;
    merge(
        act,
        &body,
        &["id", "userId", "username", "createdAt", "stats"],
    );
    act["modifiedAt"] = json!(now_iso());
    Ok(data(200, act.clone()))
}

// ------------------------------------------------------------------ versions & env vars

fn versions_mut<'a>(a: &'a mut Account, actor: &str) -> Result<&'a mut Vec<Value>, ApiError> {
    let act = a.actors.get_mut(actor).ok_or_else(|| not_found("Actor"))?;
    if !act.get("versions").is_some_and(Value::is_array) {
        act["versions"] = json!([]);
    }
    act.get_mut("versions")
        .and_then(Value::as_array_mut)
        .ok_or_else(|| not_found("Actor"))
}

fn version_mut<'a>(a: &'a mut Account, actor: &str, ver: &str) -> Result<&'a mut Value, ApiError> {
    versions_mut(a, actor)?
        .iter_mut()
        .find(|v| gs(v, "versionNumber") == ver)
        .ok_or_else(|| not_found(&format!("Version '{ver}'")))
}

fn env_mut(v: &mut Value) -> Result<&mut Vec<Value>, ApiError> {
    if !v.get("envVars").is_some_and(Value::is_array) {
        v["envVars"] = json!([]);
    }
    v.get_mut("envVars")
        .and_then(Value::as_array_mut)
        .ok_or_else(|| not_found("Environment variables"))
}

fn versions(a: &mut Account, actor: &str, ctx: &Ctx, key: &str) -> ApiResult {
    let ver = ctx.p("versionNumber");
    let env = ctx.p("envVarName");
    match key {
        "GET /v2/actors/{actorId}/versions" => {
            let v = versions_mut(a, actor)?.clone();
            Ok(data(200, json!({"total": v.len(), "items": v})))
        }
        "POST /v2/actors/{actorId}/versions" => {
            let body = ctx.json_obj()?;
            let num = body
                .get("versionNumber")
                .and_then(Value::as_str)
                .ok_or_else(|| invalid("'versionNumber' is required"))?
                .to_string();
            let vs = versions_mut(a, actor)?;
            if vs.iter().any(|v| gs(v, "versionNumber") == num) {
                return Err(invalid(format!("Version '{num}' already exists")));
            }
            let mut v = json!({"versionNumber": num, "sourceType": "SOURCE_FILES", "envVars": [],
                               "applyEnvVarsToBuild": false, "buildTag": "latest", "sourceFiles": []});
            merge(&mut v, &body, &[]);
            vs.push(v.clone());
            Ok(data(201, v))
        }
        "GET /v2/actors/{actorId}/versions/{versionNumber}" => {
            Ok(data(200, version_mut(a, actor, &ver)?.clone()))
        }
        "PUT /v2/actors/{actorId}/versions/{versionNumber}"
        | "POST /v2/actors/{actorId}/versions/{versionNumber}" => {
            let body = ctx.json_obj()?;
            let v = version_mut(a, actor, &ver)?;
            merge(v, &body, &["versionNumber"]);
            Ok(data(200, v.clone()))
        }
        "DELETE /v2/actors/{actorId}/versions/{versionNumber}" => {
            let vs = versions_mut(a, actor)?;
            let before = vs.len();
            vs.retain(|v| gs(v, "versionNumber") != ver);
            if vs.len() == before {
                return Err(not_found(&format!("Version '{ver}'")));
            }
            Ok(http::no_content())
        }
        "GET /v2/actors/{actorId}/versions/{versionNumber}/env-vars" => {
            let e = env_mut(version_mut(a, actor, &ver)?)?.clone();
            Ok(data(200, json!({"total": e.len(), "items": e})))
        }
        "POST /v2/actors/{actorId}/versions/{versionNumber}/env-vars" => {
            let body = ctx.json_obj()?;
            let name = body
                .get("name")
                .and_then(Value::as_str)
                .filter(|n| !n.is_empty())
                .ok_or_else(|| invalid("'name' is required"))?
                .to_string();
            let e = env_mut(version_mut(a, actor, &ver)?)?;
            if e.iter().any(|x| gs(x, "name") == name) {
                return Err(invalid(format!(
                    "Environment variable '{name}' already exists"
                )));
            }
            let v = json!({"name": name, "value": body.get("value").cloned().unwrap_or(json!("")),
                           "isSecret": body.get("isSecret").cloned().unwrap_or(json!(false))});
            e.push(v.clone());
            Ok(data(201, v))
        }
        "GET /v2/actors/{actorId}/versions/{versionNumber}/env-vars/{envVarName}" => {
            let e = env_mut(version_mut(a, actor, &ver)?)?;
            let v = e
                .iter()
                .find(|x| gs(x, "name") == env)
                .ok_or_else(|| not_found("Environment variable"))?;
            Ok(data(200, v.clone()))
        }
        "PUT /v2/actors/{actorId}/versions/{versionNumber}/env-vars/{envVarName}"
        | "POST /v2/actors/{actorId}/versions/{versionNumber}/env-vars/{envVarName}" => {
            let body = ctx.json_obj()?;
            let e = env_mut(version_mut(a, actor, &ver)?)?;
            let v = e
                .iter_mut()
                .find(|x| gs(x, "name") == env)
                .ok_or_else(|| not_found("Environment variable"))?;
            merge(v, &body, &[]);
            Ok(data(200, v.clone()))
        }
        "DELETE /v2/actors/{actorId}/versions/{versionNumber}/env-vars/{envVarName}" => {
            let e = env_mut(version_mut(a, actor, &ver)?)?;
            let before = e.len();
            e.retain(|x| gs(x, "name") != env);
            if e.len() == before {
                return Err(not_found("Environment variable"));
            }
            Ok(http::no_content())
        }
        _ => Err(ApiError::new(404, "page-not-found", "Not found")),
    }
}

// ------------------------------------------------------------------ runs

pub struct RunOpts {
    pub timeout: Option<i64>,
    pub memory: Option<i64>,
    pub build: Option<String>,
    pub max_items: Option<i64>,
    pub task_id: Option<String>,
    pub origin: String,
}

impl RunOpts {
    fn from(ctx: &Ctx) -> Result<Self, ApiError> {
        Ok(RunOpts {
            timeout: ctx.qint("timeout")?,
            memory: ctx.qint("memory")?,
            build: ctx.q("build").filter(|b| !b.is_empty()).map(str::to_string),
            max_items: ctx.qint("maxItems")?,
            task_id: None,
            origin: "API".into(),
        })
    }
}

fn resolve_build(a: &Account, actor: &str, build: &str) -> Result<Value, ApiError> {
    if let Some(b) = a.builds.get(build) {
        return Ok(b.clone());
    }
    let act = a.actors.get(actor).ok_or_else(|| not_found("Actor"))?;
    if let Some(id) = act
        .pointer(&format!("/taggedBuilds/{build}/buildId"))
        .and_then(Value::as_str)
    {
        if let Some(b) = a.builds.get(id) {
            return Ok(b.clone());
        }
    }
    a.builds
        .values()
        .find(|b| gs(b, "actId") == actor && gs(b, "buildNumber") == build)
        .cloned()
        .ok_or_else(|| {
            ApiError::new(
                400,
                "invalid-build",
                format!("Build '{build}' of the Actor was not found"),
            )
        })
}

/// Creates a run (READY) with default storages and the INPUT record. Returns the run id.
pub fn create_run(
    a: &mut Account,
    actor: &str,
    input: Option<(Vec<u8>, String)>,
    o: RunOpts,
) -> Result<String, ApiError> {
    let act = a
        .actors
        .get(actor)
        .cloned()
        .ok_or_else(|| not_found("Actor"))?;
    let d = &act["defaultRunOptions"];
    let build_tag = o
        .build
        .clone()
        .unwrap_or_else(|| gs(d, "build").to_string());
    let build_tag = if build_tag.is_empty() {
        "latest".to_string()
    } else {
        build_tag
    };
    let build = resolve_build(a, actor, &build_tag)?;
    if let Some(m) = o.memory {
        if !(128..=32768).contains(&m) || (m & (m - 1)) != 0 {
            return Err(invalid(
                "'memory' must be a power of 2 between 128 and 32768 MB",
            ));
        }
    }
    let timeout = o
        .timeout
        .unwrap_or_else(|| d.get("timeoutSecs").and_then(Value::as_i64).unwrap_or(3600));
    let memory = o.memory.unwrap_or_else(|| {
        d.get("memoryMbytes")
            .and_then(Value::as_i64)
            .unwrap_or(1024)
    });
    let id = new_id();
    let ds = st::create(a, Kind::Dataset, None);
    let kv = st::create(a, Kind::Kvs, None);
    let rq = st::create(a, Kind::Rq, None);
    for (kind, sid) in [(Kind::Dataset, &ds), (Kind::Kvs, &kv), (Kind::Rq, &rq)] {
        let m = match kind {
            Kind::Dataset => a.datasets.get_mut(sid).map(|x| &mut x.meta),
            Kind::Kvs => a.kvs.get_mut(sid).map(|x| &mut x.meta),
            Kind::Rq => a.rqs.get_mut(sid).map(|x| &mut x.meta),
        };
        if let Some(m) = m {
            m.act_id = Some(actor.to_string());
            m.act_run_id = Some(id.clone());
        }
    }
    if let Some((bytes, ct)) = input {
        st::set_record(a, &kv, "INPUT", &ct, bytes);
    }
    let now = now_iso();
    let seq = a.runs.len() as u64 + 1;
    let run = json!({
        "id": id, "actId": actor, "userId": a.user_id, "actorTaskId": o.task_id,
        "startedAt": now, "finishedAt": null, "status": "READY",
        "statusMessage": null, "isStatusMessageTerminal": false,
        "meta": {"origin": o.origin, "clientIp": "127.0.0.1", "userAgent": "apify-emulator"},
        "stats": {"inputBodyLen": 0, "restartCount": 0, "resurrectCount": 0, "durationMillis": 0,
                  "runTimeSecs": 0, "computeUnits": 0, "memAvgBytes": 0, "memMaxBytes": 0, "cpuAvgUsage": 0},
        "options": {"build": build_tag, "timeoutSecs": timeout, "memoryMbytes": memory, "diskMbytes": memory * 2,
                    "maxItems": o.max_items},
        "buildId": build["id"], "buildNumber": build["buildNumber"], "exitCode": null,
        "defaultKeyValueStoreId": kv, "defaultDatasetId": ds, "defaultRequestQueueId": rq,
        "storageIds": {"datasets": {"default": ds}, "keyValueStores": {"default": kv}, "requestQueues": {"default": rq}},
        "containerUrl": format!("https://{id}.runs.apify.net"),
        "generalAccess": "FOLLOW_USER_SETTING",
        "usage": {"ACTOR_COMPUTE_UNITS": 0}, "usageTotalUsd": 0, "usageUsd": {"ACTOR_COMPUTE_UNITS": 0},
        "chargedEventCounts": {},
        "seq": seq,
    });
    a.runs.insert(id.clone(), run);
    a.logs.insert(id.clone(), String::new());
    if let Some(act) = a.actors.get_mut(actor) {
        let t = act
            .pointer("/stats/totalRuns")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        act["stats"]["totalRuns"] = json!(t + 1);
        act["stats"]["lastRunStartedAt"] = json!(now);
    }
    *a.run_gen.entry(id.clone()).or_insert(0) += 1;
    Ok(id)
}

fn public_run(r: &Value) -> Value {
    let mut r = r.clone();
    if let Some(m) = r.as_object_mut() {
        m.remove("seq");
        m.remove("runStartedMs");
    }
    r
}

fn get_run(app: &App, acct: &str, id: &str) -> Result<Value, ApiError> {
    app.with(acct, |a| a.runs.get(id).map(public_run))
        .ok_or_else(|| not_found(&format!("Run '{id}'")))
}

/// Holds until the run or build finishes, at most `secs` (clamped to 60).
async fn wait_finish(app: &App, acct: &str, id: &str, secs: i64) {
    let deadline = now_ms() + secs.clamp(0, 60) * 1000;
    loop {
        let status = app.with(acct, |a| {
            a.runs
                .get(id)
                .or_else(|| a.builds.get(id))
                .map(|r| gs(r, "status").to_string())
        });
        match status {
            Some(s) if !is_terminal(&s) && now_ms() < deadline => {}
            _ => return,
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

fn input_from_body(ctx: &Ctx) -> Option<(Vec<u8>, String)> {
    if ctx.body.is_empty() {
        return None;
    }
    let ct = ctx
        .content_type()
        .filter(|c| !c.is_empty() && !c.starts_with("application/x-www-form-urlencoded"))
        .unwrap_or("application/json; charset=utf-8")
        .to_string();
    Some((ctx.body.to_vec(), ct))
}

async fn start_actor_run(
    app: &Arc<App>,
    ctx: &Ctx,
    actor: &str,
    opts: RunOpts,
) -> Result<String, ApiError> {
    let input = input_from_body(ctx);
    if let Some((b, ct)) = &input {
        if ct.starts_with("application/json") && serde_json::from_slice::<Value>(b).is_err() {
            return Err(invalid("Input is not valid JSON"));
        }
    }
    let webhooks = ctx.q("webhooks").map(str::to_string);
    let id = app.with(&ctx.acct, |a| -> Result<String, ApiError> {
        let id = create_run(a, actor, input, opts)?;
        if let Some(w) = webhooks {
            add_adhoc_webhooks(a, &id, &w)?;
        }
        Ok(id)
    })?;
    crate::sim::start(app.clone(), ctx.acct.clone(), id.clone());
    Ok(id)
}

fn add_adhoc_webhooks(a: &mut Account, run_id: &str, b64: &str) -> Result<(), ApiError> {
    use base64::Engine;
    let raw = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(b64.trim()))
        .map_err(|_| invalid("'webhooks' must be base64-encoded JSON"))?;
    let list: Vec<Value> =
        serde_json::from_slice(&raw).map_err(|_| invalid("'webhooks' must be a JSON array"))?;
    for w in list {
        let Value::Object(mut m) = w else { continue };
        m.insert("isAdHoc".into(), json!(true));
        m.insert("condition".into(), json!({"actorRunId": run_id}));
        let v = webhook_new(a, m)?;
        a.webhooks.insert(gs(&v, "id").to_string(), v);
    }
    Ok(())
}

fn runs_list(a: &Account, ctx: &Ctx, filter: Option<(&str, &str)>) -> ApiResult {
    let statuses = ctx.qlist("status");
    let after = ctx.q("startedAfter").and_then(parse_iso);
    let before = ctx.q("startedBefore").and_then(parse_iso);
    let mut v: Vec<&Value> = a
        .runs
        .values()
        .filter(|r| filter.is_none_or(|(f, id)| gs(r, f) == id))
        .filter(|r| statuses.is_empty() || statuses.iter().any(|s| s == gs(r, "status")))
        .filter(|r| {
            let t = parse_iso(gs(r, "startedAt")).unwrap_or(0);
            after.is_none_or(|x| t >= x) && before.is_none_or(|x| t <= x)
        })
        .collect();
    v.sort_by_key(|r| r.get("seq").and_then(Value::as_u64).unwrap_or(0));
    let items = v
        .into_iter()
        .map(|r| {
            json!({"id": r["id"], "actId": r["actId"], "actorTaskId": r["actorTaskId"], "status": r["status"],
                   "startedAt": r["startedAt"], "finishedAt": r["finishedAt"], "buildId": r["buildId"],
                   "buildNumber": r["buildNumber"], "meta": r["meta"], "usageTotalUsd": r["usageTotalUsd"],
                   "defaultKeyValueStoreId": r["defaultKeyValueStoreId"], "defaultDatasetId": r["defaultDatasetId"],
                   "defaultRequestQueueId": r["defaultRequestQueueId"]})
        })
        .collect();
    st::list_page(ctx, items, None)
}

fn run_mut<'a>(a: &'a mut Account, id: &str) -> Result<&'a mut Value, ApiError> {
    a.runs
        .get_mut(id)
        .ok_or_else(|| not_found(&format!("Run '{id}'")))
}

async fn run_sync(app: &Arc<App>, ctx: &Ctx, actor: &str, opts: RunOpts, items: bool) -> ApiResult {
    let id = start_actor_run(app, ctx, actor, opts).await?;
    wait_sync(app, ctx, &id, items).await
}

// ------------------------------------------------------------------ logs

fn log_resp(app: &Arc<App>, acct: &str, id: &str, stream: bool) -> ApiResult {
    let text = app
        .with(acct, |a| a.logs.get(id).cloned())
        .ok_or_else(|| not_found(&format!("Log '{id}'")))?;
    if !stream {
        return Ok(http::raw(200, "text/plain; charset=utf-8", text));
    }
    let (tx, rx) = tokio::sync::mpsc::channel(16);
    let app = app.clone();
    let acct = acct.to_string();
    let id = id.to_string();
    tokio::spawn(async move {
        let mut sent = 0usize;
        let deadline = now_ms() + 600_000;
        loop {
            let (chunk, done) = app.with(&acct, |a| {
                let log = a.logs.get(&id).map(String::as_str).unwrap_or("");
                let chunk = log.get(sent..).unwrap_or("").to_string();
                let st = a
                    .runs
                    .get(&id)
                    .or_else(|| a.builds.get(&id))
                    .map(|r| gs(r, "status").to_string());
                (chunk, st.is_none_or(|s| is_terminal(&s)))
            });
            if !chunk.is_empty() {
                sent += chunk.len();
                if tx.send(Ok(bytes::Bytes::from(chunk))).await.is_err() {
                    return;
                }
            }
            if done || now_ms() > deadline {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });
    let mut r = hyper::Response::new(Body::Stream(rx));
    r.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    Ok(r)
}

// ------------------------------------------------------------------ tasks

fn task_create(a: &mut Account, ctx: &Ctx) -> ApiResult {
    let body = ctx.json_obj()?;
    let act = body
        .get("actId")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid("'actId' is required"))?;
    let act = resolve_actor_id(a, act)?;
    let name = body
        .get("name")
        .and_then(Value::as_str)
        .filter(|n| st::valid_name(n))
        .ok_or_else(|| {
            invalid("Task 'name' is required and may contain only letters, digits and dashes")
        })?
        .to_string();
    if a.tasks.values().any(|t| gs(t, "name") == name) {
        return Err(ApiError::new(
            400,
            "actor-task-name-not-unique",
            format!("Task name '{name}' is already used"),
        ));
    }
    let id = new_id();
    let now = now_iso();
    let mut t = json!({
        "id": id, "userId": a.user_id, "actId": act, "name": name, "username": a.username,
        "title": null, "description": null, "createdAt": now, "modifiedAt": now,
        "removedAt": null, "stats": {"totalRuns": 0}, "options": {}, "input": {},
        "isPublic": false, "actorStandby": null,
    });
    merge(
        &mut t,
        &body,
        &[
            "id",
            "userId",
            "actId",
            "username",
            "createdAt",
            "modifiedAt",
        ],
    );
    a.tasks.insert(id.clone(), t.clone());
    Ok(data(201, t))
}

type TaskRun = (String, RunOpts, Option<(Vec<u8>, String)>);

fn task_run_opts(a: &Account, task: &str, ctx: &Ctx) -> Result<TaskRun, ApiError> {
    let t = a.tasks.get(task).ok_or_else(|| not_found("Actor task"))?;
    let mut o = RunOpts::from(ctx)?;
    let topts = &t["options"];
    if o.build.is_none() {
        o.build = topts
            .get("build")
            .and_then(Value::as_str)
            .map(str::to_string);
    }
    if o.timeout.is_none() {
        o.timeout = topts.get("timeoutSecs").and_then(Value::as_i64);
    }
    if o.memory.is_none() {
        o.memory = topts.get("memoryMbytes").and_then(Value::as_i64);
    }
    o.task_id = Some(task.to_string());
    let mut input = t
        .get("input")
        .cloned()
        .filter(Value::is_object)
        .unwrap_or(json!({}));
    if !ctx.body.is_empty() {
        match serde_json::from_slice::<Value>(&ctx.body) {
            Ok(Value::Object(m)) => {
                if let Some(i) = input.as_object_mut() {
                    i.extend(m);
                }
            }
            _ => return Err(invalid("Task input override must be a JSON object")),
        }
    }
    let bytes = serde_json::to_vec(&input).unwrap_or_default();
    Ok((
        gs(t, "actId").to_string(),
        o,
        Some((bytes, "application/json; charset=utf-8".into())),
    ))
}

async fn start_task_run(app: &Arc<App>, ctx: &Ctx, task: &str) -> Result<String, ApiError> {
    let webhooks = ctx.q("webhooks").map(str::to_string);
    let id = app.with(&ctx.acct, |a| -> Result<String, ApiError> {
        let (actor, o, input) = task_run_opts(a, task, ctx)?;
        let id = create_run(a, &actor, input, o)?;
        if let Some(t) = a.tasks.get_mut(task) {
            let n = t
                .pointer("/stats/totalRuns")
                .and_then(Value::as_u64)
                .unwrap_or(0);
            t["stats"]["totalRuns"] = json!(n + 1);
        }
        if let Some(w) = webhooks {
            add_adhoc_webhooks(a, &id, &w)?;
        }
        Ok(id)
    })?;
    crate::sim::start(app.clone(), ctx.acct.clone(), id.clone());
    Ok(id)
}

// ------------------------------------------------------------------ webhooks, schedules

fn webhook_new(a: &Account, body: Map<String, Value>) -> Result<Value, ApiError> {
    let url = body.get("requestUrl").and_then(Value::as_str).unwrap_or("");
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(invalid("'requestUrl' must be an http(s) URL"));
    }
    let has_events = body
        .get("eventTypes")
        .and_then(Value::as_array)
        .is_some_and(|e| !e.is_empty());
    if !has_events {
        return Err(invalid("'eventTypes' must be a non-empty array"));
    }
    let now = now_iso();
    let mut w = json!({
        "id": new_id(), "userId": a.user_id, "createdAt": now, "modifiedAt": now, "isAdHoc": false,
        "shouldInterpolateStrings": false, "eventTypes": [], "condition": {}, "ignoreSslErrors": false,
        "doNotRetry": false, "requestUrl": url, "payloadTemplate": null, "headersTemplate": null,
        "description": null, "lastDispatch": null, "stats": {"totalDispatches": 0},
    });
    merge(
        &mut w,
        &body,
        &[
            "id",
            "userId",
            "createdAt",
            "modifiedAt",
            "stats",
            "lastDispatch",
        ],
    );
    Ok(w)
}

pub fn dispatch_event(a: &mut Account, webhook_id: &str, event: &str, event_data: Value) -> Value {
    let id = new_id();
    let now = now_iso();
    let d = json!({
        "id": id, "userId": a.user_id, "webhookId": webhook_id, "createdAt": now,
        "status": "SUCCEEDED", "eventType": event, "eventData": event_data,
        "calls": [{"startedAt": now, "finishedAt": now, "errorMessage": null, "responseStatus": 200,
                   "responseBody": "(not delivered: apify-emulator records dispatches only)"}],
        "webhook": {"requestUrl": a.webhooks.get(webhook_id).map(|w| w["requestUrl"].clone()).unwrap_or(Value::Null),
                     "isAdHoc": a.webhooks.get(webhook_id).map(|w| w["isAdHoc"].clone()).unwrap_or(json!(false))},
    });
    a.dispatches.insert(id.clone(), d.clone());
    if let Some(w) = a.webhooks.get_mut(webhook_id) {
        w["lastDispatch"] = json!({"status": "SUCCEEDED", "finishedAt": now});
        let n = w
            .pointer("/stats/totalDispatches")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        w["stats"]["totalDispatches"] = json!(n + 1);
    }
    d
}

/// Fires webhooks for a run event (e.g. `ACTOR.RUN.SUCCEEDED`).
pub fn fire_run_event(a: &mut Account, run_id: &str, event: &str) {
    let Some(run) = a.runs.get(run_id).cloned() else {
        return;
    };
    let ids: Vec<String> = a
        .webhooks
        .iter()
        .filter(|(_, w)| {
            w["eventTypes"]
                .as_array()
                .is_some_and(|e| e.iter().any(|x| x == event))
                && {
                    let c = &w["condition"];
                    (c.get("actorRunId")
                        .and_then(Value::as_str)
                        .is_some_and(|x| x == run_id))
                        || (c
                            .get("actorId")
                            .and_then(Value::as_str)
                            .is_some_and(|x| x == gs(&run, "actId")))
                        || (c
                            .get("actorTaskId")
                            .and_then(Value::as_str)
                            .is_some_and(|x| x == gs(&run, "actorTaskId")))
                }
        })
        .map(|(id, _)| id.clone())
        .collect();
    for id in ids {
        let ed = json!({"actorId": run["actId"], "actorTaskId": run["actorTaskId"], "actorRunId": run_id});
        dispatch_event(a, &id, event, ed);
    }
}

fn schedule_body(
    a: &Account,
    body: Map<String, Value>,
    existing: Option<&Value>,
) -> Result<Value, ApiError> {
    if let Some(c) = body.get("cronExpression") {
        let c = c.as_str().unwrap_or("");
        let n = c.split_whitespace().count();
        if !(c.starts_with('@') || (5..=6).contains(&n)) {
            return Err(ApiError::new(
                400,
                "cron-expression-invalid",
                format!("Cron expression '{c}' is invalid"),
            ));
        }
    } else if existing.is_none() {
        return Err(invalid("'cronExpression' is required"));
    }
    if let Some(n) = body.get("name").and_then(Value::as_str) {
        let my = existing
            .map(|e| gs(e, "id").to_string())
            .unwrap_or_default();
        if a.schedules
            .iter()
            .any(|(id, s)| *id != my && gs(s, "name") == n)
        {
            return Err(ApiError::new(
                400,
                "schedule-name-not-unique",
                format!("Schedule name '{n}' is already used"),
            ));
        }
    }
    let now = now_iso();
    let mut s = existing.cloned().unwrap_or_else(|| {
        json!({"id": new_id(), "userId": a.user_id, "name": null, "title": null, "cronExpression": "",
               "timezone": "UTC", "isEnabled": true, "isExclusive": false, "description": null,
               "createdAt": now, "modifiedAt": now, "nextRunAt": null, "lastRunAt": null,
               "actions": [], "notifications": {"email": false}})
    });
    merge(&mut s, &body, &["id", "userId", "createdAt"]);
    s["modifiedAt"] = json!(now);
    if let Some(acts) = s.get_mut("actions").and_then(Value::as_array_mut) {
        for act in acts.iter_mut() {
            if act.get("id").is_none() {
                act["id"] = json!(new_id());
            }
        }
    }
    Ok(s)
}

fn simple_list(
    ctx: &Ctx,
    map: &std::collections::BTreeMap<String, Value>,
    filter: impl Fn(&Value) -> bool,
) -> ApiResult {
    let mut v: Vec<&Value> = map.values().filter(|x| filter(x)).collect();
    v.sort_by(|x, y| {
        gs(x, "createdAt")
            .cmp(gs(y, "createdAt"))
            .then(gs(x, "id").cmp(gs(y, "id")))
    });
    st::list_page(ctx, v.into_iter().cloned().collect(), None)
}

fn get_in(map: &std::collections::BTreeMap<String, Value>, id: &str, what: &str) -> ApiResult {
    map.get(id)
        .map(|v| data(200, v.clone()))
        .ok_or_else(|| not_found(&format!("{what} '{id}'")))
}

fn sign(secret: &str, payload: &str) -> String {
    format!(
        "{:016x}",
        crate::util::fnv64(payload.as_bytes(), crate::util::fnv64(secret.as_bytes(), 7))
    )
}

// ------------------------------------------------------------------ dispatch

pub async fn dispatch(app: &Arc<App>, key: &str, ctx: &mut Ctx) -> ApiResult {
    let acct = ctx.acct.clone();
    let c = &*ctx;
    macro_rules! with {
        ($a:ident, $body:expr) => {
            app.with(&acct, |$a| $body)
        };
    }
    let actor = || -> Result<String, ApiError> { with!(a, resolve_actor_id(a, &c.p("actorId"))) };
    let task = || -> Result<String, ApiError> { with!(a, resolve_task(a, &c.p("actorTaskId"))) };
    let wait = c.qint("waitForFinish")?.unwrap_or(0);
    match key {
        // ---- actors
        "GET /v2/actors" => with!(a, actor_list(a, c)),
        "POST /v2/actors" => with!(a, actor_create(a, c)),
        "GET /v2/actors/{actorId}" => {
            let id = actor()?;
            with!(a, get_in(&a.actors, &id, "Actor"))
        }
        "PUT /v2/actors/{actorId}" => {
            let id = actor()?;
            with!(a, actor_update(a, &id, c))
        }
        "DELETE /v2/actors/{actorId}" => {
            let id = actor()?;
            with!(a, {
                a.actors.remove(&id);
                Ok(http::no_content())
            })
        }
        k if k.starts_with("GET /v2/actors/{actorId}/versions")
            || k.starts_with("POST /v2/actors/{actorId}/versions")
            || k.starts_with("PUT /v2/actors/{actorId}/versions")
            || k.starts_with("DELETE /v2/actors/{actorId}/versions") =>
        {
            let id = actor()?;
            with!(a, versions(a, &id, c, k))
        }
        "GET /v2/actors/{actorId}/webhooks" => {
            let id = actor()?;
            with!(
                a,
                simple_list(c, &a.webhooks, |w| w
                    .pointer("/condition/actorId")
                    .and_then(Value::as_str)
                    == Some(&id))
            )
        }
        "POST /v2/actors/{actorId}/validate-input" => {
            actor()?;
            match c.json_opt()? {
                Some(Value::Object(_)) | None => Ok(http::json(200, &json!({"valid": true}))),
                Some(_) => Err(ApiError::new(
                    400,
                    "invalid-input",
                    "Input must be a JSON object",
                )),
            }
        }
        // ---- builds
        "GET /v2/actors/{actorId}/builds" => {
            let id = actor()?;
            with!(a, simple_list(c, &a.builds, |b| gs(b, "actId") == id))
        }
        "POST /v2/actors/{actorId}/builds" => {
            let id = actor()?;
            let version = c.q("version").unwrap_or("0.0").to_string();
            let tag = c.q("tag").unwrap_or("latest").to_string();
            let b = with!(a, new_build(a, &id, &version, &tag, "READY"));
            let bid = gs(&b, "id").to_string();
            crate::sim::start_build(app.clone(), acct.clone(), bid.clone(), tag);
            wait_finish(app, &acct, &bid, wait).await;
            with!(a, get_in(&a.builds, &bid, "Build")).map(|r| with_status(r, 201))
        }
        "GET /v2/actors/{actorId}/builds/default" => {
            let id = actor()?;
            let bid = with!(a, {
                let tag = a
                    .actors
                    .get(&id)
                    .map(|x| gs(&x["defaultRunOptions"], "build").to_string())
                    .unwrap_or_default();
                resolve_build(a, &id, if tag.is_empty() { "latest" } else { &tag })
                    .map(|b| gs(&b, "id").to_string())
            })?;
            wait_finish(app, &acct, &bid, wait).await;
            with!(a, get_in(&a.builds, &bid, "Build"))
        }
        "GET /v2/actor-builds" => with!(a, simple_list(c, &a.builds, |_| true)),
        "GET /v2/actor-builds/{buildId}" => {
            let bid = c.p("buildId");
            wait_finish(app, &acct, &bid, wait).await;
            with!(a, get_in(&a.builds, &bid, "Build"))
        }
        "DELETE /v2/actor-builds/{buildId}" => {
            let bid = c.p("buildId");
            with!(
                a,
                match a.builds.remove(&bid) {
                    Some(_) => Ok(http::no_content()),
                    None => Err(not_found("Build")),
                }
            )
        }
        "POST /v2/actor-builds/{buildId}/abort" => {
            let bid = c.p("buildId");
            with!(a, {
                let b = a.builds.get_mut(&bid).ok_or_else(|| not_found("Build"))?;
                if !is_terminal(gs(b, "status")) {
                    b["status"] = json!("ABORTED");
                    b["finishedAt"] = json!(now_iso());
                }
                Ok(data(200, b.clone()))
            })
        }
        "GET /v2/actor-builds/{buildId}/openapi.json" => {
            let bid = c.p("buildId");
            let (b, name) = with!(a, {
                let b = a
                    .builds
                    .get(&bid)
                    .cloned()
                    .ok_or_else(|| not_found("Build"))?;
                let name = a
                    .actors
                    .get(gs(&b, "actId"))
                    .map(|x| gs(x, "name").to_string())
                    .unwrap_or_default();
                Ok::<_, ApiError>((b, name))
            })?;
            Ok(http::json(
                200,
                &json!({
                    "openapi": "3.0.1",
                    "info": {"title": name, "version": gs(&b, "buildNumber"), "x-build-id": bid},
                    "servers": [{"url": format!("{}/v2", app.base_url())}],
                    "paths": {
                        format!("/acts/{}/run-sync-get-dataset-items", gs(&b, "actId")): {"post": {"operationId": "run-sync-get-dataset-items", "responses": {"200": {"description": "OK"}}}},
                        format!("/acts/{}/runs", gs(&b, "actId")): {"post": {"operationId": "runs", "responses": {"200": {"description": "OK"}}}},
                        format!("/acts/{}/run-sync", gs(&b, "actId")): {"post": {"operationId": "run-sync", "responses": {"200": {"description": "OK"}}}},
                    }
                }),
            ))
        }
        "GET /v2/logs/{buildOrRunId}" => {
            let id = c.p("buildOrRunId");
            log_resp(app, &acct, &id, c.qbool("stream"))
        }
        // ---- runs
        "GET /v2/actors/{actorId}/runs" => {
            let id = actor()?;
            with!(a, runs_list(a, c, Some(("actId", &id))))
        }
        "POST /v2/actors/{actorId}/runs" => {
            let id = actor()?;
            let rid = start_actor_run(app, c, &id, RunOpts::from(c)?).await?;
            wait_finish(app, &acct, &rid, wait).await;
            get_run(app, &acct, &rid).map(|r| data(201, r))
        }
        "GET /v2/actors/{actorId}/run-sync" | "POST /v2/actors/{actorId}/run-sync" => {
            let id = actor()?;
            run_sync(app, c, &id, RunOpts::from(c)?, false).await
        }
        "GET /v2/actors/{actorId}/run-sync-get-dataset-items"
        | "POST /v2/actors/{actorId}/run-sync-get-dataset-items" => {
            let id = actor()?;
            run_sync(app, c, &id, RunOpts::from(c)?, true).await
        }
        "GET /v2/actor-runs" => with!(a, runs_list(a, c, None)),
        "GET /v2/actor-runs/{runId}" => {
            let rid = c.p("runId");
            get_run(app, &acct, &rid)?;
            wait_finish(app, &acct, &rid, wait).await;
            get_run(app, &acct, &rid).map(|r| data(200, r))
        }
        "PUT /v2/actor-runs/{runId}" => {
            let rid = c.p("runId");
            let body = c.json_obj()?;
            with!(a, {
                let r = run_mut(a, &rid)?;
                for k in ["statusMessage", "isStatusMessageTerminal", "generalAccess"] {
                    if let Some(v) = body.get(k) {
                        r[k] = v.clone();
                    }
                }
                Ok(data(200, public_run(r)))
            })
        }
        "DELETE /v2/actor-runs/{runId}" => {
            let rid = c.p("runId");
            with!(a, {
                let r = run_mut(a, &rid)?;
                if !is_terminal(gs(r, "status")) {
                    return Err(invalid("Only finished runs can be deleted"));
                }
                a.runs.remove(&rid);
                a.run_gen.remove(&rid);
                Ok(http::no_content())
            })
        }
        "POST /v2/actor-runs/{runId}/abort" => {
            let rid = c.p("runId");
            let graceful = c.qbool("gracefully");
            with!(a, crate::sim::abort(a, &rid, graceful))?;
            if graceful {
                wait_finish(app, &acct, &rid, 5).await;
            }
            get_run(app, &acct, &rid).map(|r| data(200, r))
        }
        "POST /v2/actor-runs/{runId}/metamorph" => {
            let rid = c.p("runId");
            let target = c
                .q("targetActorId")
                .filter(|t| !t.is_empty())
                .ok_or_else(|| invalid("Parameter 'targetActorId' is required"))?
                .to_string();
            let build = c.q("build").map(str::to_string);
            let input = input_from_body(c);
            with!(
                a,
                crate::sim::metamorph(a, &rid, &target, build.as_deref(), input)
            )?;
            crate::sim::start(app.clone(), acct.clone(), rid.clone());
            get_run(app, &acct, &rid).map(|r| data(200, r))
        }
        "POST /v2/actor-runs/{runId}/reboot" => {
            let rid = c.p("runId");
            with!(a, crate::sim::reboot(a, &rid))?;
            crate::sim::start(app.clone(), acct.clone(), rid.clone());
            get_run(app, &acct, &rid).map(|r| data(200, r))
        }
        "POST /v2/actor-runs/{runId}/resurrect" => {
            let rid = c.p("runId");
            let o = RunOpts::from(c)?;
            with!(a, crate::sim::resurrect(a, &rid, &o))?;
            crate::sim::start(app.clone(), acct.clone(), rid.clone());
            get_run(app, &acct, &rid).map(|r| data(200, r))
        }
        "POST /v2/actor-runs/{runId}/charge" => {
            let rid = c.p("runId");
            let body = c.json_obj()?;
            let event = body
                .get("eventName")
                .and_then(Value::as_str)
                .filter(|e| !e.is_empty())
                .ok_or_else(|| invalid("'eventName' is required"))?
                .to_string();
            let count = match body.get("count") {
                None | Some(Value::Null) => 1,
                Some(v) => v
                    .as_u64()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| invalid("'count' must be a positive integer"))?,
            };
            let ikey = c.header("idempotency-key").map(str::to_string);
            with!(a, {
                let r = run_mut(a, &rid)?;
                if is_terminal(gs(r, "status")) {
                    return Err(invalid("Cannot charge a finished run"));
                }
                if let Some(k) = &ikey {
                    let ck = format!("{rid}/{k}");
                    if a.charges.contains_key(&ck) {
                        return Ok(http::json(201, &json!({})));
                    }
                    a.charges
                        .insert(ck, json!({"eventName": event, "count": count}));
                }
                let r = run_mut(a, &rid)?;
                if !r.get("chargedEventCounts").is_some_and(Value::is_object) {
                    r["chargedEventCounts"] = json!({});
                }
                let n = r["chargedEventCounts"]
                    .get(&event)
                    .and_then(Value::as_u64)
                    .unwrap_or(0);
                r["chargedEventCounts"][&event] = json!(n + count);
                Ok(http::json(201, &json!({})))
            })
        }
        // ---- tasks
        "GET /v2/actor-tasks" => with!(a, simple_list(c, &a.tasks, |_| true)),
        "POST /v2/actor-tasks" => with!(a, task_create(a, c)),
        "GET /v2/actor-tasks/{actorTaskId}" => {
            let id = task()?;
            with!(a, get_in(&a.tasks, &id, "Actor task"))
        }
        "PUT /v2/actor-tasks/{actorTaskId}" => {
            let id = task()?;
            let body = c.json_obj()?;
            with!(a, {
                if let Some(n) = body.get("name") {
                    let n = n
                        .as_str()
                        .filter(|n| st::valid_name(n))
                        .ok_or_else(|| invalid("Invalid task name"))?;
                    if a.tasks.iter().any(|(i, t)| *i != id && gs(t, "name") == n) {
                        return Err(ApiError::new(
                            400,
                            "actor-task-name-not-unique",
                            "Task name is already used",
                        ));
                    }
                }
                let t = a
                    .tasks
                    .get_mut(&id)
                    .ok_or_else(|| not_found("Actor task"))?;
                merge(t, &body, &["id", "userId", "actId", "createdAt", "stats"]);
                t["modifiedAt"] = json!(now_iso());
                Ok(data(200, t.clone()))
            })
        }
        "DELETE /v2/actor-tasks/{actorTaskId}" => {
            let id = task()?;
            with!(a, {
                a.tasks.remove(&id);
                Ok(http::no_content())
            })
        }
        "GET /v2/actor-tasks/{actorTaskId}/input" => {
            let id = task()?;
            with!(
                a,
                Ok(http::json(
                    200,
                    &a.tasks
                        .get(&id)
                        .map(|t| t["input"].clone())
                        .unwrap_or(json!({}))
                ))
            )
        }
        "PUT /v2/actor-tasks/{actorTaskId}/input" => {
            let id = task()?;
            let body = c.json_opt()?.unwrap_or(json!({}));
            if !body.is_object() {
                return Err(invalid("Task input must be a JSON object"));
            }
            with!(a, {
                let t = a
                    .tasks
                    .get_mut(&id)
                    .ok_or_else(|| not_found("Actor task"))?;
                t["input"] = body.clone();
                t["modifiedAt"] = json!(now_iso());
                Ok(http::json(200, &body))
            })
        }
        "GET /v2/actor-tasks/{actorTaskId}/runs" => {
            let id = task()?;
            with!(a, runs_list(a, c, Some(("actorTaskId", &id))))
        }
        "POST /v2/actor-tasks/{actorTaskId}/runs" => {
            let id = task()?;
            let rid = start_task_run(app, c, &id).await?;
            wait_finish(app, &acct, &rid, wait).await;
            get_run(app, &acct, &rid).map(|r| data(201, r))
        }
        "GET /v2/actor-tasks/{actorTaskId}/run-sync"
        | "POST /v2/actor-tasks/{actorTaskId}/run-sync"
        | "GET /v2/actor-tasks/{actorTaskId}/run-sync-get-dataset-items"
        | "POST /v2/actor-tasks/{actorTaskId}/run-sync-get-dataset-items" => {
            let id = task()?;
            let rid = start_task_run(app, c, &id).await?;
            let items = key.ends_with("items");
            wait_sync(app, c, &rid, items).await
        }
        "GET /v2/actor-tasks/{actorTaskId}/webhooks" => {
            let id = task()?;
            with!(
                a,
                simple_list(c, &a.webhooks, |w| w
                    .pointer("/condition/actorTaskId")
                    .and_then(Value::as_str)
                    == Some(&id))
            )
        }
        // ---- schedules
        "GET /v2/schedules" => with!(a, simple_list(c, &a.schedules, |_| true)),
        "POST /v2/schedules" => {
            let body = c.json_obj()?;
            with!(a, {
                let s = schedule_body(a, body, None)?;
                a.schedules.insert(gs(&s, "id").to_string(), s.clone());
                Ok(data(201, s))
            })
        }
        "GET /v2/schedules/{scheduleId}" => {
            let id = c.p("scheduleId");
            with!(a, get_in(&a.schedules, &schedule_id(a, &id), "Schedule"))
        }
        "PUT /v2/schedules/{scheduleId}" => {
            let id = c.p("scheduleId");
            let body = c.json_obj()?;
            with!(a, {
                let id = schedule_id(a, &id);
                let ex = a
                    .schedules
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| not_found("Schedule"))?;
                let s = schedule_body(a, body, Some(&ex))?;
                a.schedules.insert(id, s.clone());
                Ok(data(200, s))
            })
        }
        "DELETE /v2/schedules/{scheduleId}" => {
            let id = c.p("scheduleId");
            with!(
                a,
                match a.schedules.remove(&schedule_id(a, &id)) {
                    Some(_) => Ok(http::no_content()),
                    None => Err(not_found("Schedule")),
                }
            )
        }
        "GET /v2/schedules/{scheduleId}/log" => {
            let id = c.p("scheduleId");
            with!(a, {
                let s = a
                    .schedules
                    .get(&schedule_id(a, &id))
                    .ok_or_else(|| not_found("Schedule"))?;
                Ok(data(
                    200,
                    json!([{"message": "Schedule created (the emulator does not invoke schedules)", "level": "INFO", "createdAt": s["createdAt"]}]),
                ))
            })
        }
        // ---- webhooks
        "GET /v2/webhooks" => with!(a, simple_list(c, &a.webhooks, |_| true)),
        "POST /v2/webhooks" => {
            let body = c.json_obj()?;
            with!(a, {
                if let Some(k) = body.get("idempotencyKey").and_then(Value::as_str) {
                    if let Some(w) = a.webhooks.values().find(|w| gs(w, "idempotencyKey") == k) {
                        return Ok(data(201, w.clone()));
                    }
                }
                let w = webhook_new(a, body)?;
                a.webhooks.insert(gs(&w, "id").to_string(), w.clone());
                Ok(data(201, w))
            })
        }
        "GET /v2/webhooks/{webhookId}" => {
            let id = c.p("webhookId");
            with!(a, get_in(&a.webhooks, &id, "Webhook"))
        }
        "PUT /v2/webhooks/{webhookId}" => {
            let id = c.p("webhookId");
            let body = c.json_obj()?;
            with!(a, {
                let w = a
                    .webhooks
                    .get_mut(&id)
                    .ok_or_else(|| not_found("Webhook"))?;
                merge(w, &body, &["id", "userId", "createdAt", "stats"]);
                w["modifiedAt"] = json!(now_iso());
                Ok(data(200, w.clone()))
            })
        }
        "DELETE /v2/webhooks/{webhookId}" => {
            let id = c.p("webhookId");
            with!(
                a,
                match a.webhooks.remove(&id) {
                    Some(_) => Ok(http::no_content()),
                    None => Err(not_found("Webhook")),
                }
            )
        }
        "GET /v2/webhooks/{webhookId}/dispatches" => {
            let id = c.p("webhookId");
            with!(a, {
                if !a.webhooks.contains_key(&id) {
                    return Err(not_found("Webhook"));
                }
                simple_list(c, &a.dispatches, |d| gs(d, "webhookId") == id)
            })
        }
        "POST /v2/webhooks/{webhookId}/test" => {
            let id = c.p("webhookId");
            with!(a, {
                if !a.webhooks.contains_key(&id) {
                    return Err(not_found("Webhook"));
                }
                let d = dispatch_event(a, &id, "TEST", json!({"test": true}));
                Ok(data(201, d))
            })
        }
        "GET /v2/webhook-dispatches" => with!(a, simple_list(c, &a.dispatches, |_| true)),
        "GET /v2/webhook-dispatches/{dispatchId}" => {
            let id = c.p("dispatchId");
            with!(a, get_in(&a.dispatches, &id, "Webhook dispatch"))
        }
        // ---- users, store, tools
        "GET /v2/users/me" => with!(a, Ok(data(200, user_private(a)))),
        "GET /v2/users/{userId}" => {
            let id = c.p("userId");
            with!(a, {
                if id == a.user_id || id == a.username || id == "me" {
                    Ok(data(
                        200,
                        json!({"username": a.username, "profile": {"name": a.username, "pictureUrl": null}, "createdAt": iso(a.created_ms)}),
                    ))
                } else if id == "apify" || id == CATALOGUE_USER_ID {
                    Ok(data(
                        200,
                        json!({"username": "apify", "profile": {"name": "Apify", "pictureUrl": null}, "createdAt": "2015-01-01T00:00:00.000Z"}),
                    ))
                } else {
                    Err(ApiError::new(
                        404,
                        "record-not-found",
                        format!("User '{id}' was not found"),
                    ))
                }
            })
        }
        "GET /v2/users/me/limits" => with!(a, {
            let l = &a.limits;
            Ok(data(
                200,
                json!({
                    "monthlyUsageCycle": {"startAt": iso(now_ms() - 15 * 86_400_000), "endAt": iso(now_ms() + 15 * 86_400_000)},
                    "limits": {"maxMonthlyUsageUsd": l["maxMonthlyUsageUsd"], "maxMonthlyActorComputeUnits": 1000,
                               "maxMonthlyExternalDataTransferGbytes": 100, "maxMonthlyProxySerps": 1000,
                               "maxMonthlyResidentialProxyGbytes": 10, "maxActorMemoryGbytes": 32, "maxActorCount": 100,
                               "maxActorTaskCount": 1000, "maxConcurrentActorJobs": 25, "maxTeamAccountSeatCount": 9,
                               "dataRetentionDays": l["dataRetentionDays"]},
                    "current": {"monthlyUsageUsd": 0, "monthlyActorComputeUnits": 0, "monthlyExternalDataTransferGbytes": 0,
                                "monthlyProxySerps": 0, "monthlyResidentialProxyGbytes": 0, "actorMemoryGbytes": 0,
                                "actorCount": a.actors.values().filter(|x| gs(x, "userId") == a.user_id).count(),
                                "actorTaskCount": a.tasks.len(), "activeActorJobCount": a.runs.values().filter(|r| !is_terminal(gs(r, "status"))).count(),
                                "teamAccountSeatCount": 0}
                }),
            ))
        }),
        "PUT /v2/users/me/limits" => {
            let body = c.json_obj()?;
            with!(a, {
                for k in ["maxMonthlyUsageUsd", "dataRetentionDays"] {
                    if let Some(v) = body.get(k) {
                        if !v.is_number() {
                            return Err(invalid(format!("'{k}' must be a number")));
                        }
                        a.limits[k] = v.clone();
                    }
                }
                Ok(http::json(201, &json!({})))
            })
        }
        "GET /v2/users/me/usage/monthly" => Ok(data(
            200,
            json!({
                "usageCycle": {"startAt": iso(now_ms() - 15 * 86_400_000), "endAt": iso(now_ms() + 15 * 86_400_000)},
                "monthlyServiceUsage": {}, "dailyServiceUsages": [{"date": iso(now_ms())[..10], "serviceUsage": {}, "totalUsageCreditsUsd": 0}],
                "totalUsageCreditsUsdBeforeVolumeDiscount": 0, "totalUsageCreditsUsdAfterVolumeDiscount": 0,
            }),
        )),
        "GET /v2/store" => {
            let search = c.q("search").unwrap_or("").to_lowercase();
            let username = c.q("username").map(str::to_string);
            with!(a, {
                let items: Vec<Value> = a
                    .actors
                    .values()
                    .filter(|x| x["isPublic"] == json!(true))
                    .filter(|x| search.is_empty() || gs(x, "name").contains(&search) || gs(x, "title").to_lowercase().contains(&search) || gs(x, "description").to_lowercase().contains(&search))
                    .filter(|x| username.as_deref().is_none_or(|u| gs(x, "username") == u))
                    .map(|x| json!({"id": x["id"], "title": x["title"], "name": x["name"], "username": x["username"],
                                    "userFullName": "Apify", "description": x["description"], "categories": x["categories"],
                                    "pictureUrl": null, "userPictureUrl": null, "url": format!("https://apify.com/{}/{}", gs(x, "username"), gs(x, "name")),
                                    "stats": x["stats"], "currentPricingInfo": {"pricingModel": "FREE"}, "isWhiteListedForAgenticPayment": false}))
                    .collect();
                st::list_page(c, items, None)
            })
        }
        "GET /v2/browser-info"
        | "POST /v2/browser-info"
        | "PUT /v2/browser-info"
        | "DELETE /v2/browser-info" => {
            let mut headers = Map::new();
            for (k, v) in c.headers.iter() {
                if k.as_str() == "authorization" {
                    continue;
                }
                headers.insert(k.as_str().to_string(), json!(v.to_str().unwrap_or("")));
            }
            let m = key.split(' ').next().unwrap_or("GET");
            Ok(http::json(
                200,
                &json!({"method": m, "clientIp": "127.0.0.1", "countryCode": null,
                                         "bodyLength": c.body.len(), "headers": headers}),
            ))
        }
        "POST /v2/tools/encode-and-sign" => {
            use base64::Engine;
            let v = c.json_opt()?.ok_or_else(|| invalid("Body is required"))?;
            let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(
                serde_json::to_vec(&json!({"data": v, "userId": a_user(app, &acct)}))
                    .unwrap_or_default(),
            );
            let sig = with!(a, sign(&a.secret, &payload));
            Ok(data(200, json!({"encoded": format!("{payload}.{sig}")})))
        }
        "POST /v2/tools/decode-and-verify" => {
            use base64::Engine;
            let body = c.json_obj()?;
            let enc = body
                .get("encoded")
                .and_then(Value::as_str)
                .ok_or_else(|| invalid("'encoded' is required"))?;
            let (payload, sig) = enc
                .rsplit_once('.')
                .ok_or_else(|| invalid("'encoded' is malformed"))?;
            let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(payload)
                .map_err(|_| invalid("'encoded' is malformed"))?;
            let v: Value =
                serde_json::from_slice(&raw).map_err(|_| invalid("'encoded' is malformed"))?;
            let user = gs(&v, "userId").to_string();
            let verified = with!(a, sign(&a.secret, payload) == sig && user == a.user_id);
            Ok(data(
                200,
                json!({"decoded": v["data"], "encodedByUserId": user, "isVerifiedUser": verified}),
            ))
        }
        _ => Err(ApiError::new(
            501,
            "operation-not-allowed",
            format!("{key} is not emulated"),
        )),
    }
}

fn a_user(app: &App, acct: &str) -> String {
    app.with(acct, |a| a.user_id.clone())
}

fn schedule_id(a: &Account, key: &str) -> String {
    if a.schedules.contains_key(key) {
        return key.to_string();
    }
    let name = key.split_once('~').map(|(_, n)| n).unwrap_or(key);
    a.schedules
        .iter()
        .find(|(_, s)| gs(s, "name") == name)
        .map(|(id, _)| id.clone())
        .unwrap_or_else(|| key.to_string())
}

fn with_status(mut r: http::Resp, code: u16) -> http::Resp {
    *r.status_mut() = http::status_of(code);
    r
}

async fn wait_sync(app: &Arc<App>, ctx: &Ctx, rid: &str, items: bool) -> ApiResult {
    let deadline = now_ms() + 300_000;
    loop {
        let s = app.with(&ctx.acct, |a| {
            a.runs.get(rid).map(|r| gs(r, "status").to_string())
        });
        match s {
            Some(s) if is_terminal(&s) => break,
            None => return Err(not_found("Run")),
            _ => {}
        }
        if now_ms() > deadline {
            return Err(ApiError::new(
                408,
                "run-timeout-exceeded",
                "Run did not finish in 300 seconds",
            ));
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let run = get_run(app, &ctx.acct, rid)?;
    if gs(&run, "status") != "SUCCEEDED" {
        return Err(ApiError::new(
            400,
            "run-failed",
            format!(
                "Actor run {rid} finished with status {}",
                gs(&run, "status")
            ),
        ));
    }
    if items {
        let ds = gs(&run, "defaultDatasetId").to_string();
        return app.with(&ctx.acct, |a| st::get_items(a, &ds, ctx, 201));
    }
    let kv = gs(&run, "defaultKeyValueStoreId").to_string();
    let key = ctx.q("outputRecordKey").unwrap_or("OUTPUT").to_string();
    let rec = app.with(&ctx.acct, |a| {
        a.kvs.get(&kv).and_then(|k| k.records.get(&key).cloned())
    });
    Ok(match rec {
        Some(r) => http::raw(201, &r.content_type, r.value),
        None => http::empty(201),
    })
}

fn user_private(a: &Account) -> Value {
    json!({
        "id": a.user_id, "username": a.username,
        "profile": {"name": a.username, "pictureUrl": null, "bio": null, "githubUsername": null},
        "email": format!("{}@example.com", a.username),
        "proxy": {"password": "emulator-proxy-password", "groups": [{"name": "AUTO", "description": "Emulated", "availableCount": 10}]},
        "plan": {"id": "FREE", "description": "Emulated plan", "isEnabled": true, "monthlyBasePriceUsd": 0,
                 "monthlyUsageCreditsUsd": 5, "maxActorMemoryGbytes": 32, "maxMonthlyActorComputeUnits": 1000,
                 "maxConcurrentActorJobs": 25, "dataRetentionDays": 7, "availableProxyGroups": {}},
        "effectivePlatformFeatures": {"ACTORS": {"isEnabled": true}, "STORAGE": {"isEnabled": true}},
        "createdAt": iso(a.created_ms), "isPaying": false,
    })
}

pub fn tag_build_pub(a: &mut Account, actor_id: &str, build_id: &str, tag: &str) {
    tag_build(a, actor_id, build_id, tag);
}
