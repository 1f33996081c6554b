//! Lexicons: data files parsed once, and a token-level phrase matcher.
//!
//! Lexicon files live in `lexicons/` and are embedded with `include_str!`, without
//! their comment lines (`build.rs` copies their data lines into `OUT_DIR`).
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

/// The non-empty, non-comment lines of a lexicon file, trimmed (`build.rs`
/// keeps the same lines when it embeds the built-in files).
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
    normalize_into(token, &mut out);
    out
}

/// [`normalize`], appending to `out`.
pub fn normalize_into(token: &str, out: &mut String) {
    for c in token.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            '“' | '”' => out.push('"'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The normalised tokens of a phrase, split the way [`crate::text::tokenize`] splits text.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    crate::text::tokenize(phrase)
        .iter()
        .map(|t| normalize(t.span.slice(phrase)))
        .collect()
}

/// The hash of a normalised token, as [`Norm`] and [`PhraseSet`] use it.
#[inline]
pub fn token_hash(s: &str) -> u64 {
    let mut h = FxHasher(s.len() as u64);
    h.write(s.as_bytes());
    h.finish() | 1
}

/// A hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The normalised tokens of a document (see [`normalize`]), built once and
/// shared by the layers: one text buffer, token bounds, and each token's hash.
///
/// ```
/// let doc = claimlens::Doc::new("The IRGC’s Air Force");
/// let norm = claimlens::lexicon::Norm::new(&doc);
/// assert_eq!(&norm[1], "irgc");
/// assert_eq!(&norm[2], "'s");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Norm {
    buf: String,
    bounds: Vec<u32>,
    hashes: Vec<u64>,
}

impl Norm {
    /// Normalises every token of `doc`.
    pub fn new(doc: &Doc) -> Self {
        let mut buf = String::with_capacity(doc.text.len());
        let mut bounds = Vec::with_capacity(doc.tokens.len() + 1);
        let mut hashes = Vec::with_capacity(doc.tokens.len());
        bounds.push(0);
        for t in &doc.tokens {
            let s = t.span.slice(doc.text);
            let start = buf.len();
            if t.kind == TokenKind::Word && s.bytes().all(|b| b.is_ascii_lowercase()) {
                buf.push_str(s);
            } else {
                normalize_into(s, &mut buf);
            }
            hashes.push(token_hash(&buf[start..]));
            bounds.push(buf.len() as u32);
        }
        Norm {
            buf,
            bounds,
            hashes,
        }
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// True when there is no token.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Token `i`, if there is one.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&str> {
        (i < self.len()).then(|| &self[i])
    }

    /// The hash of token `i` ([`token_hash`]).
    #[inline]
    pub fn hash(&self, i: usize) -> u64 {
        self.hashes[i]
    }
}

impl std::ops::Index<usize> for Norm {
    type Output = str;

    #[inline]
    fn index(&self, i: usize) -> &str {
        &self.buf[self.bounds[i] as usize..self.bounds[i + 1] as usize]
    }
}

type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// One phrase of a [`PhraseSet`]: its first token, the rest, and the payload.
type Phrase<T> = (String, Vec<String>, T);

/// A set of multi-token phrases with a payload each, matched on normalised tokens.
///
/// Lookup is a probe with the first token's precomputed hash followed by a
/// comparison of the (few) phrases that start with it; the longest phrase wins.
#[derive(Clone, Debug)]
pub struct PhraseSet<T> {
    by_first: HashKeyed<Vec<Phrase<T>>>,
    len: usize,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            by_first: HashKeyed::default(),
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
        let list = self.by_first.entry(token_hash(&first)).or_default();
        if let Some(slot) = list.iter_mut().find(|(f, r, _)| *f == first && *r == rest) {
            slot.2 = value;
        } else {
            list.push((first, rest, value));
            // Longest first, so the first hit is the longest match.
            list.sort_by_key(|(_, r, _)| std::cmp::Reverse(r.len()));
            self.len += 1;
        }
    }

    /// The longest phrase that starts at token `i` of `norm` and ends before token `limit`:
    /// its length in tokens and its payload.
    #[inline]
    pub fn longest_at<'s>(&'s self, norm: &Norm, i: usize, limit: usize) -> Option<(usize, &'s T)> {
        if i >= norm.len() {
            return None;
        }
        let list = self.by_first.get(&norm.hash(i))?;
        let first = &norm[i];
        for (f, rest, value) in list {
            let end = i + 1 + rest.len();
            if end <= limit
                && end <= norm.len()
                && f == first
                && rest.iter().enumerate().all(|(k, r)| *r == norm[i + 1 + k])
            {
                return Some((1 + rest.len(), value));
            }
        }
        None
    }

    /// True when `word` (already normalised, one token) is in the set as a one-token phrase.
    pub fn contains_word(&self, word: &str) -> bool {
        self.by_first
            .get(&token_hash(word))
            .is_some_and(|l| l.iter().any(|(f, r, _)| f == word && r.is_empty()))
    }
}
