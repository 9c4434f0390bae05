//! In-memory state: one `Account` per distinct token.

use crate::util::{hash_hex, new_id, now_ms, random_string};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};

pub mod b64 {
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};
    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(v))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let s = String::deserialize(d)?;
        base64::engine::general_purpose::STANDARD
            .decode(s)
            .map_err(serde::de::Error::custom)
    }
}

#[derive(Serialize, Deserialize, Clone, Default)]
pub struct Meta {
    pub id: String,
    pub name: Option<String>,
    pub title: Option<String>,
    pub created_ms: i64,
    pub modified_ms: i64,
    pub accessed_ms: i64,
    pub general_access: Option<String>,
    pub url_signing_secret_key: String,
    pub act_id: Option<String>,
    pub act_run_id: Option<String>,
    pub schema: Option<Value>,
}

impl Meta {
    pub fn new(name: Option<String>) -> Self {
        let now = now_ms();
        Meta {
            id: new_id(),
            name,
            title: None,
            created_ms: now,
            modified_ms: now,
            accessed_ms: now,
            general_access: None,
            url_signing_secret_key: random_string(32),
            act_id: None,
            act_run_id: None,
            schema: None,
        }
    }
    pub fn base_json(&self, user_id: &str, username: &str) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("id".into(), json!(self.id));
        m.insert("name".into(), json!(self.name));
        m.insert("title".into(), json!(self.title));
        m.insert("userId".into(), json!(user_id));
        m.insert("username".into(), json!(username));
        m.insert("createdAt".into(), json!(crate::util::iso(self.created_ms)));
        m.insert(
            "modifiedAt".into(),
            json!(crate::util::iso(self.modified_ms)),
        );
        m.insert(
            "accessedAt".into(),
            json!(crate::util::iso(self.accessed_ms)),
        );
        m.insert("actId".into(), json!(self.act_id));
        m.insert("actRunId".into(), json!(self.act_run_id));
        m.insert(
            "generalAccess".into(),
            json!(self
                .general_access
                .as_deref()
                .unwrap_or("FOLLOW_USER_SETTING")),
        );
        m.insert(
            "urlSigningSecretKey".into(),
            json!(self.url_signing_secret_key),
        );
        if let Some(s) = &self.schema {
            m.insert("schema".into(), s.clone());
        }
        m
    }
}

#[derive(Serialize, Deserialize, Clone, Default)]
pub struct Dataset {
    pub meta: Meta,
    /// Items stored pre-serialized, so a page is a join.
    pub items: Vec<Box<str>>,
}

#[derive(Serialize, Deserialize, Clone)]
pub struct Record {
    pub content_type: String,
    #[serde(with = "b64")]
    pub value: Vec<u8>,
}

#[derive(Serialize, Deserialize, Clone, Default)]
pub struct Kvs {
    pub meta: Meta,
    pub records: BTreeMap<String, Record>,
}

#[derive(Serialize, Deserialize, Clone)]
pub struct RqRequest {
    /// The request object as stored (including `id`).
    pub data: Map<String, Value>,
    pub seq: u64,
    /// Queue position; smaller first. Forefront requests get negative keys.
    pub order: i64,
    pub handled: bool,
    pub lock_expires_ms: Option<i64>,
    pub lock_client: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Default)]
pub struct Rq {
    pub meta: Meta,
    pub requests: HashMap<String, RqRequest>,
    pub by_unique: HashMap<String, String>,
    pub next_seq: u64,
    pub next_front: i64,
    pub client_keys: Vec<String>,
}

#[derive(Serialize, Deserialize, Clone, Default)]
pub struct Account {
    pub user_id: String,
    pub username: String,
    pub created_ms: i64,
    pub datasets: BTreeMap<String, Dataset>,
    pub kvs: BTreeMap<String, Kvs>,
    pub rqs: BTreeMap<String, Rq>,
    /// Actors, builds, runs, tasks, schedules, webhooks, dispatches: stored as JSON objects in
    /// their API shape, keyed by id.
    pub actors: BTreeMap<String, Value>,
    pub builds: BTreeMap<String, Value>,
    pub runs: BTreeMap<String, Value>,
    pub tasks: BTreeMap<String, Value>,
    pub schedules: BTreeMap<String, Value>,
    pub webhooks: BTreeMap<String, Value>,
    pub dispatches: BTreeMap<String, Value>,
    pub logs: HashMap<String, String>,
    pub charges: HashMap<String, Value>,
    pub limits: Value,
    pub secret: String,
    /// Simulation generation per run: bumping it stops the current simulation task.
    #[serde(default)]
    pub run_gen: HashMap<String, u64>,
    #[serde(skip)]
    pub faults: Vec<Fault>,
    #[serde(skip)]
    pub counters: BTreeMap<String, u64>,
    #[serde(skip)]
    pub requests_log: Vec<Value>,
}

#[derive(Clone, Debug)]
pub struct Fault {
    pub id: String,
    pub method: Option<String>,
    pub path: String,
    pub remaining: u64,
    pub spec: Value,
}

impl Fault {
    pub fn matches(&self, method: &str, path: &str) -> bool {
        if let Some(m) = &self.method {
            if !m.eq_ignore_ascii_case(method) {
                return false;
            }
        }
        match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => self.path == path,
        }
    }
}

impl Account {
    pub fn new(token: &str) -> Self {
        let h = hash_hex(token.as_bytes());
        Account {
            user_id: format!("u{}", &h[..16]),
            username: format!("user-{}", &h[..8]),
            created_ms: now_ms(),
            limits: json!({"maxMonthlyUsageUsd": 300, "dataRetentionDays": 7}),
            secret: random_string(32),
            ..Default::default()
        }
    }
}

#[derive(Serialize, Deserialize, Default)]
pub struct Global {
    /// Keyed by a hash of the token (the token itself is never stored).
    pub accounts: HashMap<String, Account>,
}

pub fn account_key(token: &str) -> String {
    hash_hex(token.as_bytes())
}

pub fn touch(meta: &mut Meta, modified: bool) {
    let now = now_ms();
    meta.accessed_ms = now;
    if modified {
        meta.modified_ms = now;
    }
}
