//! Hedging cues (`lexicons/hedges.tsv`), compiled once.

use crate::analysis::HedgeKind;
use crate::data::tsv_rows;
use crate::lexicon::{phrase_tokens, PhraseSet};

/// A context check attached to a lexicon entry (the fourth column of `hedges.tsv`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Rule {
    Always,
    Month,
    Ability,
    Noun,
    Verb,
    Believe,
    Suggest,
    Condition,
    Think,
    Thought,
    Expected,
    That,
    Appear,
    Possible,
    Potential,
    Subject,
    If,
    Unknown,
    Opinion,
    Predicate,
    Negated,
    Possibly,
}

impl Rule {
    fn parse(s: &str) -> Option<Rule> {
        Some(match s {
            "" => Rule::Always,
            "month" => Rule::Month,
            "ability" => Rule::Ability,
            "noun" => Rule::Noun,
            "verb" => Rule::Verb,
            "believe" => Rule::Believe,
            "suggest" => Rule::Suggest,
            "condition" => Rule::Condition,
            "think" => Rule::Think,
            "thought" => Rule::Thought,
            "expected" => Rule::Expected,
            "that" => Rule::That,
            "appear" => Rule::Appear,
            "possible" => Rule::Possible,
            "potential" => Rule::Potential,
            "subject" => Rule::Subject,
            "if" => Rule::If,
            "unknown" => Rule::Unknown,
            "opinion" => Rule::Opinion,
            "predicate" => Rule::Predicate,
            "negated" => Rule::Negated,
            "possibly" => Rule::Possibly,
            _ => return None,
        })
    }
}

/// One lexicon entry: what it is, why, when, and which of its tokens form the span.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) struct Entry {
    pub(super) kind: HedgeKind,
    pub(super) reason: &'static str,
    pub(super) rule: Rule,
    /// First token of the span, counted from the phrase's first token.
    pub(super) head: usize,
    /// Number of tokens in the span (0: up to the phrase's end).
    pub(super) head_len: usize,
}

/// Hedging cues, compiled once.
#[derive(Clone, Debug, Default)]
pub(crate) struct HedgeLexicon {
    pub(super) phrases: PhraseSet<Entry>,
}

static BUILTIN_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/hedges.tsv"));

impl HedgeLexicon {
    /// The built-in lexicon (`lexicons/hedges.tsv`).
    ///
    /// # Panics
    /// On a malformed line of the embedded file (caught by the tests).
    pub fn builtin() -> Self {
        let mut lex = HedgeLexicon::default();
        for row in tsv_rows(BUILTIN_TSV) {
            let (phrase, kind, reason) = match row[..] {
                [p, k, r, ..] => (p, k, r),
                _ => panic!(
                    "hedges.tsv: expected phrase, kind and reason in {}",
                    row.join("\t")
                ),
            };
            let kind = HedgeKind::parse(kind)
                .unwrap_or_else(|| panic!("hedges.tsv: unknown kind in {}", row.join("\t")));
            let rule = Rule::parse(row.get(3).copied().unwrap_or(""))
                .unwrap_or_else(|| panic!("hedges.tsv: unknown rule in {}", row.join("\t")));
            lex.insert(phrase, kind, reason, rule);
        }
        lex
    }

    /// Adds a cue phrase of the given kind.
    ///
    /// Square brackets mark the part of the phrase that forms the cue span
    /// ("it is [believed]"); without them the whole phrase is the span.
    pub fn add(&mut self, phrase: &str, kind: HedgeKind) {
        self.insert(phrase, kind, "user lexicon", Rule::Always);
    }

    fn insert(&mut self, phrase: &str, kind: HedgeKind, reason: &'static str, rule: Rule) {
        let (plain, head, head_len) = match (phrase.find('['), phrase.find(']')) {
            (Some(a), Some(b)) if a < b => {
                let before = phrase_tokens(&phrase[..a]).len();
                let inner = phrase_tokens(&phrase[a + 1..b]).len();
                let plain = format!(
                    "{} {} {}",
                    &phrase[..a],
                    &phrase[a + 1..b],
                    &phrase[b + 1..]
                );
                (plain, before, inner)
            }
            _ => (phrase.to_string(), 0, 0),
        };
        self.phrases.insert(
            plain.trim(),
            Entry {
                kind,
                reason,
                rule,
                head,
                head_len,
            },
        );
    }
}
