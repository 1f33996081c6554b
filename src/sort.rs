//! One sort for the whole workspace.
//!
//! `slice::sort_by_key` is generic over its closure, so every call site
//! instantiates the standard library's whole sort (a few KB of code each,
//! about 70 KB of the wasm before this). Here every sort goes through one
//! small merge sort of `(u128, u32)` pairs: the keys, packed into a `u128` with
//! the element's index as a tie-break (so the result is stable), are sorted,
//! and the elements are then moved into that order. The view and the app sort
//! through it too (the standard sorts were 9 KB of the widget's wasm and 22 KB
//! of the app's). Two keys of a sort are equal only when they are the same
//! value (the index makes them distinct), so any correct sort gives the same
//! order as the standard one.

/// Sorts `v` stably by `key`.
pub fn sort_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    if v.len() < 2 {
        return;
    }
    let mut keys: Vec<Key> = v
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

/// Sorts `v` ascending and drops repeated values (sorted as they are: no
/// 32-byte keys for what may be millions of offsets in a long text).
pub fn sort_dedup(v: &mut Vec<usize>) {
    merge_sort(v);
    v.dedup();
}

/// A sort key and the index of its element.
type Key = (u128, u32);

/// Runs this long are sorted by insertion before they are merged.
const RUN: usize = 16;

/// The sort of [`sort_by_key`]'s keys.
#[inline(never)]
pub(crate) fn sort_keys(keys: &mut [Key]) {
    merge_sort(keys);
}

/// A bottom-up merge sort: insertion-sorted runs of [`RUN`], then merged
/// pairwise, each merge copying its left run to a buffer (at most as long as
/// `v`) and merging back into `v`. Instantiated twice: for [`Key`]s and for
/// offsets.
fn merge_sort<T: Copy + Ord>(v: &mut [T]) {
    let n = v.len();
    for start in (0..n).step_by(RUN) {
        let run = &mut v[start..n.min(start + RUN)];
        for i in 1..run.len() {
            let x = run[i];
            let mut j = i;
            while j > 0 && run[j - 1] > x {
                run[j] = run[j - 1];
                j -= 1;
            }
            run[j] = x;
        }
    }
    let mut buf: Vec<T> = Vec::new();
    let mut width = RUN;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let mid = n.min(lo + width);
            let hi = n.min(lo + 2 * width);
            if mid >= hi || v[mid - 1] <= v[mid] {
                continue;
            }
            buf.clear();
            buf.extend_from_slice(&v[lo..mid]);
            // The right run's unmerged part stays in place: `k` never passes `j`.
            let (mut i, mut j, mut k) = (0, mid, lo);
            while i < buf.len() {
                if j < hi && v[j] < buf[i] {
                    v[k] = v[j];
                    j += 1;
                } else {
                    v[k] = buf[i];
                    i += 1;
                }
                k += 1;
            }
        }
        width *= 2;
    }
}

/// Two numbers as one sort key, `a` first.
#[inline]
pub fn key2(a: usize, b: usize) -> u128 {
    (a as u128) << 64 | b as u128
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The merge sort agrees with the standard one, on lengths around the runs'
    /// and on keys with repeats, runs and reversals.
    #[test]
    fn sorts_as_the_standard_sort_does() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for n in (0..70).chain([100, 257, 1000, 4099]) {
            for shape in 0..4 {
                let keys: Vec<(u128, u32)> = (0..n)
                    .map(|i| {
                        let k = match shape {
                            0 => u128::from(next()),
                            1 => u128::from(next() % 5),
                            2 => i as u128,
                            _ => (n - i) as u128,
                        };
                        (k << 64 | u128::from(next() % 3), (next() % 7) as u32)
                    })
                    .collect();
                let mut want = keys.clone();
                want.sort_unstable();
                let mut offsets: Vec<usize> = keys.iter().map(|k| (k.0 >> 64) as usize).collect();
                let mut got = keys;
                sort_keys(&mut got);
                assert_eq!(got, want, "n {n}, shape {shape}");
                let mut want: Vec<usize> = want.iter().map(|k| (k.0 >> 64) as usize).collect();
                want.dedup();
                sort_dedup(&mut offsets);
                assert_eq!(offsets, want, "n {n}, shape {shape}");
            }
        }
    }

    #[test]
    fn sort_by_key_is_stable_and_sort_dedup_dedups() {
        let mut v: Vec<(u8, u8)> = vec![(3, 0), (1, 1), (3, 2), (0, 3), (1, 4)];
        sort_by_key(&mut v, |&(k, _)| u128::from(k));
        assert_eq!(v, [(0, 3), (1, 1), (1, 4), (3, 0), (3, 2)]);
        let mut u = vec![5, 1, 5, 0, 1, 9];
        sort_dedup(&mut u);
        assert_eq!(u, [0, 1, 5, 9]);
    }
}
