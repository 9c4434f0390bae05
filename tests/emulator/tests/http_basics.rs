//! Auth, CORS, errors, body limits, persistence, CLI.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod common;
use common::*;
use serde_json::json;

#[test]
fn auth_missing_token_is_401_and_tokens_are_isolated() {
    let e = Emu::start();
    let r = e.req("GET", "/v2/datasets").send();
    assert_eq!(r.status, 401);
    assert_eq!(r.err_type(), "token-not-provided");
    // Bearer and ?token= address the same account.
    let r = e
        .req("POST", "/v2/datasets?name=shared")
        .token("alice")
        .send();
    assert_eq!(r.status, 201);
    let r = e.req("GET", "/v2/datasets?token=alice").send();
    assert_eq!(r.data()["total"], 1);
    // Another token sees nothing.
    let r = e.get("bob", "/v2/datasets");
    assert_eq!(r.data()["total"], 0);
    assert_eq!(e.get("bob", "/v2/datasets/shared").status, 404);
    // username~name addressing.
    let me = e.get("alice", "/v2/users/me").data();
    let username = me["username"].as_str().unwrap().to_string();
    assert!(username.starts_with("user-"));
    let r = e.get("alice", &format!("/v2/datasets/{username}~shared"));
    assert_eq!(r.status, 200);
    assert_eq!(r.data()["name"], "shared");
    assert_eq!(
        e.get("bob", &format!("/v2/datasets/{username}~shared"))
            .status,
        404
    );
}

#[test]
fn method_override_and_only_token() {
    let e = Emu::start_with(&["--token", "secret"]);
    assert_eq!(e.get("other", "/v2/datasets").status, 401);
    let r = e
        .req("GET", "/v2/key-value-stores?name=viaget&method=POST")
        .token("secret")
        .send();
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.data()["name"], "viaget");
    let log = e.get("secret", "/_emulator/requests").data();
    assert_eq!(log[0]["method"], "POST");
    assert_eq!(log[0]["operationId"], "keyValueStores_post");
    assert_eq!(log[0]["query"], "name=viaget&method=POST");
}

#[test]
fn cors_preflight_and_exposed_headers() {
    let e = Emu::start();
    let r = e
        .req("OPTIONS", "/v2/datasets/x/items")
        .header("Origin", "http://example.com")
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "authorization,content-type,content-encoding",
        )
        .send();
    assert_eq!(r.status, 204);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let allow = r
        .header("access-control-allow-headers")
        .unwrap()
        .to_ascii_lowercase();
    for h in [
        "authorization",
        "content-type",
        "content-encoding",
        "idempotency-key",
    ] {
        assert!(allow.contains(h), "{allow}");
    }
    assert!(r
        .header("access-control-allow-methods")
        .unwrap()
        .contains("DELETE"));
    assert!(r.header("access-control-max-age").is_some());
    let r = e.get("t", "/v2/datasets");
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let exp = r.header("access-control-expose-headers").unwrap();
    for h in [
        "X-Apify-Pagination-Total",
        "X-Apify-Pagination-Offset",
        "X-Apify-Pagination-Limit",
        "X-Apify-Pagination-Count",
        "X-Apify-Pagination-Desc",
        "Location",
        "Retry-After",
    ] {
        assert!(exp.contains(h), "{exp}");
    }
    // Errors carry CORS headers too.
    let r = e.req("GET", "/v2/datasets").send();
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
}

#[test]
fn error_shapes() {
    let e = Emu::start();
    let r = e.get("t", "/v2/datasets/doesnotexist");
    assert_eq!(r.status, 404);
    assert_eq!(r.err_type(), "record-not-found");
    assert!(r.json()["error"]["message"].is_string());
    let r = e.get("t", "/v2/no-such-thing");
    assert_eq!((r.status, r.err_type().as_str()), (404, "page-not-found"));
    let r = e.req("PATCH", "/v2/datasets").token("t").send();
    assert_eq!(
        (r.status, r.err_type().as_str()),
        (405, "method-not-allowed")
    );
    let ds = e
        .req("POST", "/v2/datasets?name=d")
        .token("t")
        .send()
        .data();
    let id = ds["id"].as_str().unwrap();
    let r = e.post_json("t", &format!("/v2/datasets/{id}/items"), "{not json");
    assert_eq!((r.status, r.err_type().as_str()), (400, "invalid-input"));
    let r = e.post_json("t", &format!("/v2/datasets/{id}/items"), "[1,2]");
    assert_eq!((r.status, r.err_type().as_str()), (400, "invalid-input"));
    let r = e.get("t", &format!("/v2/datasets/{id}/items?limit=abc"));
    assert_eq!((r.status, r.err_type().as_str()), (400, "invalid-input"));
    let r = e
        .req("POST", "/v2/datasets?name=bad_name!")
        .token("t")
        .send();
    assert_eq!(r.status, 400);
    let big = vec![b' '; 9 * 1024 * 1024 + 10];
    let r = e
        .req("POST", &format!("/v2/datasets/{id}/items"))
        .token("t")
        .header("Content-Type", "application/json")
        .body(&big)
        .send();
    assert_eq!(
        (r.status, r.err_type().as_str()),
        (413, "request-too-large")
    );
    let r = e
        .req("POST", &format!("/v2/datasets/{id}/items"))
        .token("t")
        .header("Content-Encoding", "gzip")
        .body(b"not gzip")
        .send();
    assert_eq!((r.status, r.err_type().as_str()), (400, "invalid-input"));
    // The server is still alive after all that.
    assert_eq!(e.get("t", "/v2/datasets").status, 200);
}

#[test]
fn persistence_across_restart_and_clean_sigterm() {
    let dir = std::env::temp_dir().join(format!("apify-emu-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().unwrap();
    let e = Emu::start_with(&["--data-dir", d]);
    let kv = e
        .req("POST", "/v2/key-value-stores?name=keep")
        .token("p")
        .send()
        .data();
    let id = kv["id"].as_str().unwrap().to_string();
    let r = e
        .req("PUT", &format!("/v2/key-value-stores/{id}/records/k"))
        .token("p")
        .header("Content-Type", "application/octet-stream")
        .body(&[0, 1, 2, 255])
        .send();
    assert_eq!(r.status, 201);
    assert_eq!(e.terminate(), Some(0));
    let e = Emu::start_with(&["--data-dir", d]);
    let r = e.get("p", "/v2/key-value-stores/keep/records/k");
    assert_eq!(r.status, 200);
    assert_eq!(r.body, vec![0, 1, 2, 255]);
    drop(e);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn users_store_and_tools() {
    let e = Emu::start();
    let me = e.get("u", "/v2/users/me").data();
    assert!(me["id"].is_string());
    assert_eq!(e.get("u", "/v2/users/me/limits").status, 200);
    assert_eq!(
        e.put_json("u", "/v2/users/me/limits", r#"{"maxMonthlyUsageUsd": 10}"#)
            .status,
        201
    );
    assert_eq!(
        e.get("u", "/v2/users/me/limits").data()["limits"]["maxMonthlyUsageUsd"],
        10
    );
    assert_eq!(e.get("u", "/v2/users/me/usage/monthly").status, 200);
    assert_eq!(
        e.get(
            "u",
            &format!("/v2/users/{}", me["username"].as_str().unwrap())
        )
        .status,
        200
    );
    let store = e.get("u", "/v2/store?search=sleep").data();
    assert_eq!(store["items"][0]["name"], "sleeper");
    let enc = e
        .post_json("u", "/v2/tools/encode-and-sign", r#"{"a":1}"#)
        .data();
    let body = json!({"encoded": enc["encoded"]}).to_string();
    let dec = e
        .post_json("u", "/v2/tools/decode-and-verify", &body)
        .data();
    assert_eq!(dec["decoded"], json!({"a":1}));
    assert_eq!(dec["isVerifiedUser"], true);
    let bi = e.get("u", "/v2/browser-info").json();
    assert_eq!(bi["method"], "GET");
}

#[test]
fn print_routes_lists_served_operations() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_apify-emulator"))
        .arg("--print-routes")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() > 200, "{}", text.lines().count());
    assert!(text.contains("GET\t/v2/datasets/{datasetId}/items\tdataset_items_get"));
}
