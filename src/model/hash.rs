//! Feature hashing.

/// Hash of a string, 8 bytes at a time (used for feature values).
#[inline]
pub(crate) fn str_hash(s: &str) -> u64 {
    bytes_hash(s.as_bytes())
}

/// [`str_hash`] of the string whose UTF-8 bytes are `bytes`.
#[inline]
pub(crate) fn bytes_hash(bytes: &[u8]) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15u64 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    let mut tail = 0u64;
    for (k, &b) in chunks.remainder().iter().enumerate() {
        tail |= u64::from(b) << (8 * k);
    }
    h = (h.rotate_left(5) ^ tail).wrapping_mul(0x517c_c1b7_2722_0a95);
    fmix(h)
}

/// The hash that [`FeatureHash::num`] adds for `n`.
#[inline]
pub(crate) fn num_hash(n: u64) -> u64 {
    fmix(n.wrapping_add(0x1234_5678))
}

#[inline]
fn fmix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

/// A feature under construction: a template number combined with values
/// (strings, pre-hashed strings or numbers), without allocation.
#[derive(Copy, Clone)]
pub(crate) struct FeatureHash(pub(super) u64);

impl FeatureHash {
    /// Starts a feature with a template number.
    #[inline]
    pub fn new(template: u8) -> Self {
        FeatureHash(u64::from(template).wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    /// Adds a value that is already a hash ([`str_hash`]).
    #[inline]
    pub fn h(self, v: u64) -> Self {
        FeatureHash((self.0.rotate_left(23) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95))
    }

    /// Adds a string.
    #[inline]
    pub fn str(self, s: &str) -> Self {
        self.h(str_hash(s))
    }

    /// Adds a number.
    #[inline]
    pub fn num(self, n: u64) -> Self {
        self.h(num_hash(n))
    }

    /// The final 64-bit value (mixed).
    #[inline]
    pub fn finish(self) -> u64 {
        fmix(self.0)
    }
}
