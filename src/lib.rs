//! # apify-client-wasm
//!
//! A client for the Apify API v2, written in Rust and compiled to WebAssembly, with the same
//! JavaScript API as the official `apify-client`.
//!
//! Two layers:
//! - [`core`] is plain Rust: URL and query building, the retry policy and loop, pagination
//!   state machines, the error model and option validation. It talks to the outside world only
//!   through the small `Transport` and `Platform` traits, so `cargo test` covers it natively
//!   with a scripted transport and a recording sleeper.
//! - `js` (wasm32 only) is the `#[wasm_bindgen]` layer. It binds platform globals (`fetch`,
//!   `AbortController`, timers) without ever going through `window`, implements the traits over
//!   them, and exposes one class per official resource client. Response bodies are parsed by
//!   the platform's `JSON.parse` and stay JS values: bulk data never passes through serde.

// Tests may use `format!`; the shipped code writes messages with `text!` (clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_macros))]

/// A `String` of string-like parts in order: `format!` without `core::fmt` (see
/// `core::text`). `text!(m, ": got ", int_text(n))`.
macro_rules! text {
    ($($part:expr),+ $(,)?) => {
        $crate::core::text::concat(&[$(::core::convert::AsRef::<str>::as_ref(&$part)),+])
    };
}

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod js;
