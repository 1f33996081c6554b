//! The normalised tokens of a document.

use super::{Doc, TokenKind};
use crate::hash::FxHasher;
use std::hash::Hasher;

/// Normalises a token for lookup: lowercase, curly apostrophes and quotes made straight.
pub(crate) fn normalize(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    normalize_into(token, &mut out);
    out
}

/// [`normalize`], appending to `out`.
pub(crate) fn normalize_into(token: &str, out: &mut String) {
    for c in token.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            '“' | '”' => out.push('"'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The hash of a normalised token, as [`Norm`] and [`PhraseSet`] use it.
#[inline]
pub(crate) fn token_hash(s: &str) -> u64 {
    let mut h = FxHasher(s.len() as u64);
    h.write(s.as_bytes());
    h.finish() | 1
}

/// The normalised tokens of a document (see [`normalize`]), built once and
/// shared by the layers: one text buffer, token bounds, and each token's hash.
#[derive(Clone, Debug, Default)]
pub(crate) struct Norm {
    buf: String,
    bounds: Vec<u32>,
    hashes: Vec<u64>,
}

impl Norm {
    /// Normalises every token of `doc`.
    pub(crate) fn new(doc: &Doc) -> Self {
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
    pub(crate) fn len(&self) -> usize {
        self.hashes.len()
    }

    /// The hash of token `i` ([`token_hash`]).
    #[inline]
    pub(crate) fn hash(&self, i: usize) -> u64 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_lowercased_with_straight_apostrophes() {
        let doc = Doc::new("The IRGC’s Air Force");
        let norm = Norm::new(&doc);
        assert_eq!(&norm[1], "irgc");
        assert_eq!(&norm[2], "'s");
        assert_eq!(norm.hash(1), token_hash("irgc"));
    }
}
