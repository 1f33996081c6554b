//! Learned claims layer: one BIO tagger ([`crate::model::Tagger`]) over the
//! cue, source and content spans of attributions.
//!
//! The tagger reads each paragraph left to right. Besides the words, shapes,
//! affixes and context of each token, it sees what the hand-written layer
//! ([`crate::claims::find`]) made of the token (its role in a rule claim), the
//! cue lexicon's reading (`lexicons/cues.tsv`), whether the token is inside a
//! paired quotation, where it stands in its sentence and how far the nearest
//! lexicon cue is on either side. The rules thus act as features: the model
//! keeps what they get right and learns the cues, sources and content
//! boundaries they miss.
//!
//! Tagged spans become claims: each cue span is one claim, and each source
//! or content span joins the nearest cue (bounded distance). A claim without
//! a source needs a cue from the lexicon. A rule claim whose cue the tagger
//! left untagged is kept.

use super::cues::{CueKind, CueLexicon};
use super::Found;
#[cfg(feature = "training")]
use crate::model::Sequence;
use crate::model::{num_hash, str_hash, Decoder, FeatureHash, Tagger};
use crate::span::Span;
use crate::text::{Doc, TokenTable, NONE};
use std::sync::{Arc, LazyLock};

/// Labels of the claims tagger.
pub const LABELS: [&str; 7] = ["O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON"];

/// Label indices of the roles (`B-`; `I-` is one more).
const SRC: u8 = 1;
const CUE: u8 = 3;
const CON: u8 = 5;

static TAGGER: LazyLock<Option<Arc<Tagger>>> = LazyLock::new(|| {
    let bytes = include_bytes!("../../models/claims.bin");
    Tagger::from_bytes(bytes).ok().map(Arc::new)
});

/// The built-in claims tagger (`models/claims.bin`), if it loads.
pub fn builtin() -> Option<Arc<Tagger>> {
    TAGGER.clone()
}

/// A distance in tokens as a small bucket (0 for none).
fn dist_bucket(d: Option<usize>) -> u64 {
    match d {
        None => 0,
        Some(0) => 1,
        Some(1) => 2,
        Some(2) => 3,
        Some(3) => 4,
        Some(4..=5) => 5,
        Some(6..=9) => 6,
        Some(10..=16) => 7,
        Some(_) => 8,
    }
}

/// Per-document facts the tagger reads, one entry per token.
pub struct ClaimFeatures<'a> {
    doc: &'a Doc<'a>,
    table: &'a TokenTable,
    cue: Vec<u8>,
    rule: Vec<u8>,
    quote: Vec<u8>,
    /// Position in the sentence (bucketed) and distance to its end (bucketed).
    pos: Vec<u8>,
    /// Distance buckets to the nearest lexicon cue on the left and on the right.
    cue_left: Vec<u8>,
    cue_right: Vec<u8>,
    /// The nearest lexicon cue word on the left and on the right in the
    /// sentence: its token plus one (0: none).
    cue_word_left: Vec<u32>,
    cue_word_right: Vec<u32>,
    /// The quotation each token is in: an index into `quote_words` plus one (0: none).
    quote_of: Vec<u32>,
    /// For each quotation: the words just before its opening and just after its closing mark.
    quote_words: Vec<(u64, u64)>,
    bos: u64,
    eos: u64,
}

impl<'a> ClaimFeatures<'a> {
    /// Gathers the facts; `rules` are the hand-written layer's claims.
    pub fn new(doc: &'a Doc<'a>, table: &'a TokenTable, lex: &CueLexicon, rules: &[Found]) -> Self {
        let n = doc.tokens.len();
        let cue = super::cues::cue_tags(doc, table, lex);
        let rule = rule_roles(doc, rules, &mut 0);
        // Quotes: 1 inside a paired quotation, 2 on an opening, 3 on a closing mark.
        let mut quote = vec![0u8; n];
        let mut quote_of = vec![0u32; n];
        let mut quote_words = Vec::new();
        let skip = |j: usize| matches!(table.norm(j), "," | "." | "”" | "\"");
        for i in 0..n {
            let p = table.partner(i);
            if p != NONE && (p as usize) > i {
                let p = p as usize;
                for q in &mut quote[i + 1..p] {
                    *q = 1;
                }
                quote[i] = 2;
                quote[p] = 3;
                let before = (0..i)
                    .rev()
                    .take(2)
                    .find(|&j| !skip(j))
                    .map_or(1, |j| table.word(j));
                let after = (p + 1..n)
                    .take(2)
                    .find(|&j| !skip(j))
                    .map_or(1, |j| table.word(j));
                quote_words.push((before, after));
                quote_of[i..=p].fill(quote_words.len() as u32);
            }
        }
        let mut pos = vec![0u8; n];
        let mut cue_left = vec![0u8; n];
        let mut cue_right = vec![0u8; n];
        let mut cue_word_left = vec![0u32; n];
        let mut cue_word_right = vec![0u32; n];
        for s in &doc.sentences {
            let mut last_cue: Option<usize> = None;
            let mut word = 0u32;
            for i in s.first..s.last {
                if cue[i] % 2 == 1 {
                    word = i as u32 + 1;
                }
                cue_word_left[i] = word;
            }
            word = 0;
            for i in (s.first..s.last).rev() {
                if cue[i] % 2 == 1 {
                    word = i as u32 + 1;
                }
                cue_word_right[i] = word;
            }
            for i in s.first..s.last {
                let from_start = (i - s.first).min(4) as u8;
                let to_end = (s.last - 1 - i).min(3) as u8;
                pos[i] = from_start * 4 + to_end;
                if cue[i] != 0 {
                    last_cue = Some(i);
                }
                cue_left[i] = dist_bucket(last_cue.map(|c| i - c)) as u8;
            }
            let mut next_cue: Option<usize> = None;
            for i in (s.first..s.last).rev() {
                if cue[i] != 0 {
                    next_cue = Some(i);
                }
                cue_right[i] = dist_bucket(next_cue.map(|c| c - i)) as u8;
            }
        }
        ClaimFeatures {
            doc,
            table,
            cue,
            rule,
            quote,
            pos,
            cue_left,
            cue_right,
            cue_word_left,
            cue_word_right,
            quote_of,
            quote_words,
            bos: str_hash("<s>"),
            eos: str_hash("</s>"),
        }
    }

    /// The word key of token `i` (for the history features).
    pub fn word(&self, i: usize) -> u64 {
        self.table.word(i)
    }

    #[inline]
    fn w(&self, i: isize, lo: usize, hi: usize) -> u64 {
        if i < lo as isize {
            self.bos
        } else if i as usize >= hi {
            self.eos
        } else {
            self.table.word(i as usize)
        }
    }

    #[inline]
    fn s(&self, i: isize, lo: usize, hi: usize) -> u64 {
        if i < lo as isize {
            self.bos
        } else if i as usize >= hi {
            self.eos
        } else {
            self.table.shape(i as usize)
        }
    }

    #[inline]
    fn at(v: &[u8], i: isize, lo: usize, hi: usize) -> u64 {
        if i < lo as isize || i as usize >= hi {
            255
        } else {
            u64::from(v[i as usize])
        }
    }

    /// The word key of the cue token recorded as `at` (its index plus one; 0: none, key 0).
    #[inline]
    fn cue_word(&self, at: u32) -> u64 {
        match at {
            0 => 0,
            t => self.table.word(t as usize - 1),
        }
    }

    /// Appends the static features of token `i` (of the sequence `lo..hi`) to `out`.
    pub fn token(&self, i: usize, lo: usize, hi: usize, out: &mut Vec<u64>) {
        let f = FeatureHash::new;
        let k = i as isize;
        let quote_ctx = match self.quote_of[i] {
            0 => (0, 0),
            q => self.quote_words[q as usize - 1],
        };
        let (w0, wp, wn) = (self.word(i), self.w(k - 1, lo, hi), self.w(k + 1, lo, hi));
        let (s0, sp, sn) = (
            self.table.shape(i),
            self.s(k - 1, lo, hi),
            self.s(k + 1, lo, hi),
        );
        // The small numbers, each hashed once for the features that hold it
        // (`f(t).h(num_hash(n))` is `f(t).num(n)`).
        let num = |n: u64| num_hash(n);
        let kind = num(self.doc.tokens[i].kind as u64);
        let r0 = num(u64::from(self.rule[i]));
        let (rp, rn) = (
            num(Self::at(&self.rule, k - 1, lo, hi)),
            num(Self::at(&self.rule, k + 1, lo, hi)),
        );
        let c0 = num(u64::from(self.cue[i]));
        let (cp, cn) = (
            num(Self::at(&self.cue, k - 1, lo, hi)),
            num(Self::at(&self.cue, k + 1, lo, hi)),
        );
        let q0 = num(u64::from(self.quote[i]));
        let pos = num(u64::from(self.pos[i]));
        let (cl, cr) = (
            num(u64::from(self.cue_left[i])),
            num(u64::from(self.cue_right[i])),
        );
        let para_start = num(u64::from(i == lo));
        out.extend(
            [
                f(1),
                f(2).h(w0),
                f(3).h(s0),
                f(4).h(self.table.suffix(i, 3)),
                f(5).h(self.table.suffix(i, 2)),
                f(6).h(wp),
                f(7).h(wn),
                f(8).h(self.w(k - 2, lo, hi)),
                f(9).h(self.w(k + 2, lo, hi)),
                f(10).h(wp).h(w0),
                f(11).h(w0).h(wn),
                f(12).h(sp).h(s0).h(sn),
                f(13).h(c0),
                f(14).h(cp).h(c0).h(cn),
                f(15).h(r0),
                f(16).h(rp).h(r0).h(rn),
                f(17).h(r0).h(w0),
                f(18).h(q0),
                f(19).h(q0).h(kind),
                f(20).h(pos),
                f(21).h(cl).h(cr),
                f(22).h(cl).h(cr).h(q0),
                f(23).h(c0).h(w0),
                f(24).h(pos).h(w0),
                f(25).h(para_start).h(pos).h(q0),
                f(26).h(r0).h(cl).h(cr),
                f(27).h(cl).h(self.cue_word(self.cue_word_left[i])),
                f(28).h(cr).h(self.cue_word(self.cue_word_right[i])),
                f(29).h(quote_ctx.0),
                f(30).h(quote_ctx.1),
                f(31).h(q0).h(quote_ctx.1).h(r0),
            ]
            .map(FeatureHash::finish),
        );
    }
}

/// The rules' role of each token (0, or `SRC`, `CUE`, `CON` on a part's first
/// token and one more on the others): that of the last claim part that covers
/// it, claim by claim, each claim's contents, then its source, then its cue (so
/// a later part wins). Painted in the reverse order over the tokens not yet
/// painted, each token once, so overlapping contents (a sentence with many
/// claims) cost no more than the tokens they cover. `work` counts the steps.
fn rule_roles(doc: &Doc, rules: &[Found], work: &mut usize) -> Vec<u8> {
    /// The first token at or after `i` not yet painted; `next[i]` points
    /// towards it (paths are compressed as they are walked).
    fn unpainted(next: &mut [u32], i: usize, work: &mut usize) -> usize {
        let mut r = i;
        while next[r] as usize != r {
            r = next[r] as usize;
            *work += 1;
        }
        let mut j = i;
        while next[j] as usize != r {
            let k = next[j] as usize;
            next[j] = r as u32;
            j = k;
        }
        r
    }
    let n = doc.tokens.len();
    let mut rule = vec![0u8; n];
    let mut next: Vec<u32> = (0..=n as u32).collect();
    for c in rules.iter().rev() {
        let parts = std::iter::once((c.cue, CUE))
            .chain(c.source.map(|s| (s, SRC)))
            .chain(c.content.iter().rev().map(|&s| (s, CON)));
        for (span, b) in parts {
            *work += 1;
            let s = doc.token_at(span.start);
            let e = doc
                .tokens
                .partition_point(|t| t.span.end <= span.end)
                .max(s);
            let mut i = unpainted(&mut next, s, work);
            while i < e {
                rule[i] = if i == s { b } else { b + 1 };
                next[i] = i as u32 + 1;
                *work += 1;
                i = unpainted(&mut next, i + 1, work);
            }
        }
    }
    rule
}

/// The token ranges the tagger reads one by one: paragraphs.
pub fn sequences(doc: &Doc) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut para = usize::MAX;
    for s in &doc.sentences {
        if s.first == s.last {
            continue;
        }
        match out.last_mut() {
            Some(last) if s.paragraph == para => last.1 = s.last,
            _ => out.push((s.first, s.last)),
        }
        para = s.paragraph;
    }
    out
}

/// Builds the tagger's features for tokens `lo..hi` (for training).
#[cfg(feature = "training")]
pub fn features(cf: &ClaimFeatures, lo: usize, hi: usize, seq: &mut Sequence) {
    for i in lo..hi {
        seq.begin_token(cf.word(i), false);
        cf.token(i, lo, hi, &mut seq.feats);
        seq.end_token();
    }
}

/// The longest distance (in tokens) between a source or content span and the cue it joins.
const MAX_LINK: usize = 400;
/// What a sentence boundary between them adds to that distance, in tokens.
const SENTENCE_GAP: usize = 40;

/// Finds the claims of a document with the tagger, reading the rules' claims as features.
pub fn find(
    doc: &Doc,
    table: &TokenTable,
    lex: &CueLexicon,
    tagger: &Tagger,
    rules: &[Found],
) -> Vec<Found> {
    let cf = ClaimFeatures::new(doc, table, lex, rules);
    let mut claims = Vec::new();
    let mut all = vec![0u8; doc.tokens.len()];
    for (lo, hi) in sequences(doc) {
        let word = |k| cf.word(lo + k);
        let feats = |k, out: &mut Vec<u64>| cf.token(lo + k, lo, hi, out);
        let tags = match tagger.decoder() {
            Decoder::Viterbi => tagger.viterbi(hi - lo, word, |_| false, feats),
            Decoder::Greedy => tagger.tag_lazy(hi - lo, word, |_| false, feats),
        };
        for (a, &t) in all[lo..hi].iter_mut().zip(&tags) {
            *a = t as u8;
        }
    }
    assemble(doc, table, &all, &mut claims);
    // Without a source, a cue must hold a reporting word of the lexicon and
    // must not be followed by "by": the
    // tagger's other source-less cues are mostly evaluations ("marking",
    // "characterized") that read as noise (dev: cue +1.8, content +0.5,
    // content overlap −1.9).
    claims.retain(|c| {
        c.source.is_some() || {
            let a = doc.token_at(c.cue.start);
            let b = (a..doc.tokens.len())
                .take_while(|&i| doc.tokens[i].span.end <= c.cue.end)
                .last()
                .unwrap_or(a);
            // A passive followed by "by" whose agent is not a source describes
            // rather than attributes ("has long been characterized by covert
            // operations"; dev: cue precision +0.1, content +0.1).
            let by = b + 1 < doc.tokens.len() && table.norm(b + 1) == "by";
            !by && (a..=b).any(|i| cf.cue[i] != 0)
        }
    });
    // "In the words of X": the rules' reading, a quotation and its source, or no claim ("in
    // the words of the song, love is all …" names whose words by allusion only).
    // Only a text with the word "words" can hold such a cue.
    let has_words = (0..table.len()).any(|i| table.norm(i) == "words");
    let words = |c: &Found| {
        if !has_words {
            return false;
        }
        // A phrase of a `Words` cue that overlaps the claim's cue (which the tagger may
        // have cut: "the words of").
        let a = doc.token_at(c.cue.start);
        (a.saturating_sub(3)..doc.tokens.len())
            .take_while(|&i| doc.tokens[i].span.start < c.cue.end)
            .take(12)
            .any(|i| {
                matches!(
                    lex.phrases.longest_at(table, i, doc.tokens.len()),
                    Some((len, CueKind::Words)) if i + len > a
                )
            })
    };
    claims.retain(|c| !words(c));
    claims.extend(rules.iter().filter(|c| words(c)).cloned());
    share_sources(doc, table, &mut claims);
    // A rule claim whose cue the tagger left outside every span is kept (this
    // also keeps cues added at run time with `Analyzer::add_cue`).
    for c in rules.iter().filter(|c| !words(c)) {
        let a = doc.token_at(c.cue.start);
        let mut b = a;
        while b < all.len() && doc.tokens[b].span.end <= c.cue.end {
            b += 1;
        }
        if all[a..b].iter().all(|&t| t == 0) {
            claims.push(c.clone());
        }
    }
    super::sort(&mut claims);
    claims
}

/// How many claims back [`share_sources`] looks for a source.
const SHARE_WINDOW: usize = 8;

/// A claim without a source whose cue follows "and" ("The union said… and
/// warned that…") or is a participle after a comma ("…, telling reporters
/// that…") takes the source of the previous claim of its sentence.
/// `claims` are in text order of their cues.
fn share_sources(doc: &Doc, table: &TokenTable, claims: &mut [Found]) {
    let norm = |i: usize| table.norm(i);
    for j in 1..claims.len() {
        if claims[j].source.is_some() {
            continue;
        }
        let first = doc.token_at(claims[j].cue.start);
        let Some(and) = first.checked_sub(1) else {
            continue;
        };
        // "…, telling reporters that…": a participle after a comma.
        let participle = norm(and) == "," && norm(first).ends_with("ing");
        if norm(and) != "and" && !participle {
            continue;
        }
        // Claims are in cue order: those of the same sentence come just
        // before. A few of them at most: a sentence can be a whole run-on text.
        let sentence = table.sentence(first);
        let prev = claims[..j]
            .iter()
            .rev()
            .take(SHARE_WINDOW)
            .take_while(|p| table.sentence(doc.token_at(p.cue.start)) == sentence)
            .find(|p| p.source.is_some() && p.cue.end <= claims[j].cue.start);
        if let Some(p) = prev {
            claims[j].source = p.source;
        }
    }
}

/// Turns the labels of the document's tokens into claims.
fn assemble(doc: &Doc, table: &TokenTable, tags: &[u8], claims: &mut Vec<Found>) {
    // Spans: (role, first token, last token).
    let mut spans: Vec<(u8, usize, usize)> = Vec::new();
    for (k, &t) in tags.iter().enumerate() {
        if t == 0 {
            continue;
        }
        let role = if t % 2 == 1 { t } else { t - 1 };
        match spans.last_mut() {
            Some(last) if t % 2 == 0 && last.0 == role && last.2 + 1 == k => last.2 = k,
            _ => spans.push((role, k, k)),
        }
    }
    let cues: Vec<(usize, usize)> = spans
        .iter()
        .filter(|s| s.0 == CUE)
        .map(|s| (s.1, s.2))
        .collect();
    if cues.is_empty() {
        return;
    }
    let span = |a: usize, b: usize| Span::new(doc.tokens[a].span.start, doc.tokens[b].span.end);
    let mut sources: Vec<Vec<Span>> = vec![Vec::new(); cues.len()];
    let mut contents: Vec<Vec<Span>> = vec![Vec::new(); cues.len()];
    for &(role, a, b) in &spans {
        if role == CUE {
            continue;
        }
        // Token distance, plus a penalty when the span and the cue are in
        // different sentences: "X told reporters that A. Analysts suggest B"
        // keeps A with "told", though "suggest" is fewer tokens away. Spans and
        // cues of different paragraphs never join, so a paragraph's claims do
        // not depend on the text around it.
        let (sa, pa) = {
            let i = table.sentence(a);
            (i, doc.sentences[i].paragraph)
        };
        let gap = |&(c0, c1): &(usize, usize)| {
            let sc = table.sentence(c0);
            if doc.sentences[sc].paragraph != pa {
                return usize::MAX;
            }
            let tokens = if b < c0 { c0 - b } else { a.saturating_sub(c1) };
            tokens + if sa == sc { 0 } else { SENTENCE_GAP }
        };
        // Cues are in text order: the nearest is the last one before the span
        // or the first one after its start.
        let j = cues.partition_point(|c| c.1 < a);
        let Some((best, d)) = [j.checked_sub(1), Some(j)]
            .into_iter()
            .flatten()
            .filter(|&j| j < cues.len())
            .map(|j| (j, gap(&cues[j])))
            .min_by_key(|&(_, d)| d)
        else {
            continue;
        };
        if d > MAX_LINK {
            continue;
        }
        if role == SRC {
            sources[best].push(span(a, b));
        } else {
            contents[best].push(span(a, b));
        }
    }
    for (j, &(c0, c1)) in cues.iter().enumerate() {
        let cue = span(c0, c1);
        let mut srcs = sources[j].iter().copied();
        let first = srcs.next();
        claims.push(Found {
            source: first,
            cue,
            content: contents[j].clone(),
        });
        // A second source of the same cue ("X and Y said") is a claim of its own.
        for s in srcs {
            claims.push(Found {
                source: Some(s),
                cue,
                content: contents[j].clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The painting of `rule_roles`, the simple way: every part over every
    /// token it covers, in order, a later part overwriting an earlier one.
    fn naive(doc: &Doc, rules: &[Found]) -> Vec<u8> {
        let n = doc.tokens.len();
        let mut rule = vec![0u8; n];
        let mut mark = |span: Span, b: u8| {
            let s = doc.token_at(span.start);
            let mut i = s;
            while i < n && doc.tokens[i].span.end <= span.end {
                rule[i] = if i == s { b } else { b + 1 };
                i += 1;
            }
        };
        for c in rules {
            for &s in &c.content {
                mark(s, CON);
            }
            if let Some(s) = c.source {
                mark(s, SRC);
            }
            mark(c.cue, CUE);
        }
        rule
    }

    fn span(doc: &Doc, a: usize, b: usize) -> Span {
        Span::new(doc.tokens[a].span.start, doc.tokens[b].span.end)
    }

    #[test]
    fn roles_are_those_of_the_last_part_that_covers_each_token() {
        let text = "w ".repeat(60);
        let doc = Doc::new(&text);
        let n = doc.tokens.len();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        for _ in 0..300 {
            let mut claims = Vec::new();
            for _ in 0..1 + next(8) {
                let part = |next: &mut dyn FnMut(usize) -> usize| {
                    let a = next(n);
                    span(&doc, a, (a + next(12)).min(n - 1))
                };
                let source = (next(2) == 0).then(|| part(&mut next));
                let cue = part(&mut next);
                let content = (0..next(3)).map(|_| part(&mut next)).collect();
                claims.push(Found {
                    source,
                    cue,
                    content,
                });
            }
            assert_eq!(rule_roles(&doc, &claims, &mut 0), naive(&doc, &claims));
        }
    }

    /// Claims whose contents all run back to the sentence start (",I said"
    /// repeated): painting them costs a constant per token and per part,
    /// where painting every part in full costs the square of the claims.
    #[test]
    fn overlapping_contents_are_painted_in_linear_work() {
        for units in [100usize, 400, 1600] {
            let text = "It rained,I said ".repeat(units);
            let doc = Doc::new(&text);
            // Unit k is tokens 5k..5k+5: It rained , I said.
            let claims: Vec<Found> = (0..units)
                .map(|k| Found {
                    source: Some(span(&doc, 5 * k + 3, 5 * k + 3)),
                    cue: span(&doc, 5 * k + 4, 5 * k + 4),
                    content: vec![span(&doc, 0, 5 * k + 1)],
                })
                .collect();
            let mut work = 0;
            let roles = rule_roles(&doc, &claims, &mut work);
            assert_eq!(roles, naive(&doc, &claims));
            let parts = 3 * units;
            assert!(
                work <= 4 * (doc.tokens.len() + parts),
                "{units} units: {work} steps for {} tokens and {parts} parts",
                doc.tokens.len()
            );
        }
    }
}
