//! claimlens: actors, claims and hedging in news articles.
//!
//! A pure Rust core with no WebAssembly dependency, organised by pipeline
//! stage. Data flows one way, and each stage reads what the earlier ones
//! produced without editing it:
//!
//! | stage | folder | produces |
//! |---|---|---|
//! | text | `text/` | [`Doc`]: tokens and sentences; the normalised token table |
//! | lexicons | `lexicon/` | the phrase matcher each stage's lexicon is built on |
//! | actors | `actors/` | [`Actor`]s: mentions from a lexicon, a learned tagger and group nouns, grouped into entities |
//! | claims | `claims/` | claim spans (source, cue, content) from rules, a learned tagger and impersonal passives |
//! | linking | `linking/` | for each claim, the actor its source names and its [`Attribution`] |
//! | hedges | `hedges/` | [`Hedge`]s: hedges, boosters, weasels and conditions in context |
//! | scores | `score/` | sentence certainty and the [`Summary`] of one [`Analysis`] |
//! | contract | `contract/` | the JSON contract, in UTF-16 offsets |
//!
//! `model/` holds the taggers' inference and file format (and, with the
//! `training` feature, their trainer); `train/` (feature `training`) trains
//! them from corpora. All offsets inside are byte [`Span`]s; UTF-16 appears
//! once, at the JSON boundary ([`contract`]).
//!
//! ```
//! let a = claimlens::analyze("Analysts suggest that Moscow may respond, according to Reuters.");
//! assert!(a.hedges.iter().any(|h| h.kind == claimlens::HedgeKind::Hedge));
//! assert!(a.claims.iter().any(|c| c.attribution == claimlens::Attribution::Vague));
//! ```
#![deny(missing_docs)]

mod actors;
mod analysis;
mod analyzer;
mod claims;
pub mod contract;
mod data;
mod error;
mod hash;
mod hedges;
mod lexicon;
mod linking;
mod model;
mod rules;
mod score;
pub mod sort;
mod span;
mod text;
#[cfg(feature = "training")]
pub mod train;
mod work;

pub use analysis::{
    Actor, ActorKind, Analysis, Attribution, Claim, Form, Hedge, HedgeKind, SentenceScore, Summary,
};
pub use analyzer::{analyze, Analyzer, Layers};
pub use error::Error;
pub use rules::{
    Layer, Merge, PatternAs, RuleActor, RuleHedge, RuleKind, RulePattern, Rules, Wrong,
    MAX_PATTERNS, MAX_PATTERN_CHARS, MAX_PATTERN_MATCHES, MAX_RULES, MAX_RULE_CHARS,
    PATTERN_WINDOW,
};
pub use score::sentence_certainty;

/// Whether this build runs a rules file's patterns (the `patterns` feature): the CLI,
/// the web app and the JS API do; a core built without the feature refuses them with a message.
pub const PATTERNS: bool = cfg!(feature = "patterns");
pub use span::Span;
pub use text::{lowercase, Doc, Sentence, Token, TokenKind};

/// The README's Rust examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
