//! Multi-token phrases matched on normalised tokens.

use super::phrase_tokens;
use crate::hash::IdHasher;
use crate::text::{token_hash, TokenTable};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// A set of multi-token phrases with a payload each, matched on normalised tokens.
///
/// A phrase is found by its key: the hashes of its tokens combined with its
/// length. For each first token, the set keeps the lengths of the phrases
/// that start with it, longest first; a lookup probes one key per length, so
/// its cost does not grow with the number of phrases that share a first word,
/// and neither does an insertion's (100,000 cues on one first word used to
/// take a minute to add).
///
/// The phrases live in a [`Phrases`] index, which is not generic: its code is
/// in the wasm once, not once per payload type (four of them).
#[derive(Clone, Debug)]
pub(crate) struct PhraseSet<T> {
    index: Phrases,
    /// The payload of each phrase, by its number in `index`.
    values: Vec<T>,
}

/// The phrases of a [`PhraseSet`], numbered in the order they were added.
#[derive(Clone, Debug, Default)]
struct Phrases {
    /// First token's hash → the numbers of tokens after it, largest first.
    /// (`u32`, as in `by_key`: one hash-map type, whose code ships once.)
    lengths: HashKeyed<Vec<u32>>,
    /// Key of a phrase ([`key_of`]) → the phrases with that key.
    by_key: HashKeyed<Vec<u32>>,
    /// Each phrase's normalised tokens.
    phrases: Vec<Box<[String]>>,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            index: Phrases::default(),
            values: Vec::new(),
        }
    }
}

/// The key of the phrase whose tokens have the hashes `hashes` (at least one).
#[inline]
fn key_of(hashes: impl Iterator<Item = u64>) -> u64 {
    let mut k = 0x243f_6a88_85a3_08d3u64;
    let mut n = 0u64;
    for h in hashes {
        k = (k.rotate_left(27) ^ h).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        n += 1;
    }
    k ^ n
}

impl Phrases {
    /// Adds a phrase unless it is there: its number, and whether it is new
    /// (`None` for a phrase without tokens or with too many).
    fn insert(&mut self, phrase: &str) -> Option<(usize, bool)> {
        let toks = phrase_tokens(phrase);
        let (Some(first), Ok(rest)) = (toks.first(), u16::try_from(toks.len() - 1)) else {
            return None;
        };
        let rest = u32::from(rest);
        let key = key_of(toks.iter().map(|t| token_hash(t)));
        let ids = self.by_key.entry(key).or_default();
        if let Some(&id) = ids.iter().find(|&&id| *self.phrases[id as usize] == *toks) {
            return Some((id as usize, false));
        }
        let id = self.phrases.len();
        ids.push(id as u32);
        let lengths = self.lengths.entry(token_hash(first)).or_default();
        if let Err(at) = lengths.binary_search_by(|l| rest.cmp(l)) {
            lengths.insert(at, rest);
        }
        self.phrases.push(toks.into_boxed_slice());
        Some((id, true))
    }

    /// The longest phrase that starts at token `i` of `table` and ends before token `limit`:
    /// its length in tokens and its number.
    fn longest_at(&self, table: &TokenTable, i: usize, limit: usize) -> Option<(usize, usize)> {
        if i >= table.len() {
            return None;
        }
        let lengths = self.lengths.get(&table.hash(i))?;
        let end_max = limit.min(table.len());
        for &rest in lengths {
            let end = i + 1 + rest as usize;
            if end > end_max {
                continue;
            }
            let Some(ids) = self.by_key.get(&key_of((i..end).map(|j| table.hash(j)))) else {
                continue;
            };
            for &id in ids {
                let toks = &self.phrases[id as usize];
                if toks.len() == end - i
                    && toks.iter().enumerate().all(|(k, t)| t == table.norm(i + k))
                {
                    return Some((end - i, id as usize));
                }
            }
        }
        None
    }
}

impl<T> PhraseSet<T> {
    /// An empty set.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// True when the set holds no phrase.
    pub(crate) fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Adds a phrase; a phrase already present gets the new payload.
    pub(crate) fn insert(&mut self, phrase: &str, value: T) {
        match self.index.insert(phrase) {
            Some((_, true)) => self.values.push(value),
            Some((id, false)) => self.values[id] = value,
            None => {}
        }
    }

    /// The longest phrase that starts at token `i` of `table` and ends before token `limit`:
    /// its length in tokens and its payload.
    #[inline]
    pub(crate) fn longest_at<'s>(
        &'s self,
        table: &TokenTable,
        i: usize,
        limit: usize,
    ) -> Option<(usize, &'s T)> {
        let (n, id) = self.index.longest_at(table, i, limit)?;
        Some((n, &self.values[id]))
    }

    /// True when `word` (already normalised, one token) is in the set as a one-token phrase.
    pub(crate) fn contains_word(&self, word: &str) -> bool {
        let index = &self.index;
        index
            .by_key
            .get(&key_of(std::iter::once(token_hash(word))))
            .is_some_and(|ids| {
                ids.iter()
                    .any(|&id| matches!(&*index.phrases[id as usize], [w] if w == word))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn longest(set: &PhraseSet<u32>, text: &str, i: usize) -> Option<(usize, u32)> {
        let doc = Doc::new(text);
        let table = TokenTable::new(&doc, false);
        set.longest_at(&table, i, table.len()).map(|(n, &v)| (n, v))
    }

    #[test]
    fn the_longest_phrase_wins_and_a_repeat_replaces_the_payload() {
        let mut set = PhraseSet::new();
        set.insert("according", 1);
        set.insert("according to", 2);
        set.insert("According to the", 3);
        set.insert("according to", 4);
        assert_eq!(longest(&set, "according to the plan", 0), Some((3, 3)));
        assert_eq!(longest(&set, "according to plan", 0), Some((2, 4)));
        assert_eq!(longest(&set, "according", 0), Some((1, 1)));
        assert_eq!(longest(&set, "plan according", 0), None);
        assert!(set.contains_word("according") && !set.contains_word("to"));
        // The limit cuts a longer phrase off.
        let doc = Doc::new("according to the plan");
        let table = TokenTable::new(&doc, false);
        assert_eq!(
            set.longest_at(&table, 0, 2).map(|(n, &v)| (n, v)),
            Some((2, 4))
        );
    }

    /// Many phrases on one first word: inserting them and looking one up does
    /// not compare against all of them (the work is counted by the number of
    /// lengths probed, which is at most the number of distinct lengths).
    #[test]
    fn many_phrases_on_one_first_word() {
        let mut set = PhraseSet::new();
        for k in 0..20_000u32 {
            set.insert(&format!("said word{k}"), k);
        }
        set.insert("said word7 again", 99_999);
        assert_eq!(set.index.lengths.values().map(Vec::len).max(), Some(2));
        assert_eq!(
            longest(&set, "they said word19999 then", 1),
            Some((2, 19_999))
        );
        assert_eq!(longest(&set, "they said word7 again", 1), Some((3, 99_999)));
        assert_eq!(longest(&set, "they said nothing", 1), None);
        // A key holds one phrase, or a few on a hash collision (the words' hashes
        // are not collision-free: "word15909" and "word15984" share one).
        assert!(set.index.by_key.values().all(|ids| ids.len() <= 2));
    }
}
