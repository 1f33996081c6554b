//! Actors layer: people, organizations, places and unnamed groups, each one
//! entity with all its mentions.

use crate::analysis::{Actor, ActorKind, Attribution, Claim};
use crate::lexicon::PhraseSet;
use crate::text::Doc;

/// Known actors and group words, compiled once.
#[derive(Clone, Debug, Default)]
pub struct ActorLexicon {
    known: PhraseSet<(ActorKind, Option<String>)>,
}

impl ActorLexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Self {
        ActorLexicon::default()
    }

    /// Adds a named actor.
    pub fn add(&mut self, name: &str, kind: ActorKind, subkind: Option<&str>) {
        self.known.insert(name, (kind, subkind.map(str::to_string)));
    }
}

/// Finds the actors of a document.
pub fn find(doc: &Doc, norm: &[String], lex: &ActorLexicon) -> Vec<Actor> {
    let _ = (doc, norm, lex);
    Vec::new()
}

/// Links each claim's source to an actor and sets its attribution.
pub fn link_claims(doc: &Doc, actors: &[Actor], claims: &mut [Claim]) {
    let _ = (doc, actors);
    for c in claims {
        c.attribution = if c.source.is_some() {
            Attribution::Named
        } else {
            Attribution::None
        };
    }
}
