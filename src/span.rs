//! Byte spans into the analysed text.

use serde::Serialize;

/// A half-open byte range `start..end` into the analysed text.
///
/// Every span the core produces lies on `char` boundaries of the text it was
/// produced from. Offsets are converted to UTF-16 only at the JSON boundary
/// (see [`crate::contract`]).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Builds a span; `start` must not exceed `end`.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The text the span covers.
    ///
    /// ```
    /// use claimlens::Span;
    /// assert_eq!(Span::new(4, 9).slice("The IRGC said"), "IRGC ");
    /// ```
    #[inline]
    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside `self`.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}
