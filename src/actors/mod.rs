//! Actors layer: people, organizations, places and unnamed groups, each one
//! entity with all its mentions.
//!
//! Mentions come from three sources, in this order of trust:
//! 1. the lexicon of known actors (`lexicons/actors.tsv`, plus entries added
//!    at run time) — gives kind, subkind and aliases ("IRGC" → "Islamic
//!    Revolutionary Guard Corps");
//! 2. a learned tagger ([`crate::model`], `models/actors.bin`, Viterbi
//!    decoding) over word,
//!    shape, affix, context, gazetteer and document features — finds names the
//!    lexicon does not know and tells a capitalised name from a capitalised
//!    sentence start or headline. It reads a document twice: the second pass
//!    adds features from how the first pass tagged each capitalised word, here
//!    and elsewhere in the document ([`DocTags`],
//!    [`SentenceFeatures::doc_features`]), so that "Vantelli" typed as a
//!    company in one sentence pulls a bare "Vantelli" elsewhere the same way.
//!    The second pass reuses the first pass's emission scores and decodes
//!    again only the sentences with a word that the first pass tagged
//!    otherwise elsewhere. One model serves both passes: it is trained on
//!    every sentence twice, without the document features and with features
//!    from a jackknifed first pass ([`crate::train::train_actors`]);
//! 3. group nouns (`lexicons/groups.tsv`): "analysts", "Russian officials".
//!
//! Mentions are then grouped into entities: lexicon aliases, acronym
//! definitions ("Long Name (LN)"), the same name in other case, with "the" or a
//! possessive, titles (`lexicons/titles.tsv`: "Mr Key", "Professor Burrows",
//! "NASA Administrator Charles Bolden"), and short forms (a person's surname,
//! first name or name without middle names; an organization's final words,
//! "the Duma" → "State Duma", or a company's first ones, "Magna" → "Magna
//! International Inc"). A short form two entities could take joins the one
//! mentioned last before it. One name is one entity whatever kind the tagger
//! gave each mention, and the entity's kind is voted over the article (the
//! tagger's kinds, a title before a name, an organisation's word ending it,
//! "he"/"she" after it), except that a known actor keeps its kind ("Jordan"
//! the country beside the film director Neil Jordan) and so does a name in a
//! sentence in capitals ("NEW YORK" the team in a results table). A
//! possessive ending is never part of a mention ("the IRGC’s" → "IRGC").
//!
//! **Demonyms.** "Iranian strikes" is not a mention of Iran (the name is not
//! there), but a demonym that modifies a group noun becomes part of that group
//! mention ("Russian officials"), and the group's `affiliation` names the
//! state ([`crate::Actor::affiliation`]).

mod entities;
mod features;
mod lexicon;
mod mentions;

pub(crate) use features::DocContext;
#[cfg(feature = "training")]
pub(crate) use features::{features, features2, DocTags, LABELS};
pub(crate) use lexicon::ActorLexicon;

use crate::analysis::{Actor, ActorKind};
use crate::span::Span;
use crate::text::{Doc, TokenKind, TokenTable};
use entities::group;
use mentions::{group_mentions, merge_lexicon_mentions, model_kind, tag_doc, Mention};

/// The gendered pronouns ("he", "his", "she", "her"…) among the ten tokens
/// from token `i` in its sentence, before another capitalised word: (male,
/// female). After a name, they are the name's ("Byron fell ill; his…"): a
/// name they follow is a person, and "she" does not mean a name followed by
/// "he".
pub(crate) fn pronouns_after(doc: &Doc, table: &TokenTable, i: usize) -> (u32, u32) {
    let end = doc
        .sentences
        .get(doc.sentences.partition_point(|s| s.last <= i))
        .map_or(i, |s| s.last.min(i + 10));
    let mut counts = (0, 0);
    for t in i..end {
        match table.norm(t) {
            "he" | "him" | "his" | "himself" => counts.0 += 1,
            "she" | "her" | "hers" | "herself" => counts.1 += 1,
            _ if table.first_upper(t) => break,
            _ => {}
        }
    }
    counts
}

/// Words that open a sentence before a name without being part of it.
const SENTENCE_OPENERS: &[&str] = &[
    "unlike",
    "like",
    "despite",
    "after",
    "before",
    "with",
    "without",
    "for",
    "as",
    "when",
    "while",
    "although",
    "though",
    "since",
    "because",
    "if",
    "unless",
    "during",
    "but",
    "and",
    "meanwhile",
    "however",
    "even",
    "then",
    "under",
    "against",
    "dear",
    "thanks",
    "ask",
    "tell",
    "says",
];

/// The last word of a byline's role, never a person's name.
const BYLINE_ROLES: &[&str] = &[
    "writer",
    "correspondent",
    "reporter",
    "editor",
    "columnist",
    "contributor",
    "staff",
];

/// Finds the actors of a document.
pub(crate) fn find(doc: &Doc, table: &TokenTable, lex: &ActorLexicon) -> Vec<Actor> {
    let ctx = DocContext::new(doc, table, lex);
    let mut mentions: Vec<Mention> = Vec::new();
    let tagged = lex.tagger.as_ref().map(|t| tag_doc(doc, table, &ctx, t));
    for (si, s) in doc.sentences.iter().enumerate() {
        // Model spans.
        let mut model: Vec<Mention> = Vec::new();
        if let (Some(tagger), Some(tagged)) = (&lex.tagger, &tagged) {
            let labels = &tagged[si];
            let names = tagger.labels();
            let mut k = 0;
            while k < labels.len() {
                let l = &names[labels[k]];
                if let Some(ty) = l.strip_prefix("B-") {
                    let mut e = k + 1;
                    while e < labels.len() && names[labels[e]].strip_prefix("I-") == Some(ty) {
                        e += 1;
                    }
                    if let Some(kind) = model_kind(ty) {
                        // A possessive inside a span separates two names:
                        // "the IRGC’s Air Force" → "IRGC" and "Air Force".
                        let mut first = s.first + k;
                        let end = s.first + e;
                        // A leading article is not part of a name ("The United
                        // Nations"), nor a capitalised word that opens a sentence
                        // ("Unlike Obama").
                        if end - first >= 2
                            && (table.norm(first) == "the"
                                || first == s.first
                                    && SENTENCE_OPENERS.contains(&table.norm(first)))
                        {
                            first += 1;
                        }
                        // A byline's role is not a name ("By Jane Doe, Staff Writer").
                        if kind == ActorKind::Person && BYLINE_ROLES.contains(&table.norm(end - 1))
                        {
                            k = e;
                            continue;
                        }
                        for cut in (first..end)
                            .filter(|&t| doc.tokens[t].kind == TokenKind::Possessive)
                            .chain(std::iter::once(end))
                        {
                            if cut > first {
                                model.push(Mention {
                                    span: Span::new(
                                        doc.tokens[first].span.start,
                                        doc.tokens[cut - 1].span.end,
                                    ),
                                    first,
                                    last: cut,
                                    kind,
                                    subkind: None,
                                    entry: None,
                                });
                            }
                            first = cut + 1;
                        }
                    }
                    k = e;
                } else {
                    k += 1;
                }
            }
        }
        // Lexicon spans (found once by DocContext).
        let lo = ctx.known.partition_point(|k| k.0 < s.first);
        let hi = ctx.known.partition_point(|k| k.0 < s.last);
        let lexm: Vec<Mention> = ctx.known[lo..hi]
            .iter()
            .map(|&(i, len, e)| {
                let entry = &lex.entries[e];
                Mention {
                    span: Span::new(doc.tokens[i].span.start, doc.tokens[i + len - 1].span.end),
                    first: i,
                    last: i + len,
                    kind: entry.kind,
                    subkind: entry.subkind.as_deref(),
                    entry: Some(e),
                }
            })
            .collect();
        let mut model = merge_lexicon_mentions(model, lexm);
        // Group mentions.
        for g in group_mentions(doc, table, lex, s, &model) {
            model.push(g);
        }
        crate::sort::sort_by_key(&mut model, |m| {
            crate::sort::key2(m.span.start, usize::MAX - m.span.end)
        });
        mentions.extend(model);
    }
    group(doc, table, lex, mentions)
}
