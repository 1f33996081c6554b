//! Multi-token phrases matched on normalised tokens.

use super::phrase_tokens;
use crate::hash::IdHasher;
use crate::text::{token_hash, TokenTable};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// One phrase of a [`PhraseSet`]: its first token, the rest, and the payload.
type Phrase<T> = (String, Vec<String>, T);

/// A set of multi-token phrases with a payload each, matched on normalised tokens.
///
/// Lookup is a probe with the first token's precomputed hash followed by a
/// comparison of the (few) phrases that start with it; the longest phrase wins.
#[derive(Clone, Debug)]
pub(crate) struct PhraseSet<T> {
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
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// True when the set holds no phrase.
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds a phrase; a phrase already present gets the new payload.
    pub(crate) fn insert(&mut self, phrase: &str, value: T) {
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

    /// The longest phrase that starts at token `i` of `table` and ends before token `limit`:
    /// its length in tokens and its payload.
    #[inline]
    pub(crate) fn longest_at<'s>(
        &'s self,
        table: &TokenTable,
        i: usize,
        limit: usize,
    ) -> Option<(usize, &'s T)> {
        if i >= table.len() {
            return None;
        }
        let list = self.by_first.get(&table.hash(i))?;
        let first = table.norm(i);
        for (f, rest, value) in list {
            let end = i + 1 + rest.len();
            if end <= limit
                && end <= table.len()
                && f == first
                && rest
                    .iter()
                    .enumerate()
                    .all(|(k, r)| r == table.norm(i + 1 + k))
            {
                return Some((1 + rest.len(), value));
            }
        }
        None
    }

    /// True when `word` (already normalised, one token) is in the set as a one-token phrase.
    pub(crate) fn contains_word(&self, word: &str) -> bool {
        self.by_first
            .get(&token_hash(word))
            .is_some_and(|l| l.iter().any(|(f, r, _)| f == word && r.is_empty()))
    }
}
