//! Actors, builds, runs (lifecycle), tasks, webhooks, schedules, logs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod common;
use common::*;
use serde_json::json;
use std::time::{Duration, Instant};

#[test]
fn hello_world_run_lifecycle_and_shortcuts() {
    let e = Emu::start();
    let t = "runs";
    let r = e.post_json(t, "/v2/actors/apify~hello-world/runs", r#"{"count":3}"#);
    assert_eq!(r.status, 201);
    let run = r.data();
    assert!(["READY", "RUNNING"].contains(&run["status"].as_str().unwrap()));
    let id = run["id"].as_str().unwrap();
    let done = wait_run(&e, t, id);
    assert_eq!(done["status"], "SUCCEEDED");
    assert!(done["finishedAt"].is_string());
    let items = e
        .get(t, &format!("/v2/actor-runs/{id}/dataset/items"))
        .json();
    assert_eq!(items.as_array().unwrap().len(), 3);
    let out = e.get(
        t,
        &format!("/v2/actor-runs/{id}/key-value-store/records/OUTPUT"),
    );
    assert_eq!(out.json(), json!({"count": 3}));
    // Last-run shortcuts (actor and by status).
    let last = e
        .get(t, "/v2/actors/apify~hello-world/runs/last?status=SUCCEEDED")
        .data();
    assert_eq!(last["id"], id);
    let li = e.get(
        t,
        "/v2/actors/apify~hello-world/runs/last/dataset/items?limit=1",
    );
    assert_eq!(li.header("x-apify-pagination-total"), Some("3"));
    assert_eq!(e.get(t, "/v2/actors/apify~sleeper/runs/last").status, 404);
    let log = e.get(t, &format!("/v2/actor-runs/{id}/log")).text();
    assert!(log.contains("Hello, world!"), "{log}");
    assert!(e
        .get(t, &format!("/v2/logs/{id}"))
        .text()
        .contains("SUCCEEDED"));
    // Lists.
    assert_eq!(
        e.get(t, "/v2/actor-runs?status=SUCCEEDED").data()["total"],
        1
    );
    assert_eq!(
        e.get(t, "/v2/actors/apify~hello-world/runs").data()["total"],
        1
    );
    // Request log operationIds are exact.
    let ops: Vec<String> = e
        .get(t, "/_emulator/requests")
        .data()
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["operationId"].as_str().unwrap_or("null").to_string())
        .collect();
    assert!(
        ops.contains(&"actor_runs_last_dataset_items_get".to_string()),
        "{ops:?}"
    );
    assert!(ops.contains(&"actorRun_keyValueStore_record_get".to_string()));
    // Delete finished run.
    assert_eq!(e.delete(t, &format!("/v2/actor-runs/{id}")).status, 204);
}

#[test]
fn wait_for_finish_holds_and_returns_early() {
    let e = Emu::start();
    let t = "wff";
    let start = Instant::now();
    let r = e
        .post_json(
            t,
            "/v2/actors/apify~sleeper/runs?waitForFinish=30",
            r#"{"seconds":0.5}"#,
        )
        .data();
    let took = start.elapsed();
    assert_eq!(r["status"], "SUCCEEDED");
    assert!(
        took >= Duration::from_millis(400) && took < Duration::from_secs(5),
        "{took:?}"
    );
    // A hold that ends before the run does returns the running run.
    let r = e
        .post_json(t, "/v2/actors/apify~sleeper/runs", r#"{"seconds":30}"#)
        .data();
    let id = r["id"].as_str().unwrap();
    let start = Instant::now();
    let r = e
        .get(t, &format!("/v2/actor-runs/{id}?waitForFinish=1"))
        .data();
    assert!(start.elapsed() >= Duration::from_millis(900));
    assert_eq!(r["status"], "RUNNING");
    // Abort gracefully.
    let a = e
        .req("POST", &format!("/v2/actor-runs/{id}/abort?gracefully=1"))
        .token(t)
        .send()
        .data();
    assert!(["ABORTING", "ABORTED"].contains(&a["status"].as_str().unwrap()));
    assert_eq!(wait_run(&e, t, id)["status"], "ABORTED");
}

#[test]
fn failer_timeout_and_logger_stream() {
    let e = Emu::start();
    let t = "fail";
    let r = e
        .post_json(
            t,
            "/v2/actors/apify~failer/runs?waitForFinish=10",
            r#"{"message":"boom"}"#,
        )
        .data();
    assert_eq!(r["status"], "FAILED");
    assert_eq!(r["statusMessage"], "boom");
    assert_eq!(r["exitCode"], 1);
    let r = e
        .post_json(
            t,
            "/v2/actors/apify~sleeper/runs?timeout=1&waitForFinish=10",
            r#"{"seconds":20}"#,
        )
        .data();
    assert_eq!(r["status"], "TIMED-OUT");
    let r = e
        .post_json(
            t,
            "/v2/actors/apify~logger/runs",
            r#"{"lines":4,"intervalMs":100}"#,
        )
        .data();
    let id = r["id"].as_str().unwrap();
    let start = Instant::now();
    let s = e
        .req("GET", &format!("/v2/logs/{id}?stream=1&raw=1"))
        .token(t)
        .send();
    assert_eq!(s.status, 200);
    assert_eq!(s.header("transfer-encoding"), Some("chunked"));
    assert!(
        start.elapsed() >= Duration::from_millis(300),
        "stream ends with the run"
    );
    let text = s.text();
    assert!(text.contains("Log line 4 of 4"), "{text}");
    assert!(text.contains("SUCCEEDED"));
}

#[test]
fn metamorph_reboot_resurrect_charge() {
    let e = Emu::start();
    let t = "meta";
    let r = e
        .post_json(t, "/v2/actors/apify~sleeper/runs", r#"{"seconds":30}"#)
        .data();
    let id = r["id"].as_str().unwrap().to_string();
    std::thread::sleep(Duration::from_millis(200));
    let rb = e
        .req("POST", &format!("/v2/actor-runs/{id}/reboot"))
        .token(t)
        .send();
    assert_eq!(rb.status, 200);
    assert_eq!(rb.data()["stats"]["restartCount"], 1);
    let c1 = e
        .req("POST", &format!("/v2/actor-runs/{id}/charge"))
        .token(t)
        .header("Idempotency-Key", "k1")
        .json(r#"{"eventName":"item","count":2}"#)
        .send();
    assert_eq!(c1.status, 201);
    e.req("POST", &format!("/v2/actor-runs/{id}/charge"))
        .token(t)
        .header("Idempotency-Key", "k1")
        .json(r#"{"eventName":"item","count":2}"#)
        .send();
    e.req("POST", &format!("/v2/actor-runs/{id}/charge"))
        .token(t)
        .header("Idempotency-Key", "k2")
        .json(r#"{"eventName":"item"}"#)
        .send();
    assert_eq!(
        e.get(t, &format!("/v2/actor-runs/{id}")).data()["chargedEventCounts"]["item"],
        3
    );
    let st = e
        .put_json(
            t,
            &format!("/v2/actor-runs/{id}"),
            r#"{"statusMessage":"halfway"}"#,
        )
        .data();
    assert_eq!(st["statusMessage"], "halfway");
    let m = e
        .req(
            "POST",
            &format!("/v2/actor-runs/{id}/metamorph?targetActorId=apify~hello-world"),
        )
        .token(t)
        .json(r#"{"from":"meta"}"#)
        .send();
    assert_eq!(m.status, 200, "{}", m.text());
    let done = wait_run(&e, t, &id);
    assert_eq!(done["status"], "SUCCEEDED");
    assert_eq!(done["metamorphs"][0]["inputKey"], "INPUT-METAMORPH-1");
    assert_eq!(
        e.get(
            t,
            &format!("/v2/actor-runs/{id}/key-value-store/records/OUTPUT")
        )
        .json(),
        json!({"from":"meta"})
    );
    let rs = e
        .req("POST", &format!("/v2/actor-runs/{id}/resurrect"))
        .token(t)
        .send();
    assert_eq!(rs.status, 200);
    assert_eq!(wait_run(&e, t, &id)["stats"]["resurrectCount"], 1);
    assert_eq!(
        e.req("POST", &format!("/v2/actor-runs/{id}/reboot"))
            .token(t)
            .send()
            .status,
        400
    );
}

#[test]
fn run_sync_endpoints() {
    let e = Emu::start();
    let t = "sync";
    let r = e.post_json(t, "/v2/actors/apify~hello-world/run-sync", r#"{"hi":1}"#);
    assert_eq!(r.status, 201);
    assert_eq!(r.json(), json!({"hi": 1}));
    let r = e.post_json(
        t,
        "/v2/actors/apify~hello-world/run-sync-get-dataset-items",
        r#"{"items":[{"x":1},{"x":2}]}"#,
    );
    assert_eq!(r.status, 201);
    assert_eq!(r.json(), json!([{"x":1},{"x":2}]));
    let r = e.post_json(t, "/v2/actors/apify~failer/run-sync", "{}");
    assert_eq!((r.status, r.err_type().as_str()), (400, "run-failed"));
}

#[test]
fn actors_versions_env_vars_builds() {
    let e = Emu::start();
    let t = "act";
    let a = e.post_json(t, "/v2/actors", r#"{"name":"my-actor","title":"Mine"}"#);
    assert_eq!(a.status, 201);
    let a = a.data();
    let id = a["id"].as_str().unwrap();
    assert_eq!(
        e.post_json(t, "/v2/actors", r#"{"name":"my-actor"}"#)
            .err_type(),
        "actor-name-not-unique"
    );
    let me = e.get(t, "/v2/users/me").data();
    let uname = me["username"].as_str().unwrap();
    assert_eq!(
        e.get(t, &format!("/v2/actors/{uname}~my-actor")).data()["id"],
        id
    );
    assert_eq!(e.get(t, "/v2/actors?my=1").data()["total"], 1);
    assert_eq!(
        e.put_json(t, &format!("/v2/actors/{id}"), r#"{"description":"d"}"#)
            .data()["description"],
        "d"
    );
    let v = e.post_json(
        t,
        &format!("/v2/actors/{id}/versions"),
        r#"{"versionNumber":"1.0","sourceType":"SOURCE_FILES"}"#,
    );
    assert_eq!(v.status, 201);
    assert_eq!(
        e.get(t, &format!("/v2/actors/{id}/versions")).data()["total"],
        2
    );
    let ev = e.post_json(
        t,
        &format!("/v2/actors/{id}/versions/1.0/env-vars"),
        r#"{"name":"K","value":"V"}"#,
    );
    assert_eq!(ev.status, 201);
    assert_eq!(
        e.put_json(
            t,
            &format!("/v2/actors/{id}/versions/1.0/env-vars/K"),
            r#"{"value":"W"}"#
        )
        .data()["value"],
        "W"
    );
    assert_eq!(
        e.get(t, &format!("/v2/actors/{id}/versions/1.0/env-vars"))
            .data()["total"],
        1
    );
    assert_eq!(
        e.delete(t, &format!("/v2/actors/{id}/versions/1.0/env-vars/K"))
            .status,
        204
    );
    assert_eq!(
        e.delete(t, &format!("/v2/actors/{id}/versions/1.0")).status,
        204
    );
    let b = e
        .req(
            "POST",
            &format!("/v2/actors/{id}/builds?version=0.0&waitForFinish=10"),
        )
        .token(t)
        .send();
    assert_eq!(b.status, 201);
    let b = b.data();
    assert_eq!(b["status"], "SUCCEEDED");
    let bid = b["id"].as_str().unwrap();
    assert_eq!(
        e.get(t, &format!("/v2/actor-builds/{bid}")).data()["actId"],
        id
    );
    assert!(e
        .get(t, &format!("/v2/actor-builds/{bid}/log"))
        .text()
        .contains("Build"));
    assert_eq!(
        e.get(t, &format!("/v2/actors/{id}/builds/default")).data()["id"],
        bid
    );
    assert!(e
        .get(t, &format!("/v2/actor-builds/{bid}/openapi.json"))
        .json()["openapi"]
        .is_string());
    assert_eq!(
        e.get(t, &format!("/v2/actors/{id}/builds")).data()["total"],
        2
    );
    assert_eq!(
        e.post_json(t, &format!("/v2/actors/{id}/validate-input"), "{}")
            .json(),
        json!({"valid": true})
    );
    // User actors behave like hello-world.
    let r = e
        .post_json(
            t,
            &format!("/v2/actors/{id}/runs?waitForFinish=10&memory=512"),
            r#"{"count":2}"#,
        )
        .data();
    assert_eq!(r["status"], "SUCCEEDED");
    assert_eq!(r["options"]["memoryMbytes"], 512);
    assert_eq!(
        e.post_json(t, &format!("/v2/actors/{id}/runs?memory=100"), "{}")
            .status,
        400
    );
    assert_eq!(e.delete(t, &format!("/v2/actors/{id}")).status, 204);
}

#[test]
fn tasks_webhooks_schedules() {
    let e = Emu::start();
    let t = "tasks";
    let w = e.post_json(t, "/v2/webhooks", r#"{"eventTypes":["ACTOR.RUN.SUCCEEDED"],"condition":{"actorId":"aPifYhElLoWoRlD01"},"requestUrl":"http://example.com/hook"}"#);
    assert_eq!(w.status, 201);
    let wid = w.data()["id"].as_str().unwrap().to_string();
    let task = e.post_json(
        t,
        "/v2/actor-tasks",
        r#"{"actId":"apify~hello-world","name":"greet","input":{"count":2}}"#,
    );
    assert_eq!(task.status, 201, "{}", task.text());
    let tid = task.data()["id"].as_str().unwrap().to_string();
    assert_eq!(
        e.get(t, &format!("/v2/actor-tasks/{tid}/input")).json(),
        json!({"count":2})
    );
    assert_eq!(
        e.put_json(t, &format!("/v2/actor-tasks/{tid}/input"), r#"{"count":4}"#)
            .json(),
        json!({"count":4})
    );
    let r = e
        .post_json(
            t,
            &format!("/v2/actor-tasks/{tid}/runs?waitForFinish=10"),
            r#"{"extra":true}"#,
        )
        .data();
    assert_eq!(r["status"], "SUCCEEDED");
    assert_eq!(r["actorTaskId"], tid.as_str());
    let uname = e.get(t, "/v2/users/me").data()["username"]
        .as_str()
        .unwrap()
        .to_string();
    let items = e
        .get(
            t,
            &format!("/v2/actor-tasks/{uname}~greet/runs/last/dataset/items"),
        )
        .json();
    assert_eq!(items.as_array().unwrap().len(), 4);
    assert_eq!(
        e.get(t, &format!("/v2/actor-tasks/{tid}/runs")).data()["total"],
        1
    );
    let out = e.post_json(t, &format!("/v2/actor-tasks/{tid}/run-sync"), "{}");
    assert_eq!(out.json(), json!({"count":4}));
    // Webhook dispatch fired by the runs.
    let d = e.get(t, &format!("/v2/webhooks/{wid}/dispatches")).data();
    assert!(d["total"].as_u64().unwrap() >= 1);
    assert_eq!(
        e.get(t, "/v2/actors/apify~hello-world/webhooks").data()["total"],
        1
    );
    let test = e
        .req("POST", &format!("/v2/webhooks/{wid}/test"))
        .token(t)
        .send();
    assert_eq!(test.status, 201);
    let did = test.data()["id"].as_str().unwrap().to_string();
    assert_eq!(
        e.get(t, &format!("/v2/webhook-dispatches/{did}")).data()["eventType"],
        "TEST"
    );
    assert!(
        e.get(t, "/v2/webhook-dispatches").data()["total"]
            .as_u64()
            .unwrap()
            >= 2
    );
    assert_eq!(
        e.put_json(t, &format!("/v2/webhooks/{wid}"), r#"{"description":"x"}"#)
            .data()["description"],
        "x"
    );
    assert_eq!(e.delete(t, &format!("/v2/webhooks/{wid}")).status, 204);
    // Schedules.
    let s = e.post_json(t, "/v2/schedules", r#"{"name":"nightly","cronExpression":"0 0 * * *","actions":[{"type":"RUN_ACTOR_TASK","actorTaskId":"x"}]}"#);
    assert_eq!(s.status, 201);
    let sid = s.data()["id"].as_str().unwrap().to_string();
    assert_eq!(
        e.post_json(t, "/v2/schedules", r#"{"cronExpression":"nope"}"#)
            .err_type(),
        "cron-expression-invalid"
    );
    assert_eq!(
        e.put_json(t, &format!("/v2/schedules/{sid}"), r#"{"isEnabled":false}"#)
            .data()["isEnabled"],
        false
    );
    assert!(e
        .get(t, &format!("/v2/schedules/{sid}/log"))
        .data()
        .is_array());
    assert_eq!(e.get(t, "/v2/schedules").data()["total"], 1);
    assert_eq!(e.delete(t, &format!("/v2/schedules/{sid}")).status, 204);
    assert_eq!(
        e.put_json(
            t,
            &format!("/v2/actor-tasks/{tid}"),
            r#"{"title":"Greeter"}"#
        )
        .data()["title"],
        "Greeter"
    );
    assert_eq!(e.delete(t, &format!("/v2/actor-tasks/{tid}")).status, 204);
}
