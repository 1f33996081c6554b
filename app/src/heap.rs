//! The wasm build's memory allocator.
//!
//! The standard library's allocator for `wasm32-unknown-unknown` (dlmalloc) is
//! about 7 KB of the app's code; this one is about 1 KB. Two kinds of block,
//! both aligned to 16:
//! - **Small** (up to 32 KB): a size class per block size ([`class`]: a
//!   multiple of 16 up to 64 bytes, above that one of the four sizes between
//!   two powers of two, so at most a quarter more than asked). A freed block
//!   goes to its class's free list and is handed out again first. Constant
//!   time; small blocks are never merged.
//! - **Large**: the size rounded up to 16, taken first-fit from one free list
//!   kept in address order, where a freed block merges with its neighbours, and
//!   grown or shrunk in place when it is the last block of the heap (a growing
//!   string or vector). The list is short: a text's large buffers are few.
//!
//! Measured in Node on the sample article repeated (docs/performance.md): at 10 MB,
//! 409 MB on the first analysis and 505 MB from the second on (dlmalloc 425 MB); at
//! 32 MB, 1,189 MB (dlmalloc 1,199 MB). Size classes alone, without the large list,
//! took 1.4 to 1.5 times dlmalloc's memory.

#[cfg(target_arch = "wasm32")]
use core::{
    alloc::{GlobalAlloc, Layout},
    arch::wasm32,
    cell::UnsafeCell,
    ptr::null_mut,
};

/// A wasm page.
#[cfg(target_arch = "wasm32")]
const PAGE: usize = 65536;
/// Every block's alignment (a larger alignment is served by fresh memory only).
const ALIGN: usize = 16;
/// The largest small block.
pub const SMALL: usize = 32 << 10;
/// How many size classes there are.
pub const CLASSES: usize = 41;

/// The size class of a small block of `size` bytes (at least 1, at most
/// [`SMALL`]) and the size of its blocks.
pub fn class(size: usize) -> (usize, usize) {
    if size <= 64 {
        let k = size.div_ceil(ALIGN);
        return (k, k * ALIGN);
    }
    // 2^(b-1) < size ≤ 2^b; the block is 5, 6, 7 or 8 quarters of 2^(b-1).
    let b = (usize::BITS - (size - 1).leading_zeros()) as usize;
    let q = 1usize << (b - 3);
    let n = size.div_ceil(q);
    (4 * b + n - 28, n * q)
}

/// The block of a layout: `(Some(class), size)` for a small block, `(None,
/// size)` for a large one, `None` when the size cannot be served.
pub fn block(size: usize, align: usize) -> Option<(Option<usize>, usize)> {
    let s = size.max(align).max(1);
    if s <= SMALL {
        let (c, z) = class(s);
        return Some((Some(c), z));
    }
    // Large blocks stay below half the address space (2 GB on wasm32).
    let z = s.checked_next_multiple_of(ALIGN)?;
    (z <= usize::MAX / 2).then_some((None, z))
}

/// The heap.
#[cfg(target_arch = "wasm32")]
pub struct Heap(UnsafeCell<State>);

/// A free large block's header, at its start.
#[cfg(target_arch = "wasm32")]
struct Free {
    size: usize,
    next: *mut Free,
}

#[cfg(target_arch = "wasm32")]
struct State {
    /// The first free block of each small class; its first word points at the next.
    small: [*mut u8; CLASSES],
    /// The free large blocks, in address order.
    large: *mut Free,
    /// Fresh memory: `[top, end)`.
    top: usize,
    end: usize,
}

// The wasm build is single-threaded.
#[cfg(target_arch = "wasm32")]
unsafe impl Sync for Heap {}

#[cfg(target_arch = "wasm32")]
impl Heap {
    /// An empty heap (memory is taken from the engine as needed). Not `Default`:
    /// the global allocator's static needs a `const fn`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Heap(UnsafeCell::new(State {
            small: [null_mut(); CLASSES],
            large: null_mut(),
            top: 0,
            end: 0,
        }))
    }
}

/// What [`State::reach`] did.
#[cfg(target_arch = "wasm32")]
enum Reach {
    /// Fresh memory reaches that far.
    Yes,
    /// Memory grew, but not after the heap's end (something else grew it): the
    /// fresh memory is now the new pages, and the caller starts again.
    Moved,
    /// The engine gave no more memory.
    No,
}

#[cfg(target_arch = "wasm32")]
impl State {
    /// Grows memory, when needed, so that the fresh memory reaches `to`.
    fn reach(&mut self, to: usize) -> Reach {
        if to <= self.end {
            return Reach::Yes;
        }
        let pages = (to - self.end).div_ceil(PAGE);
        let old = wasm32::memory_grow(0, pages);
        // The last page is never used, so that no address below overflows.
        if old == usize::MAX || old + pages >= usize::MAX / PAGE {
            return Reach::No;
        }
        let fresh = old * PAGE;
        let end = fresh + pages * PAGE;
        if fresh == self.end {
            self.end = end;
            return Reach::Yes;
        }
        (self.top, self.end) = (fresh, end);
        Reach::Moved
    }

    /// `size` bytes of fresh memory aligned to `align`.
    fn fresh(&mut self, size: usize, align: usize) -> *mut u8 {
        loop {
            let start = (self.top + align - 1) & !(align - 1);
            match self.reach(start.saturating_add(size)) {
                Reach::Yes => {
                    self.top = start + size;
                    return start as *mut u8;
                }
                Reach::Moved => {}
                Reach::No => return null_mut(),
            }
        }
    }

    /// A large block of `size` bytes: the first free one that holds it (split), or fresh memory.
    unsafe fn take_large(&mut self, size: usize) -> *mut u8 {
        let mut link: *mut *mut Free = &mut self.large;
        while !(*link).is_null() {
            let f = *link;
            if (*f).size >= size {
                let rest = (*f).size - size;
                if rest == 0 {
                    *link = (*f).next;
                } else {
                    let r = (f as usize + size) as *mut Free;
                    (*r).size = rest;
                    (*r).next = (*f).next;
                    *link = r;
                }
                return f as *mut u8;
            }
            link = &mut (*f).next;
        }
        self.fresh(size, ALIGN)
    }

    /// Frees a large block: merged with free neighbours, or given back to the
    /// fresh memory when it ends there.
    unsafe fn put_large(&mut self, at: usize, size: usize) {
        // `link` ends at the link to the first free block after `at`, `before` at
        // the link to the one before it.
        let mut before: *mut *mut Free = null_mut();
        let mut link: *mut *mut Free = &mut self.large;
        while !(*link).is_null() && (*link as usize) < at {
            before = link;
            link = &mut (**link).next;
        }
        let (mut at, mut size, mut next) = (at, size, *link);
        if !next.is_null() && at + size == next as usize {
            size += (*next).size;
            next = (*next).next;
        }
        if !before.is_null() && *before as usize + (**before).size == at {
            at = *before as usize;
            size += (**before).size;
            link = before;
        }
        if at + size == self.top {
            self.top = at;
            *link = next;
            return;
        }
        let f = at as *mut Free;
        (*f).size = size;
        (*f).next = next;
        *link = f;
    }
}

#[cfg(target_arch = "wasm32")]
unsafe impl GlobalAlloc for Heap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let st = &mut *self.0.get();
        let Some((class, size)) = block(layout.size(), layout.align()) else {
            return null_mut();
        };
        if layout.align() > ALIGN {
            return st.fresh(size, layout.align());
        }
        let Some(c) = class else {
            return st.take_large(size);
        };
        let head = st.small[c];
        if head.is_null() {
            return st.fresh(size, ALIGN);
        }
        st.small[c] = *(head as *mut *mut u8);
        head
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let st = &mut *self.0.get();
        // A block that was handed out has a size.
        match block(layout.size(), layout.align()) {
            Some((Some(c), _)) => {
                *(ptr as *mut *mut u8) = st.small[c];
                st.small[c] = ptr;
            }
            Some((None, size)) => st.put_large(ptr as usize, size),
            None => {}
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let (old, new) = (
            block(layout.size(), layout.align()),
            block(new_size, layout.align()),
        );
        if old == new {
            // The block already has that size.
            return ptr;
        }
        // The last large block of the heap grows or shrinks where it is.
        let st = &mut *self.0.get();
        if let (Some((None, a)), Some((None, b))) = (old, new) {
            let at = ptr as usize;
            if at + a == st.top && matches!(st.reach(at.saturating_add(b)), Reach::Yes) {
                st.top = at + b;
                return ptr;
            }
        }
        let moved = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
        if !moved.is_null() {
            core::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every small size: the block holds it, is a multiple of 16, at most a quarter (or 15
    /// bytes) larger than asked, and a class always has the one block size; classes grow
    /// with sizes.
    #[test]
    fn classes() {
        let mut sizes = vec![0usize; CLASSES];
        let mut last = 0;
        for s in 1..=SMALL {
            let (c, z) = class(s);
            assert!(z >= s && z % ALIGN == 0, "{s} → {z}");
            assert!(4 * z <= 5 * s + 60, "{s} → {z}");
            assert!(c < CLASSES && c >= last, "{s} → class {c}");
            assert!(
                sizes[c] == 0 || sizes[c] == z,
                "class {c}: {} and {z}",
                sizes[c]
            );
            sizes[c] = z;
            last = c;
        }
        // Table rows: (size, block size).
        for (s, z) in [
            (1, 16),
            (16, 16),
            (17, 32),
            (64, 64),
            (65, 80),
            (128, 128),
            (129, 160),
        ] {
            assert_eq!(class(s).1, z, "{s}");
        }
    }

    /// A layout's block: small up to 32 KB (its alignment counted in its size), large
    /// above (rounded to 16), none from half the address space up.
    #[test]
    fn blocks() {
        assert_eq!(block(0, 1), Some((Some(1), 16)));
        assert_eq!(block(SMALL, 1), Some((Some(class(SMALL).0), SMALL)));
        assert_eq!(block(SMALL + 1, 1), Some((None, SMALL + 16)));
        assert_eq!(block(100_000, 8), Some((None, 100_000)));
        assert_eq!(block(100_001, 8), Some((None, 100_016)));
        assert_eq!(block(3, 64), Some((Some(4), 64)));
        assert_eq!(block(65, 1), Some((Some(5), 80)));
        assert_eq!(block(usize::MAX / 2 + 1, 1), None);
        assert_eq!(block(usize::MAX, 1), None);
    }
}
