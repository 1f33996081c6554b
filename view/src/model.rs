//! The view types: what a reading view draws.
//!
//! They serialize to the same shape for the web app (JSON, byte offsets) and
//! for `analyzeView` in the JS API (plain objects, UTF-16 offsets). Absent run
//! annotations are left out rather than `null`, so that the many plain runs of
//! a long article stay small; absent claim sources and actors are `null`, and
//! unknown subkinds and affiliations are left out, as in the JSON contract.

use claimlens::contract::JsonSummary;
use serde::{Deserialize, Serialize};

#[cfg(feature = "typescript")]
use ts_rs::TS;

/// Where something is: the page it is on and the id of the run to scroll to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(TS))]
pub struct Loc {
    /// Page index.
    pub page: u32,
    /// Anchor of the run (`a3`, `c12`, `h7`, `s40`); empty when nothing was drawn for it.
    pub anchor: String,
}

/// The part of a claim a run belongs to.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(TS))]
pub enum Role {
    /// The claim's source ("the ministry").
    Source,
    /// The reporting cue ("said", "according to").
    Cue,
    /// What is said.
    Content,
}

/// A piece of a paragraph covered by the same annotations: the innermost
/// annotation of each layer covering it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(TS))]
pub struct Run {
    /// Where it starts (bytes or UTF-16 code units, as the view was built).
    pub start: u32,
    /// Where it ends (exclusive).
    pub end: u32,
    /// The actor of the innermost mention covering it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub actor: Option<u32>,
    /// The claim of the innermost claim part covering it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub claim: Option<u32>,
    /// Which part of that claim (present exactly when `claim` is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub role: Option<Role>,
    /// The innermost hedging cue covering it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub hedge: Option<u32>,
    /// Its id, when it is the first run of an actor, a claim cue, a hedge or a
    /// sentence (what panels and the certainty strip scroll to).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub anchor: Option<String>,
    /// Whether it is a keyboard stop: it starts an actor mention, a hedge, or a
    /// claim's source or cue, and has more than whitespace.
    #[serde(default, skip_serializing_if = "is_false")]
    pub stop: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Run {
    /// Whether any layer annotates this run.
    pub fn is_marked(&self) -> bool {
        self.actor.is_some() || self.claim.is_some() || self.hedge.is_some()
    }
}

/// A paragraph: a non-blank line of the text, or a piece of one longer than a page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(TS))]
pub struct Para {
    /// Where it starts.
    pub start: u32,
    /// Where it ends (exclusive, before the line break).
    pub end: u32,
    /// Its runs, which tile `[start, end)` exactly.
    pub runs: Vec<Run>,
}

/// A page: whole paragraphs of about 24 KB of text (`PAGE_BYTES`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(TS))]
pub struct Page {
    /// Its paragraphs, in order.
    pub paras: Vec<Para>,
}

/// One actor, with its colour and the words of its tooltip.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(TS))]
pub struct ActorView {
    /// Actor id (its index in `actors`).
    pub id: u32,
    /// Canonical name.
    pub name: String,
    /// person, organization, place or group.
    #[cfg_attr(feature = "typescript", ts(type = "ActorKind"))]
    pub kind: String,
    /// Finer type when known (government, media, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub subkind: Option<String>,
    /// Other forms seen in the text.
    pub aliases: Vec<String>,
    /// For a group, the state its demonym names ("Iranian officials" → Iran).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub affiliation: Option<String>,
    /// Number of mentions.
    pub mentions: u32,
    /// The pronouns and nominals that refer to it as a claim's source ("he",
    /// "the newspaper"), each once, as first written.
    pub referred: Vec<String>,
    /// Palette colour, 0 to 7 for the eight most mentioned actors (one each, by rank of
    /// mentions), 8 (neutral grey) for the others.
    pub colour: u8,
    /// The claims it is the source of (indices into `claims`).
    pub claims: Vec<u32>,
    /// Its first mention.
    pub at: Loc,
    /// Tooltip line: `actor: Ana Duarte (person), 2 mentions`.
    pub tip: String,
}

/// The tooltip lines of a claim, one for each part of it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(TS))]
pub struct ClaimTips {
    /// `claim source: source Ana Duarte (named), cue “said”`; absent without a source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub source: Option<String>,
    /// `claim cue: ...`.
    pub cue: String,
    /// `claim content: ...`.
    pub content: String,
}

impl ClaimTips {
    /// The line for a part of the claim.
    pub fn get(&self, role: Role) -> Option<&str> {
        match role {
            Role::Source => self.source.as_deref(),
            Role::Cue => Some(&self.cue),
            Role::Content => Some(&self.content),
        }
    }
}

/// One claim.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(TS))]
pub struct ClaimView {
    /// Claim index.
    pub id: u32,
    /// The source as written, if any.
    pub source: Option<String>,
    /// The actor the source refers to.
    pub actor: Option<u32>,
    /// named, vague or none.
    #[cfg_attr(feature = "typescript", ts(type = "Attribution"))]
    pub attribution: String,
    /// The cue as written.
    pub cue: String,
    /// The content, on one line and shortened to 220 characters (`EXCERPT_CHARS`).
    pub content: String,
    /// True when the content is a direct quotation (it starts with, or right after, an
    /// opening quotation mark); false for a paraphrase or no content.
    pub quote: bool,
    /// Where its cue is.
    pub at: Loc,
    /// Its tooltip lines.
    pub tips: ClaimTips,
}

/// One row of the who-said-what table: the claims of one source (see `sources.rs`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(TS))]
pub struct SourceRow {
    /// The actor's name, the source as first written, or "no source".
    pub label: String,
    /// The actor, when the row is one.
    pub actor: Option<u32>,
    /// The attribution of the row's first claim: named, vague or none.
    #[cfg_attr(feature = "typescript", ts(type = "Attribution"))]
    pub attribution: String,
    /// Its claims (ids), in text order.
    pub claims: Vec<u32>,
    /// How many are direct quotations.
    pub quotes: u32,
    /// How many are paraphrases (content not in quotation marks).
    pub paraphrases: u32,
    /// How many have a named source.
    pub named: u32,
    /// How many have a vague source.
    pub vague: u32,
    /// How many have no source.
    pub none: u32,
}

/// One hedging cue.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(TS))]
pub struct HedgeView {
    /// Hedge index.
    pub id: u32,
    /// hedge, booster, weasel or condition.
    #[cfg_attr(feature = "typescript", ts(type = "HedgeKind"))]
    pub kind: String,
    /// The cue as written.
    pub text: String,
    /// Why it was flagged ("modal verb").
    pub reason: String,
    /// Inside a direct quotation (a source's words).
    pub quoted: bool,
    /// The sentence it is in (an index into the view's sentences).
    pub sentence: u32,
    /// Where it is.
    pub at: Loc,
    /// Tooltip line (also the panel's): `hedge: modal verb`.
    pub tip: String,
    /// Up to five words of its sentence before the cue, on one line, for a list of cues
    /// ("… said the panel itself ").
    pub before: String,
    /// Up to five words of its sentence after the cue (" be damaged by the …").
    pub after: String,
}

/// One sentence, for a certainty strip.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(TS))]
pub struct SentenceView {
    /// Certainty in [0, 1], as in the JSON contract (3 decimals).
    pub certainty: f64,
    /// What lowered or raised it (“lowered by “may” (hedge); raised by “confirmed”
    /// (booster)”), empty when nothing did.
    pub why: String,
    /// Where it starts.
    pub at: Loc,
}

/// The whole view of one text.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(TS))]
pub struct View {
    /// Length of the text (bytes or UTF-16 code units, as the view was built).
    pub length: u32,
    /// Article figures, as in the JSON contract.
    #[cfg_attr(feature = "typescript", ts(type = "Summary"))]
    pub summary: JsonSummary,
    /// Actors, by id.
    pub actors: Vec<ActorView>,
    /// Claims, in text order of their cues.
    pub claims: Vec<ClaimView>,
    /// Who said what: the claims grouped by source, most claims first.
    pub sources: Vec<SourceRow>,
    /// Hedging cues, in text order.
    pub hedges: Vec<HedgeView>,
    /// Sentences, in text order.
    pub sentences: Vec<SentenceView>,
    /// The text, page by page (at least one page, possibly without paragraphs).
    pub pages: Vec<Page>,
}

impl View {
    /// The tooltip lines for a run's annotations, in layer order (actor, claim,
    /// hedge); pass `None` for a layer that is hidden.
    pub fn tips(
        &self,
        actor: Option<u32>,
        claim: Option<(u32, Role)>,
        hedge: Option<u32>,
    ) -> Vec<&str> {
        let actor = actor.and_then(|a| self.actors.get(a as usize));
        let claim = claim.and_then(|(c, r)| self.claims.get(c as usize)?.tips.get(r));
        let hedge = hedge.and_then(|h| self.hedges.get(h as usize));
        [actor.map(|a| &*a.tip), claim, hedge.map(|h| &*h.tip)]
            .into_iter()
            .flatten()
            .collect()
    }
}
