//! Slots for operations that finish elsewhere (in JavaScript) and report back by number: each
//! holds the waker of the future awaiting it, then the outcome until that future takes it.
//! `crate::js::settle` puts `fetchAndRead`'s attempts in them; the bookkeeping lives here so that
//! `cargo test` covers it natively.

use std::task::Waker;

enum Slot<T> {
    Free,
    Waiting(Option<Waker>),
    Done(T),
    /// Its future was dropped first: the outcome, when it comes, only frees the slot.
    Abandoned,
}

/// The slots of one instance, reused through a free list.
pub struct Slots<T> {
    entries: Vec<Slot<T>>,
    free: Vec<u32>,
}

impl<T> Slots<T> {
    pub const fn new() -> Self {
        Slots {
            entries: Vec::new(),
            free: Vec::new(),
        }
    }

    /// A free slot, now waiting for its outcome.
    pub fn take(&mut self) -> u32 {
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

    /// Stores an outcome; the waker to wake, if the slot's future is waiting. The outcome of an
    /// abandoned slot frees it; a second report of one slot and a report of a slot never taken
    /// are ignored.
    pub fn report(&mut self, slot: u32, outcome: T) -> Option<Waker> {
        match self.entries.get_mut(slot as usize)? {
            entry @ Slot::Waiting(_) => match std::mem::replace(entry, Slot::Done(outcome)) {
                Slot::Waiting(waker) => waker,
                _ => None,
            },
            Slot::Abandoned => {
                self.release(slot);
                None
            }
            _ => None,
        }
    }

    /// The outcome, releasing the slot; or `None`, keeping `waker` to wake on the report.
    pub fn poll(&mut self, slot: u32, waker: &Waker) -> Option<T> {
        match self.entries.get_mut(slot as usize)? {
            Slot::Waiting(w) => {
                *w = Some(waker.clone());
                None
            }
            entry @ Slot::Done(_) => {
                let Slot::Done(outcome) = std::mem::replace(entry, Slot::Free) else {
                    return None;
                };
                self.free.push(slot);
                Some(outcome)
            }
            _ => None,
        }
    }

    /// Its future is gone before the outcome was taken: a waiting slot waits on only to be
    /// freed by its report (the other side still holds the number); a done one is free now.
    pub fn abandon(&mut self, slot: u32) {
        match self.entries.get_mut(slot as usize) {
            Some(entry @ Slot::Waiting(_)) => *entry = Slot::Abandoned,
            Some(Slot::Done(_)) => self.release(slot),
            _ => {}
        }
    }
}

impl<T> Default for Slots<T> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::task::Wake;

    struct CountingWaker(AtomicUsize);
    impl Wake for CountingWaker {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    /// Empty slots whose outcomes are HTTP statuses, and a waker that counts its wakes.
    fn setup() -> (Slots<u16>, Arc<CountingWaker>, Waker) {
        let counter = Arc::new(CountingWaker(AtomicUsize::new(0)));
        (Slots::new(), counter.clone(), Waker::from(counter))
    }

    #[test]
    fn a_report_wakes_the_waiting_future_and_its_slot_is_reused_only_when_taken() {
        let (mut slots, counter, waker) = setup();
        let (a, b) = (slots.take(), slots.take());
        assert_eq!((a, b), (0, 1));
        assert!(slots.poll(a, &waker).is_none());
        let w = slots.report(a, 200).expect("a waiting future is woken");
        w.wake();
        assert_eq!(counter.0.load(Ordering::SeqCst), 1);
        // Done but not taken yet: not free.
        assert_eq!(slots.take(), 2);
        assert_eq!(slots.poll(a, &waker), Some(200));
        assert_eq!(slots.take(), a);
    }

    #[test]
    fn a_report_before_the_first_poll_is_kept() {
        let (mut slots, _, waker) = setup();
        let a = slots.take();
        assert!(slots.report(a, 204).is_none());
        assert_eq!(slots.poll(a, &waker), Some(204));
    }

    #[test]
    fn an_abandoned_slot_is_freed_by_its_report_not_before() {
        let (mut slots, _, _) = setup();
        let a = slots.take();
        slots.abandon(a);
        // JavaScript still holds `a`: a new operation must not get it.
        assert_eq!(slots.take(), 1);
        assert!(slots.report(a, 500).is_none());
        assert_eq!(slots.take(), a);
    }

    #[test]
    fn a_second_or_unknown_report_changes_nothing() {
        let (mut slots, _, waker) = setup();
        let a = slots.take();
        slots.report(a, 200);
        assert!(slots.report(a, 500).is_none());
        assert!(slots.report(99, 500).is_none());
        assert_eq!(slots.poll(a, &waker), Some(200));
        // Released: a late duplicate report does not resurrect it.
        assert!(slots.report(a, 500).is_none());
        assert!(slots.poll(a, &waker).is_none());
    }

    #[test]
    fn abandoning_a_done_slot_frees_it() {
        let (mut slots, _, _) = setup();
        let a = slots.take();
        slots.report(a, 200);
        slots.abandon(a);
        assert_eq!(slots.take(), a);
    }
}
