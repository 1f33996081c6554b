//! Lexicons: the phrase matcher that every stage's lexicon is built on.
//!
//! Each stage keeps its own lexicon beside its code (`actors/lexicon.rs`,
//! `claims/cues.rs`, `hedges/lexicon.rs`), parsed once from the data files of
//! `lexicons/` ([`crate::data`]) into [`PhraseSet`]s held by the built-in
//! [`crate::Analyzer`]; callers may add entries at run time through it.

mod phrases;

pub(crate) use phrases::PhraseSet;

use crate::text::normalize;

/// The normalised tokens of a phrase, split the way [`crate::text::tokenize`] splits text.
pub(crate) fn phrase_tokens(phrase: &str) -> Vec<String> {
    crate::text::tokenize(phrase)
        .iter()
        .map(|t| normalize(t.span.slice(phrase)))
        .collect()
}
