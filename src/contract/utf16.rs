//! Byte offsets to UTF-16 (or code point) offsets, in one pass.

use super::{JsonSpan, Unit};
use crate::span::Span;

/// Maps byte offsets of a text to UTF-16 offsets.
pub struct Utf16Map {
    /// Sorted byte offsets and their UTF-16 offsets; empty for ASCII text.
    table: Vec<(usize, usize)>,
}

impl Utf16Map {
    /// Builds the map for the byte offsets in `offsets` (any order, duplicates allowed)
    /// with one pass over `text`.
    pub fn new(text: &str, offsets: Vec<usize>) -> Self {
        Self::in_unit(text, offsets, Unit::Utf16)
    }

    /// Builds the map to offsets in `unit` instead of UTF-16 code units.
    pub fn in_unit(text: &str, mut offsets: Vec<usize>, unit: Unit) -> Self {
        if text.is_ascii() {
            return Utf16Map { table: Vec::new() };
        }
        crate::sort::sort_dedup(&mut offsets);
        let mut table = Vec::with_capacity(offsets.len());
        let mut units = 0usize;
        let mut byte = 0usize;
        let mut chars = text.chars();
        for off in offsets {
            while byte < off {
                match chars.next() {
                    Some(c) => {
                        units += match unit {
                            Unit::Utf16 => c.len_utf16(),
                            Unit::CodePoints => 1,
                        };
                        byte += c.len_utf8();
                    }
                    None => break,
                }
            }
            table.push((off, units));
        }
        Utf16Map { table }
    }

    /// The UTF-16 offset of a byte offset that was given to [`Utf16Map::new`].
    #[inline]
    pub fn get(&self, byte: usize) -> usize {
        if self.table.is_empty() {
            return byte;
        }
        match self.table.binary_search_by_key(&byte, |e| e.0) {
            Ok(i) => self.table[i].1,
            Err(_) => unreachable_offset(byte),
        }
    }

    /// Converts a span.
    #[inline]
    pub fn span(&self, s: Span) -> JsonSpan {
        JsonSpan {
            start: self.get(s.start),
            end: self.get(s.end),
        }
    }
}

#[cold]
fn unreachable_offset(byte: usize) -> usize {
    panic!("byte offset {byte} was not registered with Utf16Map")
}
