//! claimlens: actors, claims and hedging in news articles.
//!
//! A pure Rust core with no WebAssembly dependency. Data flows one way:
//! text → [`Doc`] (tokens, sentences) → layers (actors, claims, hedges) →
//! one [`Analysis`] in byte [`Span`]s → the JSON contract in UTF-16 offsets
//! ([`contract`]).
//!
//! ```
//! let a = claimlens::analyze("Analysts suggest that Moscow may respond, according to Reuters.");
//! assert!(a.hedges.iter().any(|h| h.kind == claimlens::HedgeKind::Hedge));
//! assert!(a.claims.iter().any(|c| c.attribution == claimlens::Attribution::Vague));
//! ```
#![deny(missing_docs)]

pub mod actors;
pub mod analysis;
pub mod claim_model;
pub mod claims;
pub mod contract;
pub mod hedges;
pub mod lexicon;
pub mod model;
pub mod score;
pub mod span;
pub mod text;
pub mod train;

pub use analysis::{
    Actor, ActorKind, Analysis, Attribution, Claim, Hedge, HedgeKind, SentenceScore, Summary,
};
pub use span::Span;
pub use text::{Doc, Sentence, Token, TokenKind};

use std::sync::LazyLock;

/// Which layers to run.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Layers {
    /// Actors (needed to link claim sources to actors).
    pub actors: bool,
    /// Claims.
    pub claims: bool,
    /// Hedging cues.
    pub hedges: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Layers {
            actors: true,
            claims: true,
            hedges: true,
        }
    }
}

/// An analyzer: the compiled lexicons and models, plus any entries a caller added.
///
/// Building one parses the lexicon files; [`analyze`] uses a shared built-in
/// instance built once on first use.
#[derive(Clone, Debug)]
pub struct Analyzer {
    actors: actors::ActorLexicon,
    cues: claims::CueLexicon,
    claims_tagger: Option<std::sync::Arc<model::Tagger>>,
    hedges: hedges::HedgeLexicon,
    layers: Layers,
}

impl Default for Analyzer {
    fn default() -> Self {
        BUILTIN.clone()
    }
}

static BUILTIN: LazyLock<Analyzer> = LazyLock::new(|| Analyzer {
    actors: actors::ActorLexicon::builtin(),
    cues: claims::CueLexicon::builtin(),
    claims_tagger: claim_model::builtin(),
    hedges: hedges::HedgeLexicon::builtin(),
    layers: Layers::default(),
});

impl Analyzer {
    /// An analyzer with the built-in lexicons and models.
    pub fn new() -> Self {
        Self::default()
    }

    /// Chooses the layers to run.
    pub fn with_layers(mut self, layers: Layers) -> Self {
        self.layers = layers;
        self
    }

    /// Uses another claims model (a file written by `claimlens train claims`)
    /// instead of the built-in one; `None` runs the hand-written rules alone.
    /// A model whose labels are not those of [`claim_model::LABELS`] (an
    /// actor model, say) is refused.
    pub fn with_claims_model(mut self, tagger: Option<model::Tagger>) -> Result<Self, String> {
        if let Some(t) = &tagger {
            if !t.labels().iter().eq(claim_model::LABELS.iter()) {
                return Err(format!(
                    "not a claims model: its labels are {:?}, a claims model has {:?}",
                    t.labels(),
                    claim_model::LABELS
                ));
            }
        }
        self.claims_tagger = tagger.map(std::sync::Arc::new);
        Ok(self)
    }

    /// Adds a named actor ("Sepahnews" as an organization with subkind "media").
    ///
    /// ```
    /// let mut a = claimlens::Analyzer::new();
    /// a.add_actor("Zorblax Institute", claimlens::ActorKind::Organization, Some("think tank"));
    /// let r = a.analyze("the Zorblax Institute said nothing.");
    /// assert!(r.actors.iter().any(|x| x.name == "Zorblax Institute"));
    /// ```
    pub fn add_actor(&mut self, name: &str, kind: ActorKind, subkind: Option<&str>) {
        self.actors.add(name, kind, subkind);
    }

    /// Adds a reporting cue ("insisted", "according to").
    pub fn add_cue(&mut self, phrase: &str) {
        self.cues.add(phrase);
    }

    /// Adds a hedging cue of the given kind.
    pub fn add_hedge(&mut self, phrase: &str, kind: HedgeKind) {
        self.hedges.add(phrase, kind);
    }

    /// Analyses one text.
    pub fn analyze(&self, text: &str) -> Analysis {
        let doc = Doc::new(text);
        let norm = lexicon::Norm::new(&doc);
        let actors = if self.layers.actors || self.layers.claims {
            actors::find(&doc, &norm, &self.actors)
        } else {
            Vec::new()
        };
        let mut claims = if self.layers.claims {
            let rules = claims::find(&doc, &norm, &self.cues);
            match &self.claims_tagger {
                Some(t) => claim_model::find(&doc, &norm, &self.cues, t, &rules),
                None => rules,
            }
        } else {
            Vec::new()
        };
        if self.layers.claims {
            // Impersonal passives ("it is widely believed that…") where neither
            // layer found a claim.
            claims::add_impersonal(&doc, &norm, &self.cues, &mut claims);
        }
        actors::link_claims(&doc, &actors, &mut claims);
        let hedges = if self.layers.hedges {
            hedges::find(&doc, &norm, &self.hedges)
        } else {
            Vec::new()
        };
        let actors = if self.layers.actors {
            actors
        } else {
            // Claims keep their attribution but cannot point at actors that are not returned.
            claims.iter_mut().for_each(|c| c.actor = None);
            Vec::new()
        };
        score::assemble(&doc, actors, claims, hedges)
    }
}

/// Analyses `text` with the built-in analyzer.
pub fn analyze(text: &str) -> Analysis {
    BUILTIN.analyze(text)
}
