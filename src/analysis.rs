//! The result of an analysis: one value holding every layer, in byte spans.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// What an actor is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum ActorKind {
    /// A named person.
    Person,
    /// A named organization: government, parliament, armed force, party, company, outlet…
    Organization,
    /// A named place: country, city, region.
    Place,
    /// An unnamed collective source: "analysts", "Russian officials", "sources close to…".
    Group,
}

impl ActorKind {
    /// The name used in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
            ActorKind::Group => "group",
        }
    }

    /// Parses a contract name (also accepts `per`, `org`, `loc`).
    pub fn parse(s: &str) -> Option<ActorKind> {
        Some(match s.to_ascii_lowercase().as_str() {
            "person" | "per" => ActorKind::Person,
            "organization" | "organisation" | "org" => ActorKind::Organization,
            "place" | "loc" | "location" => ActorKind::Place,
            "group" => ActorKind::Group,
            _ => return None,
        })
    }
}

/// One entity with all its mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// Stable index in [`Analysis::actors`].
    pub id: usize,
    /// Canonical name (the longest full form seen).
    pub name: String,
    /// Coarse kind.
    pub kind: ActorKind,
    /// Finer type when known: `country`, `city`, `government`, `parliament`, `military`,
    /// `party`, `company`, `media`, `international`, …
    pub subkind: Option<String>,
    /// Every mention, in text order (possessive endings excluded).
    pub mentions: Vec<Span>,
    /// Other surface forms seen (acronyms, short forms), without the canonical name.
    pub aliases: Vec<String>,
    /// For a group, the state its demonym names ("Russian officials" → "Russia").
    pub affiliation: Option<String>,
}

/// How a claim is attributed.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Attribution {
    /// A named source ("Sepahnews", "the State Duma", "he" resolved to a person).
    Named,
    /// A vague source ("analysts", "experts", "sources close to…").
    Vague,
    /// No source ("it was reported that…").
    None,
}

impl Attribution {
    /// The name used in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Attribution::Named => "named",
            Attribution::Vague => "vague",
            Attribution::None => "none",
        }
    }
}

/// How a mention refers to its actor.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Form {
    /// A name or a short form of it: "Maria Delgado", "Ms Delgado", "the IRGC".
    Name,
    /// A common noun phrase for an actor named elsewhere: "the newspaper", "the mayor".
    Nominal,
    /// A pronoun: "he", "it", "I".
    Pronoun,
}

impl Form {
    /// The name used in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Name => "name",
            Form::Nominal => "nominal",
            Form::Pronoun => "pronoun",
        }
    }
}

/// An attributed statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Who says it, if the text says.
    pub source: Option<Span>,
    /// The reporting cue ("said", "according to", "the statement emphasized").
    pub cue: Span,
    /// What is said: one span, several (a quote split by its attribution), or none.
    pub content: Vec<Span>,
    /// The actor the source refers to.
    pub actor: Option<usize>,
    /// How the source refers to `actor`: by a name in it, a nominal ("the
    /// newspaper") or a pronoun ("he"); `None` without an actor, or when the
    /// source is the actor's statement ("the statement said").
    pub form: Option<Form>,
    /// Named, vague or no source.
    pub attribution: Attribution,
}

/// The kind of an epistemic cue.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum HedgeKind {
    /// Lowers certainty: "may", "potentially", "remains debated".
    Hedge,
    /// Raises certainty: "confirmed", "clearly".
    Booster,
    /// Vague attribution of a view: "some say", "critics argue", "it is believed".
    Weasel,
    /// A condition: "if", "unless", "whether".
    Condition,
}

impl HedgeKind {
    /// The name used in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            HedgeKind::Hedge => "hedge",
            HedgeKind::Booster => "booster",
            HedgeKind::Weasel => "weasel",
            HedgeKind::Condition => "condition",
        }
    }

    /// Parses a contract name.
    pub fn parse(s: &str) -> Option<HedgeKind> {
        Some(match s.to_ascii_lowercase().as_str() {
            "hedge" => HedgeKind::Hedge,
            "booster" => HedgeKind::Booster,
            "weasel" => HedgeKind::Weasel,
            "condition" => HedgeKind::Condition,
            _ => return None,
        })
    }
}

/// One epistemic cue.
#[derive(Clone, Debug, PartialEq)]
pub struct Hedge {
    /// Where it is.
    pub span: Span,
    /// What kind.
    pub kind: HedgeKind,
    /// Why it was flagged ("modal verb", "negated booster", …), for tooltips.
    pub reason: &'static str,
    /// Inside a direct quotation (between paired double quotation marks): a source's
    /// words, counted apart from the author's own.
    pub quoted: bool,
}

/// A sentence with its certainty score.
#[derive(Clone, Debug, PartialEq)]
pub struct SentenceScore {
    /// Where it is.
    pub span: Span,
    /// Certainty in `[0, 1]`; see [`crate::sentence_certainty`] for the formula.
    pub certainty: f32,
}

/// Article-level figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Words (word and number tokens).
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Actors (entities), all kinds.
    pub actors: usize,
    /// Claims.
    pub claims: usize,
    /// Claims with a named source.
    pub claims_named: usize,
    /// Claims with a vague source.
    pub claims_vague: usize,
    /// Claims with no source.
    pub claims_none: usize,
    /// Cues of kind hedge.
    pub hedges: usize,
    /// Cues of kind booster.
    pub boosters: usize,
    /// Cues of kind weasel.
    pub weasels: usize,
    /// Cues of kind condition.
    pub conditions: usize,
    /// (hedge + weasel cues) per 100 words.
    pub hedges_per_100_words: f32,
    /// Cues of every kind inside direct quotations (a source's words, not the author's).
    pub quoted_cues: usize,
    /// (hedge + weasel cues) outside quotations and outside claims' contents (reported
    /// speech: "said the panel might be damaged"), per 100 words: the author's own hedging.
    pub author_hedges_per_100_words: f32,
    /// Mean sentence certainty (1 for an empty text).
    pub certainty: f32,
}

/// Everything found in one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Sentences with certainty scores.
    pub sentences: Vec<SentenceScore>,
    /// Actors, each with all its mentions.
    pub actors: Vec<Actor>,
    /// Claims, in text order of their cues.
    pub claims: Vec<Claim>,
    /// Epistemic cues, in text order.
    pub hedges: Vec<Hedge>,
    /// Article-level figures.
    pub summary: Summary,
}
