//! Datasets, key-value stores and request queues.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod common;
use common::*;
use serde_json::{json, Value};

#[test]
fn dataset_crud_items_and_formats() {
    let e = Emu::start();
    let t = "ds";
    let r = e.req("POST", "/v2/datasets?name=items").token(t).send();
    assert_eq!(r.status, 201);
    let ds = r.data();
    for k in [
        "id",
        "name",
        "userId",
        "createdAt",
        "modifiedAt",
        "accessedAt",
        "itemCount",
        "cleanItemCount",
        "urlSigningSecretKey",
    ] {
        assert!(ds.get(k).is_some(), "missing {k}");
    }
    // getOrCreate returns the existing one.
    let again = e.req("POST", "/v2/datasets?name=items").token(t).send();
    assert_eq!(again.status, 200);
    assert_eq!(again.data()["id"], ds["id"]);
    let id = ds["id"].as_str().unwrap();
    let p = format!("/v2/datasets/{id}/items");
    let r = e.post_json(t, &p, r##"{"a":1,"#hidden":"x","tags":["p","q"]}"##);
    assert_eq!(r.status, 201);
    assert!(r.body.is_empty());
    let many: Vec<Value> = (2..=5)
        .map(|i| json!({"a": i, "nested": {"b": i}}))
        .collect();
    let body = serde_json::to_vec(&many).unwrap();
    assert_eq!(
        e.req("POST", &p)
            .token(t)
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .body(&gzip(&body[..body.len()]))
            .send()
            .status,
        201
    );
    assert_eq!(
        e.req("POST", &p)
            .token(t)
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "deflate")
            .body(&deflate(br#"{"a":6}"#))
            .send()
            .status,
        201
    );
    assert_eq!(
        e.req("POST", &p)
            .token(t)
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "br")
            .body(&brotli(br#"[{"a":7},{}]"#))
            .send()
            .status,
        201
    );
    let r = e.get(t, &p);
    assert_eq!(r.status, 200);
    let items = r.json();
    assert!(items.is_array(), "items body must be a bare array");
    assert_eq!(items.as_array().unwrap().len(), 8);
    assert_eq!(r.header("x-apify-pagination-total"), Some("8"));
    // Key order is preserved.
    assert!(
        r.text().starts_with(r##"[{"a":1,"#hidden":"x""##),
        "{}",
        r.text()
    );
    let r = e.get(t, &format!("{p}?offset=1&limit=2&desc=1"));
    assert_eq!(r.json(), json!([{"a": 7}, {"a": 6}]));
    assert_eq!(r.header("x-apify-pagination-offset"), Some("1"));
    assert_eq!(r.header("x-apify-pagination-limit"), Some("2"));
    assert_eq!(r.header("x-apify-pagination-count"), Some("2"));
    assert_eq!(r.header("x-apify-pagination-desc"), Some("true"));
    let r = e.get(t, &format!("{p}?fields=a&limit=2"));
    assert_eq!(r.json(), json!([{"a": 1}, {"a": 2}]));
    let r = e.get(t, &format!("{p}?omit=a,nested&offset=1&limit=1"));
    assert_eq!(r.json(), json!([{}]));
    let r = e.get(t, &format!("{p}?clean=1"));
    let arr = r.json();
    assert_eq!(arr.as_array().unwrap().len(), 7, "empty item skipped");
    assert!(arr[0].get("#hidden").is_none());
    let r = e.get(t, &format!("{p}?unwind=tags&limit=1"));
    assert_eq!(
        r.json(),
        json!([{"a":1,"#hidden":"x","tags":"p"},{"a":1,"#hidden":"x","tags":"q"}])
    );
    let r = e.get(t, &format!("{p}?format=jsonl&limit=2"));
    assert_eq!(
        r.text(),
        "{\"a\":1,\"#hidden\":\"x\",\"tags\":[\"p\",\"q\"]}\n{\"a\":2,\"nested\":{\"b\":2}}\n"
    );
    let r = e.get(t, &format!("{p}?format=csv&offset=1&limit=2"));
    assert!(r.header("content-type").unwrap().starts_with("text/csv"));
    assert_eq!(r.text(), "a,nested.b\r\n2,2\r\n3,3\r\n");
    assert_eq!(e.get(t, &format!("{p}?format=xml")).status, 200);
    let s = e.get(t, &format!("/v2/datasets/{id}/statistics")).data();
    assert_eq!(s["fieldStatistics"]["a"]["max"], 7);
    // HEAD works, update, list, delete.
    let h = e.req("HEAD", &p).token(t).send();
    assert_eq!(h.status, 200);
    assert_eq!(h.header("x-apify-pagination-total"), Some("8"));
    let u = e.put_json(t, &format!("/v2/datasets/{id}"), r#"{"name":"renamed"}"#);
    assert_eq!(u.data()["name"], "renamed");
    assert_eq!(e.get(t, "/v2/datasets/renamed").data()["itemCount"], 8);
    e.req("POST", "/v2/datasets").token(t).send();
    assert_eq!(e.get(t, "/v2/datasets").data()["total"], 1);
    let l = e.get(t, "/v2/datasets?unnamed=1&desc=1&limit=1").data();
    assert_eq!(
        (l["total"].clone(), l["count"].clone(), l["desc"].clone()),
        (json!(2), json!(1), json!(true))
    );
    assert_eq!(e.delete(t, &format!("/v2/datasets/{id}")).status, 204);
    assert_eq!(e.get(t, &format!("/v2/datasets/{id}")).status, 404);
}

#[test]
fn kv_store_records_are_byte_exact() {
    let e = Emu::start();
    let t = "kv";
    let kv = e
        .req("POST", "/v2/key-value-stores?name=store")
        .token(t)
        .send()
        .data();
    assert!(kv["urlSigningSecretKey"].is_string());
    let id = kv["id"].as_str().unwrap();
    let bin: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let r = e
        .req(
            "PUT",
            &format!("/v2/key-value-stores/{id}/records/blob.bin"),
        )
        .token(t)
        .header("Content-Type", "image/png")
        .body(&bin)
        .send();
    assert_eq!(r.status, 201);
    let r = e.get(t, &format!("/v2/key-value-stores/{id}/records/blob.bin"));
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("image/png"));
    assert_eq!(r.body, bin);
    // Compressed upload is stored decoded.
    let r = e
        .req("PUT", &format!("/v2/key-value-stores/{id}/records/cfg"))
        .token(t)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Content-Encoding", "gzip")
        .body(&gzip(br#"{"x": 1}"#))
        .send();
    assert_eq!(r.status, 201);
    let r = e.get(t, &format!("/v2/key-value-stores/{id}/records/cfg"));
    assert_eq!(r.text(), r#"{"x": 1}"#);
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    e.req("POST", &format!("/v2/key-value-stores/{id}/records/text"))
        .token(t)
        .header("Content-Type", "text/plain")
        .body(b"hello")
        .send();
    let h = e
        .req("HEAD", &format!("/v2/key-value-stores/{id}/records/text"))
        .token(t)
        .send();
    assert_eq!(h.status, 200);
    assert_eq!(
        e.req("HEAD", &format!("/v2/key-value-stores/{id}/records/none"))
            .token(t)
            .send()
            .status,
        404
    );
    // Keys: pagination and prefix.
    let k = e
        .get(t, &format!("/v2/key-value-stores/{id}/keys?limit=2"))
        .data();
    assert_eq!(
        k["items"],
        json!([{"key":"blob.bin","size":70000,"recordPublicUrl": k["items"][0]["recordPublicUrl"]},{"key":"cfg","size":8,"recordPublicUrl": k["items"][1]["recordPublicUrl"]}])
    );
    assert_eq!(k["isTruncated"], true);
    assert_eq!(k["nextExclusiveStartKey"], "cfg");
    let k = e
        .get(
            t,
            &format!("/v2/key-value-stores/{id}/keys?exclusiveStartKey=cfg"),
        )
        .data();
    assert_eq!(k["items"][0]["key"], "text");
    assert_eq!(k["isTruncated"], false);
    let k = e
        .get(t, &format!("/v2/key-value-stores/{id}/keys?prefix=c"))
        .data();
    assert_eq!(k["count"], 1);
    let z = e.get(t, &format!("/v2/key-value-stores/{id}/records"));
    assert_eq!(z.header("content-type"), Some("application/zip"));
    assert_eq!(&z.body[..4], b"PK\x03\x04");
    assert_eq!(
        e.delete(t, &format!("/v2/key-value-stores/{id}/records/text"))
            .status,
        204
    );
    assert_eq!(
        e.get(t, &format!("/v2/key-value-stores/{id}/records/text"))
            .err_type(),
        "record-not-found"
    );
    assert_eq!(
        e.put_json(t, &format!("/v2/key-value-stores/{id}"), r#"{"title":"T"}"#)
            .data()["title"],
        "T"
    );
    assert_eq!(
        e.delete(t, &format!("/v2/key-value-stores/{id}")).status,
        204
    );
}

#[test]
fn request_queue_full_flow() {
    let e = Emu::start();
    let t = "rq";
    let q = e
        .req("POST", "/v2/request-queues?name=q")
        .token(t)
        .send()
        .data();
    let id = q["id"].as_str().unwrap();
    let base = format!("/v2/request-queues/{id}");
    let a = e.post_json(t, &format!("{base}/requests"), r#"{"url":"http://a.com"}"#);
    assert_eq!(a.status, 201);
    let a = a.data();
    assert_eq!(a["wasAlreadyPresent"], false);
    let dup = e
        .post_json(t, &format!("{base}/requests"), r#"{"url":"http://a.com"}"#)
        .data();
    assert_eq!(dup["wasAlreadyPresent"], true);
    assert_eq!(dup["requestId"], a["requestId"]);
    let f = e
        .post_json(
            t,
            &format!("{base}/requests?forefront=1"),
            r#"{"url":"http://front.com","uniqueKey":"front"}"#,
        )
        .data();
    let head = e.get(t, &format!("{base}/head?limit=5")).data();
    assert_eq!(head["items"][0]["id"], f["requestId"]);
    assert_eq!(head["items"].as_array().unwrap().len(), 2);
    // Batch add with one invalid request.
    let b = e.post_json(
        t,
        &format!("{base}/requests/batch"),
        r#"[{"url":"http://b.com"},{"url":"http://c.com"},{"nourl":true}]"#,
    );
    assert_eq!(b.status, 201);
    let b = b.data();
    assert_eq!(b["processedRequests"].as_array().unwrap().len(), 2);
    assert_eq!(b["unprocessedRequests"].as_array().unwrap().len(), 1);
    assert!(b["processedRequests"][0]["uniqueKey"].is_string());
    // Lock the head.
    let l = e
        .req(
            "POST",
            &format!("{base}/head/lock?lockSecs=60&limit=2&clientKey=c1"),
        )
        .token(t)
        .send();
    assert_eq!(l.status, 201);
    let l = l.data();
    assert_eq!(l["items"].as_array().unwrap().len(), 2);
    assert!(l["items"][0]["lockExpiresAt"].is_string());
    assert_eq!(l["queueHasLockedRequests"], true);
    let locked_id = l["items"][0]["id"].as_str().unwrap().to_string();
    let h = e.get(t, &format!("{base}/head")).data();
    assert_eq!(
        h["items"].as_array().unwrap().len(),
        2,
        "locked requests leave the head"
    );
    let p = e
        .req(
            "PUT",
            &format!("{base}/requests/{locked_id}/lock?lockSecs=120&clientKey=c1"),
        )
        .token(t)
        .send();
    assert_eq!(p.status, 200);
    assert!(p.data()["lockExpiresAt"].is_string());
    assert_eq!(
        e.req(
            "PUT",
            &format!("{base}/requests/{locked_id}/lock?lockSecs=1&clientKey=other")
        )
        .token(t)
        .send()
        .status,
        409
    );
    assert_eq!(
        e.req(
            "DELETE",
            &format!("{base}/requests/{locked_id}/lock?clientKey=c1")
        )
        .token(t)
        .send()
        .status,
        204
    );
    let u = e
        .req("POST", &format!("{base}/requests/unlock?clientKey=c1"))
        .token(t)
        .send()
        .data();
    assert_eq!(u["unlockedCount"], 1);
    // Mark handled.
    let mut req = e.get(t, &format!("{base}/requests/{locked_id}")).data();
    req["handledAt"] = json!("2024-01-01T00:00:00.000Z");
    let up = e.put_json(t, &format!("{base}/requests/{locked_id}"), &req.to_string());
    assert_eq!(up.status, 200, "{}", up.text());
    let qq = e.get(t, &base).data();
    assert_eq!(
        (
            qq["totalRequestCount"].clone(),
            qq["handledRequestCount"].clone()
        ),
        (json!(4), json!(1))
    );
    // List with cursor.
    let page = e.get(t, &format!("{base}/requests?limit=3")).data();
    assert_eq!(page["items"].as_array().unwrap().len(), 3);
    let cursor = page["nextCursor"].as_str().unwrap().to_string();
    let page2 = e
        .get(t, &format!("{base}/requests?limit=3&cursor={cursor}"))
        .data();
    assert_eq!(page2["items"].as_array().unwrap().len(), 1);
    assert!(page2["nextCursor"].is_null());
    let pending = e.get(t, &format!("{base}/requests?filter=pending")).data();
    assert_eq!(pending["items"].as_array().unwrap().len(), 3);
    // Batch delete and delete.
    let d = e
        .req("DELETE", &format!("{base}/requests/batch"))
        .token(t)
        .json(r#"[{"uniqueKey":"http://b.com"},{"id":"nope"}]"#)
        .send()
        .data();
    assert_eq!(d["processedRequests"].as_array().unwrap().len(), 1);
    assert_eq!(d["unprocessedRequests"].as_array().unwrap().len(), 1);
    assert_eq!(
        e.delete(t, &format!("{base}/requests/{locked_id}")).status,
        204
    );
    assert_eq!(
        e.get(t, &format!("{base}/requests/{locked_id}")).status,
        404
    );
    assert_eq!(e.delete(t, &base).status, 204);
}
