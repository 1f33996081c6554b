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
//! definitions ("Long Name (LN)"), the same name in other case or with "the",
//! and short forms (a surname for a person, a final word for an organization:
//! "the Duma" → "State Duma"). Mentions of different kinds stay apart ("Jordan"
//! the film director and "Jordan" the country in one article): the tagger's
//! kind for each mention in its context is kept. A possessive ending is never part of a mention
//! ("the IRGC’s" → "IRGC").
//!
//! **Demonyms.** "Iranian strikes" is not a mention of Iran (the name is not
//! there), but a demonym that modifies a group noun becomes part of that group
//! mention ("Russian officials"), and the group's `affiliation` names the
//! state ([`crate::Actor::affiliation`]).

use crate::analysis::{Actor, ActorKind, Attribution, Claim};
use crate::lexicon::{tsv_rows, IdHasher, Norm, PhraseSet};
use crate::model::{str_hash, FeatureHash, Sequence, Tagger};
use crate::span::Span;
use crate::text::{Doc, Sentence, TokenKind};
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::{Arc, LazyLock};

/// One known actor from the lexicon.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    kind: ActorKind,
    subkind: Option<String>,
}

/// Known actors and group words, compiled once.
#[derive(Clone, Debug)]
pub struct ActorLexicon {
    known: PhraseSet<usize>,
    entries: Vec<Entry>,
    /// Acronym forms that must match case exactly ("WHO" but not "who").
    exact_case: HashSet<String>,
    demonyms: HashMap<String, String>,
    groups: PhraseSet<&'static str>,
    org_heads: HashMap<&'static str, &'static str>,
    tagger: Option<Arc<Tagger>>,
}

static TAGGER: LazyLock<Option<Arc<Tagger>>> = LazyLock::new(|| {
    let bytes = include_bytes!("../models/actors.bin");
    Tagger::from_bytes(bytes).ok().map(Arc::new)
});

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && s.chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '&')
}

impl ActorLexicon {
    /// The built-in lexicon and model.
    pub fn builtin() -> Self {
        Self::with_tagger(TAGGER.clone())
    }

    /// The built-in lexicon without the learned model (used to train it).
    pub fn builtin_without_model() -> Self {
        Self::with_tagger(None)
    }

    fn with_tagger(tagger: Option<Arc<Tagger>>) -> Self {
        let mut lex = ActorLexicon {
            known: PhraseSet::new(),
            entries: Vec::new(),
            exact_case: HashSet::new(),
            demonyms: HashMap::new(),
            groups: PhraseSet::new(),
            org_heads: HashMap::new(),
            tagger,
        };
        for row in tsv_rows(include_str!(concat!(env!("OUT_DIR"), "/actors.tsv"))) {
            let kind = row.get(1).and_then(|k| ActorKind::parse(k));
            if let (Some(name), Some(kind)) = (row.first(), kind) {
                let aliases: Vec<&str> = row
                    .get(3)
                    .map(|a| {
                        a.split('|')
                            .map(str::trim)
                            .filter(|a| !a.is_empty())
                            .collect()
                    })
                    .unwrap_or_default();
                lex.add_with_aliases(name, kind, row.get(2).copied(), &aliases);
            }
        }
        for row in tsv_rows(include_str!(concat!(env!("OUT_DIR"), "/demonyms.tsv"))) {
            if let [demonym, state, ..] = row[..] {
                lex.demonyms
                    .insert(crate::lexicon::normalize(demonym), state.to_string());
            }
        }
        for row in tsv_rows(include_str!(concat!(env!("OUT_DIR"), "/groups.tsv"))) {
            if let [head, sub, ..] = row[..] {
                // Leaked once: the built-in lexicon lives for the whole program.
                let sub: &'static str = Box::leak(sub.to_string().into_boxed_str());
                lex.groups.insert(head, sub);
            }
        }
        for row in tsv_rows(include_str!(concat!(env!("OUT_DIR"), "/org_heads.tsv"))) {
            if let [head, sub, ..] = row[..] {
                let head: &'static str = Box::leak(head.to_string().into_boxed_str());
                let sub: &'static str = Box::leak(sub.to_string().into_boxed_str());
                lex.org_heads.insert(head, sub);
            }
        }
        lex
    }

    /// Adds a named actor.
    pub fn add(&mut self, name: &str, kind: ActorKind, subkind: Option<&str>) {
        self.add_with_aliases(name, kind, subkind, &[]);
    }

    fn add_with_aliases(
        &mut self,
        name: &str,
        kind: ActorKind,
        subkind: Option<&str>,
        aliases: &[&str],
    ) {
        let idx = self.entries.len();
        self.entries.push(Entry {
            name: name.to_string(),
            kind,
            subkind: subkind.filter(|s| !s.is_empty()).map(str::to_string),
        });
        for form in std::iter::once(name).chain(aliases.iter().copied()) {
            self.known.insert(form, idx);
            if is_acronym(form) {
                self.exact_case.insert(form.to_string());
            }
            // "The Guardian" is also found as "Guardian".
            if let Some(rest) = form.strip_prefix("The ") {
                self.known.insert(rest, idx);
            }
        }
    }
}

/// Labels of the actor tagger.
pub const LABELS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];

/// Per-document facts used as features.
pub struct DocContext<'n> {
    /// Hashes of normalised words seen in lowercase away from a sentence start.
    lower_seen: HashSet<u64, BuildHasherDefault<IdHasher>>,
    /// Hashes of normalised words seen capitalised away from a sentence start in a normal sentence.
    title_seen: HashSet<u64, BuildHasherDefault<IdHasher>>,
    _norm: std::marker::PhantomData<&'n Norm>,
    /// Gazetteer tag per token (0 none; else 1 + 2·kind + inside).
    gaz: Vec<u8>,
    /// Known-actor matches in text order: first token, length, lexicon entry.
    known: Vec<(usize, usize, usize)>,
}

fn first_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

impl<'n> DocContext<'n> {
    /// Gathers the document facts.
    pub fn new(doc: &Doc, norm: &'n Norm, lex: &ActorLexicon) -> Self {
        let mut lower_seen = HashSet::default();
        let mut title_seen = HashSet::default();
        let mut gaz = vec![0u8; doc.tokens.len()];
        let mut known = Vec::new();
        for s in &doc.sentences {
            #[allow(clippy::needless_range_loop)] // tokens, norm and sentences share the index
            for i in s.first..s.last {
                let t = &doc.tokens[i];
                if t.kind != TokenKind::Word {
                    continue;
                }
                let w = doc.tok(i);
                let starts = i == s.first || is_opening(doc, i - 1);
                if !starts && !s.caps {
                    if w.chars().next().is_some_and(char::is_lowercase) {
                        lower_seen.insert(norm.hash(i));
                    } else if first_upper(w) {
                        title_seen.insert(norm.hash(i));
                    }
                }
            }
            let mut i = s.first;
            while i < s.last {
                if let Some((len, &e)) = lex.known.longest_at(norm, i, s.last) {
                    let surface =
                        Span::new(doc.tokens[i].span.start, doc.tokens[i + len - 1].span.end)
                            .slice(doc.text);
                    let case_ok = if lex.exact_case.contains(surface) || is_acronym(surface) {
                        lex.exact_case.contains(surface) && !s.caps
                    } else {
                        first_upper(surface)
                    };
                    // Features see any capitalised match (headlines in
                    // capitals too); mentions need the stricter case check.
                    if first_upper(surface) {
                        let k = lex.entries[e].kind as u8;
                        gaz[i] = 1 + 2 * k;
                        for g in &mut gaz[i + 1..i + len] {
                            *g = 2 + 2 * k;
                        }
                    }
                    if case_ok {
                        known.push((i, len, e));
                    }
                    if case_ok || first_upper(surface) {
                        i += len;
                        continue;
                    }
                }
                i += 1;
            }
        }
        DocContext {
            lower_seen,
            title_seen,
            gaz,
            known,
            _norm: std::marker::PhantomData,
        }
    }
}

/// True when token `i` opens a new clause: a quote, bracket, colon or dash.
fn is_opening(doc: &Doc, i: usize) -> bool {
    matches!(doc.tokens[i].kind, TokenKind::OpenQuote | TokenKind::Dash)
        || matches!(doc.tok(i), "(" | "[" | ":" | ";")
}

/// How the first decoding pass tagged the words of a document: the
/// second pass reads it as features ([`SentenceFeatures::doc_features`]).
pub struct DocTags {
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

/// [`WordTags`] by word hash: an open-addressing table (linear probing) of
/// a power-of-two size at least twice the number of tokens, which a
/// document fills once (smaller in the wasm build than a `HashMap` of its own).
struct WordTable {
    keys: Vec<u64>,
    used: Vec<bool>,
    tags: Vec<WordTags>,
}

impl WordTable {
    fn with_tokens(n: usize) -> Self {
        let size = (2 * n).next_power_of_two().max(16);
        WordTable {
            keys: vec![0; size],
            used: vec![false; size],
            tags: vec![WordTags::default(); size],
        }
    }

    /// The slot of `key`, or the empty slot where it would go.
    fn slot(&self, key: u64) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = key as usize & mask;
        while self.used[i] && self.keys[i] != key {
            i = (i + 1) & mask;
        }
        i
    }

    fn entry(&mut self, key: u64) -> &mut WordTags {
        let i = self.slot(key);
        self.used[i] = true;
        self.keys[i] = key;
        &mut self.tags[i]
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
    pub fn new(doc: &Doc, norm: &Norm, labels: &[usize]) -> Self {
        let mut words = WordTable::with_tokens(doc.tokens.len());
        for s in &doc.sentences {
            let mut i = s.first;
            while i < s.last {
                let l = labels[i];
                if l == 0 {
                    let starts = i == s.first || is_opening(doc, i - 1);
                    if !starts && doc.tokens[i].kind == TokenKind::Word && first_upper(doc.tok(i)) {
                        let o = &mut words.entry(norm.hash(i)).counts[4];
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
                    let w = words.entry(norm.hash(k));
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

/// Appends a compact word shape to `out`: "Xx", "XX", "d", "X.X.", "Xx-Xx".
pub(crate) fn shape_into(s: &str, out: &mut String) {
    let mut last = '\0';
    let mut run = 0;
    for c in s.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = k;
        out.push(k);
    }
}

fn word_form<'n>(doc: &Doc, norm: &'n Norm, i: usize) -> Cow<'n, str> {
    if doc.tokens[i].kind == TokenKind::Number {
        Cow::Owned(
            norm[i]
                .chars()
                .map(|c| if c.is_ascii_digit() { '0' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(&norm[i])
    }
}

fn prefix(s: &str, n: usize) -> &str {
    if s.is_ascii() {
        return &s[..n.min(s.len())];
    }
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

pub(crate) fn suffix(s: &str, n: usize) -> &str {
    if s.is_ascii() {
        return &s[s.len().saturating_sub(n)..];
    }
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    match s.char_indices().nth(count - n) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// A per-token hash of a [`SentenceFeatures`] (word or shape).
type HashOf<S> = fn(&S, usize) -> u64;

/// The tagger's view of one sentence: each token's strings hashed once, so
/// that the features of a token ([`SentenceFeatures::token`]) are built only
/// when the decoder needs them.
pub struct SentenceFeatures<'d, 'n> {
    doc: &'d Doc<'d>,
    norm: &'n Norm,
    ctx: &'d DocContext<'n>,
    first: usize,
    n: usize,
    caps: u64,
    /// Word and shape hashes, computed on first use (0: not yet).
    fh: Vec<Cell<u64>>,
    sh: Vec<Cell<u64>>,
    /// Tokens without a capital letter.
    lower: Vec<bool>,
    bos: u64,
    eos: u64,
}

impl<'d, 'n> SentenceFeatures<'d, 'n> {
    /// Prepares the features of a sentence.
    pub fn new(doc: &'d Doc<'d>, norm: &'n Norm, ctx: &'d DocContext<'n>, sent: &Sentence) -> Self {
        let n = sent.last - sent.first;
        SentenceFeatures {
            doc,
            norm,
            ctx,
            first: sent.first,
            n,
            caps: u64::from(sent.caps),
            fh: vec![Cell::new(0); n],
            sh: vec![Cell::new(0); n],
            lower: (sent.first..sent.last)
                .map(|i| !doc.tok(i).chars().any(char::is_uppercase))
                .collect(),
            bos: str_hash("<s>"),
            eos: str_hash("</s>"),
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.n
    }

    /// True when the sentence has no token.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The word form of token `k` (numbers with their digits as 0).
    fn form(&self, k: usize) -> Cow<'n, str> {
        word_form(self.doc, self.norm, self.first + k)
    }

    /// The word key of token `k` (for the history features).
    pub fn word(&self, k: usize) -> u64 {
        let c = &self.fh[k];
        if c.get() == 0 {
            c.set(str_hash(&self.form(k)) | 1);
        }
        c.get()
    }

    fn shape(&self, k: usize) -> u64 {
        let c = &self.sh[k];
        if c.get() == 0 {
            let mut buf = String::new();
            shape_into(self.doc.tok(self.first + k), &mut buf);
            c.set(str_hash(&buf) | 1);
        }
        c.get()
    }

    /// Whether token `k` has no capital letter: after an `O` it cannot
    /// begin or continue a name, so the decoder skips it (0.2% of the
    /// names in the training data begin in lowercase).
    pub fn skip(&self, k: usize) -> bool {
        self.lower[k]
    }

    /// Whether token `k` and both its neighbours have no capital letter: the
    /// Viterbi decoder takes such a token as `O` without scoring it (a name
    /// rarely holds three lowercase words in a row, and most running text is
    /// such words).
    pub fn skip_run(&self, k: usize) -> bool {
        k >= 1 && k + 1 < self.n && self.lower[k - 1] && self.lower[k] && self.lower[k + 1]
    }

    #[inline]
    fn at(&self, f: HashOf<Self>, k: isize) -> u64 {
        if k < 0 {
            self.bos
        } else if k as usize >= self.n {
            self.eos
        } else {
            f(self, k as usize)
        }
    }

    /// Appends the static features of token `k` to `out`.
    pub fn token(&self, k: usize, out: &mut Vec<u64>) {
        let (doc, ctx, norm) = (self.doc, self.ctx, self.norm);
        let n = self.len();
        let i = self.first + k;
        let ki = k as isize;
        let w = self.form(k);
        let w: &str = &w;
        let raw = doc.tok(i);
        let (fh, sh): (HashOf<Self>, HashOf<Self>) = (Self::word, Self::shape);
        let (w0, s0) = (self.word(k), self.shape(k));
        let (wp, wn) = (self.at(fh, ki - 1), self.at(fh, ki + 1));
        let (sp, sn) = (self.at(sh, ki - 1), self.at(sh, ki + 1));
        let caps = self.caps;
        let f = FeatureHash::new;
        let start = k == 0 || is_opening(doc, i - 1);
        let lower = ctx.lower_seen.contains(&norm.hash(i));
        let title = ctx.title_seen.contains(&norm.hash(i));
        let upper = first_upper(raw);
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
                f(7).str(suffix(w, 2)),
                f(8).str(suffix(w, 3)),
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
                f(24).num(raw.chars().count().min(12) as u64),
                f(25).h(sp).h(s0).h(sn),
                f(26).num(caps).h(wp).h(s0),
            ]
            .map(FeatureHash::finish),
        );
    }

    /// Appends the second-pass features of token `k` ([`DocTags`]): its
    /// own first-pass label; the types the first pass gave the same word
    /// elsewhere in the document (all of them, and the most frequent, with
    /// whether the sentence is in capitals); the type and length of the
    /// longest name the word was part of. Returns true when the word was
    /// tagged otherwise elsewhere: only then can the second pass change much.
    pub fn doc_features(&self, tags: &DocTags, k: usize, out: &mut Vec<u64>) -> bool {
        if self.lower[k] {
            return false;
        }
        let i = self.first + k;
        let Some(w) = tags.words.get(self.norm.hash(i)) else {
            return false;
        };
        let own = usize::from(tags.labels[i]);
        let t = label_type(own);
        // The other occurrences.
        let mut counts = w.counts;
        counts[t] = counts[t].saturating_sub(1);
        let mask = counts
            .iter()
            .enumerate()
            .fold(0u64, |m, (b, &c)| m | u64::from(c > 0) << b);
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
        mask & !(1 << t) != 0
    }
}

/// Builds the tagger's features for every token of one sentence (for
/// training a Viterbi tagger: skipped tokens are [`SentenceFeatures::skip_run`]).
pub fn features(doc: &Doc, norm: &Norm, ctx: &DocContext, sent: &Sentence, seq: &mut Sequence) {
    let sf = SentenceFeatures::new(doc, norm, ctx, sent);
    for k in 0..sf.len() {
        seq.begin_token(sf.word(k), sf.skip_run(k));
        sf.token(k, &mut seq.feats);
        seq.end_token();
    }
}

/// Like [`features`], with the second-pass features from the first pass's `tags`.
pub fn features2(
    doc: &Doc,
    norm: &Norm,
    ctx: &DocContext,
    tags: &DocTags,
    sent: &Sentence,
    seq: &mut Sequence,
) {
    let sf = SentenceFeatures::new(doc, norm, ctx, sent);
    for k in 0..sf.len() {
        seq.begin_token(sf.word(k), sf.skip_run(k));
        sf.token(k, &mut seq.feats);
        sf.doc_features(tags, k, &mut seq.feats);
        seq.end_token();
    }
}

/// A mention before grouping.
#[derive(Clone, Debug)]
struct Mention {
    span: Span,
    first: usize,
    last: usize,
    kind: ActorKind,
    subkind: Option<String>,
    entry: Option<usize>,
}

fn model_kind(label: &str) -> Option<ActorKind> {
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

/// Finds the actors of a document.
pub fn find(doc: &Doc, norm: &Norm, lex: &ActorLexicon) -> Vec<Actor> {
    let ctx = DocContext::new(doc, norm, lex);
    let mut mentions: Vec<Mention> = Vec::new();
    let tagged = lex.tagger.as_ref().map(|t| tag_doc(doc, norm, &ctx, t));
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
                        // A leading article is not part of a name ("The United Nations").
                        if end - first >= 2 && &norm[first] == "the" {
                            first += 1;
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
                    subkind: entry.subkind.clone(),
                    entry: Some(e),
                }
            })
            .collect();
        let mut model = merge_lexicon_mentions(model, lexm);
        // Group mentions.
        for g in group_mentions(doc, norm, lex, s, &model) {
            model.push(g);
        }
        model.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        mentions.extend(model);
    }
    group(doc, norm, lex, mentions)
}

/// Tags every sentence of a document: a first pass, then a second pass
/// over the sentences in which a word gets document features (how the first
/// pass tagged it here and elsewhere), which adds their weights to the first
/// pass's emission scores.
fn tag_doc(doc: &Doc, norm: &Norm, ctx: &DocContext, tagger: &Tagger) -> Vec<Vec<usize>> {
    let sfs: Vec<SentenceFeatures> = doc
        .sentences
        .iter()
        .map(|s| SentenceFeatures::new(doc, norm, ctx, s))
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
    let mut flat = vec![0usize; doc.tokens.len()];
    let mut emits = Vec::with_capacity(sfs.len());
    let mut out = Vec::with_capacity(sfs.len());
    for (s, sf) in doc.sentences.iter().zip(&sfs) {
        let emit = tagger.emissions(sf.len(), |k| sf.skip_run(k), |k, o| sf.token(k, o));
        let labels = tagger.viterbi_scored(&emit, |k| sf.word(k), |k| sf.skip_run(k));
        flat[s.first..s.last].copy_from_slice(&labels);
        emits.push(emit);
        out.push(labels);
    }
    let tags = DocTags::new(doc, norm, &flat);
    let mut feats = Vec::new();
    for ((sf, mut emit), labels) in sfs.iter().zip(emits).zip(&mut out) {
        let mut changed = false;
        for (k, e) in emit.iter_mut().enumerate() {
            if sf.skip_run(k) {
                continue;
            }
            feats.clear();
            changed |= sf.doc_features(&tags, k, &mut feats);
            tagger.add_features(&feats, e);
        }
        if changed {
            *labels = tagger.viterbi_scored(&emit, |k| sf.word(k), |k| sf.skip_run(k));
        }
    }
    out
}

/// Merges lexicon mentions into model mentions (both sorted, each without
/// overlaps) in one pass. A lexicon mention replaces the model mentions it
/// contains, gives its entry and subkind to an identical model mention of the
/// same kind, and is dropped when a model mention reaches past it.
fn merge_lexicon_mentions(model: Vec<Mention>, lexm: Vec<Mention>) -> Vec<Mention> {
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
                    o.subkind = m.subkind.clone();
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
fn covering(named: &[Mention], i: usize) -> Option<&Mention> {
    let k = named.partition_point(|m| m.last <= i);
    named.get(k).filter(|m| m.first <= i)
}

fn group_mentions(
    doc: &Doc,
    norm: &Norm,
    lex: &ActorLexicon,
    s: &Sentence,
    named: &[Mention],
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = s.first;
    while i < s.last {
        let Some((len, &sub)) = lex.groups.longest_at(norm, i, s.last) else {
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
            let p = first - 1;
            let w = &norm[p];
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
        while first < i && matches!(&norm[first], "some" | "many" | "several" | "other") {
            first += 1;
        }
        let last = i + len;
        out.push(Mention {
            span: Span::new(doc.tokens[first].span.start, doc.tokens[last - 1].span.end),
            first,
            last,
            kind: ActorKind::Group,
            subkind: Some(sub.to_string()),
            entry: None,
        });
        i = last;
    }
    out
}

/// The grouping key of a surface form: lowercase, without "the" and periods.
fn key_of(s: &str) -> String {
    let lower = crate::lexicon::normalize(s);
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower
        .chars()
        .filter(|&c| c != '.')
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `acronym` ("IRGC") abbreviates `long` ("Islamic Revolutionary Guard Corps").
fn defines_acronym(long: &str, acronym: &str) -> bool {
    if !is_acronym(acronym) {
        return false;
    }
    let letters: String = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let init = initials(long);
    let n = letters.chars().count();
    letters == init
        || (n >= 2
            && init.chars().next() == letters.chars().next()
            && n <= init.chars().count() + 1)
}

/// Initials of the capitalised words of a name ("Islamic Revolutionary Guard Corps" → "irgc").
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

struct Entity {
    kind_votes: [usize; 4],
    /// The kind of the first (longest) mention: it breaks a tie in the votes.
    first_kind: Option<ActorKind>,
    lex_kind: Option<ActorKind>,
    subkind: Option<String>,
    name: Option<String>,
    forms: Vec<String>,
    form_set: HashSet<String>,
    keys: HashSet<String>,
    mentions: Vec<Span>,
    affiliation: Option<String>,
}

fn group(doc: &Doc, norm: &Norm, lex: &ActorLexicon, mentions: Vec<Mention>) -> Vec<Actor> {
    let mut entities: Vec<Entity> = Vec::new();
    // Keyed by the name's key and the kind (one more character, after a
    // separator no key holds).
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_entry: HashMap<usize, usize> = HashMap::new();
    // Longest names first, so short forms find their long form.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&k| {
        let m = &mentions[k];
        (std::cmp::Reverse(m.last - m.first), m.span.start)
    });
    // Acronym definitions: "Long Name (LN)" → LN joins the long name.
    let mut defined_by: HashMap<usize, usize> = HashMap::new();
    let ending_at: HashMap<usize, usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind != ActorKind::Group)
        .map(|(k, m)| (m.last, k))
        .collect();
    for (k, m) in mentions.iter().enumerate() {
        if m.first >= 2
            && doc.tok(m.first - 1) == "("
            && m.last < doc.tokens.len()
            && doc.tok(m.last) == ")"
            && m.last - m.first == 1
        {
            let acronym = m.span.slice(doc.text);
            if let Some(&prev) = ending_at.get(&(m.first - 1)) {
                if defines_acronym(mentions[prev].span.slice(doc.text), acronym) {
                    defined_by.insert(k, prev);
                }
            }
        }
    }
    let mut index = LongFormIndex::default();
    let mut assigned: Vec<Option<usize>> = vec![None; mentions.len()];
    for &k in &order {
        let m = &mentions[k];
        let surface = m.span.slice(doc.text);
        let key = key_of(surface);
        // Mentions of different kinds stay apart: the tagger's kind for a
        // mention in its context beats one kind for every mention of a name.
        let same_kind = |t: &usize| entity_kind(&entities[*t]) == m.kind;
        let mut target = None;
        if let Some(e) = m.entry {
            target = by_entry.get(&e).copied().filter(same_kind);
        }
        let mut kind_key = key.clone();
        kind_key.push('\u{1}');
        kind_key.push(char::from(b'0' + m.kind as u8));
        if target.is_none() {
            target = by_key.get(&kind_key).copied();
        }
        if target.is_none() {
            if let Some(&long) = defined_by.get(&k) {
                target = assigned[long].filter(same_kind);
            }
        }
        if target.is_none() && m.kind != ActorKind::Group {
            target = index.find_long_form(&entities, m, &key, surface);
        }
        let t = match target {
            Some(t) => t,
            None => {
                entities.push(Entity {
                    kind_votes: [0; 4],
                    first_kind: None,
                    lex_kind: None,
                    subkind: None,
                    name: None,
                    forms: Vec::new(),
                    form_set: HashSet::new(),
                    keys: HashSet::new(),
                    mentions: Vec::new(),
                    affiliation: None,
                });
                entities.len() - 1
            }
        };
        assigned[k] = Some(t);
        let ent = &mut entities[t];
        ent.kind_votes[m.kind as usize] += m.last - m.first;
        ent.first_kind.get_or_insert(m.kind);
        if let Some(e) = m.entry {
            by_entry.insert(e, t);
            let entry = &lex.entries[e];
            ent.lex_kind = Some(entry.kind);
            ent.name = Some(entry.name.clone());
            if entry.subkind.is_some() {
                ent.subkind = entry.subkind.clone();
            }
        }
        if ent.subkind.is_none() {
            ent.subkind = m.subkind.clone();
        }
        if m.kind == ActorKind::Group && ent.affiliation.is_none() {
            ent.affiliation = (m.first..m.last).find_map(|i| lex.demonyms.get(&norm[i]).cloned());
        }
        by_key.entry(kind_key).or_insert(t);
        if !ent.keys.contains(&key) {
            index.add_key(&key, t);
            ent.keys.insert(key);
        }
        if ent.form_set.insert(surface.to_string()) {
            index.add_form(surface, t);
            ent.forms.push(surface.to_string());
        }
        ent.mentions.push(m.span);
    }
    let mut actors: Vec<Actor> = entities
        .into_iter()
        .map(|mut e| {
            e.mentions.sort();
            e.mentions.dedup();
            let kind = entity_kind(&e);
            let name = e.name.clone().unwrap_or_else(|| canonical_name(&e.forms));
            let subkind = e.subkind.clone().or_else(|| {
                if kind == ActorKind::Organization {
                    name.split_whitespace()
                        .last()
                        .and_then(|w| lex.org_heads.get(w))
                        .map(|s| s.to_string())
                } else {
                    None
                }
            });
            let name_key = key_of(&name);
            let mut aliases: Vec<String> = Vec::new();
            for f in &e.forms {
                let stripped = f
                    .strip_prefix("the ")
                    .or(f.strip_prefix("The "))
                    .unwrap_or(f);
                if key_of(stripped) != name_key
                    && !aliases.iter().any(|a| key_of(a) == key_of(stripped))
                {
                    aliases.push(stripped.to_string());
                }
            }
            Actor {
                id: 0,
                name,
                kind,
                subkind,
                mentions: e.mentions,
                aliases,
                affiliation: e.affiliation,
            }
        })
        .collect();
    actors.sort_by_key(|a| a.mentions.first().map_or(0, |m| m.start));
    for (i, a) in actors.iter_mut().enumerate() {
        a.id = i;
    }
    actors
}

fn entity_kind(e: &Entity) -> ActorKind {
    if let Some(k) = e.lex_kind {
        return k;
    }
    let kinds = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Place,
        ActorKind::Group,
    ];
    let mut best = e.first_kind.unwrap_or(kinds[0]);
    let mut votes = e.kind_votes[best as usize];
    for k in kinds {
        if e.kind_votes[k as usize] > votes {
            votes = e.kind_votes[k as usize];
            best = k;
        }
    }
    best
}

/// The best display name: the longest form that is not written in capitals
/// (unless all are), without a leading "the".
fn canonical_name(forms: &[String]) -> String {
    let mut best: Option<&String> = None;
    for f in forms {
        let caps = f.chars().filter(|c| c.is_lowercase()).count() == 0 && f.chars().count() > 5;
        let better = match best {
            None => true,
            Some(b) => {
                let bcaps =
                    b.chars().filter(|c| c.is_lowercase()).count() == 0 && b.chars().count() > 5;
                (bcaps && !caps) || (bcaps == caps && f.len() > b.len())
            }
        };
        if better {
            best = Some(f);
        }
    }
    let name = best.cloned().unwrap_or_default();
    name.strip_prefix("the ")
        .or(name.strip_prefix("The "))
        .map(str::to_string)
        .unwrap_or(name)
}

/// Entities by the first and last word of their keys and by the initials of
/// their forms, so that a short form finds its long form without a scan.
#[derive(Default)]
struct LongFormIndex {
    by_first: HashMap<String, Vec<usize>>,
    by_last: HashMap<String, Vec<usize>>,
    by_initials: HashMap<String, Vec<usize>>,
}

/// Most entities one index key lists: a short form shared by more entities
/// than this is ambiguous anyway, and the bound keeps grouping linear.
const MAX_CANDIDATES: usize = 16;

fn push_unique(map: &mut HashMap<String, Vec<usize>>, key: &str, t: usize) {
    let v = map.entry(key.to_string()).or_default();
    if v.len() < MAX_CANDIDATES && !v.contains(&t) {
        v.push(t);
    }
}

impl LongFormIndex {
    fn add_key(&mut self, key: &str, t: usize) {
        let mut words = key.split(' ');
        if let (Some(first), Some(last)) = (words.next(), key.rsplit(' ').next()) {
            if first.len() < key.len() {
                push_unique(&mut self.by_first, first, t);
                push_unique(&mut self.by_last, last, t);
            }
        }
    }

    fn add_form(&mut self, form: &str, t: usize) {
        let init = initials(form);
        if init.chars().count() >= 2 {
            push_unique(&mut self.by_initials, &init, t);
        }
    }

    /// A longer entity this short form refers to: a person's surname or first
    /// name, an organization's or place's final word(s), or an acronym of its name.
    /// An ambiguous short form (two candidates) stays on its own.
    fn find_long_form(
        &self,
        entities: &[Entity],
        m: &Mention,
        key: &str,
        surface: &str,
    ) -> Option<usize> {
        let words: Vec<&str> = key.split(' ').collect();
        fn get<'m>(map: &'m HashMap<String, Vec<usize>>, w: &str) -> &'m [usize] {
            map.get(w).map_or(&[], |v| v.as_slice())
        }
        let none: &[usize] = &[];
        let acronym = is_acronym(surface);
        let acr_key = key.replace(['-', '&', ' '], "");
        let candidates = get(&self.by_last, words[words.len() - 1])
            .iter()
            .chain(get(&self.by_first, words[0]))
            .chain(if acronym {
                get(&self.by_initials, &acr_key)
            } else {
                none
            });
        let mut found = None;
        for &t in candidates {
            if found == Some(t) {
                continue;
            }
            let e = &entities[t];
            let kind = entity_kind(e);
            if kind == ActorKind::Group {
                continue;
            }
            let hit = (acronym && e.forms.iter().any(|f| initials(f) == acr_key))
                || e.keys.iter().take(MAX_CANDIDATES).any(|k| {
                    let kw: Vec<&str> = k.split(' ').collect();
                    kw.len() > words.len()
                        && match (kind, m.kind) {
                            (ActorKind::Person, ActorKind::Person) => {
                                kw.ends_with(&words) || kw.starts_with(&words)
                            }
                            (ActorKind::Organization, ActorKind::Organization)
                            | (ActorKind::Place, ActorKind::Place) => kw.ends_with(&words),
                            _ => false,
                        }
                });
            if hit {
                if found.is_some() {
                    return None;
                }
                found = Some(t);
            }
        }
        found
    }
}

const PRONOUNS_PERSON: &[&str] = &["he", "she", "him", "her", "i", "we", "you", "who"];
const PRONOUNS_THING: &[&str] = &["it", "they", "which", "who"];

/// Links each claim's source to an actor and sets its attribution.
///
/// A source is linked to the actor with a mention inside it (the last one,
/// which is usually the head: "a statement by the State Duma" → State Duma);
/// a pronoun is linked to the nearest earlier person (he, she) or
/// organization or group (it, they). Attribution is `none` without a source,
/// `vague` when the source is a group or an indefinite phrase ("a source",
/// "some", "many"), and `named` otherwise.
pub fn link_claims(doc: &Doc, actors: &[Actor], claims: &mut [Claim]) {
    // All mentions in text order with their actor.
    let mut all: Vec<(Span, usize)> = actors
        .iter()
        .flat_map(|a| a.mentions.iter().map(move |&m| (m, a.id)))
        .collect();
    all.sort();
    // The actor of the latest claim with a named source, for anaphoric
    // nominal sources ("The statement emphasized…" after "According to X").
    let mut last_named: Option<usize> = None;
    for c in claims.iter_mut() {
        link_claim(doc, actors, &all, c, last_named);
        if c.attribution == Attribution::Named && c.actor.is_some() {
            last_named = c.actor;
        }
    }
}

/// Nouns of statements: a definite one ("the statement") refers back to a source.
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "report",
    "remarks",
    "declaration",
    "announcement",
    "communique",
    "communiqué",
    "release",
    "letter",
    "post",
    "message",
    "article",
    "comments",
    "note",
    "bulletin",
    "broadcast",
    "readout",
    "ruling",
    "verdict",
    "memo",
];

fn link_claim(
    doc: &Doc,
    actors: &[Actor],
    all: &[(Span, usize)],
    c: &mut Claim,
    last_named: Option<usize>,
) {
    let Some(src) = c.source else {
        c.actor = None;
        c.attribution = Attribution::None;
        return;
    };
    let lo = all.partition_point(|(m, _)| m.start < src.start);
    let hi = all.partition_point(|(m, _)| m.start < src.end);
    let inside: Vec<&(Span, usize)> = all[lo..hi]
        .iter()
        .filter(|(m, _)| src.contains(*m))
        .collect();
    // Prefer a named actor inside the source; a group only when there is no name.
    let named = inside
        .iter()
        .rev()
        .find(|(_, id)| actors[*id].kind != ActorKind::Group);
    let group = inside
        .iter()
        .rev()
        .find(|(_, id)| actors[*id].kind == ActorKind::Group);
    let text = src.slice(doc.text);
    let norm = crate::lexicon::normalize(text.trim());
    let first_word = norm.split_whitespace().next().unwrap_or("");
    let indefinite = matches!(
        first_word,
        "a" | "an" | "some" | "many" | "several" | "one" | "sources" | "others" | "most"
    ) || norm == "people";
    if let Some(&&(_, id)) = named.filter(|_| group.is_none() || !indefinite) {
        c.actor = Some(id);
        c.attribution = Attribution::Named;
        return;
    }
    if let Some(&&(_, id)) = group {
        c.actor = Some(id);
        c.attribution = Attribution::Vague;
        return;
    }
    let person = PRONOUNS_PERSON.contains(&norm.as_str());
    let thing = PRONOUNS_THING.contains(&norm.as_str());
    if person || thing {
        let wanted = |k: ActorKind| {
            if person && !thing {
                k == ActorKind::Person
            } else if thing && !person {
                k != ActorKind::Person && k != ActorKind::Place
            } else {
                k != ActorKind::Place
            }
        };
        // The nearest earlier mention of the wanted kind, within a window.
        c.actor = all[..lo]
            .iter()
            .rev()
            .take(64)
            .find(|(m, id)| m.end <= src.start && wanted(actors[*id].kind))
            .map(|&(_, id)| id);
        c.attribution = match c.actor {
            Some(id) if actors[id].kind == ActorKind::Group => Attribution::Vague,
            _ => Attribution::Named,
        };
        return;
    }
    let mut words = norm.split_whitespace();
    let (det, head) = (words.next().unwrap_or(""), words.next_back().unwrap_or(""));
    if matches!(det, "the" | "this" | "that" | "its" | "their") && STATEMENT_NOUNS.contains(&head) {
        if let Some(id) = last_named {
            c.actor = Some(id);
            c.attribution = Attribution::Named;
            return;
        }
    }
    // "The association" after "the Baltic Freight Association": the nearest
    // earlier organisation whose name ends with that noun.
    if matches!(det, "the" | "this" | "that") && norm.split_whitespace().count() == 2 {
        let found = all[..lo].iter().rev().take(64).find(|(m, id)| {
            let a = &actors[*id];
            m.end <= src.start
                && a.kind == ActorKind::Organization
                && a.name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.len() > 2 && w.eq_ignore_ascii_case(head))
        });
        if let Some(&(_, id)) = found {
            c.actor = Some(id);
            c.attribution = Attribution::Named;
            return;
        }
    }
    c.actor = None;
    let has_name = text
        .split_whitespace()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    c.attribution = if indefinite || !has_name && !first_upper_word(text) {
        Attribution::Vague
    } else {
        Attribution::Named
    };
}

fn first_upper_word(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first_upper(first)
        && !matches!(
            first,
            "The" | "A" | "An" | "Some" | "Many" | "Several" | "This" | "That" | "These" | "Those"
        )
}
