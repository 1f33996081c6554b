//! Claims: who said what — source, reporting cue and content.
//!
//! Three parts, run in this order by [`find`]:
//! 1. hand-written rules around the cues of `lexicons/cues.tsv` ([`rules`]);
//! 2. a learned tagger that reads the rules' claims as features and finds
//!    the cues, sources and content boundaries they miss ([`tagger`]);
//! 3. impersonal passives ("It is widely believed that …", [`impersonal`]),
//!    added where neither found a claim.
//!
//! The stage finds spans only; which actor a source names, and whether the
//! attribution is named, vague or none, is decided by [`crate::linking`].

mod cues;
mod impersonal;
mod refine;
mod rules;
mod spans;
mod tagger;
#[cfg(test)]
mod tests;

pub(crate) use cues::CueLexicon;
#[cfg(feature = "training")]
pub(crate) use rules::find_as_trained as find_by_rules;
#[cfg(feature = "training")]
pub(crate) use spans::{examples as span_examples, EndScorer};
pub(crate) use tagger::{builtin as builtin_tagger, LABELS};
#[cfg(feature = "training")]
pub(crate) use tagger::{features, sequences, ClaimFeatures};

use crate::model::Tagger;
use crate::span::Span;
use crate::text::{Doc, TokenTable};

/// A claim as this stage finds it: its spans, before linking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// Who says it, if the text says.
    pub source: Option<Span>,
    /// The reporting cue.
    pub cue: Span,
    /// What is said: one span, several, or none.
    pub content: Vec<Span>,
}

/// Finds the claims of a document, in text order of their cues (then sources):
/// the rules' claims, read by `tagger` when there is one, and impersonal passives.
pub(crate) fn find(
    doc: &Doc,
    table: &TokenTable,
    lex: &CueLexicon,
    tagger: Option<&Tagger>,
) -> Vec<Found> {
    let rules = rules::find(doc, table, lex);
    let mut claims = match tagger {
        Some(t) => tagger::find(doc, table, lex, t, &rules),
        None => rules,
    };
    refine::refine(doc, table, lex, spans::builtin(), &mut claims);
    // Refining may move a cue's start (a whole source, a cue taken back): text order again.
    sort(&mut claims);
    // And make two claims one ("was cited by the Supreme Court": the tagger's and the
    // rules' claim, once their sources are completed).
    claims.dedup_by(|a, b| a.cue == b.cue && a.source == b.source && a.content == b.content);
    drop_cue_in_source(&mut claims);
    impersonal::add_impersonal(doc, table, lex, &mut claims);
    claims
}

/// Drops a claim whose cue and source lie inside a neighbouring claim's
/// source, with content in common: the tagger reading a signature's name as
/// source and cue ("“…” ― Marta Quiroga": source "Marta", cue "Quiroga")
/// beside the rules' whole claim. Claims are in cue order, so the two are
/// at most two apart.
fn drop_cue_in_source(claims: &mut Vec<Found>) {
    let inside = |a: &Found, b: &Found| {
        b.source.is_some_and(|s| {
            s.contains(a.cue)
                && a.source.is_none_or(|x| s.contains(x))
                && a.content
                    .iter()
                    .any(|x| b.content.iter().any(|y| x.overlaps(*y)))
        })
    };
    let n = claims.len();
    let drop: Vec<bool> = (0..n)
        .map(|i| {
            (i.saturating_sub(2)..(i + 3).min(n))
                .any(|j| j != i && claims[j] != claims[i] && inside(&claims[i], &claims[j]))
        })
        .collect();
    let mut k = 0;
    claims.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Sorts claims by cue, then source (none first).
pub(crate) fn sort(claims: &mut Vec<Found>) {
    crate::sort::sort_by_key(claims, |c| {
        crate::sort::key2(c.cue.start, c.source.map_or(0, |s| s.start + 1))
    });
}
