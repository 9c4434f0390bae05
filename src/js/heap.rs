//! The wasm's global allocator: [`crate::core::heap`] over `memory.grow`, in place of std's
//! dlmalloc (finding 25 in docs/performance.md).

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;

use crate::core::heap::{Heap, Pages, PAGE};

struct WasmPages;

impl Pages for WasmPages {
    fn grow(&mut self, bytes: usize) -> Option<*mut u8> {
        let previous = core::arch::wasm32::memory_grow(0, bytes / PAGE);
        (previous != usize::MAX).then(|| (previous * PAGE) as *mut u8)
    }
}

struct WasmHeap(UnsafeCell<Heap<WasmPages>>);

// SAFETY: this wasm has one thread (it is built without the atomics feature, see the cfg on
// the module) and the heap never calls out, so its methods are never entered twice at once.
unsafe impl Sync for WasmHeap {}

// SAFETY: `Heap` hands out disjoint blocks of at least the layout's size and alignment (its
// tests check it natively) and takes back only what the caller passes with the same layout.
unsafe impl GlobalAlloc for WasmHeap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { (*self.0.get()).alloc(layout.size(), layout.align()) }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        unsafe { (*self.0.get()).dealloc(block, layout.size(), layout.align()) }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe { (*self.0.get()).realloc(block, layout.size(), layout.align(), new_size) }
    }
}

#[global_allocator]
static HEAP: WasmHeap = WasmHeap(UnsafeCell::new(Heap::new(WasmPages)));
