//! Lexicons: data files parsed once, and a token-level phrase matcher.
//!
//! Lexicon files live in `lexicons/` and are embedded with `include_str!`.
//! Each layer parses its files once into a [`PhraseSet`] held in a
//! `LazyLock` (the built-in [`crate::Analyzer`]) and callers may add entries
//! at run time through [`crate::Analyzer`].

use crate::text::{Doc, TokenKind};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher for the short strings of lexicons
/// (the standard SipHash is several times slower on them; inputs here are not
/// adversarial in a way that matters: the worst case is a slower analysis).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.add(w);
        }
        let mut tail = 0u64;
        for (k, &b) in chunks.remainder().iter().enumerate() {
            tail |= u64::from(b) << (8 * k);
        }
        self.add(tail ^ (bytes.len() as u64) << 56);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// A hash map with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with [`FxHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// The non-empty, non-comment lines of a lexicon file, trimmed.
pub fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The tab-separated fields of the data lines of a lexicon file.
pub fn tsv_rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data_lines(data).map(|l| l.split('\t').map(str::trim).collect())
}

/// Normalises a token for lookup: lowercase, curly apostrophes and quotes made straight.
pub fn normalize(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            '“' | '”' => out.push('"'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The normalised tokens of a phrase, split the way [`crate::text::tokenize`] splits text.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    crate::text::tokenize(phrase)
        .iter()
        .map(|t| normalize(t.span.slice(phrase)))
        .collect()
}

/// A set of multi-token phrases with a payload each, matched on normalised tokens.
///
/// Lookup is a hash probe on the first token followed by a comparison of the
/// (few) phrases that start with it; the longest phrase wins.
#[derive(Clone, Debug)]
pub struct PhraseSet<T> {
    by_first: FastMap<String, Vec<(Vec<String>, T)>>,
    len: usize,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            by_first: FastMap::default(),
            len: 0,
        }
    }
}

impl<T: Clone> PhraseSet<T> {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the set holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds a phrase; a phrase already present gets the new payload.
    pub fn insert(&mut self, phrase: &str, value: T) {
        let toks = phrase_tokens(phrase);
        let Some(first) = toks.first().cloned() else {
            return;
        };
        let rest = toks[1..].to_vec();
        let list = self.by_first.entry(first).or_default();
        if let Some(slot) = list.iter_mut().find(|(r, _)| *r == rest) {
            slot.1 = value;
        } else {
            list.push((rest, value));
            // Longest first, so the first hit is the longest match.
            list.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
            self.len += 1;
        }
    }

    /// The longest phrase that starts at token `i` of `norm` and ends before token `limit`:
    /// its length in tokens and its payload.
    pub fn longest_at<'s>(
        &'s self,
        norm: &[String],
        i: usize,
        limit: usize,
    ) -> Option<(usize, &'s T)> {
        let list = self.by_first.get(norm.get(i)?)?;
        for (rest, value) in list {
            let end = i + 1 + rest.len();
            if end <= limit && norm[i + 1..end] == rest[..] {
                return Some((1 + rest.len(), value));
            }
        }
        None
    }

    /// True when `phrase` (already normalised, one token) is in the set as a one-token phrase.
    pub fn contains_word(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|l| l.iter().any(|(r, _)| r.is_empty()))
    }
}

/// Normalised token texts of a document, computed once and shared by the layers.
pub fn normalized_tokens(doc: &Doc) -> Vec<String> {
    doc.tokens
        .iter()
        .map(|t| {
            let s = t.span.slice(doc.text);
            if t.kind == TokenKind::Word && s.bytes().all(|b| b.is_ascii_lowercase()) {
                s.to_string()
            } else {
                normalize(s)
            }
        })
        .collect()
}
