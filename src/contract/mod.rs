//! The JSON contract: an [`Analysis`] with offsets in UTF-16 code units
//! (or in code points, [`Unit::CodePoints`], for Python).
//!
//! Byte spans are converted once, here, with one ascending pass over the text
//! (ASCII text is its own UTF-16 index and skips the pass).
//!
//! ```
//! let text = "😀 Iran said it may act.";
//! let analysis = claimlens::analyze(text);
//! let doc = claimlens::contract::to_contract(text, &analysis, None);
//! let json = serde_json::to_string(&doc).unwrap();
//! assert!(json.contains("\"start\":3,\"end\":7")); // "Iran" after a surrogate pair and a space
//! ```

#[cfg(feature = "typescript")]
pub mod typescript;
mod utf16;

pub use utf16::Utf16Map;

/// The unit of the contract's offsets.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum Unit {
    /// UTF-16 code units: JavaScript (and Java, C#) string indices. The default.
    #[default]
    Utf16,
    /// Unicode code points: Python string indices.
    CodePoints,
}

use crate::analysis::{ActorKind, Analysis, Attribution, Form, HedgeKind};
use crate::span::Span;
use serde::{Deserialize, Serialize};
#[cfg(feature = "typescript")]
use ts_rs::TS;

/// A range of the analysed string in UTF-16 code units (JavaScript string
/// indices), end-exclusive: `text.slice(start, end)` is the marked text.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(TS), ts(rename = "Span"))]
pub struct JsonSpan {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
}

/// A mention of an actor by a nominal ("the newspaper") or a pronoun ("he")
/// where it is a claim's source, resolved to the actor.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(TS), ts(rename = "Mention"))]
pub struct JsonMention {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// How it refers to the actor.
    pub form: Form,
}

/// A sentence and its certainty in [0, 1] (1: no hedging).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(TS), ts(rename = "Sentence"))]
pub struct JsonSentence {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// Certainty in [0, 1], to 3 decimals.
    pub certainty: f64,
}

/// One entity with all its mentions.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(TS), ts(rename = "Actor"))]
pub struct JsonActor<'a> {
    /// Index of this actor in `Analysis.actors`.
    pub id: usize,
    /// Canonical name (the longest full form seen).
    pub name: &'a str,
    /// Person, organization, place or group.
    pub kind: ActorKind,
    /// Finer type when known: "country", "city", "government", "media", ...
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub subkind: Option<&'a str>,
    /// Other surface forms seen (acronyms, short forms).
    pub aliases: &'a [String],
    /// For a group ("Russian officials"), the state its demonym names ("Russia").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub affiliation: Option<&'a str>,
    /// Every mention by name, in text order (possessive endings excluded).
    pub mentions: Vec<JsonSpan>,
    /// The nominals and pronouns that are claims' sources and refer to this
    /// actor, in the order of their claims.
    pub references: Vec<JsonMention>,
}

/// What a claim says: one span, or several (a quote split by its attribution).
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "typescript", derive(TS), ts(rename = "Content"))]
pub enum JsonContent {
    /// One span.
    One(JsonSpan),
    /// Several spans.
    Many(Vec<JsonSpan>),
}

/// Who said what.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(TS), ts(rename = "Claim"))]
pub struct JsonClaim {
    /// Who says it, or null when the text does not say.
    pub source: Option<JsonSpan>,
    /// The reporting cue ("said", "according to").
    pub cue: JsonSpan,
    /// What is said, or null.
    pub content: Option<JsonContent>,
    /// The id of the actor the source refers to, or null.
    pub actor: Option<usize>,
    /// Named, vague ("analysts say") or no source.
    pub attribution: Attribution,
}

/// An epistemic cue: a hedge, booster, weasel phrase or condition.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(TS), ts(rename = "Hedge"))]
pub struct JsonHedge {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// What kind of cue.
    pub kind: HedgeKind,
    /// Why it was flagged ("modal verb", "user lexicon", ...).
    pub reason: &'static str,
    /// Inside a direct quotation: a source's words, not the author's.
    pub quoted: bool,
}

/// Article-level figures.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(TS), ts(rename = "Summary"))]
pub struct JsonSummary {
    /// Word and number tokens.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Actors of every kind.
    pub actors: usize,
    /// Claims.
    pub claims: usize,
    /// Claims with a named source.
    pub claims_named: usize,
    /// Claims with a vague source.
    pub claims_vague: usize,
    /// Claims with no source.
    pub claims_none: usize,
    /// Share of claims with a named source (0 when there is no claim).
    pub share_named: f64,
    /// Share of claims with a vague source.
    pub share_vague: f64,
    /// Share of claims with no source.
    pub share_none: f64,
    /// Hedges ("may", "reportedly").
    pub hedges: usize,
    /// Boosters ("confirmed").
    pub boosters: usize,
    /// Weasel phrases ("some say").
    pub weasels: usize,
    /// Conditions ("if", "unless").
    pub conditions: usize,
    /// (Hedge + weasel) cues per 100 words.
    pub hedges_per_100_words: f64,
    /// Cues of every kind inside direct quotations (a source's words).
    pub quoted_cues: usize,
    /// (Hedge + weasel) cues outside quotations and outside claims' contents (reported
    /// speech) per 100 words: the author's own hedging.
    pub author_hedges_per_100_words: f64,
    /// Mean sentence certainty, weighted by words.
    pub certainty: f64,
}

/// Everything found in one text: the claimlens JSON contract.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(TS), ts(rename = "Analysis"))]
pub struct JsonAnalysis<'a> {
    /// The input's id, echoed exactly as written when it had one (JSON Lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(type = "unknown", optional))]
    pub id: Option<&'a serde_json::value::RawValue>,
    /// Sentences with their certainty.
    pub sentences: Vec<JsonSentence>,
    /// Actors, by id.
    pub actors: Vec<JsonActor<'a>>,
    /// Claims, in text order of their cues.
    pub claims: Vec<JsonClaim>,
    /// Epistemic cues, in text order.
    pub hedges: Vec<JsonHedge>,
    /// Article-level figures.
    pub summary: JsonSummary,
}

/// Rounds to 3 decimals in `f64`, so that the value is the nearest double to a
/// 3-digit decimal: JSON gets "0.123", and so does a JavaScript number (an `f32`
/// widened to a double would read 0.12300000339746475).
fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// Builds the contract view of `analysis` of `text`, offsets in UTF-16 code units.
pub fn to_contract<'a>(
    text: &str,
    a: &'a Analysis,
    id: Option<&'a serde_json::value::RawValue>,
) -> JsonAnalysis<'a> {
    to_contract_in(text, a, id, Unit::Utf16)
}

/// Builds the contract view of `analysis` of `text`, offsets in `unit`.
///
/// ```
/// use claimlens::contract::{to_contract_in, Unit};
/// let text = "😀 Iran said it may act.";
/// let analysis = claimlens::analyze(text);
/// let doc = to_contract_in(text, &analysis, None, Unit::CodePoints);
/// let iran = doc.actors.iter().find(|a| a.name == "Iran").unwrap();
/// assert_eq!((iran.mentions[0].start, iran.mentions[0].end), (2, 6)); // Python's text[2:6]
/// ```
pub fn to_contract_in<'a>(
    text: &str,
    a: &'a Analysis,
    id: Option<&'a serde_json::value::RawValue>,
    unit: Unit,
) -> JsonAnalysis<'a> {
    let mut offsets = Vec::new();
    if !text.is_ascii() {
        let mut add = |s: Span| {
            offsets.push(s.start);
            offsets.push(s.end);
        };
        a.sentences.iter().for_each(|s| add(s.span));
        a.actors
            .iter()
            .flat_map(|x| &x.mentions)
            .for_each(|&m| add(m));
        for c in &a.claims {
            c.source.into_iter().for_each(&mut add);
            add(c.cue);
            c.content.iter().for_each(|&s| add(s));
        }
        a.hedges.iter().for_each(|h| add(h.span));
    }
    let map = Utf16Map::in_unit(text, offsets, unit);
    // The nominal and pronoun sources of each actor's claims.
    let mut refs: Vec<Vec<JsonMention>> = vec![Vec::new(); a.actors.len()];
    for c in &a.claims {
        if let (Some(src), Some(id), Some(form)) = (c.source, c.actor, c.form) {
            if form != Form::Name && id < refs.len() {
                let j = map.span(src);
                refs[id].push(JsonMention {
                    start: j.start,
                    end: j.end,
                    form,
                });
            }
        }
    }
    let s = &a.summary;
    let share = |n: usize| {
        if s.claims == 0 {
            0.0
        } else {
            round3(n as f32 / s.claims as f32)
        }
    };
    JsonAnalysis {
        id,
        sentences: a
            .sentences
            .iter()
            .map(|x| {
                let j = map.span(x.span);
                JsonSentence {
                    start: j.start,
                    end: j.end,
                    certainty: round3(x.certainty),
                }
            })
            .collect(),
        actors: a
            .actors
            .iter()
            .map(|x| JsonActor {
                id: x.id,
                name: &x.name,
                kind: x.kind,
                subkind: x.subkind.as_deref(),
                aliases: &x.aliases,
                affiliation: x.affiliation.as_deref(),
                mentions: x.mentions.iter().map(|&m| map.span(m)).collect(),
                references: refs.get_mut(x.id).map(std::mem::take).unwrap_or_default(),
            })
            .collect(),
        claims: a
            .claims
            .iter()
            .map(|c| JsonClaim {
                source: c.source.map(|s| map.span(s)),
                cue: map.span(c.cue),
                content: match c.content.len() {
                    0 => None,
                    1 => Some(JsonContent::One(map.span(c.content[0]))),
                    _ => Some(JsonContent::Many(
                        c.content.iter().map(|&s| map.span(s)).collect(),
                    )),
                },
                actor: c.actor,
                attribution: c.attribution,
            })
            .collect(),
        hedges: a
            .hedges
            .iter()
            .map(|h| {
                let j = map.span(h.span);
                JsonHedge {
                    start: j.start,
                    end: j.end,
                    kind: h.kind,
                    reason: h.reason,
                    quoted: h.quoted,
                }
            })
            .collect(),
        summary: JsonSummary {
            words: s.words,
            sentences: s.sentences,
            actors: s.actors,
            claims: s.claims,
            claims_named: s.claims_named,
            claims_vague: s.claims_vague,
            claims_none: s.claims_none,
            share_named: share(s.claims_named),
            share_vague: share(s.claims_vague),
            share_none: share(s.claims_none),
            hedges: s.hedges,
            boosters: s.boosters,
            weasels: s.weasels,
            conditions: s.conditions,
            hedges_per_100_words: round3(s.hedges_per_100_words),
            quoted_cues: s.quoted_cues,
            author_hedges_per_100_words: round3(s.author_hedges_per_100_words),
            certainty: round3(s.certainty),
        },
    }
}
