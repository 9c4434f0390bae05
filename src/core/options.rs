//! Client options and their validation. The wasm layer reads the JS object (types), this
//! module checks the values (ranges, URLs) so that the rules are tested natively.

use super::request::is_header_value;
use super::text::int_text;

/// A rejected option, thrown to JS as `TypeError` (wrong type or unknown key) or `RangeError`.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionError {
    pub kind: OptionErrorKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionErrorKind {
    Type,
    Range,
}

impl OptionError {
    pub fn type_error(message: impl Into<String>) -> Self {
        OptionError {
            kind: OptionErrorKind::Type,
            message: message.into(),
        }
    }
    pub fn range_error(message: impl Into<String>) -> Self {
        OptionError {
            kind: OptionErrorKind::Range,
            message: message.into(),
        }
    }
}

pub const DEFAULT_BASE_URL: &str = "https://api.apify.com";

/// `new ApifyClient(options)` after validation.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientConfig {
    pub token: Option<String>,
    /// Without the trailing `/` and without `/v2`.
    pub base_url: String,
    pub public_base_url: String,
    pub max_retries: u32,
    pub min_delay_between_retries_millis: u64,
    pub timeout_secs: f64,
    pub user_agent_suffix: Vec<String>,
}

/// The raw option values, as JS gave them (already type-checked).
#[derive(Debug, Clone, Default)]
pub struct RawClientOptions {
    pub token: Option<String>,
    pub base_url: Option<String>,
    pub public_base_url: Option<String>,
    pub max_retries: Option<f64>,
    pub min_delay_between_retries_millis: Option<f64>,
    pub timeout_secs: Option<f64>,
    pub user_agent_suffix: Vec<String>,
}

fn check_url(name: &str, url: &str) -> Result<String, OptionError> {
    let trimmed = url.trim_end_matches('/');
    let ok = (trimmed.starts_with("http://") || trimmed.starts_with("https://"))
        && trimmed.len() > "https://".len() - 1
        && !trimmed.contains(['?', '#', ' ']);
    if !ok {
        return Err(OptionError::type_error(text!(
            "ApifyClient option \"",
            name,
            "\" must be an http(s) URL such as \"https://api.apify.com\", got \"",
            url,
            "\""
        )));
    }
    Ok(trimmed.to_string())
}

fn whole(
    name: &str,
    v: f64,
    max: u32,
    number_text: &impl Fn(f64) -> String,
) -> Result<f64, OptionError> {
    if v.fract() != 0.0 || !(0.0..=max as f64).contains(&v) {
        return Err(OptionError::range_error(text!(
            "ApifyClient option \"",
            name,
            "\" must be a whole number from 0 to ",
            int_text(i64::from(max)),
            ", got ",
            number_text(v)
        )));
    }
    Ok(v)
}

impl RawClientOptions {
    /// `number_text` writes a number for an error message as JavaScript's `String(n)` does (the wasm
    /// layer passes the platform's, which keeps Rust's float formatting out of the wasm).
    pub fn validate(
        self,
        number_text: impl Fn(f64) -> String,
    ) -> Result<ClientConfig, OptionError> {
        let base_url = check_url(
            "baseUrl",
            self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL),
        )?;
        let public_base_url = check_url(
            "publicBaseUrl",
            self.public_base_url.as_deref().unwrap_or(DEFAULT_BASE_URL),
        )?;
        let max_retries = whole(
            "maxRetries",
            self.max_retries.unwrap_or(8.0),
            100,
            &number_text,
        )? as u32;
        let min_delay = whole(
            "minDelayBetweenRetriesMillis",
            self.min_delay_between_retries_millis.unwrap_or(500.0),
            3_600_000,
            &number_text,
        )? as u64;
        let timeout_secs = self.timeout_secs.unwrap_or(360.0);
        if !(timeout_secs > 0.0 && timeout_secs.is_finite()) {
            return Err(OptionError::range_error(text!(
                "ApifyClient option \"timeoutSecs\" must be a positive number of seconds, got ",
                number_text(timeout_secs)
            )));
        }
        // Both go into every request's headers: refused here rather than by each fetch.
        if let Some(t) = &self.token {
            if !is_header_value(t) {
                return Err(OptionError::type_error(
                    "ApifyClient option \"token\" must be usable as a header value: no line breaks, only Latin-1 characters",
                ));
            }
        }
        // (The value is not quoted back: escaping it would pull Rust's `Debug` for str in.)
        if let Some(i) = self
            .user_agent_suffix
            .iter()
            .position(|s| !is_header_value(s))
        {
            return Err(OptionError::type_error(text!("ApifyClient option \"userAgentSuffix\" must be usable in the User-Agent header: entry ", int_text(i as i64), " has a line break or a character beyond Latin-1")));
        }
        Ok(ClientConfig {
            token: self.token.filter(|t| !t.is_empty()),
            base_url,
            public_base_url,
            max_retries,
            min_delay_between_retries_millis: min_delay,
            timeout_secs,
            user_agent_suffix: self.user_agent_suffix,
        })
    }
}

impl ClientConfig {
    pub fn timeout_ms(&self) -> u64 {
        (self.timeout_secs * 1000.0).round() as u64
    }
}

/// Checks that an id or key given to an accessor (`dataset(id)`) is a non-empty string.
pub fn check_id(what: &str, id: &str) -> Result<(), OptionError> {
    if id.is_empty() {
        return Err(OptionError::type_error(text!(
            what,
            " must be a non-empty string"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the wasm layer's `String(n)` gives for the values these tests use.
    fn text(n: f64) -> String {
        format!("{n}")
    }

    #[test]
    fn defaults_match_the_official_client() {
        let c = RawClientOptions::default().validate(text).unwrap();
        assert_eq!(c.base_url, "https://api.apify.com");
        assert_eq!(c.max_retries, 8);
        assert_eq!(c.min_delay_between_retries_millis, 500);
        assert_eq!(c.timeout_ms(), 360_000);
        assert_eq!(c.token, None);
    }

    #[test]
    fn token_and_user_agent_suffix_must_be_header_values() {
        let bad = RawClientOptions {
            token: Some("abc\ndef".into()),
            ..Default::default()
        };
        let e = bad.validate(text).unwrap_err();
        assert_eq!(e.kind, OptionErrorKind::Type);
        assert!(e.message.contains("\"token\""), "{}", e.message);
        let bad = RawClientOptions {
            user_agent_suffix: vec!["ok".into(), "emoji 🙂".into()],
            ..Default::default()
        };
        let e = bad.validate(text).unwrap_err();
        assert_eq!(e.kind, OptionErrorKind::Type);
        assert!(e.message.contains("userAgentSuffix"), "{}", e.message);
        assert!(e.message.contains("entry 1 "), "{}", e.message);
    }

    #[test]
    fn base_url_loses_trailing_slash_and_must_be_http() {
        let raw = RawClientOptions {
            base_url: Some("http://127.0.0.1:9/".into()),
            ..Default::default()
        };
        assert_eq!(raw.validate(text).unwrap().base_url, "http://127.0.0.1:9");
        let bad = RawClientOptions {
            base_url: Some("ftp://x".into()),
            ..Default::default()
        };
        let e = bad.validate(text).unwrap_err();
        assert_eq!(e.kind, OptionErrorKind::Type);
        assert!(e.message.contains("baseUrl"));
    }

    #[test]
    fn numbers_are_range_checked_by_name() {
        let bad = RawClientOptions {
            max_retries: Some(-1.0),
            ..Default::default()
        };
        let e = bad.validate(text).unwrap_err();
        assert_eq!(e.kind, OptionErrorKind::Range);
        assert!(e.message.contains("maxRetries"), "{}", e.message);
        assert!(
            e.message.ends_with("from 0 to 100, got -1"),
            "{}",
            e.message
        );
        let bad = RawClientOptions {
            timeout_secs: Some(0.0),
            ..Default::default()
        };
        assert!(bad
            .validate(text)
            .unwrap_err()
            .message
            .contains("timeoutSecs"));
        let frac = RawClientOptions {
            max_retries: Some(1.5),
            ..Default::default()
        };
        let e = frac.validate(text).unwrap_err();
        assert!(e.message.ends_with("got 1.5"), "{}", e.message);
    }

    #[test]
    fn empty_ids_are_rejected() {
        assert!(check_id("dataset id", "").is_err());
        assert!(check_id("dataset id", "x").is_ok());
    }
}
