//! The `#[wasm_bindgen]` layer: converts between JS and the core, nothing more.

pub mod client;
pub mod convert;
pub mod errors;
pub mod executor;
// One thread only: with atomics (threads) std's allocator stays.
#[cfg(not(target_feature = "atomics"))]
mod heap;
pub mod http;
pub mod iter;
pub mod opts;
pub mod resources;
pub mod settle;
pub mod sys;
pub mod transport;
mod types;
