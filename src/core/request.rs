//! One API request as the resource clients describe it, before any platform is involved.

use super::url::{build_url, Query};

/// The discriminants are what `fetchAndRead` in src/js/support.js receives (`METHODS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Method {
    Get = 0,
    Post = 1,
    Put = 2,
    Delete = 3,
    Head = 4,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
            Method::Head => "HEAD",
        }
    }

    /// Lower-case, as `ApifyApiError.httpMethod` reports it in the official client.
    pub fn as_lower(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Post => "post",
            Method::Put => "put",
            Method::Delete => "delete",
            Method::Head => "head",
        }
    }
}

/// The official client's per-method timeout tiers (`src/base/resource_client.ts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeoutTier {
    /// 5 s: small storage reads and deletes.
    Small,
    /// 30 s: pushes and listings.
    Medium,
    /// 360 s, or the client's `timeoutSecs` when lower.
    Long,
    /// The client-wide `timeoutSecs`.
    ClientDefault,
}

impl TimeoutTier {
    /// The first attempt's timeout; never above the client-wide cap.
    pub fn initial_ms(self, client_timeout_ms: u64) -> u64 {
        let tier = match self {
            TimeoutTier::Small => 5_000,
            TimeoutTier::Medium => 30_000,
            TimeoutTier::Long => 360_000,
            TimeoutTier::ClientDefault => client_timeout_ms,
        };
        tier.min(client_timeout_ms)
    }
}

/// How the response body is turned into a value. The discriminants are the codes that
/// `fetchAndRead` in src/js/support.js reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ResponseKind {
    /// By content type: JSON is parsed, text stays a string, anything else stays bytes.
    Auto = 0,
    /// Always raw bytes (`downloadItems`, `getRecord({buffer: true})`).
    Bytes = 1,
    /// No body is read (HEAD).
    Empty = 2,
    /// A successful body is handed over unread, as the platform's `ReadableStream`
    /// (`getRecord({stream: true})`); error bodies are still decoded as [`Auto`](Self::Auto).
    Stream = 3,
}

/// A fully described API call. The body is not here: it is a platform value the wasm layer
/// keeps, so that bulk data never has to pass through Rust.
#[derive(Debug, Clone)]
pub struct ApiRequest {
    pub method: Method,
    /// The already-encoded path below the API base (`datasets/u~d/items`).
    pub path: String,
    pub query: Query,
    pub tier: TimeoutTier,
    /// Extra per-request cap (the request queue client's `timeoutSecs` option).
    pub timeout_cap_ms: Option<u64>,
    /// `false` where a retry after a timeout could duplicate data (`pushItems`).
    pub retry_timeouts: bool,
    pub content_type: Option<String>,
    pub headers: Vec<(String, String)>,
    pub response: ResponseKind,
    /// `DatasetClient.listItems`, reported in `ApifyApiError.clientMethod`.
    pub client_method: &'static str,
}

impl ApiRequest {
    pub fn new(method: Method, path: String, client_method: &'static str) -> Self {
        ApiRequest {
            method,
            path,
            query: Query::new(),
            tier: TimeoutTier::ClientDefault,
            timeout_cap_ms: None,
            retry_timeouts: true,
            content_type: None,
            headers: Vec::new(),
            response: ResponseKind::Auto,
            client_method,
        }
    }

    pub fn tier(mut self, tier: TimeoutTier) -> Self {
        self.tier = tier;
        self
    }

    /// Puts `query` first and keeps what the request already had (the params a resource
    /// hands down, e.g. `lastRun({status})`) where `query` does not set it.
    pub fn query(mut self, mut query: Query) -> Self {
        query.inherit(&self.query);
        self.query = query;
        self
    }

    pub fn content_type(mut self, ct: &str) -> Self {
        self.content_type = Some(ct.to_string());
        self
    }

    pub fn no_timeout_retries(mut self) -> Self {
        self.retry_timeouts = false;
        self
    }

    pub fn response(mut self, kind: ResponseKind) -> Self {
        self.response = kind;
        self
    }

    pub fn url(&self, api_base: &str) -> String {
        build_url(api_base, &self.path, &self.query)
    }

    /// The first attempt's timeout for a client whose `timeoutSecs` is `client_timeout_ms`.
    pub fn initial_timeout_ms(&self, client_timeout_ms: u64) -> u64 {
        let t = self.tier.initial_ms(client_timeout_ms);
        match self.timeout_cap_ms {
            Some(cap) => t.min(cap),
            None => t,
        }
    }
}

/// `pathname + search` of a URL, as `ApifyApiError.path` reports it.
pub fn path_of(url: &str) -> &str {
    // The scheme ends at the first `:` (a character search: `find("://")` would bring a
    // substring searcher into the wasm).
    let after_scheme = match url.find(':') {
        Some(i) if url[i..].starts_with("://") => i + 3,
        _ => 0,
    };
    match url[after_scheme..].find('/') {
        Some(i) => &url[after_scheme + i..],
        None => "/",
    }
}

/// Whether `fetch` accepts `value` as a header value: Latin-1 (a ByteString) without NUL, CR or
/// LF. Checked before sending, since fetch's TypeError for a bad header would look like a
/// network failure and be retried.
pub fn is_header_value(value: &str) -> bool {
    value
        .chars()
        .all(|c| c as u32 <= 0xFF && !matches!(c, '\0' | '\r' | '\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_are_latin1_without_line_breaks() {
        assert!(is_header_value("Bearer abc; é"));
        assert!(!is_header_value("a\nb"));
        assert!(!is_header_value("a\rb"));
        assert!(!is_header_value("a\0b"));
        assert!(!is_header_value("emoji 🙂"));
        assert!(!is_header_value("Ā"));
    }

    #[test]
    fn tiers_never_exceed_the_client_cap() {
        assert_eq!(TimeoutTier::Small.initial_ms(360_000), 5_000);
        assert_eq!(TimeoutTier::Medium.initial_ms(10_000), 10_000);
        assert_eq!(TimeoutTier::ClientDefault.initial_ms(42_000), 42_000);
        let mut r = ApiRequest::new(Method::Get, String::new(), "X.y").tier(TimeoutTier::Medium);
        r.timeout_cap_ms = Some(2_000);
        assert_eq!(r.initial_timeout_ms(360_000), 2_000);
    }

    #[test]
    fn query_keeps_inherited_params() {
        let mut inherited = Query::new();
        inherited.set("status", "SUCCEEDED").set("limit", 1i64);
        let mut r = ApiRequest::new(Method::Get, String::new(), "X.y");
        r.query = inherited;
        let mut own = Query::new();
        own.set("limit", 5i64);
        assert_eq!(r.query(own).query.encode(), "limit=5&status=SUCCEEDED");
    }

    #[test]
    fn path_is_pathname_and_search() {
        assert_eq!(
            path_of("http://127.0.0.1:8/v2/datasets/x?limit=1"),
            "/v2/datasets/x?limit=1"
        );
        assert_eq!(path_of("https://api.apify.com"), "/");
        assert_eq!(path_of("/v2/x?a=b:c"), "/v2/x?a=b:c");
    }
}
