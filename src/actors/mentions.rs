//! Mentions: the tagger's names, the lexicon's known actors and group
//! nouns, merged into one list per sentence.

use super::features::{DocContext, DocTags, SentenceFeatures};
use super::lexicon::ActorLexicon;
use crate::analysis::ActorKind;
use crate::model::Tagger;
use crate::span::Span;
use crate::text::{Doc, Sentence, TokenTable};

/// A mention before grouping.
#[derive(Clone, Debug)]
pub(super) struct Mention<'l> {
    pub(super) span: Span,
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) kind: ActorKind,
    /// Borrowed from the lexicon.
    pub(super) subkind: Option<&'l str>,
    pub(super) entry: Option<usize>,
}

pub(super) fn model_kind(label: &str) -> Option<ActorKind> {
    match label {
        "PER" => Some(ActorKind::Person),
        "ORG" => Some(ActorKind::Organization),
        "LOC" => Some(ActorKind::Place),
        _ => None,
    }
}

/// Words that may stand before a group head inside the group mention.
const GROUP_MODIFIERS: &[&str] = &[
    "senior",
    "top",
    "western",
    "eastern",
    "local",
    "foreign",
    "independent",
    "military",
    "security",
    "intelligence",
    "government",
    "administration",
    "industry",
    "regional",
    "international",
    "political",
    "defense",
    "defence",
    "health",
    "legal",
    "unnamed",
    "anonymous",
    "informed",
    "knowledgeable",
    "official",
    "diplomatic",
    "arab",
    "european",
    "israeli",
    "some",
    "many",
    "several",
    "other",
    "leading",
    "prominent",
];

/// Tags every sentence of a document: a first pass, then a second pass
/// over the sentences in which a word gets document features (how the first
/// pass tagged it here and elsewhere), which adds their weights to the first
/// pass's emission scores.
pub(super) fn tag_doc(
    doc: &Doc,
    table: &TokenTable,
    ctx: &DocContext,
    tagger: &Tagger,
) -> Vec<Vec<usize>> {
    let sfs: Vec<SentenceFeatures> = doc
        .sentences
        .iter()
        .map(|s| SentenceFeatures::new(doc, table, ctx, s))
        .collect();
    if tagger.decoder() == crate::model::Decoder::Greedy {
        return sfs
            .iter()
            .map(|sf| {
                tagger.tag_lazy(
                    sf.len(),
                    |k| sf.word(k),
                    |k| sf.skip(k),
                    |k, out| sf.token(k, out),
                )
            })
            .collect();
    }
    // The first pass's emission scores of every token are kept for the second
    // pass, one `i16` per label (a token's score sums at most a few dozen
    // weights of at most 127 in size, so it fits exactly): 18 bytes a token
    // for the 9 labels instead of a 64-byte row.
    let l = tagger.labels().len();
    let mut kept: Vec<i16> = Vec::with_capacity(doc.tokens.len() * l);
    let mut emits: Vec<crate::model::Emission> = Vec::new();
    let mut flat = vec![0usize; doc.tokens.len()];
    let mut out = Vec::with_capacity(sfs.len());
    for (s, sf) in doc.sentences.iter().zip(&sfs) {
        emits.clear();
        tagger.emissions_into(
            &mut emits,
            sf.len(),
            |k| sf.skip_run(k),
            |k, o| sf.token(k, o),
        );
        let labels = tagger.viterbi_scored(&emits, |k| sf.word(k), |k| sf.skip_run(k));
        flat[s.first..s.last].copy_from_slice(&labels);
        out.push(labels);
        for e in &emits {
            kept.extend(e[..l].iter().map(|&x| {
                debug_assert!(i16::try_from(x).is_ok(), "an emission score of {x}");
                x.clamp(i16::MIN.into(), i16::MAX.into()) as i16
            }));
        }
    }
    let tags = DocTags::new(doc, table, &flat);
    let mut feats = Vec::new();
    for ((s, sf), labels) in doc.sentences.iter().zip(&sfs).zip(&mut out) {
        // Only a sentence with a word that the first pass tagged otherwise
        // elsewhere is decoded again (elsewhere the new features change little).
        if !(0..sf.len()).any(|k| !sf.skip_run(k) && sf.tagged_otherwise(&tags, k)) {
            continue;
        }
        emits.clear();
        for row in kept[s.first * l..s.last * l].chunks_exact(l) {
            let mut e = [0i32; crate::model::MAX_LABELS];
            for (o, &x) in e.iter_mut().zip(row) {
                *o = x.into();
            }
            emits.push(e);
        }
        for (k, e) in emits.iter_mut().enumerate() {
            if sf.skip_run(k) {
                continue;
            }
            feats.clear();
            sf.doc_features(&tags, k, &mut feats);
            tagger.add_features(&feats, e);
        }
        *labels = tagger.viterbi_scored(&emits, |k| sf.word(k), |k| sf.skip_run(k));
    }
    out
}

/// Merges lexicon mentions into model mentions (both sorted, each without
/// overlaps) in one pass. A lexicon mention replaces the model mentions it
/// contains, gives its entry and subkind to an identical model mention of the
/// same kind, and is dropped when a model mention reaches past it.
pub(super) fn merge_lexicon_mentions<'l>(
    model: Vec<Mention<'l>>,
    lexm: Vec<Mention<'l>>,
) -> Vec<Mention<'l>> {
    let mut out = Vec::with_capacity(model.len() + lexm.len());
    let mut model = model.into_iter().peekable();
    for m in lexm {
        while let Some(o) = model.next_if(|o| o.last <= m.first) {
            out.push(o);
        }
        if out.last().is_some_and(|o: &Mention| o.last > m.first) {
            // A model mention already kept reaches over this one.
            continue;
        }
        let mut overlapping = Vec::new();
        while let Some(o) = model.next_if(|o| o.first < m.last) {
            overlapping.push(o);
        }
        match overlapping.as_mut_slice() {
            [] => out.push(m),
            [o] if o.first == m.first && o.last == m.last => {
                // Same span. A place name that the model reads as a person or
                // a team in this context ("Jordan" the player, "Newcastle" the
                // club) keeps the model's kind and stays apart from the entry;
                // otherwise the lexicon gives kind, subkind and entry.
                if o.kind == m.kind || m.kind != ActorKind::Place {
                    o.kind = m.kind;
                    o.entry = m.entry;
                    o.subkind = m.subkind;
                }
                out.append(&mut overlapping);
            }
            os if os.iter().all(|o| o.first >= m.first && o.last <= m.last) => out.push(m),
            // The model found a longer name ("Iranian Islamic Revolutionary Guard Corps").
            _ => out.append(&mut overlapping),
        }
    }
    out.extend(model);
    out
}

/// The mention among `named` (sorted, without overlaps) that covers token `i`.
fn covering<'m, 'l>(named: &'m [Mention<'l>], i: usize) -> Option<&'m Mention<'l>> {
    let k = named.partition_point(|m| m.last <= i);
    named.get(k).filter(|m| m.first <= i)
}

pub(super) fn group_mentions<'l>(
    doc: &Doc,
    table: &TokenTable,
    lex: &'l ActorLexicon,
    s: &Sentence,
    named: &[Mention<'l>],
) -> Vec<Mention<'l>> {
    let mut out = Vec::new();
    let mut i = s.first;
    while i < s.last {
        let Some((len, &sub)) = lex.groups.longest_at(table, i, s.last) else {
            i += 1;
            continue;
        };
        // A capitalised group word inside a name ("Experts Council") is not a group.
        if covering(named, i).is_some() {
            i += len;
            continue;
        }
        let mut first = i;
        while first > s.first {
            crate::work::add(1);
            let p = first - 1;
            let w = table.norm(p);
            let before = covering(named, p);
            let is_mod = GROUP_MODIFIERS.contains(&w)
                || lex.demonyms.contains_key(w)
                || before.is_some_and(|m| m.kind == ActorKind::Place);
            if !is_mod {
                break;
            }
            first = before.map_or(p, |m| m.first.max(s.first));
        }
        // Leading quantifiers are not part of the name of the group.
        while first < i && matches!(table.norm(first), "some" | "many" | "several" | "other") {
            first += 1;
        }
        let last = i + len;
        out.push(Mention {
            span: Span::new(doc.tokens[first].span.start, doc.tokens[last - 1].span.end),
            first,
            last,
            kind: ActorKind::Group,
            subkind: Some(sub),
            entry: None,
        });
        i = last;
    }
    out
}
