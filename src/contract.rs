//! The JSON contract: an [`Analysis`] with offsets in UTF-16 code units.
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

use crate::analysis::Analysis;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// Maps byte offsets of a text to UTF-16 offsets.
pub struct Utf16Map {
    /// Sorted byte offsets and their UTF-16 offsets; empty for ASCII text.
    table: Vec<(usize, usize)>,
}

impl Utf16Map {
    /// Builds the map for the byte offsets in `offsets` (any order, duplicates allowed)
    /// with one pass over `text`.
    pub fn new(text: &str, mut offsets: Vec<usize>) -> Self {
        if text.is_ascii() {
            return Utf16Map { table: Vec::new() };
        }
        offsets.sort_unstable();
        offsets.dedup();
        let mut table = Vec::with_capacity(offsets.len());
        let mut units = 0usize;
        let mut byte = 0usize;
        let mut chars = text.chars();
        for off in offsets {
            while byte < off {
                match chars.next() {
                    Some(c) => {
                        units += c.len_utf16();
                        byte += c.len_utf8();
                    }
                    None => break,
                }
            }
            table.push((off, units));
        }
        Utf16Map { table }
    }

    /// The UTF-16 offset of a byte offset that was given to [`Utf16Map::new`].
    #[inline]
    pub fn get(&self, byte: usize) -> usize {
        if self.table.is_empty() {
            return byte;
        }
        match self.table.binary_search_by_key(&byte, |e| e.0) {
            Ok(i) => self.table[i].1,
            Err(_) => unreachable_offset(byte),
        }
    }

    /// Converts a span.
    #[inline]
    pub fn span(&self, s: Span) -> JsonSpan {
        JsonSpan {
            start: self.get(s.start),
            end: self.get(s.end),
        }
    }
}

#[cold]
fn unreachable_offset(byte: usize) -> usize {
    panic!("byte offset {byte} was not registered with Utf16Map")
}

/// A span in UTF-16 code units.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonSpan {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
}

/// A sentence in the contract.
#[derive(Clone, Debug, Serialize)]
pub struct JsonSentence {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// Certainty in `[0, 1]`.
    pub certainty: f64,
}

/// An actor in the contract.
#[derive(Clone, Debug, Serialize)]
pub struct JsonActor<'a> {
    /// Index in `actors`.
    pub id: usize,
    /// Canonical name.
    pub name: &'a str,
    /// `person`, `organization`, `place` or `group`.
    pub kind: &'static str,
    /// Finer type, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subkind: Option<&'a str>,
    /// Other surface forms.
    pub aliases: &'a [String],
    /// For a group, the state its demonym names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<&'a str>,
    /// Every mention.
    pub mentions: Vec<JsonSpan>,
}

/// Claim content: one span, several, or none.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum JsonContent {
    /// One span.
    One(JsonSpan),
    /// Several spans (a quote split by its attribution).
    Many(Vec<JsonSpan>),
}

/// A claim in the contract.
#[derive(Clone, Debug, Serialize)]
pub struct JsonClaim {
    /// Source span or null.
    pub source: Option<JsonSpan>,
    /// Cue span.
    pub cue: JsonSpan,
    /// Content span(s) or null.
    pub content: Option<JsonContent>,
    /// Linked actor id or null.
    pub actor: Option<usize>,
    /// `named`, `vague` or `none`.
    pub attribution: &'static str,
}

/// A hedging cue in the contract.
#[derive(Clone, Debug, Serialize)]
pub struct JsonHedge {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// `hedge`, `booster`, `weasel` or `condition`.
    pub kind: &'static str,
    /// Why it was flagged.
    pub reason: &'static str,
}

/// The article summary in the contract.
#[derive(Clone, Debug, Serialize, Deserialize)]
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
    /// Cue counts by kind.
    pub hedges: usize,
    /// Booster count.
    pub boosters: usize,
    /// Weasel count.
    pub weasels: usize,
    /// Condition count.
    pub conditions: usize,
    /// (hedge + weasel) cues per 100 words.
    pub hedges_per_100_words: f64,
    /// Mean sentence certainty, weighted by words.
    pub certainty: f64,
}

/// One analysed document in the contract.
#[derive(Clone, Debug, Serialize)]
pub struct JsonAnalysis<'a> {
    /// The input's id, echoed when it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a serde_json::Value>,
    /// Sentences.
    pub sentences: Vec<JsonSentence>,
    /// Actors.
    pub actors: Vec<JsonActor<'a>>,
    /// Claims.
    pub claims: Vec<JsonClaim>,
    /// Hedging cues.
    pub hedges: Vec<JsonHedge>,
    /// Summary.
    pub summary: JsonSummary,
}

/// Rounds to 3 decimals in `f64`, so that the value is the nearest double to a
/// 3-digit decimal: JSON gets "0.123", and so does a JavaScript number (an `f32`
/// widened to a double would read 0.12300000339746475).
fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// Builds the contract view of `analysis` of `text`.
pub fn to_contract<'a>(
    text: &str,
    a: &'a Analysis,
    id: Option<&'a serde_json::Value>,
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
    let map = Utf16Map::new(text, offsets);
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
                kind: x.kind.as_str(),
                subkind: x.subkind.as_deref(),
                aliases: &x.aliases,
                affiliation: x.affiliation.as_deref(),
                mentions: x.mentions.iter().map(|&m| map.span(m)).collect(),
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
                attribution: c.attribution.as_str(),
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
                    kind: h.kind.as_str(),
                    reason: h.reason,
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
            certainty: round3(s.certainty),
        },
    }
}
