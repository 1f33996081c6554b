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
use crate::text::{Doc, TokenKind, TokenTable};

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
    one_claim_a_cue(&mut claims);
    drop_cue_in_source(&mut claims);
    nested_report(doc, table, &mut claims);
    claims.retain(|c| {
        !naming_or_convening(doc, table, c.cue)
            && !by_doing(doc, table, lex, c.cue)
            && !function_word(doc, table, c.cue)
            && !says_nothing(doc, table, c)
    });
    rules::transcript(doc, table, lex, &mut claims);
    sort(&mut claims);
    impersonal::add_impersonal(doc, table, lex, &mut claims);
    claims
}

/// A source that starts inside an actor's name takes the whole name: the tagger's source
/// "Trump" in "Donald Trump needs to tell the truth", "York Post" of "the New York Post". Read
/// after the actors stage, when it ran. PolNeAR dev: source exact 1,233 → 1,236 (7 sources
/// changed); train 10,503 → 10,510 (37 changed, one right one lost: "As Vulture").
pub(crate) fn whole_names(claims: &mut [Found], actors: &[crate::Actor]) {
    let mut names: Vec<Span> = actors
        .iter()
        .flat_map(|a| a.mentions.iter().copied())
        .collect();
    crate::sort::sort_by_key(&mut names, |m| crate::sort::key2(m.start, m.end));
    for s in claims.iter_mut().filter_map(|c| c.source.as_mut()) {
        // The last name that starts before the source.
        let k = names.partition_point(|m| m.start < s.start);
        if let Some(m) = k.checked_sub(1).map(|k| names[k]) {
            if s.start < m.end {
                *s = s.cover(m);
            }
        }
    }
}

/// Makes two claims one ("was cited by the Supreme Court": the tagger's and the rules'
/// claim, once their sources are completed). One cue with one content is one claim
/// whatever its sources ("former President Bill Clinton, who activated …": the name and
/// "who", each read as a source): the source nearest the cue is kept (linking leads "who"
/// to the name). On PolNeAR dev: source precision 78.5 → 79.7, F1 69.8 → 70.0. Claims
/// are sorted by cue, then source.
fn one_claim_a_cue(claims: &mut Vec<Found>) {
    claims.dedup_by(|a, b| {
        let same = a.cue == b.cue && a.content == b.content;
        if same && a.source.is_some() {
            b.source = a.source;
        }
        same
    });
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

/// "According to the Herald, Professor Ann Marsh, the panel's chair, said …": the paper
/// reports what the professor said. Read as one source of "According to" and a "said"
/// with no source, the two become the paper's claim (the professor's whole report) and
/// the professor's.
fn nested_report(doc: &Doc, table: &TokenTable, claims: &mut [Found]) {
    for i in 1..claims.len() {
        let (before, after) = claims.split_at_mut(i);
        let (p, c) = (&mut before[i - 1], &mut after[0]);
        let Some(s) = p.source else { continue };
        if c.source.is_some()
            || c.cue.start < s.end
            || table.norm(doc.token_at(p.cue.start)) != "according"
        {
            continue;
        }
        // Between the source and the cue: commas, or an appositive between two commas.
        let gap = doc.text[s.end..c.cue.start].trim();
        if !(gap.is_empty() || gap.starts_with(',') && gap.ends_with(','))
            || gap.contains(['.', ';', '"', '“', '”', '(', ')'])
        {
            continue;
        }
        let (s0, s1) = (doc.token_at(s.start), doc.token_at(s.end));
        let Some(k) = (s0 + 1..s1.saturating_sub(1)).find(|&k| table.norm(k) == ",") else {
            continue;
        };
        let name = doc.tokens[k + 1].span.start;
        let upto = doc.text[s.start..c.cue.start]
            .trim_end_matches(|ch: char| ch == ',' || ch.is_whitespace());
        c.source = Some(Span::new(name, s.start + upto.len()));
        c.content.retain(|x| x.start >= c.cue.end);
        p.source = Some(Span::new(s.start, doc.tokens[k - 1].span.end));
        let last = c.content.iter().map(|x| x.end).max().unwrap_or(c.cue.end);
        p.content = vec![Span::new(name, last)];
    }
}

/// A claim that reports nothing: no source and no content but a passive's agent ("It was
/// first declared by President Nixon": a war, not words), or merit credited ("much of which
/// can be credited to the new laws"), or the writer's own aside ("It is worth noting that …",
/// whose source was "worth"). Phantom claims of the reading; PolNeAR dev: 4 claims, none
/// right; train: 3, one cue right (of "worth pointing out", with the source "worth").
fn says_nothing(doc: &Doc, table: &TokenTable, c: &Found) -> bool {
    let by = |x: &Span| table.norm(doc.token_at(x.start)) == "by";
    let c0 = doc.token_at(c.cue.start);
    let c1 = doc.token_at(c.cue.end).saturating_sub(1);
    c.source.is_none() && !c.content.is_empty() && c.content.iter().all(by)
        || table.norm(c1) == "credited"
            && c1 + 1 < doc.tokens.len()
            && matches!(table.norm(c1 + 1), "to" | "with")
        || c0 > 0 && table.norm(c0 - 1) == "worth"
}

/// A cue that is one function word ("how" in "her film documents how black life…",
/// "that", "to"): the tagger's, and never a report. On PolNeAR train: 6 claims, all with
/// a wrong cue.
fn function_word(doc: &Doc, table: &TokenTable, cue: Span) -> bool {
    let t = doc.token_at(cue.start);
    doc.tokens[t].span.end >= cue.end
        && matches!(
            table.norm(t),
            "how"
                | "why"
                | "what"
                | "that"
                | "which"
                | "whether"
                | "when"
                | "where"
                | "who"
                | "if"
                | "of"
                | "to"
                | "for"
                | "the"
                | "a"
                | "and"
                | "but"
        )
}

/// Nouns of meetings and votes that "called" convenes rather than says
/// ("called an emergency meeting").
const CONVENED: &[&str] = &[
    "meeting",
    "meetings",
    "election",
    "elections",
    "vote",
    "referendum",
    "strike",
    "session",
    "summit",
    "conference",
    "hearing",
    "halt",
    "truce",
    "ceasefire",
    "recess",
    "inquiry",
];

/// Whether a "called", "named" or "dubbed" cue names or convenes instead of
/// reporting: "The program, called EB-5, allows…", "a man named Tom Clarke",
/// "the council called an emergency meeting".
fn naming_or_convening(doc: &Doc, table: &TokenTable, cue: Span) -> bool {
    let c0 = doc.token_at(cue.start);
    if c0 >= table.len() || !matches!(table.norm(c0), "called" | "named" | "dubbed") {
        return false;
    }
    let n = table.len();
    let word = |i: usize| (i < n).then(|| table.norm(i));
    // Convening: "called (a|an) (emergency|snap|…) meeting", not "called her vote a mistake".
    let mut k = c0 + 1;
    if matches!(word(k), Some("a" | "an")) {
        k += 1;
    }
    let convened = (k..(k + 2).min(n)).find(|&i| CONVENED.contains(&table.norm(i)));
    if table.norm(c0) == "called"
        && convened.is_some_and(|e| (k..=e).all(|i| doc.tokens[i].kind == TokenKind::Word))
        && !matches!(
            word(c0 + 1),
            Some("her" | "his" | "its" | "their" | "the" | "my" | "our")
        )
    {
        return true;
    }
    // Naming: after a noun phrase with its determiner ("a man named", "The program,
    // called"), a name that ends at punctuation ("… called EB-5, allows").
    if c0 < 2 {
        return false;
    }
    let mut p = c0 - 1;
    if table.norm(p) == "," {
        p -= 1;
    }
    let noun_phrase = doc.tokens[p].kind == TokenKind::Word
        && table.first_lower(p)
        && !table.norm(p).ends_with("ly")
        && !NOT_NOUNS.contains(&table.norm(p))
        && (p.saturating_sub(3)..p)
            .rev()
            .find(|&i| {
                matches!(
                    table.norm(i),
                    "a" | "an" | "the" | "his" | "her" | "its" | "their"
                )
            })
            .is_some_and(|d| {
                (d + 1..p).all(|i| doc.tokens[i].kind != TokenKind::Punct || table.norm(i) == "-")
            });
    let mut k = c0 + 1;
    if matches!(word(k), Some("the")) {
        k += 1;
    }
    let start = k;
    while k < n
        && k - start < 8
        && (table.first_upper(k)
            || doc.tokens[k].kind == TokenKind::Number
            || k > start && matches!(table.norm(k), "-" | "." | "&"))
    {
        k += 1;
    }
    noun_phrase && k > start && (k >= n || matches!(table.norm(k), "," | ";" | ")" | ":" | "."))
}

/// Whether a cue tells how its subject acted rather than what was said: "by" and a
/// participle that is no reporting cue ("responded by using the example of Chicago",
/// "tripped up Rubio by calling"), not "responded by saying".
fn by_doing(doc: &Doc, table: &TokenTable, lex: &CueLexicon, cue: Span) -> bool {
    let n = table.len();
    (doc.token_at(cue.start)..n)
        .take_while(|&i| doc.tokens[i].span.end <= cue.end)
        .any(|i| {
            let w = table.norm(i);
            w == "by"
                && i + 1 < n
                && doc.tokens[i + 1].span.end <= cue.end
                && table.norm(i + 1).ends_with("ing")
                && table.norm(i + 1) != "talking"
                && lex.phrases.longest_at(table, i + 1, n).is_none()
        })
}

/// Words before "called" that are no noun it could name.
const NOT_NOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "who", "that", "which", "and", "but", "also",
    "has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "then", "once",
    "later", "again", "first", "since", "never", "not", "n't", "just", "even", "still", "often",
];

/// Sorts claims by cue, then source (none first).
pub(crate) fn sort(claims: &mut Vec<Found>) {
    crate::sort::sort_by_key(claims, |c| {
        crate::sort::key2(c.cue.start, c.source.map_or(0, |s| s.start + 1))
    });
}
