//! Response body type and response helpers.

use bytes::Bytes;
use http_body::{Body as HttpBody, Frame, SizeHint};
use hyper::header::{HeaderName, HeaderValue};
use hyper::{Response, StatusCode};
use serde_json::{json, Value};
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::sync::mpsc;

/// Either a complete body, or a stream of chunks fed through a channel (an `Err` chunk aborts the
/// connection mid-body).
pub enum Body {
    Full(Option<Bytes>),
    Stream(mpsc::Receiver<Result<Bytes, std::io::Error>>),
}

impl Body {
    pub fn empty() -> Self {
        Body::Full(None)
    }
    pub fn from_bytes(b: impl Into<Bytes>) -> Self {
        let b = b.into();
        if b.is_empty() {
            Body::Full(None)
        } else {
            Body::Full(Some(b))
        }
    }
}

impl HttpBody for Body {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        match self.get_mut() {
            Body::Full(b) => Poll::Ready(b.take().map(|b| Ok(Frame::data(b)))),
            Body::Stream(rx) => match rx.poll_recv(cx) {
                Poll::Ready(Some(Ok(b))) => Poll::Ready(Some(Ok(Frame::data(b)))),
                Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(e))),
                Poll::Ready(None) => Poll::Ready(None),
                Poll::Pending => Poll::Pending,
            },
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, Body::Full(None))
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Body::Full(Some(b)) => SizeHint::with_exact(b.len() as u64),
            Body::Full(None) => SizeHint::with_exact(0),
            Body::Stream(_) => SizeHint::default(),
        }
    }
}

pub type Resp = Response<Body>;

pub fn status_of(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

pub fn raw(code: u16, content_type: &str, body: impl Into<Bytes>) -> Resp {
    let mut r = Response::new(Body::from_bytes(body));
    *r.status_mut() = status_of(code);
    if let Ok(v) = HeaderValue::from_str(content_type) {
        r.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
    }
    r
}

pub fn json_bytes(code: u16, body: Vec<u8>) -> Resp {
    raw(code, "application/json; charset=utf-8", body)
}

pub fn json(code: u16, v: &Value) -> Resp {
    json_bytes(code, serde_json::to_vec(v).unwrap_or_default())
}

/// `{data: v}`.
pub fn data(code: u16, v: Value) -> Resp {
    json(code, &json!({ "data": v }))
}

pub fn no_content() -> Resp {
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::NO_CONTENT;
    r
}

pub fn empty(code: u16) -> Resp {
    let mut r = Response::new(Body::empty());
    *r.status_mut() = status_of(code);
    r
}

/// An API error: `{error: {type, message}}`.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: u16,
    pub kind: String,
    pub message: String,
}

impl ApiError {
    pub fn new(status: u16, kind: &str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            kind: kind.to_string(),
            message: message.into(),
        }
    }
    pub fn into_resp(self) -> Resp {
        json(
            self.status,
            &json!({"error": {"type": self.kind, "message": self.message}}),
        )
    }
}

pub fn not_found(what: &str) -> ApiError {
    ApiError::new(404, "record-not-found", format!("{what} was not found"))
}

pub fn invalid(msg: impl Into<String>) -> ApiError {
    ApiError::new(400, "invalid-input", msg)
}

pub type ApiResult = Result<Resp, ApiError>;

pub fn set_header(r: &mut Resp, name: &'static str, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        r.headers_mut().insert(HeaderName::from_static(name), v);
    }
}

pub const EXPOSE: &str = "X-Apify-Pagination-Total, X-Apify-Pagination-Offset, X-Apify-Pagination-Limit, X-Apify-Pagination-Count, X-Apify-Pagination-Desc, Location, Retry-After, Content-Type, Content-Length, Content-Encoding";

pub fn add_cors(r: &mut Resp) {
    let h = r.headers_mut();
    h.insert(
        HeaderName::from_static("access-control-allow-origin"),
        HeaderValue::from_static("*"),
    );
    h.insert(
        HeaderName::from_static("access-control-expose-headers"),
        HeaderValue::from_static(EXPOSE),
    );
}

pub fn preflight() -> Resp {
    let mut r = no_content();
    let h = r.headers_mut();
    h.insert(
        HeaderName::from_static("access-control-allow-methods"),
        HeaderValue::from_static("GET, HEAD, POST, PUT, DELETE, OPTIONS"),
    );
    h.insert(
        HeaderName::from_static("access-control-allow-headers"),
        HeaderValue::from_static(
            "Authorization, Content-Type, Content-Encoding, Idempotency-Key, Accept, Accept-Encoding, X-Requested-With",
        ),
    );
    h.insert(
        HeaderName::from_static("access-control-max-age"),
        HeaderValue::from_static("86400"),
    );
    add_cors(&mut r);
    r
}
