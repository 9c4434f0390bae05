//! URL building: base URL + percent-encoded path segments + a query typed as the spec types it.

use std::borrow::Cow;

/// Characters left as they are in a path segment: RFC 3986 "unreserved" plus `~`, which the API
/// uses as the `username~name` separator. Everything else is percent-encoded, so an id or a
/// record key can never escape its segment (`../`, `?`, `#` and `/` are all encoded).
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

fn push_encoded(out: &mut String, s: &str, keep: fn(u8) -> bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        if keep(b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

/// Appends `/` and `s` percent-encoded as one path segment.
pub fn push_segment(path: &mut String, s: &str) {
    path.push('/');
    push_encoded(path, s, is_unreserved);
}

/// Appends `/` and an id as the API addresses it: `username/name` becomes `username~name`
/// (only the first `/`, as in the official client), then the whole is encoded as one segment.
pub fn push_id_segment(path: &mut String, id: &str) {
    match id.split_once('/') {
        Some((user, name)) => {
            push_segment(path, user);
            path.push('~');
            push_encoded(path, name, is_unreserved);
        }
        None => push_segment(path, id),
    }
}

/// Encodes a query component the way `URLSearchParams` does (`application/x-www-form-urlencoded`):
/// space becomes `+`, `*-._` and alphanumerics stay, everything else is percent-encoded.
fn push_query_component(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        match b {
            b' ' => out.push('+'),
            b if b.is_ascii_alphanumeric() || matches!(b, b'*' | b'-' | b'.' | b'_') => {
                out.push(b as char)
            }
            b => {
                out.push('%');
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
    }
}

/// A query value, typed as the OpenAPI spec types the parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryValue {
    Str(String),
    /// Written `true`/`false`, as the spec types booleans (the official client sends `1`/`0`).
    Bool(bool),
    Int(i64),
    /// A number already written as JavaScript writes it (`1.5`, `1e-7`): the wasm layer has the
    /// platform render fractions, which keeps Rust's float formatting out of the wasm.
    Number(String),
    /// Comma-joined, as the API reads arrays.
    List(Vec<String>),
}

impl QueryValue {
    /// Appends the value as a query component (percent-encoded where needed): written straight
    /// into the URL, no string of its own per value.
    fn push_encoded(&self, out: &mut String) {
        match self {
            QueryValue::Str(s) | QueryValue::Number(s) => push_query_component(out, s),
            QueryValue::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            QueryValue::Int(i) => super::text::push_int(out, *i),
            // The API reads a list comma-joined; the comma is encoded as URLSearchParams does.
            QueryValue::List(v) => {
                for (i, item) in v.iter().enumerate() {
                    if i > 0 {
                        out.push_str("%2C");
                    }
                    push_query_component(out, item);
                }
            }
        }
    }
}

impl From<&str> for QueryValue {
    fn from(s: &str) -> Self {
        QueryValue::Str(s.to_string())
    }
}
impl From<String> for QueryValue {
    fn from(s: String) -> Self {
        QueryValue::Str(s)
    }
}
impl From<bool> for QueryValue {
    fn from(b: bool) -> Self {
        QueryValue::Bool(b)
    }
}
impl From<i64> for QueryValue {
    fn from(i: i64) -> Self {
        QueryValue::Int(i)
    }
}
impl From<u64> for QueryValue {
    fn from(i: u64) -> Self {
        QueryValue::Int(i as i64)
    }
}
impl From<Vec<String>> for QueryValue {
    fn from(v: Vec<String>) -> Self {
        QueryValue::List(v)
    }
}

/// An ordered query; setting a name twice keeps the last value in the first one's place. Names
/// are the API's own (`&'static str`, no copy) except for public URLs' caller-chosen options.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query(Vec<(Cow<'static, str>, QueryValue)>);

impl Query {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn set(
        &mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<QueryValue>,
    ) -> &mut Self {
        self.put(name.into(), value.into());
        self
    }

    // Not generic, so that the wasm has one copy rather than one per value type.
    fn put(&mut self, name: Cow<'static, str>, value: QueryValue) {
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.0.push((name, value)),
        }
    }

    /// Sets the value when there is one; `None` leaves the query as it is.
    pub fn opt(&mut self, name: &'static str, value: Option<impl Into<QueryValue>>) -> &mut Self {
        if let Some(v) = value {
            self.set(name, v);
        }
        self
    }

    pub fn get(&self, name: &str) -> Option<&QueryValue> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    pub fn remove(&mut self, name: &str) {
        self.0.retain(|(n, _)| n != name);
    }

    /// Adds every entry of `other` that this query does not set itself (inherited params).
    pub fn inherit(&mut self, other: &Query) {
        for (n, v) in &other.0 {
            if self.get(n).is_none() {
                self.0.push((n.clone(), v.clone()));
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Appends `a=1&b=x%2Cy` (no leading `?`).
    fn push_encoded(&self, out: &mut String) {
        for (i, (n, v)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            push_query_component(out, n);
            out.push('=');
            v.push_encoded(out);
        }
    }

    /// `a=1&b=x%2Cy`, without the leading `?`.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        self.push_encoded(&mut out);
        out
    }
}

/// Joins a base (`https://api.apify.com/v2`), an already-encoded path below it
/// (`datasets/u~d/items`) and a query, in one string sized for the usual case.
pub fn build_url(base: &str, path: &str, query: &Query) -> String {
    let base = base.trim_end_matches('/');
    let mut url = String::with_capacity(base.len() + path.len() + 64);
    url.push_str(base);
    url.push('/');
    url.push_str(path);
    if !query.is_empty() {
        url.push('?');
        query.push_encoded(&mut url);
    }
    url
}

/// `https://api.apify.com/` → `https://api.apify.com/v2`, as the official client builds it.
pub fn api_base(base_url: &str) -> String {
    text!(base_url.trim_end_matches('/'), "/v2")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `push` appends to an empty path.
    fn pushed(push: fn(&mut String, &str), s: &str) -> String {
        let mut path = String::new();
        push(&mut path, s);
        path
    }

    #[test]
    fn ids_are_one_segment() {
        let id = |s: &str| pushed(push_id_segment, s);
        assert_eq!(id("abc123"), "/abc123");
        assert_eq!(id("john/my-actor"), "/john~my-actor");
        assert_eq!(id("a/b/c"), "/a~b%2Fc");
        assert_eq!(id("/x"), "/~x");
        let segment = |s: &str| pushed(push_segment, s);
        assert_eq!(segment("../etc?x=1#y"), "/..%2Fetc%3Fx%3D1%23y");
        assert_eq!(segment("key with space"), "/key%20with%20space");
        assert_eq!(segment("ž"), "/%C5%BE");
    }

    #[test]
    fn query_values_render_as_the_spec_types_them() {
        let mut q = Query::new();
        q.set("desc", true)
            .set("clean", false)
            .set("limit", 10i64)
            .set("maxTotalChargeUsd", QueryValue::Number("1.5".into()))
            .set("memory", 1024i64)
            .set("fields", vec!["a".to_string(), "b".to_string()])
            .set("name", "my name&co");
        assert_eq!(
            q.encode(),
            "desc=true&clean=false&limit=10&maxTotalChargeUsd=1.5&memory=1024&fields=a%2Cb&name=my+name%26co"
        );
    }

    #[test]
    fn setting_twice_keeps_first_position() {
        let mut q = Query::new();
        q.set("a", 1i64).set("b", 2i64).set("a", 3i64);
        assert_eq!(q.encode(), "a=3&b=2");
        q.opt("c", None::<i64>).opt("d", Some(4i64));
        assert_eq!(q.encode(), "a=3&b=2&d=4");
        q.remove("b");
        assert_eq!(q.encode(), "a=3&d=4");
    }

    #[test]
    fn inherited_params_do_not_override() {
        let mut parent = Query::new();
        parent.set("status", "SUCCEEDED").set("limit", 5i64);
        let mut q = Query::new();
        q.set("limit", 1i64);
        q.inherit(&parent);
        assert_eq!(q.encode(), "limit=1&status=SUCCEEDED");
    }

    #[test]
    fn integers_and_lists_are_written_into_the_query() {
        let mut q = Query::new();
        q.set("a", 0i64)
            .set("b", -7i64)
            .set("c", i64::MIN)
            .set("d", u64::MAX >> 11)
            .set(
                "e",
                vec!["x y".to_string(), "a,b".to_string(), "ž".to_string()],
            )
            .set("f", Vec::<String>::new())
            .set(String::from("own name&"), "v");
        assert_eq!(
            q.encode(),
            "a=0&b=-7&c=-9223372036854775808&d=9007199254740991&e=x+y%2Ca%2Cb%2C%C5%BE&f=&own+name%26=v"
        );
    }

    #[test]
    fn segments_are_appended_encoded() {
        let mut path = String::from("key-value-stores");
        push_segment(&mut path, "s/1");
        push_segment(&mut path, "a b");
        assert_eq!(path, "key-value-stores/s%2F1/a%20b");
    }

    #[test]
    fn urls_join_base_segments_and_query() {
        let mut q = Query::new();
        assert_eq!(
            build_url("http://h/v2/", "datasets/u~d", &q),
            "http://h/v2/datasets/u~d"
        );
        q.set("offset", 0i64);
        assert_eq!(build_url("http://h/v2", "x", &q), "http://h/v2/x?offset=0");
        assert_eq!(
            api_base("https://api.apify.com/"),
            "https://api.apify.com/v2"
        );
    }
}
