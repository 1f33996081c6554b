//! What a reader's card says about a mark: what was found there and why, in words —
//! for an actor its kind, forms and claims; for a claim who → cue → what, and why its
//! source counts as named, vague or none; for a hedging cue its kind, the lexicon entry
//! behind it and what it did to its sentence's certainty.

use crate::model::{Role, View};
use crate::words::{excerpt, kind_label};

/// One part of a card: a heading and its lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// "Actor", "Claim", "Hedge"...
    pub title: String,
    /// What it says, a line each.
    pub lines: Vec<String>,
}

fn quote(s: &str) -> String {
    ["“", &excerpt(s, 160), "”"].concat()
}

impl View {
    /// The card of a mark: a section for each annotation on it (actor, claim part,
    /// hedging cue), in that order; ids that are not in the view are skipped.
    pub fn explain(
        &self,
        actor: Option<u32>,
        claim: Option<(u32, Role)>,
        hedge: Option<u32>,
    ) -> Vec<Section> {
        let mut out = Vec::new();
        if let Some(a) = actor.and_then(|a| self.actors.get(a as usize)) {
            let mut lines = vec![format!(
                "{}, named {} times in the text.",
                kind_label(a),
                a.mentions
            )];
            if !a.aliases.is_empty() {
                lines.push(format!("Also written: {}.", a.aliases.join(", ")));
            }
            if !a.referred.is_empty() {
                let refs: Vec<String> = a.referred.iter().map(|r| quote(r)).collect();
                lines.push(format!(
                    "Referred to as {} where it is a source.",
                    refs.join(", ")
                ));
            }
            lines.push(match a.claims.len() {
                0 => "Makes no claim here.".to_string(),
                1 => "Source of 1 claim.".to_string(),
                n => format!("Source of {n} claims."),
            });
            lines.push(
                "Found by the actor tagger (a model trained on news, CoNLL++) and the names \
                 lexicon; its mentions are grouped by name and short forms."
                    .to_string(),
            );
            out.push(Section {
                title: format!("Actor: {}", a.name),
                lines,
            });
        }
        if let Some((c, role)) = claim {
            if let Some(c) = self.claims.get(c as usize) {
                let who = c.source.as_deref().map_or("No one".to_string(), quote);
                let what = if c.content.is_empty() {
                    "(no content found)".to_string()
                } else {
                    quote(&c.content)
                };
                let mut lines = vec![format!("{who} → {} → {what}", quote(&c.cue))];
                let actor = c.actor.and_then(|a| self.actors.get(a as usize));
                lines.push(match (c.attribution.as_str(), actor) {
                    ("named", Some(a)) => format!(
                        "Named source: the words {} refer to {} ({}).",
                        c.source.as_deref().map_or_else(String::new, quote),
                        a.name,
                        a.kind
                    ),
                    ("named", None) => {
                        "Named source: a name, though not one of the actors found.".to_string()
                    }
                    ("vague", Some(a)) => format!(
                        "Vague source: {} is a group ({}), not someone a reader could ask.",
                        quote(&a.name),
                        a.kind
                    ),
                    ("vague", None) => {
                        "Vague source: no one in particular (“officials”, “some say”).".to_string()
                    }
                    _ => "No source: the text does not say who says it.".to_string(),
                });
                lines.push(if c.quote {
                    "A direct quotation: the source's own words.".to_string()
                } else if c.content.is_empty() {
                    "No content was found for this cue.".to_string()
                } else {
                    "A paraphrase: the writer's words for what the source said.".to_string()
                });
                lines.push(format!(
                    "This mark is the claim's {}; the cue is a reporting expression of the cue \
                     lexicon or found by the claims tagger (a model trained on PolNeAR).",
                    role.as_str()
                ));
                out.push(Section {
                    title: "Claim".to_string(),
                    lines,
                });
            }
        }
        if let Some(h) = hedge.and_then(|h| self.hedges.get(h as usize)) {
            let effect = match h.kind.as_str() {
                "hedge" => {
                    "lowers its sentence's certainty (× 0.75; with a hedge right before it, as \
                     in “unclear whether”, the two count once)"
                }
                "weasel" => "lowers its sentence's certainty (× 0.7): an opinion without an owner",
                "condition" => "lowers its sentence's certainty (× 0.85): it holds only if",
                _ => "raises its sentence's certainty, winning back part of what hedges took",
            };
            let mut lines = vec![
                format!("{} — {}.", quote(&h.text), h.reason),
                format!("A {}: it {effect}.", h.kind),
            ];
            if let Some(s) = self.sentences.get(h.sentence as usize) {
                let why = if s.why.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", s.why)
                };
                lines.push(format!(
                    "Its sentence: certainty {}%{why}.",
                    crate::words::fixed(s.certainty * 100.0, 0)
                ));
            }
            if h.quoted {
                lines.push(
                    "Inside a quotation: the source's hedging, counted apart from the author's."
                        .to_string(),
                );
            }
            out.push(Section {
                title: format!("Hedging: {}", h.kind),
                lines,
            });
        }
        out
    }
}
