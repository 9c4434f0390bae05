//! Pure-Rust heart of the client: no `wasm-bindgen`, no `JsValue`.
//!
//! Everything here is covered by plain `cargo test` on the host. The wasm layer (`crate::js`)
//! plugs the platform in through the [`transport::Transport`] and [`transport::Sleeper`]
//! traits and converts values at the edges.

pub mod base64;
pub mod batch;
pub mod error;
pub mod executor;
pub mod heap;
pub mod num;
pub mod options;
pub mod paginate;
pub mod request;
pub mod retry;
pub mod signature;
pub mod slots;
pub mod text;
pub mod transport;
pub mod url;
pub mod wait;
