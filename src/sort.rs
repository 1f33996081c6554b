//! One sort for the whole crate.
//!
//! `slice::sort_by_key` is generic over its closure, so every call site
//! instantiates the standard library's whole sort (a few KB of code each,
//! about 70 KB of the wasm before this). Here every sort goes through one
//! instance: the keys, packed into a `u128` with the element's index as a
//! tie-break (so the result is stable), are sorted, and the elements are
//! then moved into that order.

/// Sorts `v` stably by `key`.
pub(crate) fn sort_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    if v.len() < 2 {
        return;
    }
    let mut keys: Vec<(u128, u32)> = v
        .iter()
        .enumerate()
        .map(|(i, x)| (key(x), i as u32))
        .collect();
    if keys.windows(2).all(|w| w[0] <= w[1]) {
        return;
    }
    sort_keys(&mut keys);
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        keys.iter()
            .map(|&(_, i)| slots[i as usize].take().expect("each index once")),
    );
}

/// The one instance of the standard sort.
#[inline(never)]
pub(crate) fn sort_keys(keys: &mut [(u128, u32)]) {
    keys.sort_unstable();
}

/// Two numbers as one sort key, `a` first.
#[inline]
pub(crate) fn key2(a: usize, b: usize) -> u128 {
    (a as u128) << 64 | b as u128
}
