//! Content ends chosen at span level: a content that follows its cue ends at
//! one of a few candidate boundaries — before a comma, a colon, a dash, a
//! parenthesis, a quotation mark or a sentence end, after a closing quotation
//! mark, or at the end of the paragraph — and a small learned scorer
//! (`models/spans.bin`, trained on PolNeAR train by `claimlens train spans`)
//! ranks them.
//!
//! The tagger's own end is kept unless the scorer prefers another candidate
//! by more than [`MARGIN`]; an end that is no candidate (mid-phrase) gives way
//! to the scorer's best. A cue coordinated with the claim's own ("… and
//! warned that …", "…, adding that …") starts another claim: no candidate
//! lies beyond it. Candidates are looked for within the paragraph, at
//! most [`MAX_TOKENS`] tokens and [`MAX_CANDIDATES`] candidates from the
//! content's start, so the choice is linear in the number of tokens.

use super::rules::Ctx;
use crate::model::{num_hash, FeatureHash};
use crate::text::TokenKind;
use std::sync::LazyLock;

/// The most tokens a content may run over from its start.
pub(crate) const MAX_TOKENS: usize = 250;
/// The most candidate ends looked at.
pub(crate) const MAX_CANDIDATES: usize = 16;
/// How much better (in quantized weight units) another candidate must score
/// than the tagger's own end to replace it (chosen on PolNeAR dev).
const MARGIN: i32 = 60;

/// The learned end scorer: one `i8` weight per hash bucket.
pub(crate) struct EndScorer {
    bits: u32,
    weights: Vec<i8>,
}

/// The magic of a scorer file: "CLS1", then the hash bits, then 2^bits weights.
const MAGIC: &[u8; 4] = b"CLS1";

static SCORER: LazyLock<Option<EndScorer>> =
    LazyLock::new(|| EndScorer::from_bytes(include_bytes!("../../models/spans.bin")));

/// The built-in end scorer, if it loads.
pub(crate) fn builtin() -> Option<&'static EndScorer> {
    SCORER.as_ref()
}

impl EndScorer {
    /// Reads a scorer file (`None` when it is not one).
    pub(crate) fn from_bytes(b: &[u8]) -> Option<EndScorer> {
        if b.len() < 5 || &b[..4] != MAGIC {
            return None;
        }
        let bits = u32::from(b[4]);
        if !(8..=20).contains(&bits) || b.len() != 5 + (1usize << bits) {
            return None;
        }
        let weights = b[5..].iter().map(|&x| x as i8).collect();
        Some(EndScorer { bits, weights })
    }

    /// The scorer as file bytes.
    #[cfg(feature = "training")]
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(self.bits as u8);
        out.extend(self.weights.iter().map(|&w| w as u8));
        out
    }

    /// A scorer from quantized weights (`weights.len()` is 2^`bits`).
    #[cfg(feature = "training")]
    pub(crate) fn new(bits: u32, weights: Vec<i8>) -> EndScorer {
        EndScorer { bits, weights }
    }

    fn score(&self, feats: &[u64]) -> i32 {
        let shift = 64 - self.bits;
        feats
            .iter()
            .map(|&h| i32::from(self.weights[(h >> shift) as usize]))
            .sum()
    }

    /// The end (last token, inclusive) of a content that starts at token `a`
    /// after its cue and that the tagger ended at token `e`.
    pub(super) fn choose(&self, cx: &Ctx, a: usize, e: usize) -> usize {
        let mut cands = Vec::new();
        candidates(cx, a, &mut cands);
        if cands.is_empty() {
            return e;
        }
        let mut feats = Vec::new();
        let mut best = (i32::MIN, e);
        let mut own = None;
        let mut holds = Holds::default();
        for (k, &c) in cands.iter().enumerate() {
            feats.clear();
            features(cx, a, c, k, &mut holds, &mut feats);
            let s = self.score(&feats);
            if s > best.0 {
                best = (s, c);
            }
            if c == e {
                own = Some(s);
            }
        }
        match own {
            Some(s) if best.0 - s <= MARGIN => e,
            _ => best.1,
        }
    }
}

/// A token that ends a clause: a comma, a colon, a dash, a parenthesis, a
/// quotation mark, a sentence end.
fn is_edge(cx: &Ctx, i: usize) -> bool {
    match cx.doc.tokens[i].kind {
        TokenKind::Dash | TokenKind::OpenQuote | TokenKind::CloseQuote => true,
        TokenKind::Punct => matches!(
            cx.table.norm(i),
            "," | ";" | ":" | "." | "!" | "?" | "(" | ")" | "..." | "…"
        ),
        _ => false,
    }
}

/// The candidate ends (last tokens, ascending) of a content that starts at token `a`.
pub(super) fn candidates(cx: &Ctx, a: usize, out: &mut Vec<usize>) {
    let (doc, table) = (cx.doc, cx.table);
    let n = doc.tokens.len();
    // The end of the walk: the paragraph's end, or MAX_TOKENS tokens on.
    let reach = (a + 1 + MAX_TOKENS).min(n);
    let para = doc.sentences[table.sentence(a)].paragraph;
    let mut end = a + 1;
    for s in &doc.sentences[table.sentence(a)..] {
        crate::work::add(1);
        if s.paragraph != para || s.first >= reach {
            break;
        }
        end = s.last;
    }
    let (end, walk_cut) = if end > reach {
        (reach, true)
    } else {
        (end, false)
    };
    let push = |out: &mut Vec<usize>, e: usize| {
        if e >= a && out.last().is_none_or(|&l| l < e) && out.len() < MAX_CANDIDATES {
            out.push(e);
        }
    };
    for k in a + 1..end {
        crate::work::add(1);
        if out.len() >= MAX_CANDIDATES {
            return;
        }
        let kind = doc.tokens[k].kind;
        if kind == TokenKind::Word {
            let prev = table.norm(k - 1);
            // Another claim's cue coordinated with this one ("… and warned
            // that …", "…, adding that …") ends the content before it.
            if k >= a + 2
                && matches!(prev, "and" | ",")
                && cx.lex.phrases.longest_at(table, k, n).is_some()
            {
                push(out, k - 2);
                return;
            }
            if matches!(
                table.norm(k),
                "and" | "but" | "which" | "who" | "while" | "because" | "when"
            ) && !is_edge(cx, k - 1)
            {
                // Before a clause word.
                push(out, k - 1);
            }
            continue;
        }
        if is_edge(cx, k) {
            push(out, k - 1);
            if kind == TokenKind::CloseQuote {
                push(out, k);
            } else if matches!(table.norm(k), "," | "." | "?" | "!")
                && k + 1 < end
                && doc.tokens[k + 1].kind == TokenKind::CloseQuote
            {
                push(out, k + 1);
            }
        }
    }
    // The end of the paragraph (not of a walk cut short).
    if !walk_cut && end > a {
        push(out, end - 1);
    }
}

/// Bucketed small numbers.
fn bucket(x: usize, cap: usize) -> u64 {
    x.min(cap) as u64
}

/// What a span from its start to a candidate end holds, gathered as the
/// candidates are visited in order (so each token is read once).
#[derive(Default)]
pub(super) struct Holds {
    /// The next token to read.
    next: usize,
    sentences: usize,
    commas: usize,
    quotes: i32,
    cue: bool,
}

impl Holds {
    /// Reads the tokens up to `e` (inclusive) of a span that starts at `a`.
    fn read_to(&mut self, cx: &Ctx, a: usize, e: usize) {
        let (doc, table) = (cx.doc, cx.table);
        self.next = self.next.max(a);
        while self.next <= e {
            crate::work::add(1);
            let i = self.next;
            match doc.tokens[i].kind {
                TokenKind::OpenQuote => self.quotes += 1,
                TokenKind::CloseQuote => self.quotes -= 1,
                _ => {}
            }
            match table.norm(i) {
                "." | "!" | "?" => self.sentences += 1,
                "," => self.commas += 1,
                _ => {}
            }
            if !self.cue && doc.tokens[i].kind == TokenKind::Word {
                self.cue = cx.lex.phrases.longest_at(table, i, i + 1).is_some();
            }
            self.next += 1;
        }
    }
}

/// The features of the candidate end `e` (the `rank`-th candidate) of a
/// content that starts at token `a`; `holds` has read the candidates before.
pub(super) fn features(
    cx: &Ctx,
    a: usize,
    e: usize,
    rank: usize,
    holds: &mut Holds,
    out: &mut Vec<u64>,
) {
    let (doc, table) = (cx.doc, cx.table);
    let n = doc.tokens.len();
    let para = doc.sentences[table.sentence(a)].paragraph;
    let word = |i: usize| {
        if i < n && doc.sentences[table.sentence(i)].paragraph == para {
            table.word(i)
        } else {
            num_hash(u64::MAX)
        }
    };
    let (next, after, last, first) = (word(e + 1), word(e + 2), word(e), word(a));
    holds.read_to(cx, a, e);
    let (sentences, commas, quotes, cue) = (holds.sentences, holds.commas, holds.quotes, holds.cue);
    let starts_quoted = u64::from(doc.tokens[a].kind == TokenKind::OpenQuote);
    let balance = quotes.clamp(-1, 1) as u64 & 3;
    let f = FeatureHash::new;
    let (ns, nc, rk) = (bucket(sentences, 4), bucket(commas, 5), bucket(rank, 10));
    let len = bucket((e + 1 - a) / 3, 12);
    out.extend(
        [
            f(1),
            f(2).h(next),
            f(3).h(last),
            f(4).h(next).h(after),
            f(5).h(last).h(next),
            f(6).num(ns),
            f(7).num(nc),
            f(8).num(rk),
            f(9).num(balance),
            f(10).num(starts_quoted).h(last),
            f(11).num(starts_quoted).num(balance),
            f(12).num(u64::from(cue)),
            f(13).num(len),
            f(14).h(first),
            f(15).h(first).h(next),
            f(16).h(after).num(nc.min(3)),
            f(17).h(next).num(ns.min(3)),
        ]
        .map(FeatureHash::finish),
    );
}

/// Training examples from one document: for each gold content `(a, e)` (first
/// and last token) that follows its cue and whose end is a candidate, the
/// features of every candidate and the index of the gold one.
#[cfg(feature = "training")]
pub(crate) fn examples(
    doc: &crate::text::Doc,
    table: &crate::text::TokenTable,
    lex: &super::CueLexicon,
    golds: &[(usize, usize)],
    out: &mut Vec<(Vec<Vec<u64>>, usize)>,
) {
    let cx = Ctx { doc, table, lex };
    let mut cands = Vec::new();
    for &(a, e) in golds {
        cands.clear();
        candidates(&cx, a, &mut cands);
        let Some(g) = cands.iter().position(|&c| c == e) else {
            continue;
        };
        let mut holds = Holds::default();
        let feats = cands
            .iter()
            .enumerate()
            .map(|(k, &c)| {
                let mut f = Vec::new();
                features(&cx, a, c, k, &mut holds, &mut f);
                f
            })
            .collect();
        out.push((feats, g));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::CueLexicon;
    use crate::text::{Doc, TokenTable};

    /// The candidate ends of a content of `text` that starts at `start`, as text.
    fn ends(text: &str, start: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let table = TokenTable::new(&doc, true);
        let lex = CueLexicon::builtin();
        let cx = Ctx {
            doc: &doc,
            table: &table,
            lex: &lex,
        };
        let a = doc.token_at(text.find(start).expect(start));
        let mut out = Vec::new();
        candidates(&cx, a, &mut out);
        out.iter()
            .map(|&e| text[doc.tokens[a].span.start..doc.tokens[e].span.end].to_string())
            .collect()
    }

    #[test]
    fn candidates_are_clause_edges_quotes_and_the_paragraph_end() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, &[&str])] = &[
            ("He said the plan, which failed, was dead. Others agreed.", "the plan",
             &["the plan", "the plan, which failed",
               "the plan, which failed, was dead",
               "the plan, which failed, was dead. Others agreed",
               "the plan, which failed, was dead. Others agreed."]),
            // A closing quotation mark: before it, and after it (with its comma).
            ("She said “we will win,” and left.", "“we",
             &["“we will win", "“we will win,”", "“we will win,” and left",
               "“we will win,” and left."]),
            // Not past the paragraph.
            ("They said the vote was fair\n\nNext paragraph, here.", "the vote",
             &["the vote was fair"]),
        ];
        for &(text, start, want) in cases {
            assert_eq!(ends(text, start), want, "{text:?}");
        }
    }

    #[test]
    fn candidates_stop_after_a_bounded_walk() {
        // One sentence of 10,000 words: the walk stops after MAX_TOKENS
        // tokens without a boundary, so there is no candidate (and the
        // tagger's end stays); a boundary within reach is one.
        let text = format!("He said {}.", "word ".repeat(10_000));
        assert!(ends(&text, "word").is_empty());
        let text = format!(
            "He said {}, {}.",
            "word ".repeat(100),
            "word ".repeat(10_000)
        );
        let got = ends(&text, "word");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].split(' ').count(), 100);
    }

    #[test]
    fn a_scorer_file_is_checked() {
        assert!(EndScorer::from_bytes(b"").is_none());
        assert!(EndScorer::from_bytes(b"CLS1\x08").is_none(), "too short");
        let mut ok = b"CLS1\x08".to_vec();
        ok.extend([0u8; 256]);
        assert!(EndScorer::from_bytes(&ok).is_some());
        ok[0] = b'X';
        assert!(EndScorer::from_bytes(&ok).is_none(), "bad magic");
        assert!(builtin().is_some(), "the shipped models/spans.bin loads");
    }

    #[test]
    fn the_tagger_end_stays_unless_another_is_clearly_better() {
        let text = "The mayor said the bridge would reopen, and the council agreed.";
        let doc = Doc::new(text);
        let table = TokenTable::new(&doc, true);
        let lex = CueLexicon::builtin();
        let cx = Ctx {
            doc: &doc,
            table: &table,
            lex: &lex,
        };
        let a = doc.token_at(text.find("the bridge").unwrap());
        let reopen = doc.token_at(text.find("reopen").unwrap());
        // A zero scorer: every candidate scores the same, the tagger's end stays;
        // an end that is no candidate (mid-phrase) gives way to the first best.
        let zero = EndScorer {
            bits: 8,
            weights: vec![0; 256],
        };
        assert_eq!(zero.choose(&cx, a, reopen), reopen);
        assert_eq!(zero.choose(&cx, a, reopen - 1), reopen);
    }
}
