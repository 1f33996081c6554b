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
            c => out.extend(lower(c)),
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/lowercase.rs"));

/// The lowercase of `c`, as `char::to_lowercase` gives it, from a table of runs
/// (`LOWER_RUNS`, written by build.rs) a tenth the size of the standard library's.
pub(crate) fn lower(c: char) -> impl Iterator<Item = char> {
    let (one, two) = if c.is_ascii() {
        (c.to_ascii_lowercase(), None)
    } else if c == '\u{130}' {
        ('i', Some('\u{307}'))
    } else {
        let n = c as u32;
        let i = LOWER_RUNS.partition_point(|&(key, _)| key >> 11 <= n);
        let mapped = i.checked_sub(1).and_then(|i| {
            let (key, offset) = LOWER_RUNS[i];
            let (start, len, step) = (key >> 11, key >> 1 & 0x3ff, 1 + (key & 1));
            let k = n - start;
            (k % step == 0 && k / step < len)
                .then(|| char::from_u32(n.wrapping_add_signed(offset)))
                .flatten()
        });
        (mapped.unwrap_or(c), None)
    };
    std::iter::once(one).chain(two)
}

/// `s` lowercased char by char, as the analyzer compares words: what
/// `str::to_lowercase` gives but for the Greek final sigma (always `σ` here), with a
/// table a tenth the size of the standard library's (11.7 KB of a wasm build).
pub fn lowercase(s: &str) -> String {
    s.chars().flat_map(lower).collect()
}

/// The hash of a normalised token, as the token table and lexicons use it.
#[inline]
pub(crate) fn token_hash(s: &str) -> u64 {
    let mut h = FxHasher(s.len() as u64);
    h.write(s.as_bytes());
    h.finish() | 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_is_the_standard_librarys_lowercase_for_every_char() {
        let mut mapped = 0;
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let want: String = c.to_lowercase().collect();
            let got: String = lower(c).collect();
            assert_eq!(got, want, "U+{:04X}", c as u32);
            mapped += usize::from(want != c.to_string());
        }
        // The runs cover the whole mapping, not only the chars left as they are.
        assert!(mapped > 1400, "{mapped} chars change");
        assert!(LOWER_RUNS.len() < 250, "{} runs", LOWER_RUNS.len());
    }

    #[test]
    fn lowercase_of_words() {
        for (s, want) in [
            ("Ärzte ohne Grenzen", "ärzte ohne grenzen"),
            ("ΟΔΥΣΣΕΥΣ", "οδυσσευσ"),
            ("İstanbul", "i\u{307}stanbul"),
            ("МОСКВА Kyiv", "москва kyiv"),
            ("ＡＢＣ", "ａｂｃ"),
        ] {
            assert_eq!(lowercase(s), want, "{s}");
        }
    }
}
