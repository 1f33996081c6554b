//! Reporting cues (`lexicons/cues.tsv`), compiled once.

use crate::data::tsv_rows;
use crate::lexicon::PhraseSet;
use crate::text::{Doc, TokenTable};

/// How a cue relates to its source and content.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum CueKind {
    /// A reporting verb: source before (or after, when inverted), content after or before.
    Verb,
    /// A reporting verb with a listener object ("told reporters that …").
    Tell,
    /// A participle attached to a clause ("…, saying that …").
    Ing,
    /// A preposition introducing the source ("according to X").
    Prep,
    /// A preposition introducing the source of quoted words ("in the words of X, “…”"):
    /// a claim only with a quotation.
    Words,
}

impl CueKind {
    fn parse(s: &str) -> Option<CueKind> {
        Some(match s {
            "verb" => CueKind::Verb,
            "tell" => CueKind::Tell,
            "ing" => CueKind::Ing,
            "prep" => CueKind::Prep,
            "words" => CueKind::Words,
            _ => return None,
        })
    }
}

const CUES_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/cues.tsv"));
const NOT_CUES_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/not_cues.tsv"));

/// Reporting cues, compiled once.
#[derive(Clone, Debug, Default)]
pub(crate) struct CueLexicon {
    pub(super) phrases: PhraseSet<CueKind>,
    /// Other senses of cue words (`lexicons/not_cues.tsv`): a word and a next word, as a
    /// two-word phrase ("showed up").
    pub(super) senses: PhraseSet<()>,
}

impl CueLexicon {
    /// The built-in lexicon (`lexicons/cues.tsv`).
    pub fn builtin() -> Self {
        let mut phrases = PhraseSet::new();
        for row in tsv_rows(CUES_TSV) {
            let kind = row
                .get(1)
                .and_then(|k| CueKind::parse(k))
                .unwrap_or(CueKind::Verb);
            phrases.insert(row[0], kind);
        }
        let mut senses = PhraseSet::new();
        for row in tsv_rows(NOT_CUES_TSV) {
            for next in row.get(1).unwrap_or(&"").split(' ') {
                senses.insert(&format!("{} {next}", row[0]), ());
            }
        }
        CueLexicon { phrases, senses }
    }

    /// Adds a reporting cue ("insisted", "according to").
    ///
    /// A phrase ending in "to" ("according to") introduces its source; a
    /// word ending in "ing" is a participle; anything else is a reporting verb.
    pub fn add(&mut self, phrase: &str) {
        // Lowercased as tokens are (char by char: `str::to_lowercase`'s own code is 4 KB of wasm).
        let p = crate::text::normalize(phrase.trim());
        let kind = if p.ends_with(" to") && p.starts_with("according") {
            CueKind::Prep
        } else if !p.contains(' ') && p.ends_with("ing") {
            CueKind::Ing
        } else {
            CueKind::Verb
        };
        self.phrases.insert(phrase, kind);
    }
}

/// The cue lexicon's reading of each token: 0 outside any cue phrase, else
/// `1 + 2 · kind + inside` (kind: verb, tell, ing, prep). A `Words` cue ("in the words
/// of") reads as no cue: the claims model was trained without it, and retraining must
/// give the same model; the rules' claims carry it (`tagger::find` keeps theirs).
pub(crate) fn cue_tags(doc: &Doc, table: &TokenTable, lex: &CueLexicon) -> Vec<u8> {
    let mut tags = vec![0u8; doc.tokens.len()];
    for s in &doc.sentences {
        let mut i = s.first;
        while i < s.last {
            let found = lex
                .phrases
                .longest_at(table, i, s.last)
                .filter(|(_, &k)| k != CueKind::Words);
            if let Some((len, &kind)) = found {
                let k = kind as u8;
                tags[i] = 1 + 2 * k;
                for t in &mut tags[i + 1..i + len] {
                    *t = 2 + 2 * k;
                }
                i += len;
            } else {
                i += 1;
            }
        }
    }
    tags
}
