//! Awaiting a JavaScript operation without a `JsFuture`: the operation is handed a slot number
//! and reports its outcome through one callback registered once per instance.
//!
//! A `JsFuture` costs two `Closure`s per await (each a JS function, a FinalizationRegistry
//! entry and a `then`), about a tenth of the client's own work per call in Node's profile. Every
//! attempt of every call awaits `fetchAndRead`, so that await goes through here instead.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use wasm_bindgen::prelude::*;

use crate::core::slots::Slots;

/// What an operation reported: `failure` 0 for success (`a`, `b`, `c` its values), else the
/// kind of failure (`a` the error). `status` is the HTTP status of a success.
pub struct Outcome {
    pub failure: u8,
    pub status: u16,
    pub a: JsValue,
    pub b: JsValue,
    pub c: JsValue,
}

/// The instance's slots, and whether `settle` was handed to support.js.
struct State {
    slots: Slots<Outcome>,
    registered: bool,
}

thread_local! {
    static STATE: RefCell<State> = const {
        RefCell::new(State {
            slots: Slots::new(),
            registered: false,
        })
    };
}

/// The state, or `None` once the thread's storage is gone (never, on wasm32: it has no thread
/// exit). `try_with`, since `with` would bring a panic message and its formatting into the wasm.
fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> Option<R> {
    STATE.try_with(|state| f(&mut state.borrow_mut())).ok()
}

#[wasm_bindgen(module = "/src/js/support.js")]
extern "C" {
    /// Registers the function operations report their outcome to (`settle` in support.js).
    #[wasm_bindgen(js_name = setSettle)]
    fn set_settle(f: &Closure<dyn Fn(u32, u8, u16, JsValue, JsValue, JsValue)>);
}

fn settle(slot: u32, failure: u8, status: u16, a: JsValue, b: JsValue, c: JsValue) {
    let outcome = Outcome {
        failure,
        status,
        a,
        b,
        c,
    };
    // Woken outside the borrow: the task is polled right here (support.js calls this with
    // nothing of ours on its stack), not a microtask later.
    if let Some(w) = with_state(|s| s.slots.report(slot, outcome)).flatten() {
        super::executor::wake_and_poll(w);
    }
}

/// Starts an operation with a fresh slot (`start` passes it to JavaScript) and returns the
/// future of its outcome.
pub fn begin(start: impl FnOnce(u32)) -> Settled {
    let (slot, register) = with_state(|s| {
        let first = !std::mem::replace(&mut s.registered, true);
        (s.slots.take(), first)
    })
    .unwrap_or((u32::MAX, false));
    if register {
        let callback = Closure::<dyn Fn(u32, u8, u16, JsValue, JsValue, JsValue)>::new(settle);
        set_settle(&callback);
        // Lives as long as the instance: every operation reports through it.
        callback.forget();
    }
    start(slot);
    Settled {
        slot,
        finished: false,
    }
}

/// The outcome of the operation in one slot.
pub struct Settled {
    slot: u32,
    /// The outcome was taken and the slot released (it may already serve another operation).
    finished: bool,
}

impl Future for Settled {
    type Output = Outcome;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Outcome> {
        let this = self.get_mut();
        if this.finished {
            return Poll::Pending;
        }
        let ready = with_state(|s| s.slots.poll(this.slot, cx.waker())).flatten();
        match ready {
            Some(outcome) => {
                this.finished = true;
                Poll::Ready(outcome)
            }
            None => Poll::Pending,
        }
    }
}

impl Drop for Settled {
    fn drop(&mut self) {
        if !self.finished {
            with_state(|s| s.slots.abandon(self.slot));
        }
    }
}
