//! The actor tagger's features: per-document facts ([`DocContext`]), the
//! first pass's tags ([`DocTags`]) and each sentence's token features
//! ([`SentenceFeatures`]).

use super::lexicon::{is_acronym, ActorLexicon};
use crate::hash::IdMap;
#[cfg(feature = "training")]
use crate::model::Sequence;
use crate::model::{str_hash, FeatureHash};
use crate::span::Span;
use crate::text::{prefix, suffix, Doc, Sentence, TokenKind, TokenTable};
use std::borrow::Cow;

/// Labels of the actor tagger.
#[cfg(feature = "training")]
pub(crate) const LABELS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];

/// Per-document facts used as features.
pub(crate) struct DocContext {
    /// Hashes of normalised words seen in lowercase away from a sentence start (the keys: an
    /// [`IdMap`] as the token table's shape ids are, so that one hash-map type ships, not two).
    lower_seen: IdMap<u32>,
    /// Hashes of normalised words seen capitalised away from a sentence start in a normal
    /// sentence (the keys).
    title_seen: IdMap<u32>,
    /// Gazetteer tag per token (0 none; else 1 + 2·kind + inside).
    gaz: Vec<u8>,
    /// Known-actor matches in text order: first token, length, lexicon entry.
    pub(super) known: Vec<(usize, usize, usize)>,
    /// Hashes of the last words of the text's speaker labels that a turn of speech follows
    /// (the keys): a short turn under the same label ("PENCE: No.") is that speaker's too.
    pub(super) speakers: IdMap<u32>,
    /// The word and shape keys before a sentence's first token and after its last.
    bos: u64,
    eos: u64,
}

impl DocContext {
    /// Whether token `i`'s word is written in lowercase somewhere in the
    /// document away from a sentence start.
    pub(super) fn seen_lower(&self, table: &TokenTable, i: usize) -> bool {
        self.lower_seen.contains_key(&table.hash(i))
    }

    /// Gathers the document facts.
    pub(crate) fn new(doc: &Doc, table: &TokenTable, lex: &ActorLexicon) -> Self {
        let mut lower_seen = IdMap::default();
        let mut title_seen = IdMap::default();
        let mut gaz = vec![0u8; doc.tokens.len()];
        let mut known = Vec::new();
        for s in &doc.sentences {
            if !s.caps {
                for i in s.first + 1..s.last {
                    if doc.tokens[i].kind != TokenKind::Word || table.opens(i - 1) {
                        continue;
                    }
                    if table.first_lower(i) {
                        lower_seen.insert(table.hash(i), 0);
                    } else if table.first_upper(i) {
                        title_seen.insert(table.hash(i), 0);
                    }
                }
            }
            let mut i = s.first;
            while i < s.last {
                if let Some((len, &e)) = lex.known.longest_at(table, i, s.last) {
                    let surface =
                        Span::new(doc.tokens[i].span.start, doc.tokens[i + len - 1].span.end)
                            .slice(doc.text);
                    let upper = table.first_upper(i);
                    // An acronym's form matches in its own case only: "Who" opening a
                    // question is not the WHO.
                    let case_ok = if lex.exact_case.contains(surface) || is_acronym(surface) {
                        lex.exact_case.contains(surface) && !s.caps
                    } else {
                        upper && !lex.exact_case.contains(&surface.to_ascii_uppercase())
                    };
                    // Features see any capitalised match (headlines in
                    // capitals too); mentions need the stricter case check.
                    if upper {
                        let k = lex.entries[e].kind as u8;
                        gaz[i] = 1 + 2 * k;
                        for g in &mut gaz[i + 1..i + len] {
                            *g = 2 + 2 * k;
                        }
                    }
                    if case_ok {
                        known.push((i, len, e));
                    }
                    if case_ok || upper {
                        i += len;
                        continue;
                    }
                }
                i += 1;
            }
        }
        let mut speakers = IdMap::default();
        for s in &doc.sentences {
            if let Some((_, end)) = super::speaker_label(doc, table, s, None) {
                speakers.insert(table.hash(end - 1), 0);
            }
        }
        DocContext {
            speakers,
            lower_seen,
            title_seen,
            gaz,
            known,
            bos: str_hash("<s>"),
            eos: str_hash("</s>"),
        }
    }
}

/// How the first decoding pass tagged the words of a document: the
/// second pass reads it as features ([`SentenceFeatures::doc_features`]).
pub(crate) struct DocTags {
    /// Per normalised word: its tags in the first pass.
    words: WordTable,
    /// The first pass's label of each token.
    labels: Vec<u8>,
}

#[derive(Default, Clone, Copy)]
struct WordTags {
    /// How often the word was tagged PER, ORG, LOC, MISC, or O while
    /// capitalised away from a sentence start.
    counts: [u16; 5],
    /// Length and type of the longest name it was part of.
    longest: (u8, u8),
}

/// [`WordTags`] by word hash: an open-addressing table (linear probing from
/// a multiplicative hash of the key) that doubles when half full, so its size
/// follows the number of distinct words, not of tokens.
struct WordTable {
    keys: Vec<u64>,
    used: Vec<bool>,
    tags: Vec<WordTags>,
    len: usize,
}

impl WordTable {
    fn new() -> Self {
        Self::with_slots(64)
    }

    fn with_slots(size: usize) -> Self {
        WordTable {
            keys: vec![0; size],
            used: vec![false; size],
            tags: vec![WordTags::default(); size],
            len: 0,
        }
    }

    /// The slot of `key`, or the empty slot where it would go.
    fn slot(&self, key: u64) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & mask;
        while self.used[i] && self.keys[i] != key {
            i = (i + 1) & mask;
        }
        i
    }

    fn entry(&mut self, key: u64) -> &mut WordTags {
        let mut i = self.slot(key);
        if !self.used[i] {
            if 2 * (self.len + 1) > self.keys.len() {
                self.grow();
                i = self.slot(key);
            }
            self.used[i] = true;
            self.keys[i] = key;
            self.len += 1;
        }
        &mut self.tags[i]
    }

    fn grow(&mut self) {
        let mut bigger = Self::with_slots(2 * self.keys.len());
        for i in (0..self.keys.len()).filter(|&i| self.used[i]) {
            let j = bigger.slot(self.keys[i]);
            bigger.used[j] = true;
            bigger.keys[j] = self.keys[i];
            bigger.tags[j] = self.tags[i];
        }
        bigger.len = self.len;
        *self = bigger;
    }

    fn get(&self, key: u64) -> Option<&WordTags> {
        let i = self.slot(key);
        self.used[i].then(|| &self.tags[i])
    }
}

/// The type of a label (PER 0, ORG 1, LOC 2, MISC 3; O 4).
fn label_type(l: usize) -> usize {
    if l == 0 {
        4
    } else {
        (l - 1) / 2
    }
}

impl DocTags {
    /// Gathers the first pass's `labels` (one per token of `doc`).
    pub(crate) fn new(doc: &Doc, table: &TokenTable, labels: &[usize]) -> Self {
        let mut words = WordTable::new();
        for s in &doc.sentences {
            let mut i = s.first;
            while i < s.last {
                let l = labels[i];
                if l == 0 {
                    let starts = i == s.first || table.opens(i - 1);
                    if !starts && doc.tokens[i].kind == TokenKind::Word && table.first_upper(i) {
                        let o = &mut words.entry(table.hash(i)).counts[4];
                        *o = o.saturating_add(1);
                    }
                    i += 1;
                    continue;
                }
                let t = label_type(l);
                let mut e = i + 1;
                while e < s.last && labels[e] == l + usize::from(l % 2 == 1) {
                    e += 1;
                }
                let len = (e - i).min(255) as u8;
                for k in i..e {
                    let w = words.entry(table.hash(k));
                    w.counts[t] = w.counts[t].saturating_add(1);
                    if len > w.longest.0 {
                        w.longest = (len, t as u8);
                    }
                }
                i = e;
            }
        }
        DocTags {
            words,
            labels: labels.iter().map(|&l| l as u8).collect(),
        }
    }
}

/// A per-token key of a [`SentenceFeatures`] (word or shape).
type KeyOf<'a> = fn(&SentenceFeatures<'a>, usize) -> u64;

/// The tagger's view of one sentence of the token table: the features of a
/// token ([`SentenceFeatures::token`]) are built only when the decoder needs them.
pub(crate) struct SentenceFeatures<'a> {
    doc: &'a Doc<'a>,
    table: &'a TokenTable,
    ctx: &'a DocContext,
    first: usize,
    n: usize,
    caps: u64,
}

impl<'a> SentenceFeatures<'a> {
    /// Prepares the features of a sentence.
    pub(crate) fn new(
        doc: &'a Doc<'a>,
        table: &'a TokenTable,
        ctx: &'a DocContext,
        sent: &Sentence,
    ) -> Self {
        SentenceFeatures {
            doc,
            table,
            ctx,
            first: sent.first,
            n: sent.last - sent.first,
            caps: u64::from(sent.caps),
        }
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.n
    }

    /// The word form of token `k` (numbers with their digits as 0).
    fn form(&self, k: usize) -> Cow<'a, str> {
        let i = self.first + k;
        let w = self.table.norm(i);
        if self.doc.tokens[i].kind == TokenKind::Number {
            Cow::Owned(
                w.chars()
                    .map(|c| if c.is_ascii_digit() { '0' } else { c })
                    .collect(),
            )
        } else {
            Cow::Borrowed(w)
        }
    }

    /// The word key of token `k` (for the history features).
    #[inline]
    pub(crate) fn word(&self, k: usize) -> u64 {
        self.table.word(self.first + k) | 1
    }

    #[inline]
    fn shape(&self, k: usize) -> u64 {
        self.table.shape(self.first + k) | 1
    }

    /// Whether token `k` has no capital letter: after an `O` it cannot
    /// begin or continue a name, so the decoder skips it (0.2% of the
    /// names in the training data begin in lowercase).
    #[inline]
    pub(crate) fn skip(&self, k: usize) -> bool {
        !self.table.any_upper(self.first + k)
    }

    /// Whether token `k` and both its neighbours have no capital letter: the
    /// Viterbi decoder takes such a token as `O` without scoring it (a name
    /// rarely holds three lowercase words in a row, and most running text is
    /// such words).
    #[inline]
    pub(crate) fn skip_run(&self, k: usize) -> bool {
        k >= 1 && k + 1 < self.n && self.skip(k - 1) && self.skip(k) && self.skip(k + 1)
    }

    #[inline]
    fn at(&self, f: KeyOf<'a>, k: isize) -> u64 {
        if k < 0 {
            self.ctx.bos
        } else if k as usize >= self.n {
            self.ctx.eos
        } else {
            f(self, k as usize)
        }
    }

    /// Appends the static features of token `k` to `out`.
    pub(crate) fn token(&self, k: usize, out: &mut Vec<u64>) {
        let (doc, ctx, table) = (self.doc, self.ctx, self.table);
        let n = self.len();
        let i = self.first + k;
        let ki = k as isize;
        let w = self.form(k);
        let w: &str = &w;
        // The table's suffixes are those of the normalised form, which is the
        // word form except in numbers.
        let (suffix2, suffix3) = if doc.tokens[i].kind == TokenKind::Number {
            (str_hash(suffix(w, 2)), str_hash(suffix(w, 3)))
        } else {
            (table.suffix(i, 2), table.suffix(i, 3))
        };
        let (fh, sh): (KeyOf<'a>, KeyOf<'a>) = (Self::word, Self::shape);
        let (w0, s0) = (self.word(k), self.shape(k));
        let (wp, wn) = (self.at(fh, ki - 1), self.at(fh, ki + 1));
        let (sp, sn) = (self.at(sh, ki - 1), self.at(sh, ki + 1));
        let caps = self.caps;
        let f = FeatureHash::new;
        let start = k == 0 || table.opens(i - 1);
        let lower = ctx.lower_seen.contains_key(&table.hash(i));
        let title = ctx.title_seen.contains_key(&table.hash(i));
        let upper = table.first_upper(i);
        let gaz_next = if k + 1 < n { ctx.gaz[i + 1] } else { 0 };
        let next_poss = doc
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
        out.extend(
            [
                f(1),
                f(2).h(w0),
                f(4).h(s0),
                f(5).str(prefix(w, 2)),
                f(6).str(prefix(w, 3)),
                f(7).h(suffix2),
                f(8).h(suffix3),
                f(9).str(suffix(w, 4)),
                f(10).h(wp),
                f(11).h(wn),
                f(12).h(self.at(fh, ki - 2)),
                f(13).h(self.at(fh, ki + 2)),
                f(14).h(sp),
                f(15).h(sn),
                f(16).h(wp).h(w0),
                f(17).h(w0).h(wn),
                f(18).num(caps).h(s0),
                f(19).num(u64::from(start)).h(s0),
                f(20).num(u64::from(lower) | u64::from(title) << 1 | u64::from(upper) << 2),
                f(22).num(u64::from(ctx.gaz[i])),
                f(21).num(u64::from(ctx.gaz[i]) | u64::from(gaz_next) << 8),
                f(23).num(u64::from(next_poss)),
                f(24).num(table.chars(i).min(12) as u64),
                f(25).h(sp).h(s0).h(sn),
                f(26).num(caps).h(wp).h(s0),
            ]
            .map(FeatureHash::finish),
        );
    }

    /// How the first pass tagged the word of token `k` ([`DocTags`]): its
    /// entry, the type of the token's own label, and the other occurrences'
    /// counts by type with the mask of the types they hold (`None` for a
    /// token without a capital letter or a word the first pass did not see).
    fn first_pass(&self, tags: &'a DocTags, k: usize) -> Option<FirstPass<'a>> {
        if self.skip(k) {
            return None;
        }
        let i = self.first + k;
        let w = tags.words.get(self.table.hash(i))?;
        let own = usize::from(tags.labels[i]);
        let t = label_type(own);
        // The other occurrences.
        let mut counts = w.counts;
        counts[t] = counts[t].saturating_sub(1);
        let mask = counts
            .iter()
            .enumerate()
            .fold(0u64, |m, (b, &c)| m | u64::from(c > 0) << b);
        Some(FirstPass {
            word: w,
            own,
            counts,
            mask,
        })
    }

    /// Whether the first pass tagged the word of token `k` otherwise
    /// elsewhere: only then can the second pass change much.
    pub(crate) fn tagged_otherwise(&self, tags: &'a DocTags, k: usize) -> bool {
        self.first_pass(tags, k)
            .is_some_and(|p| p.mask & !(1 << label_type(p.own)) != 0)
    }

    /// Appends the second-pass features of token `k` ([`DocTags`]): its
    /// own first-pass label; the types the first pass gave the same word
    /// elsewhere in the document (all of them, and the most frequent, with
    /// whether the sentence is in capitals); the type and length of the
    /// longest name the word was part of. Returns
    /// [`SentenceFeatures::tagged_otherwise`].
    pub(crate) fn doc_features(&self, tags: &'a DocTags, k: usize, out: &mut Vec<u64>) -> bool {
        let Some(FirstPass {
            word: w,
            own,
            counts,
            mask,
        }) = self.first_pass(tags, k)
        else {
            return false;
        };
        let mut maj = 4;
        for (b, &c) in counts[..4].iter().enumerate() {
            if c > 0 && (maj == 4 || c > counts[maj]) {
                maj = b;
            }
        }
        let f = FeatureHash::new;
        out.push(f(40).num(mask).finish());
        out.push(f(41).num(own as u64).finish());
        out.push(f(42).num(maj as u64).num(self.caps).finish());
        if w.longest.0 >= 2 {
            let (len, ty) = w.longest;
            out.push(f(43).num(u64::from(ty)).num(u64::from(len.min(3))).finish());
        }
        mask & !(1 << label_type(own)) != 0
    }
}

/// [`SentenceFeatures::first_pass`].
struct FirstPass<'a> {
    word: &'a WordTags,
    own: usize,
    counts: [u16; 5],
    mask: u64,
}

/// Builds the tagger's features for every token of one sentence (for
/// training a Viterbi tagger: skipped tokens are [`SentenceFeatures::skip_run`]).
#[cfg(feature = "training")]
pub(crate) fn features(
    doc: &Doc,
    table: &TokenTable,
    ctx: &DocContext,
    sent: &Sentence,
    seq: &mut Sequence,
) {
    let sf = SentenceFeatures::new(doc, table, ctx, sent);
    for k in 0..sf.len() {
        seq.begin_token(sf.word(k), sf.skip_run(k));
        sf.token(k, &mut seq.feats);
        seq.end_token();
    }
}

/// Like [`features`], with the second-pass features from the first pass's `tags`.
#[cfg(feature = "training")]
pub(crate) fn features2(
    doc: &Doc,
    table: &TokenTable,
    ctx: &DocContext,
    tags: &DocTags,
    sent: &Sentence,
    seq: &mut Sequence,
) {
    let sf = SentenceFeatures::new(doc, table, ctx, sent);
    for k in 0..sf.len() {
        seq.begin_token(sf.word(k), sf.skip_run(k));
        sf.token(k, &mut seq.feats);
        sf.doc_features(tags, k, &mut seq.feats);
        seq.end_token();
    }
}
