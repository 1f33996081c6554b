//! Training the learned models from JSON Lines corpora.
//!
//! Corpus lines look like `{"id","text","spans":[{"start","end","label","type"}],
//! "extra_spans":[…]}` with code-point offsets. Training is deterministic: the
//! order of examples is shuffled with a fixed seed and nothing depends on hash
//! map iteration order.

use crate::actors::{self, ActorLexicon, DocContext, LABELS};
use crate::model::{Rng, Sequence, Trainer};
use crate::text::Doc;
use serde::Deserialize;

#[derive(Deserialize)]
struct GoldSpan {
    start: usize,
    end: usize,
    label: String,
    #[serde(default, rename = "type")]
    ty: Option<String>,
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
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 12,
            bits: 16,
            seed: 0x5eed_c1a1,
        }
    }
}

/// Trains the actor tagger on a CoNLL-style corpus; returns the model bytes.
///
/// `log` receives one progress line per epoch.
pub fn train_actors(
    corpus: &str,
    opts: &Options,
    mut log: impl FnMut(&str),
) -> Result<Vec<u8>, String> {
    let lex = ActorLexicon::builtin_without_model();
    let mut examples: Vec<(Sequence, Vec<usize>)> = Vec::new();
    let mut misaligned = 0usize;
    for (n, line) in corpus.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let gold: GoldDoc =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let text = gold.text.as_str();
        let map = cp_to_byte(text);
        let doc = Doc::new(text);
        let norm = crate::lexicon::Norm::new(&doc);
        let ctx = DocContext::new(&doc, &norm, &lex);
        let mut labels = vec![0usize; doc.tokens.len()];
        for s in gold.spans.iter().chain(&gold.extra_spans) {
            let ty = match (s.label.as_str(), s.ty.as_deref()) {
                ("ACTOR", Some(t @ ("PER" | "ORG" | "LOC"))) => t,
                ("MISC", _) => "MISC",
                _ => continue,
            };
            let (Some(&bs), Some(&be)) = (map.get(s.start), map.get(s.end)) else {
                continue;
            };
            let b = LABELS.iter().position(|l| *l == format!("B-{ty}")).unwrap();
            let mut first = true;
            for (i, t) in doc.tokens.iter().enumerate() {
                if t.span.start >= bs && t.span.end <= be {
                    labels[i] = if first { b } else { b + 1 };
                    first = false;
                } else if t.span.start < be && bs < t.span.end {
                    misaligned += 1;
                }
            }
        }
        for s in &doc.sentences {
            let mut seq = Sequence::default();
            actors::features(&doc, &norm, &ctx, s, &mut seq);
            examples.push((seq, labels[s.first..s.last].to_vec()));
        }
    }
    log(&format!(
        "{} sentences, {} tokens, {misaligned} tokens cross a gold span boundary",
        examples.len(),
        examples.iter().map(|e| e.1.len()).sum::<usize>()
    ));
    let mut trainer = Trainer::new(LABELS.iter().map(|s| s.to_string()).collect(), opts.bits);
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0;
        let mut tokens = 0;
        for &k in &order {
            let (seq, gold) = &examples[k];
            errors += trainer.learn(seq, gold);
            tokens += gold.len();
        }
        log(&format!(
            "epoch {}: {:.2}% token errors",
            epoch + 1,
            100.0 * errors as f64 / tokens.max(1) as f64
        ));
    }
    Ok(trainer.finish().to_bytes())
}
