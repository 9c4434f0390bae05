//! The error model: what an `ApifyApiError` says, built from a response the wasm layer read.

use super::request::Method;

/// What the wasm layer found in an error response's body.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorBody {
    /// `{error: {type, message}}`, the API's own shape.
    Api {
        error_type: Option<String>,
        message: Option<String>,
    },
    /// Anything else, as `JSON.stringify(body, null, 2)` of the decoded body.
    Other(String),
    Empty,
}

/// The fields of an `ApifyApiError`, as the official client fills them.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status_code: u16,
    pub error_type: Option<String>,
    pub message: String,
    pub attempt: u32,
    pub http_method: &'static str,
    pub path: String,
    pub client_method: &'static str,
}

impl ApiError {
    pub fn new(
        status_code: u16,
        body: ErrorBody,
        attempt: u32,
        method: Method,
        path: &str,
        client_method: &'static str,
    ) -> Self {
        let (error_type, message) = match body {
            ErrorBody::Api {
                error_type,
                message,
            } => (error_type, message.unwrap_or_default()),
            ErrorBody::Other(json) => (None, text!("Unexpected error: ", json)),
            ErrorBody::Empty => (None, String::new()),
        };
        ApiError {
            status_code,
            error_type,
            message,
            attempt,
            http_method: method.as_lower(),
            path: path.to_string(),
            client_method,
        }
    }
}

/// Whether a get-style call turns this error into `undefined` (`utils.catchNotFoundOrThrow`):
/// a 404 whose type says the record is missing, or any 404 to a HEAD request.
pub fn is_not_found(status: u16, error_type: Option<&str>, method: Method) -> bool {
    status == 404
        && (method == Method::Head
            || matches!(
                error_type,
                Some("record-not-found") | Some("record-or-token-not-found")
            ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_shape_gives_type_and_message() {
        let e = ApiError::new(
            404,
            ErrorBody::Api {
                error_type: Some("record-not-found".into()),
                message: Some("Dataset was not found".into()),
            },
            1,
            Method::Get,
            "/v2/datasets/x",
            "DatasetClient.get",
        );
        assert_eq!(e.error_type.as_deref(), Some("record-not-found"));
        assert_eq!(e.message, "Dataset was not found");
        assert_eq!(e.http_method, "get");
    }

    #[test]
    fn other_bodies_become_unexpected_error() {
        let e = ApiError::new(
            400,
            ErrorBody::Other("\"<html>bad</html>\"".into()),
            2,
            Method::Post,
            "/",
            "X.y",
        );
        assert_eq!(e.message, "Unexpected error: \"<html>bad</html>\"");
        assert_eq!(e.error_type, None);
        assert_eq!(e.attempt, 2);
        let empty = ApiError::new(502, ErrorBody::Empty, 9, Method::Put, "/", "X.y");
        assert_eq!(empty.message, "");
    }

    #[test]
    fn only_missing_records_count_as_not_found() {
        assert!(is_not_found(404, Some("record-not-found"), Method::Get));
        assert!(is_not_found(
            404,
            Some("record-or-token-not-found"),
            Method::Get
        ));
        assert!(is_not_found(404, None, Method::Head));
        assert!(!is_not_found(404, Some("page-not-found"), Method::Get));
        assert!(!is_not_found(400, Some("record-not-found"), Method::Get));
    }
}
