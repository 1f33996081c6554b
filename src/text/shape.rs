//! Word shapes and affixes, the spelling features of the taggers.

/// Appends a compact word shape to `out` (UTF-8): "Xx", "XX", "d", "X.X.",
/// "Xx-Xx". Uppercase letters become `X`, lowercase `x`, digits `d`, other
/// letters `a`; anything else stays; a run of one class keeps two characters.
pub(crate) fn shape_into(s: &str, out: &mut Vec<u8>) {
    if s.is_ascii() {
        let mut runs = Runs::default();
        for &b in s.as_bytes() {
            let k = if b.is_ascii_uppercase() {
                b'X'
            } else if b.is_ascii_lowercase() {
                b'x'
            } else if b.is_ascii_digit() {
                b'd'
            } else {
                b
            };
            if runs.keep(k) {
                out.push(k);
            }
        }
        return;
    }
    let mut runs = Runs::default();
    for c in s.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if runs.keep(k) {
            let mut b = [0u8; 4];
            out.extend_from_slice(k.encode_utf8(&mut b).as_bytes());
        }
    }
}

/// The runs of a shape: the third and later characters of a run of one class are dropped.
#[derive(Default)]
struct Runs<K> {
    last: K,
    run: u32,
}

impl<K: PartialEq + Copy> Runs<K> {
    /// Whether the shape keeps `k`, the next character.
    #[inline]
    fn keep(&mut self, k: K) -> bool {
        if k == self.last {
            self.run += 1;
            self.run < 2
        } else {
            self.run = 0;
            self.last = k;
            true
        }
    }
}

/// The first `n` characters of `s`.
pub(crate) fn prefix(s: &str, n: usize) -> &str {
    if s.is_ascii() {
        return &s[..n.min(s.len())];
    }
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The last `n` characters of `s`.
pub(crate) fn suffix(s: &str, n: usize) -> &str {
    if s.is_ascii() {
        return &s[s.len().saturating_sub(n)..];
    }
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    match s.char_indices().nth(count - n) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}
