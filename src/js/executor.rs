//! The instance's task executor ([`crate::core::executor`]) and the Promises of its tasks.
//!
//! A wake from `settle` (an attempt's report, called by support.js with nothing of ours on
//! the stack) polls the task at once; any other wake with nothing of ours on the stack (a
//! timer's, a `JsFuture`'s: they wake from inside their own bookkeeping) a microtask later;
//! a wake while a poll is on the stack waits for the drain that follows it.

use std::cell::Cell;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::core::executor::{Executor, Started, TaskId};

type Output = Result<JsValue, JsValue>;

thread_local! {
    static EXECUTOR: Executor<Output> = const { Executor::new(on_wake, on_complete) };
    /// `settle` is waking: it drains right after, no microtask needed.
    static SETTLING: Cell<bool> = const { Cell::new(false) };
    /// A microtask drain is queued.
    static DRAIN_QUEUED: Cell<bool> = const { Cell::new(false) };
    /// The drain callback was handed to support.js.
    static DRAIN_REGISTERED: Cell<bool> = const { Cell::new(false) };
}

#[wasm_bindgen(module = "/src/js/support.js")]
extern "C" {
    /// A Promise settled by `taskDone(slot, …)`.
    #[wasm_bindgen(js_name = taskPromise)]
    fn task_promise(slot: u32) -> Promise;

    /// Resolves (`ok`) or rejects the Promise of `taskPromise(slot)`.
    #[wasm_bindgen(js_name = taskDone)]
    fn task_done(slot: u32, ok: bool, value: JsValue);

    /// Registers the function a queued drain calls; once per instance.
    #[wasm_bindgen(js_name = setDrain)]
    fn set_drain(f: &Closure<dyn Fn()>);

    /// Calls the registered drain function in a microtask.
    #[wasm_bindgen(js_name = queueDrain)]
    fn queue_drain();
}

fn with<R>(f: impl FnOnce(&Executor<Output>) -> R) -> Option<R> {
    // `try_with`: `with` would bring a panic message into the wasm (the storage never goes
    // away on wasm32, which has no thread exit).
    EXECUTOR.try_with(f).ok()
}

fn drain() {
    with(Executor::drain);
}

fn on_wake(id: TaskId) {
    let busy = with(|e| {
        e.wake(id);
        e.busy()
    })
    .unwrap_or(true);
    if busy || SETTLING.get() || DRAIN_QUEUED.replace(true) {
        return;
    }
    if !DRAIN_REGISTERED.replace(true) {
        let callback = Closure::<dyn Fn()>::new(|| {
            DRAIN_QUEUED.set(false);
            drain();
        });
        set_drain(&callback);
        // Lives as long as the instance.
        callback.forget();
    }
    queue_drain();
}

fn on_complete(slot: u32, output: Output) {
    match output {
        Ok(v) => task_done(slot, true, v),
        Err(e) => task_done(slot, false, e),
    }
}

/// Wakes through `waker` on behalf of an operation's report, then polls what it woke.
pub fn wake_and_poll(waker: std::task::Waker) {
    SETTLING.set(true);
    waker.wake();
    SETTLING.set(false);
    drain();
}

/// Runs `future` as a task and returns its Promise: settled already if the first poll (made
/// now) finished it.
pub fn spawn(future: std::pin::Pin<Box<dyn std::future::Future<Output = Output>>>) -> Promise {
    match with(|e| e.spawn(future)) {
        Some(Started::Done(Ok(v))) => Promise::resolve(&v),
        Some(Started::Done(Err(e))) => Promise::reject(&e),
        Some(Started::Running(slot)) => {
            let promise = task_promise(slot);
            // Tasks its first poll woke (itself included) may finish now that the Promise exists.
            drain();
            promise
        }
        // Never on wasm32 (thread-local storage lives as long as the instance).
        None => {
            Promise::reject(&js_sys::Error::new("apify-client-wasm: the executor is gone").into())
        }
    }
}
