//! The task executor behind every Promise the client returns: a new task is polled at once (so
//! a call's `fetch` starts before the method returns, as in the official client's async
//! functions), and a task woken by an operation's report is polled right there, instead of a
//! microtask later through a queue (`wasm-bindgen-futures`' executor, which did both a turn
//! later: two microtask hops, a `Promise::new` closure and a task allocation per call).
//!
//! Polls never nest: while a poll or a drain is on the stack (`busy`), a new task is queued and
//! a wake only marks its task ready; the outermost caller (a top-level [`Executor::spawn`]'s,
//! then [`Executor::drain`]) polls them when the stack unwinds to it. So a task's code never
//! runs inside another task's poll (where that one may hold a `RefCell` borrow), nor twice at
//! once. Who may drain when nothing is on the stack is the caller's decision:
//! `crate::js::executor` drains at once after its own report callback, and a microtask later
//! after any other waker (a timer's or a `JsFuture`'s, which are inside their own bookkeeping).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// A task: its slot and the slot's generation, so that a late wake of a finished task cannot
/// poll the task that took its slot next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskId {
    pub slot: u32,
    generation: u32,
}

/// A task's waker: its id and the function that reaches the executor (a thread-local one in
/// the wasm layer; the executor itself is not `Sync`, which `Wake` requires).
struct TaskWaker {
    id: TaskId,
    wake: fn(TaskId),
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        (self.wake)(self.id);
    }
    fn wake_by_ref(self: &Arc<Self>) {
        (self.wake)(self.id);
    }
}

enum State<T> {
    Vacant,
    /// Waiting to be woken (or queued: `ready` holds its id).
    Idle(BoxFuture<T>),
    /// Its future is out, being polled up the stack; `woken`: poll it again afterwards.
    Polling {
        woken: bool,
    },
}

struct Slot<T> {
    generation: u32,
    state: State<T>,
    waker: Option<Waker>,
}

struct Tasks<T> {
    slots: Vec<Slot<T>>,
    free: Vec<u32>,
    ready: VecDeque<TaskId>,
    /// A poll or a drain is on the stack: new and woken tasks are left to its caller.
    busy: bool,
}

/// What [`Executor::spawn`]'s first poll gave.
pub enum Started<T> {
    /// The task finished in its first poll.
    Done(T),
    /// It runs on: its output goes to the executor's `complete` function with this slot. The
    /// caller sets up what `complete` needs (the Promise), then calls [`Executor::drain`].
    Running(u32),
}

pub struct Executor<T> {
    tasks: RefCell<Tasks<T>>,
    /// Called by the tasks' wakers (reaches this executor, wherever it lives).
    wake: fn(TaskId),
    /// Receives the output of a task that did not finish in its first poll.
    complete: fn(u32, T),
}

impl<T> Executor<T> {
    pub const fn new(wake: fn(TaskId), complete: fn(u32, T)) -> Self {
        Executor {
            tasks: RefCell::new(Tasks {
                slots: Vec::new(),
                free: Vec::new(),
                ready: VecDeque::new(),
                busy: false,
            }),
            wake,
            complete,
        }
    }

    /// Adds `future` as a task and polls it once, now, unless a poll is on the stack: then it
    /// is queued for the drain that follows.
    pub fn spawn(&self, future: BoxFuture<T>) -> Started<T> {
        let (id, waker) = {
            let mut t = self.tasks.borrow_mut();
            let slot = match t.free.pop() {
                Some(slot) => slot,
                None => {
                    t.slots.push(Slot {
                        generation: 0,
                        state: State::Vacant,
                        waker: None,
                    });
                    (t.slots.len() - 1) as u32
                }
            };
            let busy = t.busy;
            let s = &mut t.slots[slot as usize];
            s.generation = s.generation.wrapping_add(1);
            let id = TaskId {
                slot,
                generation: s.generation,
            };
            let waker = Waker::from(Arc::new(TaskWaker {
                id,
                wake: self.wake,
            }));
            s.waker = Some(waker.clone());
            if busy {
                s.state = State::Idle(future);
                t.ready.push_back(id);
                return Started::Running(slot);
            }
            s.state = State::Polling { woken: false };
            t.busy = true;
            (id, waker)
        };
        let output = self.poll_task(id, future, &waker);
        self.tasks.borrow_mut().busy = false;
        match output {
            Some(output) => Started::Done(output),
            None => Started::Running(id.slot),
        }
    }

    /// Marks the task ready; [`drain`](Self::drain) polls it. A finished task's wake is ignored.
    pub fn wake(&self, id: TaskId) {
        let mut t = self.tasks.borrow_mut();
        let Some(slot) = t.slots.get_mut(id.slot as usize) else {
            return;
        };
        if slot.generation != id.generation {
            return;
        }
        match &mut slot.state {
            State::Polling { woken } => *woken = true,
            State::Idle(_) => t.ready.push_back(id),
            State::Vacant => {}
        }
    }

    /// Polls the ready tasks until none is left, unless a poll or a drain is on the stack (its
    /// caller drains when it returns).
    pub fn drain(&self) {
        {
            let mut t = self.tasks.borrow_mut();
            if t.busy {
                return;
            }
            t.busy = true;
        }
        loop {
            let next = {
                let mut t = self.tasks.borrow_mut();
                let Some(id) = t.ready.pop_front() else {
                    t.busy = false;
                    return;
                };
                let slot = &mut t.slots[id.slot as usize];
                // Queued twice, or finished since: nothing to poll.
                if slot.generation != id.generation || !matches!(slot.state, State::Idle(_)) {
                    continue;
                }
                let State::Idle(future) =
                    std::mem::replace(&mut slot.state, State::Polling { woken: false })
                else {
                    continue;
                };
                slot.waker.clone().map(|w| (id, future, w))
            };
            if let Some((id, future, waker)) = next {
                if let Some(output) = self.poll_task(id, future, &waker) {
                    (self.complete)(id.slot, output);
                }
            }
        }
    }

    /// Polls a task whose state is `Polling`, again as long as it is woken meanwhile; its output
    /// if it finished (the slot is then free), else it is parked `Idle`.
    fn poll_task(&self, id: TaskId, mut future: BoxFuture<T>, waker: &Waker) -> Option<T> {
        let mut cx = Context::from_waker(waker);
        loop {
            // No borrow here: the future may spawn, wake or drain.
            if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
                let mut t = self.tasks.borrow_mut();
                let slot = &mut t.slots[id.slot as usize];
                slot.state = State::Vacant;
                slot.waker = None;
                t.free.push(id.slot);
                return Some(output);
            }
            let mut t = self.tasks.borrow_mut();
            let slot = &mut t.slots[id.slot as usize];
            if let State::Polling { woken: true } = slot.state {
                slot.state = State::Polling { woken: false };
                continue;
            }
            slot.state = State::Idle(future);
            return None;
        }
    }

    /// Whether a poll or a drain is on the stack.
    pub fn busy(&self) -> bool {
        self.tasks.borrow().busy
    }

    /// Tasks not finished yet.
    #[cfg(test)]
    fn running(&self) -> usize {
        let t = self.tasks.borrow();
        t.slots.len() - t.free.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    // One executor per test thread, as the wasm layer has one per instance.
    thread_local! {
        static EXEC: Executor<u32> = const { Executor::new(on_wake, on_complete) };
        static WOKEN: RefCell<Vec<TaskId>> = const { RefCell::new(Vec::new()) };
        static DONE: RefCell<Vec<(u32, u32)>> = const { RefCell::new(Vec::new()) };
    }

    fn on_wake(id: TaskId) {
        WOKEN.with(|w| w.borrow_mut().push(id));
        EXEC.with(|e| e.wake(id));
    }
    fn on_complete(slot: u32, v: u32) {
        DONE.with(|d| d.borrow_mut().push((slot, v)));
    }
    fn done() -> Vec<(u32, u32)> {
        DONE.with(|d| d.borrow().clone())
    }

    /// A hand-driven operation: pending until `fire`, which wakes its waiter.
    #[derive(Default)]
    struct Gate {
        open: Cell<bool>,
        waker: RefCell<Option<Waker>>,
        polls: Cell<u32>,
    }
    impl Gate {
        fn fire(&self) {
            self.open.set(true);
            if let Some(w) = self.waker.borrow_mut().take() {
                w.wake();
            }
        }
        fn wait(self: &Rc<Self>) -> impl Future<Output = ()> {
            let gate = self.clone();
            std::future::poll_fn(move |cx| {
                gate.polls.set(gate.polls.get() + 1);
                if gate.open.get() {
                    Poll::Ready(())
                } else {
                    *gate.waker.borrow_mut() = Some(cx.waker().clone());
                    Poll::Pending
                }
            })
        }
    }

    fn spawn(f: impl Future<Output = u32> + 'static) -> Started<u32> {
        EXEC.with(|e| e.spawn(Box::pin(f)))
    }
    fn drain() {
        EXEC.with(|e| e.drain());
    }

    /// A task that waits for its gate, then gives `value`: its gate and its slot.
    fn gated(value: u32) -> (Rc<Gate>, u32) {
        let gate = Rc::new(Gate::default());
        let g = gate.clone();
        let Started::Running(slot) = spawn(async move {
            g.wait().await;
            value
        }) else {
            panic!("a task waiting for its gate must not finish in its first poll");
        };
        (gate, slot)
    }

    #[test]
    fn a_task_that_does_not_wait_finishes_in_spawn() {
        let Started::Done(v) = spawn(async { 7 }) else {
            panic!("a ready future must finish in its first poll");
        };
        assert_eq!(v, 7);
        assert_eq!(EXEC.with(|e| e.running()), 0);
    }

    #[test]
    fn the_first_poll_happens_inside_spawn_and_the_wake_polls_only_on_drain() {
        let (gate, slot) = gated(5);
        assert_eq!(gate.polls.get(), 1, "polled once, before spawn returned");
        gate.fire();
        assert!(done().is_empty(), "a wake only marks the task ready");
        drain();
        assert_eq!(done(), vec![(slot, 5)]);
        assert_eq!(EXEC.with(|e| e.running()), 0);
    }

    #[test]
    fn a_wake_during_its_own_poll_polls_again_after_it() {
        // The operation reports synchronously, as fetchAndRead does when setting up throws.
        let gate = Rc::new(Gate::default());
        let g = gate.clone();
        let started = spawn(async move {
            let mut first = true;
            std::future::poll_fn(|cx| {
                if first {
                    first = false;
                    cx.waker().wake_by_ref();
                    return Poll::Pending;
                }
                Poll::Ready(())
            })
            .await;
            g.wait().await;
            9
        });
        assert!(matches!(started, Started::Running(_)));
        assert_eq!(
            gate.polls.get(),
            1,
            "re-polled within spawn, reaching the gate"
        );
    }

    #[test]
    fn a_stale_wake_does_not_poll_the_next_task_in_the_slot() {
        let (first, slot) = gated(1);
        let stale = first.waker.borrow().clone().expect("waker stored");
        first.fire();
        drain();
        // The slot is free again: the next task takes it.
        let (second, slot2) = gated(2);
        assert_eq!(slot, slot2);
        stale.wake();
        drain();
        assert_eq!(
            second.polls.get(),
            1,
            "the old task's waker must not poll the new task"
        );
        second.fire();
        drain();
        assert_eq!(done(), vec![(slot, 1), (slot, 2)]);
    }

    #[test]
    fn tasks_woken_inside_a_drain_are_polled_by_that_drain() {
        let (b, sb) = gated(2);
        let a = Rc::new(Gate::default());
        let (ga, b2) = (a.clone(), b.clone());
        let Started::Running(sa) = spawn(async move {
            ga.wait().await;
            // Finishing A opens B: B's wake comes while A's drain runs.
            b2.fire();
            1
        }) else {
            panic!("waits");
        };
        a.fire();
        drain();
        assert_eq!(done(), vec![(sa, 1), (sb, 2)]);
        assert_eq!(b.polls.get(), 2);
    }

    #[test]
    fn a_task_spawned_inside_another_waits_for_the_drain_after_it() {
        let inner_polled = Rc::new(Cell::new(false));
        let (flag, seen) = (inner_polled.clone(), inner_polled.clone());
        let Started::Done(v) = spawn(async move {
            let started = spawn(async move {
                flag.set(true);
                3
            });
            // Not polled inside this poll: it may need what this task holds.
            assert!(!seen.get());
            match started {
                Started::Done(_) => 0,
                Started::Running(slot) => slot + 10,
            }
        }) else {
            panic!("the outer task does not wait");
        };
        assert!(!inner_polled.get());
        drain();
        assert!(inner_polled.get());
        assert_eq!(done(), vec![(v - 10, 3)]);
    }

    #[test]
    fn wakes_go_through_the_wake_function() {
        let (gate, slot) = gated(0);
        gate.fire();
        let woken = WOKEN.with(|w| w.borrow().clone());
        assert_eq!(woken.len(), 1);
        assert_eq!(woken[0].slot, slot);
    }
}
