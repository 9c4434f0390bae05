//! Awaiting a JavaScript operation without a `JsFuture`: the operation is handed a slot number
//! and reports its outcome through one callback registered once per instance.
//!
//! A `JsFuture` costs two `Closure`s per await (each a JS function, a FinalizationRegistry
//! entry and a `then`), about a tenth of the client's own work per call in Node's profile. Every
//! attempt of every call awaits `fetchAndRead`, so that await goes through here instead.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use wasm_bindgen::prelude::*;

/// What an operation reported: `failure` 0 for success (`a`, `b`, `c` its values), else the
/// kind of failure (`a` the error). `status` is the HTTP status of a success.
pub struct Outcome {
    pub failure: u8,
    pub status: u16,
    pub a: JsValue,
    pub b: JsValue,
    pub c: JsValue,
}

enum Slot {
    Free,
    Waiting(Option<Waker>),
    Done(Outcome),
    /// Its future was dropped first: the outcome, when it comes, only frees the slot.
    Abandoned,
}

struct Slots {
    entries: Vec<Slot>,
    free: Vec<u32>,
    /// `settle` was handed to support.js.
    registered: bool,
}

impl Slots {
    fn take(&mut self) -> u32 {
        match self.free.pop() {
            Some(i) => {
                self.entries[i as usize] = Slot::Waiting(None);
                i
            }
            None => {
                self.entries.push(Slot::Waiting(None));
                (self.entries.len() - 1) as u32
            }
        }
    }

    fn release(&mut self, i: u32) {
        self.entries[i as usize] = Slot::Free;
        self.free.push(i);
    }
}

thread_local! {
    static SLOTS: RefCell<Slots> = const {
        RefCell::new(Slots {
            entries: Vec::new(),
            free: Vec::new(),
            registered: false,
        })
    };
}

/// The slots, or `None` once the thread's storage is gone (never, on wasm32: it has no thread
/// exit). `try_with`, since `with` would bring a panic message and its formatting into the wasm.
fn with_slots<R>(f: impl FnOnce(&mut Slots) -> R) -> Option<R> {
    SLOTS.try_with(|slots| f(&mut slots.borrow_mut())).ok()
}

#[wasm_bindgen(module = "/src/js/support.js")]
extern "C" {
    /// Registers the function operations report their outcome to (`settle` in support.js).
    #[wasm_bindgen(js_name = setSettle)]
    fn set_settle(f: &Closure<dyn Fn(u32, u8, u16, JsValue, JsValue, JsValue)>);
}

fn settle(slot: u32, failure: u8, status: u16, a: JsValue, b: JsValue, c: JsValue) {
    let waker = with_slots(|slots| {
        match slots.entries.get_mut(slot as usize) {
            Some(entry @ Slot::Waiting(_)) => {
                let done = Slot::Done(Outcome {
                    failure,
                    status,
                    a,
                    b,
                    c,
                });
                match std::mem::replace(entry, done) {
                    Slot::Waiting(waker) => waker,
                    _ => None,
                }
            }
            Some(Slot::Abandoned) => {
                slots.release(slot);
                None
            }
            // A second report of one slot, which support.js never sends: nothing waits.
            _ => None,
        }
    })
    .flatten();
    // Woken outside the borrow: a waker may poll at once.
    if let Some(w) = waker {
        w.wake();
    }
}

/// Starts an operation with a fresh slot (`start` passes it to JavaScript) and returns the
/// future of its outcome.
pub fn begin(start: impl FnOnce(u32)) -> Settled {
    let (slot, register) = with_slots(|slots| {
        let first = !std::mem::replace(&mut slots.registered, true);
        (slots.take(), first)
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
        let ready = with_slots(|slots| match slots.entries.get_mut(this.slot as usize)? {
            Slot::Waiting(waker) => {
                *waker = Some(cx.waker().clone());
                None
            }
            entry @ Slot::Done(_) => {
                let Slot::Done(outcome) = std::mem::replace(entry, Slot::Free) else {
                    return None;
                };
                slots.free.push(this.slot);
                Some(outcome)
            }
            _ => None,
        })
        .flatten();
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
        if self.finished {
            return;
        }
        with_slots(|slots| match slots.entries.get_mut(self.slot as usize) {
            Some(entry @ Slot::Waiting(_)) => *entry = Slot::Abandoned,
            Some(Slot::Done(_)) => slots.release(self.slot),
            _ => {}
        });
    }
}
