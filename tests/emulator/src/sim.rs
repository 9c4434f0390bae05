//! Simulated Actor runs and builds.
//!
//! Each run has a generation number (`Account::run_gen`); a simulation task stops as soon as the
//! generation changes (reboot, metamorph, resurrect, abort) or the run disappears.

use crate::actors::{behavior_of, fire_run_event, TERMINAL};
use crate::http::{invalid, not_found, ApiError};
use crate::server::App;
use crate::state::Account;
use crate::stores as st;
use crate::util::{iso, now_iso, now_ms};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

const TICK_MS: u64 = 25;

fn gs<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

pub fn log_line(a: &mut Account, id: &str, msg: &str) {
    let line = format!("{} {msg}\n", now_iso());
    a.logs.entry(id.to_string()).or_default().push_str(&line);
}

fn finish(a: &mut Account, run_id: &str, status: &str, exit_code: Option<i64>, message: &str) {
    let Some(r) = a.runs.get_mut(run_id) else {
        return;
    };
    if TERMINAL.contains(&gs(r, "status")) {
        return;
    }
    let now = now_ms();
    let started = crate::util::parse_iso(gs(r, "startedAt")).unwrap_or(now);
    r["status"] = json!(status);
    r["finishedAt"] = json!(iso(now));
    r["exitCode"] = json!(exit_code);
    if !r["isStatusMessageTerminal"].as_bool().unwrap_or(false) || r["statusMessage"].is_null() {
        r["statusMessage"] = json!(message);
    }
    r["stats"]["durationMillis"] = json!(now - started);
    r["stats"]["runTimeSecs"] = json!((now - started) as f64 / 1000.0);
    *a.run_gen.entry(run_id.to_string()).or_insert(0) += 1;
    log_line(
        a,
        run_id,
        &format!("ACTOR: Run finished with status {status}"),
    );
    let event = format!("ACTOR.RUN.{}", status.replace('-', "_"));
    fire_run_event(a, run_id, &event);
}

enum Flow {
    Go,
    Stop,
}

/// Checks whether the simulation may continue; handles graceful abort and timeout.
fn check(a: &mut Account, run_id: &str, gen: u64) -> Flow {
    if a.run_gen.get(run_id).copied() != Some(gen) {
        return Flow::Stop;
    }
    let Some(r) = a.runs.get(run_id) else {
        return Flow::Stop;
    };
    let status = gs(r, "status").to_string();
    if status == "ABORTING" {
        finish(a, run_id, "ABORTED", None, "Aborted");
        return Flow::Stop;
    }
    if TERMINAL.contains(&status.as_str()) {
        return Flow::Stop;
    }
    let timeout = r
        .pointer("/options/timeoutSecs")
        .and_then(Value::as_i64)
        .unwrap_or(0);
    let started = r
        .get("runStartedMs")
        .and_then(Value::as_i64)
        .unwrap_or_else(|| crate::util::parse_iso(gs(r, "startedAt")).unwrap_or(0));
    if timeout > 0 && now_ms() > started + timeout * 1000 {
        if let Some(r) = a.runs.get_mut(run_id) {
            r["status"] = json!("TIMING-OUT");
        }
        log_line(a, run_id, "ACTOR: Run timed out");
        finish(a, run_id, "TIMED-OUT", None, "Timed out");
        return Flow::Stop;
    }
    Flow::Go
}

async fn sleep_checked(app: &App, acct: &str, run_id: &str, gen: u64, ms: u64) -> Flow {
    let end = now_ms() + ms as i64;
    loop {
        if let Flow::Stop = app.with(acct, |a| check(a, run_id, gen)) {
            return Flow::Stop;
        }
        let left = end - now_ms();
        if left <= 0 {
            return Flow::Go;
        }
        tokio::time::sleep(Duration::from_millis((left as u64).min(TICK_MS))).await;
    }
}

pub fn start(app: Arc<App>, acct: String, run_id: String) {
    tokio::spawn(async move {
        simulate(app, acct, run_id).await;
    });
}

fn input_of(a: &Account, run: &Value) -> (Option<Value>, Option<(Vec<u8>, String)>) {
    let kv = gs(run, "defaultKeyValueStoreId");
    let key = run
        .get("metamorphs")
        .and_then(Value::as_array)
        .and_then(|m| m.last())
        .and_then(|m| m.get("inputKey"))
        .and_then(Value::as_str)
        .unwrap_or("INPUT");
    let rec = a.kvs.get(kv).and_then(|k| k.records.get(key).cloned());
    let parsed = rec
        .as_ref()
        .and_then(|r| serde_json::from_slice::<Value>(&r.value).ok());
    (parsed, rec.map(|r| (r.value, r.content_type)))
}

async fn simulate(app: Arc<App>, acct: String, run_id: String) {
    let Some(gen) = app.with(&acct, |a| a.run_gen.get(&run_id).copied()) else {
        return;
    };
    if let Flow::Stop = sleep_checked(&app, &acct, &run_id, gen, 50).await {
        return;
    }
    let setup = app.with(&acct, |a| {
        if a.run_gen.get(&run_id).copied() != Some(gen) {
            return None;
        }
        let r = a.runs.get_mut(&run_id)?;
        r["status"] = json!("RUNNING");
        if r.get("runStartedMs").is_none() {
            r["runStartedMs"] = json!(now_ms());
        }
        let run = r.clone();
        let act = a
            .actors
            .get(gs(&run, "actId"))
            .cloned()
            .unwrap_or(Value::Null);
        let name = format!("{}/{}", gs(&act, "username"), gs(&act, "name"));
        log_line(
            a,
            &run_id,
            &format!(
                "ACTOR: Starting {name} (run {run_id}, build {})",
                gs(&run, "buildNumber")
            ),
        );
        let (input, raw) = input_of(a, &run);
        Some((
            behavior_of(gs(&act, "name")),
            input.unwrap_or(Value::Null),
            raw,
            run,
        ))
    });
    let Some((behavior, input, raw, run)) = setup else {
        return;
    };
    let num = |k: &str, d: f64| input.get(k).and_then(Value::as_f64).unwrap_or(d);
    match behavior {
        "sleeper" => {
            let secs = num("seconds", 5.0).max(0.0);
            app.with(&acct, |a| {
                log_line(a, &run_id, &format!("INFO  Sleeping for {secs} s"))
            });
            if let Flow::Stop =
                sleep_checked(&app, &acct, &run_id, gen, (secs * 1000.0) as u64).await
            {
                return;
            }
            app.with(&acct, |a| {
                finish(a, &run_id, "SUCCEEDED", Some(0), "Finished sleeping")
            });
        }
        "failer" => {
            if let Flow::Stop =
                sleep_checked(&app, &acct, &run_id, gen, num("delayMs", 200.0) as u64).await
            {
                return;
            }
            let msg = input
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("The Actor failed on purpose")
                .to_string();
            app.with(&acct, |a| {
                log_line(a, &run_id, &format!("ERROR {msg}"));
                finish(a, &run_id, "FAILED", Some(1), &msg);
            });
        }
        "logger" => {
            let lines = num("lines", 10.0).clamp(0.0, 100_000.0) as u64;
            let interval = num("intervalMs", 200.0).max(0.0) as u64;
            for i in 1..=lines {
                if let Flow::Stop = sleep_checked(&app, &acct, &run_id, gen, interval).await {
                    return;
                }
                app.with(&acct, |a| {
                    log_line(a, &run_id, &format!("INFO  Log line {i} of {lines}"));
                    if let Some(r) = a.runs.get_mut(&run_id) {
                        r["statusMessage"] = json!(format!("Logged {i}/{lines} lines"));
                    }
                });
            }
            app.with(&acct, |a| {
                finish(a, &run_id, "SUCCEEDED", Some(0), "Done logging")
            });
        }
        _ => {
            // hello-world
            let ds = gs(&run, "defaultDatasetId").to_string();
            let kv = gs(&run, "defaultKeyValueStoreId").to_string();
            app.with(&acct, |a| {
                let (bytes, ct) = raw.clone().unwrap_or_else(|| {
                    (
                        br#"{"message":"Hello, world!"}"#.to_vec(),
                        "application/json; charset=utf-8".into(),
                    )
                });
                st::set_record(a, &kv, "OUTPUT", &ct, bytes);
                let items: Vec<Value> = match input.get("items") {
                    Some(Value::Array(arr)) => {
                        arr.iter().filter(|i| i.is_object()).cloned().collect()
                    }
                    _ => {
                        let n = input
                            .get("count")
                            .and_then(Value::as_u64)
                            .unwrap_or(1)
                            .min(1_000_000);
                        (0..n)
                            .map(|i| json!({"message": "Hello, world!", "index": i}))
                            .collect()
                    }
                };
                let max = run.pointer("/options/maxItems").and_then(Value::as_u64);
                let items: Vec<Value> = match max {
                    Some(m) => items.into_iter().take(m as usize).collect(),
                    None => items,
                };
                if let Some(d) = a.datasets.get_mut(&ds) {
                    let body = serde_json::to_vec(&items).unwrap_or_default();
                    let _ = st::push_items(d, &body);
                }
                log_line(
                    a,
                    &run_id,
                    &format!("INFO  Hello, world! Pushed {} items", items.len()),
                );
            });
            let ms = num("sleepMs", 100.0).max(0.0) as u64;
            if let Flow::Stop = sleep_checked(&app, &acct, &run_id, gen, ms).await {
                return;
            }
            app.with(&acct, |a| {
                finish(a, &run_id, "SUCCEEDED", Some(0), "Finished")
            });
        }
    }
}

pub fn abort(a: &mut Account, run_id: &str, graceful: bool) -> Result<(), ApiError> {
    let r = a
        .runs
        .get_mut(run_id)
        .ok_or_else(|| not_found(&format!("Run '{run_id}'")))?;
    let status = gs(r, "status").to_string();
    if TERMINAL.contains(&status.as_str()) {
        return Ok(());
    }
    if graceful {
        r["status"] = json!("ABORTING");
        log_line(a, run_id, "ACTOR: Aborting gracefully");
    } else {
        r["status"] = json!("ABORTING");
        finish(a, run_id, "ABORTED", None, "Aborted");
    }
    Ok(())
}

fn must_run(a: &mut Account, run_id: &str) -> Result<(), ApiError> {
    let r = a
        .runs
        .get(run_id)
        .ok_or_else(|| not_found(&format!("Run '{run_id}'")))?;
    let s = gs(r, "status");
    if s != "RUNNING" && s != "READY" {
        return Err(invalid(format!("Run is not running (status {s})")));
    }
    Ok(())
}

pub fn reboot(a: &mut Account, run_id: &str) -> Result<(), ApiError> {
    must_run(a, run_id)?;
    *a.run_gen.entry(run_id.to_string()).or_insert(0) += 1;
    if let Some(r) = a.runs.get_mut(run_id) {
        let n = r
            .pointer("/stats/restartCount")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        r["stats"]["restartCount"] = json!(n + 1);
    }
    log_line(a, run_id, "ACTOR: Rebooting");
    Ok(())
}

pub fn metamorph(
    a: &mut Account,
    run_id: &str,
    target: &str,
    build: Option<&str>,
    input: Option<(Vec<u8>, String)>,
) -> Result<(), ApiError> {
    must_run(a, run_id)?;
    let target_id = crate::actors::resolve_actor_id(a, target)?;
    let build_id = a
        .actors
        .get(&target_id)
        .and_then(|x| {
            x.pointer(&format!(
                "/taggedBuilds/{}/buildId",
                build.unwrap_or("latest")
            ))
        })
        .cloned()
        .unwrap_or(Value::Null);
    let r = a
        .runs
        .get(run_id)
        .cloned()
        .ok_or_else(|| not_found("Run"))?;
    let n = r
        .get("metamorphs")
        .and_then(Value::as_array)
        .map(|m| m.len())
        .unwrap_or(0)
        + 1;
    let key = format!("INPUT-METAMORPH-{n}");
    let kv = gs(&r, "defaultKeyValueStoreId").to_string();
    let (bytes, ct) =
        input.unwrap_or_else(|| (b"{}".to_vec(), "application/json; charset=utf-8".into()));
    st::set_record(a, &kv, &key, &ct, bytes);
    if let Some(r) = a.runs.get_mut(run_id) {
        if !r.get("metamorphs").is_some_and(Value::is_array) {
            r["metamorphs"] = json!([]);
        }
        if let Some(m) = r["metamorphs"].as_array_mut() {
            m.push(json!({"createdAt": now_iso(), "actorId": target_id, "buildId": build_id, "inputKey": key}));
        }
        r["actId"] = json!(target_id);
        if !build_id.is_null() {
            r["buildId"] = build_id;
        }
    }
    *a.run_gen.entry(run_id.to_string()).or_insert(0) += 1;
    log_line(a, run_id, &format!("ACTOR: Metamorphing into {target}"));
    Ok(())
}

pub fn resurrect(
    a: &mut Account,
    run_id: &str,
    o: &crate::actors::RunOpts,
) -> Result<(), ApiError> {
    let r = a
        .runs
        .get_mut(run_id)
        .ok_or_else(|| not_found(&format!("Run '{run_id}'")))?;
    let s = gs(r, "status").to_string();
    if !TERMINAL.contains(&s.as_str()) {
        return Err(invalid(format!(
            "Only finished runs can be resurrected (status {s})"
        )));
    }
    r["status"] = json!("READY");
    r["finishedAt"] = Value::Null;
    r["exitCode"] = Value::Null;
    r["runStartedMs"] = json!(now_ms());
    if let Some(t) = o.timeout {
        r["options"]["timeoutSecs"] = json!(t);
    }
    if let Some(m) = o.memory {
        r["options"]["memoryMbytes"] = json!(m);
    }
    if let Some(b) = &o.build {
        r["options"]["build"] = json!(b);
    }
    let n = r
        .pointer("/stats/resurrectCount")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    r["stats"]["resurrectCount"] = json!(n + 1);
    *a.run_gen.entry(run_id.to_string()).or_insert(0) += 1;
    log_line(a, run_id, "ACTOR: Resurrected");
    Ok(())
}

pub fn start_build(app: Arc<App>, acct: String, build_id: String, tag: String) {
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let ok = app.with(&acct, |a| {
            let b = a.builds.get_mut(&build_id)?;
            if gs(b, "status") != "READY" {
                return None;
            }
            b["status"] = json!("RUNNING");
            log_line(a, &build_id, "ACTOR: Building");
            Some(())
        });
        if ok.is_none() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.with(&acct, |a| {
            let Some(b) = a.builds.get_mut(&build_id) else {
                return;
            };
            if gs(b, "status") != "RUNNING" {
                return;
            }
            b["status"] = json!("SUCCEEDED");
            b["finishedAt"] = json!(now_iso());
            let act = gs(b, "actId").to_string();
            log_line(a, &build_id, "ACTOR: Build finished");
            crate::actors::tag_build_pub(a, &act, &build_id, &tag);
        });
    });
}

/// After a restart from `--data-dir`, unfinished runs and builds cannot continue.
pub fn recover(app: &App) {
    let mut g = app.lock();
    for a in g.accounts.values_mut() {
        let ids: Vec<String> = a
            .runs
            .iter()
            .filter(|(_, r)| !TERMINAL.contains(&gs(r, "status")))
            .map(|(id, _)| id.clone())
            .collect();
        for id in ids {
            finish(
                a,
                &id,
                "ABORTED",
                None,
                "The emulator was restarted while the run was in progress",
            );
        }
        for b in a.builds.values_mut() {
            if !TERMINAL.contains(&gs(b, "status")) {
                b["status"] = json!("ABORTED");
                b["finishedAt"] = json!(now_iso());
            }
        }
    }
}
