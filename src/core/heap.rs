//! The wasm's memory allocator: power-of-two size classes, each with a free list, carved from
//! pages the platform grows. It replaces std's dlmalloc (5.8 kB of wasm) with a few hundred
//! bytes, and an allocation or a free is a list push or pop: the client's calls allocate a
//! handful of small blocks each (finding 24 in docs/performance.md), the bulk data stays in JS.
//!
//! The price is memory: a block is its size rounded up to a power of two, and a freed block
//! serves its own class only. A class's blocks number at most its peak use, so a steady workload
//! reaches a steady footprint; wasm memory never shrinks in any allocator.
//!
//! Single-threaded by design (wasm32 without atomics); pages come from a [`Pages`] source so
//! that the logic is tested natively.

use std::ptr;

/// Where fresh memory comes from: wasm's `memory.grow`, or an arena in tests.
pub trait Pages {
    /// `PAGE`-aligned, zeroed memory of `bytes` (a multiple of `PAGE`), or `None` when exhausted.
    fn grow(&mut self, bytes: usize) -> Option<*mut u8>;
}

/// wasm's page size; the unit memory grows by, and the largest alignment served.
pub const PAGE: usize = 64 * 1024;

/// The smallest block: a free block holds the next free block's address.
const MIN_CLASS: u32 = 3;
const CLASSES: usize = usize::BITS as usize;

pub struct Heap<P> {
    pages: P,
    /// The head of each class's free list (class `k` holds blocks of `2^k` bytes).
    free: [*mut u8; CLASSES],
    /// Unused memory of the last page run, carved into blocks of classes below `PAGE`.
    next: usize,
    end: usize,
}

impl<P: Pages> Heap<P> {
    pub const fn new(pages: P) -> Self {
        Heap {
            pages,
            free: [ptr::null_mut(); CLASSES],
            next: 0,
            end: 0,
        }
    }

    /// The class of a block for `size` bytes aligned to `align`; `None` past what `usize` holds.
    fn class(size: usize, align: usize) -> Option<u32> {
        let n = size.max(align).checked_next_power_of_two()?;
        Some(n.trailing_zeros().max(MIN_CLASS))
    }

    /// A block of at least `size` bytes aligned to `align` (a power of two), or null.
    ///
    /// # Safety
    /// Single-threaded use only; `align` is a power of two.
    pub unsafe fn alloc(&mut self, size: usize, align: usize) -> *mut u8 {
        if align > PAGE {
            return ptr::null_mut();
        }
        let Some(k) = Self::class(size, align) else {
            return ptr::null_mut();
        };
        let head = self.free[k as usize];
        if !head.is_null() {
            // SAFETY: a free block starts with the address of the next one (written by dealloc).
            self.free[k as usize] = unsafe { head.cast::<*mut u8>().read() };
            return head;
        }
        let bytes = 1usize << k;
        if bytes >= PAGE {
            return self.pages.grow(bytes).unwrap_or(ptr::null_mut());
        }
        // Blocks below a page are aligned to their size, so any alignment up to it holds.
        if let Some(start) = self.next.checked_add(bytes - 1).map(|n| n & !(bytes - 1)) {
            if start <= self.end && self.end - start >= bytes {
                self.next = start + bytes;
                return start as *mut u8;
            }
        }
        // A fresh page for the carving; what was left of the old one is not worth tracking
        // (at most one page per refill, and refills stop once the free lists hold the peak).
        let Some(page) = self.pages.grow(PAGE) else {
            return ptr::null_mut();
        };
        self.next = page as usize + bytes;
        // Saturating: the last page of a full 4 GiB wasm32 memory ends at 2^32.
        self.end = (page as usize).saturating_add(PAGE);
        page
    }

    /// Returns a block to its class's free list.
    ///
    /// # Safety
    /// `block` came from `alloc` (or `realloc`) of this heap with the same `size` and `align`,
    /// and is not used after this.
    pub unsafe fn dealloc(&mut self, block: *mut u8, size: usize, align: usize) {
        let Some(k) = Self::class(size, align) else {
            return;
        };
        // SAFETY: the block is at least 8 bytes and aligned to its size, so a pointer fits.
        unsafe { block.cast::<*mut u8>().write(self.free[k as usize]) };
        self.free[k as usize] = block;
    }

    /// The block resized to `new_size`: the same one while the class stays, else a new one
    /// holding the old contents.
    ///
    /// # Safety
    /// As [`dealloc`](Self::dealloc) for `block`, `size` and `align`.
    pub unsafe fn realloc(
        &mut self,
        block: *mut u8,
        size: usize,
        align: usize,
        new_size: usize,
    ) -> *mut u8 {
        if Self::class(size, align) == Self::class(new_size, align) {
            return block;
        }
        // SAFETY: as the caller promised; the new block is distinct from the live old one.
        unsafe {
            let moved = self.alloc(new_size, align);
            if !moved.is_null() {
                ptr::copy_nonoverlapping(block, moved, size.min(new_size));
                self.dealloc(block, size, align);
            }
            moved
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::{alloc_zeroed, Layout};

    /// Pages from one big zeroed arena, as `memory.grow` hands them out: consecutive.
    struct Arena {
        next: usize,
        end: usize,
        grown: usize,
    }

    impl Arena {
        fn new(pages: usize) -> Self {
            let layout = Layout::from_size_align(pages * PAGE, PAGE).unwrap();
            // Leaked: the test process ends soon enough.
            let base = unsafe { alloc_zeroed(layout) } as usize;
            assert_ne!(base, 0);
            Arena {
                next: base,
                end: base + pages * PAGE,
                grown: 0,
            }
        }
    }

    impl Pages for Arena {
        fn grow(&mut self, bytes: usize) -> Option<*mut u8> {
            assert_eq!(bytes % PAGE, 0);
            if self.next + bytes > self.end {
                return None;
            }
            let p = self.next;
            self.next += bytes;
            self.grown += bytes;
            Some(p as *mut u8)
        }
    }

    #[test]
    fn classes_are_powers_of_two_of_at_least_eight_bytes() {
        type H = Heap<Arena>;
        assert_eq!(H::class(1, 1), Some(3));
        assert_eq!(H::class(8, 8), Some(3));
        assert_eq!(H::class(9, 1), Some(4));
        assert_eq!(H::class(8, 32), Some(5));
        assert_eq!(H::class(PAGE, 1), Some(16));
        assert_eq!(H::class(usize::MAX, 1), None);
    }

    #[test]
    fn a_freed_block_serves_the_next_request_of_its_class() {
        let mut h = Heap::new(Arena::new(4));
        unsafe {
            let a = h.alloc(24, 8);
            let b = h.alloc(30, 4);
            assert_ne!(a, b);
            h.dealloc(a, 24, 8);
            assert_eq!(h.alloc(17, 1), a, "same class (32 bytes): reused");
            assert_ne!(h.alloc(12, 4), b, "another class: not reused");
        }
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_keep_their_contents() {
        let mut h = Heap::new(Arena::new(1024));
        // A deterministic mix of sizes, alignments, frees and reallocs; every live block is
        // filled with its own byte and checked at the end.
        let mut live: Vec<(*mut u8, usize, usize, u8)> = Vec::new();
        let mut seed = 0x2545_f491_u32;
        let mut rand = move |n: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed % n
        };
        for step in 0..5_000u32 {
            let tag = (step % 251) as u8 + 1;
            match rand(4) {
                0 | 1 => {
                    let size = [1, 7, 8, 13, 64, 100, 1_000, 5_000, 70_000][rand(9) as usize];
                    let align = 1 << rand(5);
                    let p = unsafe { h.alloc(size, align) };
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "aligned to {align}");
                    unsafe { ptr::write_bytes(p, tag, size) };
                    live.push((p, size, align, tag));
                }
                2 if !live.is_empty() => {
                    let (p, size, align, t) = live.swap_remove(rand(live.len() as u32) as usize);
                    let bytes = unsafe { std::slice::from_raw_parts(p, size) };
                    assert!(bytes.iter().all(|&b| b == t), "intact until freed");
                    unsafe { h.dealloc(p, size, align) };
                }
                3 if !live.is_empty() => {
                    let i = rand(live.len() as u32) as usize;
                    let (p, size, align, t) = live[i];
                    let new_size = [3, 40, 300, 9_000][rand(4) as usize];
                    let q = unsafe { h.realloc(p, size, align, new_size) };
                    assert!(!q.is_null());
                    let kept = unsafe { std::slice::from_raw_parts(q, size.min(new_size)) };
                    assert!(kept.iter().all(|&b| b == t), "realloc keeps the contents");
                    unsafe { ptr::write_bytes(q, t, new_size) };
                    live[i] = (q, new_size, align, t);
                }
                _ => {}
            }
        }
        let mut spans: Vec<(usize, usize)> =
            live.iter().map(|&(p, s, _, _)| (p as usize, s)).collect();
        spans.sort();
        for w in spans.windows(2) {
            assert!(w[0].0 + w[0].1 <= w[1].0, "blocks overlap");
        }
        for &(p, size, _, t) in &live {
            let bytes = unsafe { std::slice::from_raw_parts(p, size) };
            assert!(
                bytes.iter().all(|&b| b == t),
                "a block was written by another"
            );
        }
    }

    #[test]
    fn a_steady_workload_stops_growing_memory() {
        let mut h = Heap::new(Arena::new(16));
        let round = |h: &mut Heap<Arena>| unsafe {
            let blocks: Vec<(*mut u8, usize)> = [24, 100, 3_000, 70_000, 24, 512]
                .iter()
                .map(|&s| (h.alloc(s, 8), s))
                .collect();
            for (p, s) in blocks {
                h.dealloc(p, s, 8);
            }
        };
        round(&mut h);
        let grown = h.pages.grown;
        for _ in 0..1_000 {
            round(&mut h);
        }
        assert_eq!(h.pages.grown, grown);
    }

    #[test]
    fn exhaustion_and_huge_alignments_give_null() {
        let mut h = Heap::new(Arena::new(2));
        unsafe {
            assert!(h.alloc(8, 2 * PAGE).is_null());
            assert!(!h.alloc(PAGE, 8).is_null());
            assert!(h.alloc(PAGE * 2, 8).is_null(), "more than the arena has");
        }
    }
}
