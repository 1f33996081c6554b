//! Training the learned models from JSON Lines corpora.
//!
//! Corpus lines look like `{"id","text","spans":[{"start","end","label","type"}],
//! "extra_spans":[…]}` with code-point offsets. Training is deterministic: the
//! order of examples is shuffled with a fixed seed and nothing depends on hash
//! map iteration order.

use crate::actors::{self, ActorLexicon, DocContext, DocTags, LABELS};
use crate::claims::{self, CueLexicon};
use crate::error::Error;
use crate::model::{Decoder, Rng, Sequence, Tagger, Trainer};
use crate::text::{Doc, TokenTable};
use serde::Deserialize;

#[derive(Deserialize)]
struct GoldSpan {
    start: usize,
    end: usize,
    label: String,
    #[serde(default, rename = "type")]
    ty: Option<String>,
    #[serde(default)]
    attribution: Option<String>,
}

#[derive(Deserialize)]
struct GoldDoc {
    text: String,
    #[serde(default)]
    spans: Vec<GoldSpan>,
    #[serde(default)]
    extra_spans: Vec<GoldSpan>,
}

/// Code-point offsets → byte offsets (index = code point).
fn cp_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Training options.
#[derive(Clone, Debug)]
pub struct Options {
    /// Passes over the data.
    pub epochs: usize,
    /// Hash buckets are `2^bits`.
    pub bits: u32,
    /// Shuffle seed.
    pub seed: u64,
    /// Quantized weights below this magnitude are dropped (pruning: a smaller file).
    pub prune: i8,
    /// How the tagger decodes (and so how it is trained).
    pub decoder: Decoder,
}

impl Default for Options {
    fn default() -> Self {
        Options::for_task("actors")
    }
}

impl Options {
    /// The options that train the shipped model of `task` (`actors` or `claims`).
    pub fn for_task(task: &str) -> Options {
        match task {
            "spans" => Options {
                epochs: 5,
                bits: 12,
                seed: 0x5eed_c1a1,
                prune: 2,
                decoder: Decoder::Viterbi,
            },
            "claims" => Options {
                epochs: 8,
                bits: 15,
                seed: 0x5eed_c1a1,
                prune: 3,
                decoder: Decoder::Viterbi,
            },
            _ => Options {
                epochs: 12,
                bits: 16,
                seed: 0x5eed_c1a1,
                prune: 8,
                decoder: Decoder::Viterbi,
            },
        }
    }
}

/// Reads a JSON Lines corpus and hands each document to `each` with its
/// tokens' BIO labels: the tokens inside a span for which `label_of` gives
/// `Some(b)` get `b` (the first) and `b + 1` (the rest); others get 0.
/// `extra` also reads `extra_spans`. Returns how many tokens cross a gold
/// span boundary (they stay unlabelled).
fn labelled_docs(
    corpus: &str,
    extra: bool,
    label_of: impl Fn(&GoldSpan) -> Option<usize>,
    mut each: impl FnMut(&Doc, Vec<usize>),
) -> Result<usize, Error> {
    let mut misaligned = 0usize;
    for (n, line) in corpus.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let gold: GoldDoc = serde_json::from_str(line).map_err(|e| Error::Corpus {
            line: n + 1,
            message: e.to_string(),
        })?;
        let text = gold.text.as_str();
        let map = cp_to_byte(text);
        let doc = Doc::new(text);
        let mut labels = vec![0usize; doc.tokens.len()];
        let extra_spans: &[GoldSpan] = if extra { &gold.extra_spans } else { &[] };
        for s in gold.spans.iter().chain(extra_spans) {
            let Some(b) = label_of(s) else { continue };
            let (Some(&bs), Some(&be)) = (map.get(s.start), map.get(s.end)) else {
                continue;
            };
            let mut first = true;
            for (i, t) in doc.tokens.iter().enumerate().skip(doc.token_at(bs)) {
                if t.span.start >= be {
                    break;
                }
                if t.span.start >= bs && t.span.end <= be {
                    labels[i] = if first { b } else { b + 1 };
                    first = false;
                } else {
                    misaligned += 1;
                }
            }
        }
        each(&doc, labels);
    }
    Ok(misaligned)
}

/// Trains the actor tagger on a CoNLL-style corpus; returns the model bytes.
///
/// The model serves both passes of the actor layer, so every sentence is an
/// example twice: with the first-pass features only, and with the document
/// features of the second pass computed from a first
/// pass by a model trained on the other four of five folds of documents.
/// `log` receives one progress line per fold and per epoch.
pub fn train_actors(
    corpus: &str,
    opts: &Options,
    mut log: impl FnMut(&str),
) -> Result<Vec<u8>, Error> {
    let lex = ActorLexicon::builtin_without_model();
    let label_of = |s: &GoldSpan| {
        let ty = match (s.label.as_str(), s.ty.as_deref()) {
            ("ACTOR", Some(t @ ("PER" | "ORG" | "LOC"))) => t,
            ("MISC", _) => "MISC",
            _ => return None,
        };
        LABELS.iter().position(|l| *l == format!("B-{ty}"))
    };
    let mut docs: Vec<(String, Vec<usize>)> = Vec::new();
    let misaligned = labelled_docs(corpus, true, label_of, |doc, labels| {
        docs.push((doc.text.to_string(), labels));
    })?;
    // First-pass examples, one list per document.
    let mut first: Vec<Vec<(Sequence, Vec<usize>)>> = Vec::with_capacity(docs.len());
    for (text, labels) in &docs {
        let doc = Doc::new(text);
        let table = TokenTable::new(&doc, true);
        let ctx = DocContext::new(&doc, &table, &lex);
        first.push(
            doc.sentences
                .iter()
                .map(|s| {
                    let mut seq = Sequence::default();
                    actors::features(&doc, &table, &ctx, s, &mut seq);
                    (seq, labels[s.first..s.last].to_vec())
                })
                .collect(),
        );
    }
    log(&format!(
        "{} documents, {} sentences, {} tokens, {misaligned} tokens cross a gold span boundary",
        docs.len(),
        first.iter().map(Vec::len).sum::<usize>(),
        first.iter().flatten().map(|e| e.1.len()).sum::<usize>()
    ));
    // Second-pass examples: the first pass of each document comes from a
    // model trained without it (jackknifing), so that the second pass learns
    // how far to trust a first pass as good as the one it will see.
    let mut examples: Vec<(Sequence, Vec<usize>)> = Vec::new();
    let mut second: Vec<Vec<(Sequence, Vec<usize>)>> =
        (0..docs.len()).map(|_| Vec::new()).collect();
    for fold in 0..FOLDS {
        let train: Vec<(Sequence, Vec<usize>)> = first
            .iter()
            .enumerate()
            .filter(|(d, _)| d % FOLDS != fold)
            .flat_map(|(_, ex)| ex.iter().cloned())
            .collect();
        let tagger = fit(&train, &LABELS, opts, &mut |_: &str| {});
        for d in (fold..docs.len()).step_by(FOLDS) {
            let (text, labels) = &docs[d];
            let doc = Doc::new(text);
            let table = TokenTable::new(&doc, true);
            let ctx = DocContext::new(&doc, &table, &lex);
            let mut flat = vec![0usize; doc.tokens.len()];
            for (s, (seq, _)) in doc.sentences.iter().zip(&first[d]) {
                let pred = tagger.viterbi(
                    seq.len(),
                    |i| seq.words[i],
                    |i| seq.skip[i],
                    |i, out| out.extend_from_slice(seq.token(i)),
                );
                flat[s.first..s.last].copy_from_slice(&pred);
            }
            let tags = DocTags::new(&doc, &table, &flat);
            for s in &doc.sentences {
                let mut seq = Sequence::default();
                actors::features2(&doc, &table, &ctx, &tags, s, &mut seq);
                second[d].push((seq, labels[s.first..s.last].to_vec()));
            }
        }
        log(&format!("first-pass fold {} of {FOLDS}", fold + 1));
    }
    for (a, b) in first.into_iter().zip(second) {
        examples.extend(a);
        examples.extend(b);
    }
    Ok(fit(&examples, &LABELS, opts, &mut log).to_bytes())
}

/// Folds of the jackknifed first pass ([`train_actors`]).
const FOLDS: usize = 5;

/// The perceptron epochs over `examples`, shuffled with the options' seed.
fn fit(
    examples: &[(Sequence, Vec<usize>)],
    labels: &[&str],
    opts: &Options,
    log: &mut impl FnMut(&str),
) -> Tagger {
    let labels = labels.iter().map(|s| s.to_string()).collect();
    let decoder = opts.decoder;
    let mut trainer = Trainer::with_decoder(labels, opts.bits, decoder);
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0;
        let mut tokens = 0;
        for &k in &order {
            let (seq, gold) = &examples[k];
            errors += match decoder {
                Decoder::Greedy => trainer.learn(seq, gold),
                Decoder::Viterbi => trainer.learn_viterbi(seq, gold),
            };
            tokens += gold.len();
        }
        log(&format!(
            "epoch {}: {:.2}% token errors",
            epoch + 1,
            100.0 * errors as f64 / tokens.max(1) as f64
        ));
    }
    let mut tagger = trainer.finish();
    tagger.prune(opts.prune);
    tagger
}

/// Trains the claims tagger on a PolNeAR-style corpus (`CLAIM_SOURCE`,
/// `CLAIM_CUE`, `CLAIM_CONTENT` spans); returns the model bytes.
///
/// The hand-written claims layer runs on every document first: its claims
/// are features of the tagger.
pub fn train_claims(
    corpus: &str,
    opts: &Options,
    mut log: impl FnMut(&str),
) -> Result<Vec<u8>, Error> {
    let lex = CueLexicon::builtin();
    let mut examples: Vec<(Sequence, Vec<usize>)> = Vec::new();
    let label_of = |s: &GoldSpan| match s.label.as_str() {
        "CLAIM_SOURCE" => Some(1),
        "CLAIM_CUE" => Some(3),
        "CLAIM_CONTENT" => Some(5),
        _ => None,
    };
    let misaligned = labelled_docs(corpus, false, label_of, |doc, labels| {
        let table = TokenTable::new(doc, true);
        let rules = claims::find_by_rules(doc, &table, &lex);
        let cf = claims::ClaimFeatures::new(doc, &table, &lex, &rules);
        for (lo, hi) in claims::sequences(doc) {
            let mut seq = Sequence::default();
            claims::features(&cf, lo, hi, &mut seq);
            examples.push((seq, labels[lo..hi].to_vec()));
        }
    })?;
    log(&format!(
        "{} paragraphs, {} tokens, {misaligned} tokens cross a gold span boundary",
        examples.len(),
        examples.iter().map(|e| e.1.len()).sum::<usize>()
    ));
    Ok(fit(&examples, &claims::LABELS, opts, &mut log).to_bytes())
}

/// Trains the content-end scorer (`models/spans.bin`) on a PolNeAR-style
/// corpus: for each gold content that follows its cue (same `attribution`),
/// the gold end is ranked against the other candidate boundaries
/// ([`crate::claims`]'s span candidates) by an averaged perceptron over
/// hashed features; the averaged weights are scaled to `i8` (the largest
/// maps to 127) and those below `prune` are zeroed. Returns the model bytes.
pub fn train_spans(
    corpus: &str,
    opts: &Options,
    mut log: impl FnMut(&str),
) -> Result<Vec<u8>, Error> {
    let lex = CueLexicon::builtin();
    let mut examples: Vec<(Vec<Vec<u64>>, usize)> = Vec::new();
    let mut contents = 0usize;
    for (n, line) in corpus.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let gold: GoldDoc = serde_json::from_str(line).map_err(|e| Error::Corpus {
            line: n + 1,
            message: e.to_string(),
        })?;
        let text = gold.text.as_str();
        let map = cp_to_byte(text);
        let doc = Doc::new(text);
        let table = TokenTable::new(&doc, true);
        // The end of each attribution's cue (byte offset).
        let mut cue_end: Vec<(&str, usize)> = Vec::new();
        for s in gold.spans.iter().filter(|s| s.label == "CLAIM_CUE") {
            let (Some(att), Some(&be)) = (s.attribution.as_deref(), map.get(s.end)) else {
                continue;
            };
            match cue_end.iter_mut().find(|x| x.0 == att) {
                Some(x) => x.1 = x.1.max(be),
                None => cue_end.push((att, be)),
            }
        }
        let mut golds = Vec::new();
        for s in gold.spans.iter().filter(|s| s.label == "CLAIM_CONTENT") {
            let Some(att) = s.attribution.as_deref() else {
                continue;
            };
            let Some(&(_, ce)) = cue_end.iter().find(|x| x.0 == att) else {
                continue;
            };
            let (Some(&bs), Some(&be)) = (map.get(s.start), map.get(s.end)) else {
                continue;
            };
            if bs < ce {
                continue;
            }
            contents += 1;
            let a = doc.token_at(bs);
            let e1 = doc.token_at(be);
            if a >= doc.tokens.len() || doc.tokens[a].span.start != bs || e1 <= a {
                continue;
            }
            if doc.tokens[e1 - 1].span.end != be {
                continue;
            }
            golds.push((a, e1 - 1));
        }
        claims::span_examples(&doc, &table, &lex, &golds, &mut examples);
    }
    log(&format!(
        "{contents} contents after their cue, {} with their end among the candidates",
        examples.len()
    ));
    let bits = opts.bits;
    let size = 1usize << bits;
    let shift = 64 - bits;
    let (mut w, mut u) = (vec![0i64; size], vec![0i64; size]);
    let mut c = 1i64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = crate::model::Rng::new(opts.seed);
    for epoch in 1..=opts.epochs {
        rng.shuffle(&mut order);
        let mut wrong = 0usize;
        for &x in &order {
            let (cands, g) = &examples[x];
            let mut best = (i64::MIN, 0usize);
            for (k, f) in cands.iter().enumerate() {
                let s: i64 = f.iter().map(|&h| w[(h >> shift) as usize]).sum();
                if s > best.0 {
                    best = (s, k);
                }
            }
            if best.1 != *g {
                wrong += 1;
                for &h in &cands[*g] {
                    w[(h >> shift) as usize] += 1;
                    u[(h >> shift) as usize] += c;
                }
                for &h in &cands[best.1] {
                    w[(h >> shift) as usize] -= 1;
                    u[(h >> shift) as usize] -= c;
                }
            }
            c += 1;
        }
        log(&format!(
            "epoch {epoch}: {:.2}% wrong ends",
            100.0 * wrong as f64 / examples.len().max(1) as f64
        ));
    }
    let avg: Vec<f64> = (0..size)
        .map(|i| w[i] as f64 - u[i] as f64 / c as f64)
        .collect();
    let max = avg.iter().fold(0f64, |m, &x| m.max(x.abs())).max(1e-9);
    let q: Vec<i8> = avg
        .iter()
        .map(|&x| {
            let v = (x / max * 127.0).round() as i32;
            if v.abs() < opts.prune as i32 {
                0
            } else {
                v as i8
            }
        })
        .collect();
    Ok(claims::EndScorer::new(bits, q).to_bytes())
}
