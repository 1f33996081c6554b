//! Normalised token forms, as lexicons and the token table compare them.

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
    if token.bytes().all(|b| b < 0x80 && b != b'`') {
        let start = out.len();
        out.push_str(token);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in token.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            '“' | '”' => out.push('"'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The hash of a normalised token, as the token table and lexicons use it.
#[inline]
pub(crate) fn token_hash(s: &str) -> u64 {
    let mut h = FxHasher(s.len() as u64);
    h.write(s.as_bytes());
    h.finish() | 1
}
